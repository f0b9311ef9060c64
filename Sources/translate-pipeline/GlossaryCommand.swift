import ArgumentParser
import Foundation
import LocalizationCore

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Finds, exports, imports and reviews the terms of the project's glossary.",
        discussion: """
        The glossary is glossary/termbase.tbx (TBX-Basic): concepts with a German definition and \
        terms per language, each with its status and the review decisions of community \
        organisations. German terms are found in every form: inflected, inside compounds, \
        hyphenated, in gender forms, as abbreviations.
        """,
        subcommands: [GlossaryMatchCommand.self, GlossaryExportCommand.self, GlossaryImportCommand.self, GlossaryReviewCommand.self, GlossaryCheckCommand.self, GlossaryWaiveCommand.self]
    )
}

/// The project's glossary store and termbase, or a failure that names the file.
func openGlossary(_ options: ProjectOptions) throws -> (store: GlossaryStore, termbase: Termbase) {
    let store = GlossaryStore(project: try options.open())
    do {
        return (store, try store.load())
    } catch {
        throw Console.fail(error)
    }
}

struct GlossaryMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Prints the glossary terms found in each line of standard input."
    )

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Print JSON, one object per input line.")
    var json = false

    func run() throws {
        let termbase = try openGlossary(project).termbase
        let recognizer = TermRecognizer(termbase: termbase, language: termbase.sourceLanguage)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            let hits = recognizer.hits(in: line)
            if json {
                print(String(decoding: try encoder.encode(MatchLine(line: number, text: line, hits: hits)), as: UTF8.self))
            } else {
                for hit in hits {
                    let status = hit.status == .preferred ? "" : "  [\(hit.status.rawValue)]"
                    print("\(number):\(hit.start)-\(hit.end)\t\(hit.conceptID)\t\(hit.term)\t\(hit.surface)\(status)")
                }
            }
        }
    }

    /// The JSON shape of `glossary match --json`: offsets in Unicode scalars of the line.
    struct MatchLine: Encodable {
        var line: Int
        var text: String
        var hits: [TermRecognizer.Hit]
    }
}

struct GlossaryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Writes the glossary as TBX-Basic or as a CSV sheet for spreadsheet programs."
    )

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Write TBX v3 (TBX-Basic), for CAT tools and termbase systems.")
    var tbx = false

    @Flag(help: "Write CSV (UTF-8 with BOM), one row per term, for spreadsheet programs.")
    var csv = false

    @Option(name: .short, help: ArgumentHelp("Where to write the file.", valueName: "file"))
    var output: String

    func validate() throws {
        guard tbx != csv else { throw ValidationError("give exactly one of --tbx and --csv") }
    }

    func run() throws {
        let termbase = try openGlossary(project).termbase
        let bytes = tbx ? Array(TBXWriter().write(termbase).utf8) : GlossaryCSV.write(termbase)
        do {
            try ProjectFiles.writeAtomically(bytes, to: URL(fileURLWithPath: output))
        } catch {
            throw Console.fail(error)
        }
        print("\(termbase.concepts.count) concepts → \(output)")
    }
}

struct GlossaryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Adds or replaces concepts from a CSV sheet, a TBX v3 or a TBX 2008 (martif) file.",
        discussion: "Concepts are matched by id: a concept in the file replaces the glossary's concept with that id; others are added."
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: ArgumentHelp("A .csv or .tbx file.", valueName: "file"))
    var file: String

    func run() throws {
        let (store, termbase) = try openGlossary(project)
        var updated = termbase
        var diagnostics: [Diagnostic] = []
        defer { Console.report(diagnostics) }
        do {
            let imported = try GlossaryStore.readExchangeFile(URL(fileURLWithPath: file), sourceLanguage: termbase.sourceLanguage, diagnostics: &diagnostics)
            if termbase.concepts.isEmpty { updated.title = imported.title }
            let counts = updated.merge(imported)
            try store.save(updated)
            print("\(file): \(counts.added) concepts added, \(counts.replaced) replaced → \(store.url.path) (\(updated.concepts.count) concepts)")
        } catch {
            throw Console.fail(error)
        }
    }
}
