import ArgumentParser
import Foundation
import LocalizationCore

struct GlossaryReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review by organisations: a sheet to read (HTML) and one to fill in (CSV), and applying the decisions.",
        subcommands: [GlossaryReviewSheetCommand.self, GlossaryReviewImportCommand.self]
    )
}

struct GlossaryReviewSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Writes review-<locale>.html and review-<locale>.csv for one language and one organisation.",
        discussion: "The HTML page lists each concept with its definition, the current translations, their status and review history, and every sentence of the content where the term occurs."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The language to review (BCP 47), e.g. ar.", valueName: "locale"))
    var language: String

    @Option(help: "The organisation that reviews (recorded with each decision).")
    var organisation: String

    @Option(name: .short, help: ArgumentHelp("The folder to write the two files to.", valueName: "dir"))
    var output: String

    func validate() throws {
        guard !organisation.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--organisation must not be empty") }
    }

    func run() throws {
        let (store, termbase) = try openGlossary(project)
        do {
            let language = try TargetLanguage(self.language)
            let (pages, diagnostics) = try store.extractedPages()
            Console.report(diagnostics)
            let occurrences = TermOccurrences(pages: pages, recognizer: TermRecognizer(termbase: termbase, language: termbase.sourceLanguage),
                                              segmenter: try? Segmenter.shipped(language: termbase.sourceLanguage))
            let sheet = ReviewSheet(termbase: termbase, language: language, organisation: organisation, occurrences: occurrences)
            let name = "review-\(language.tag.lowercased())"
            guard ProjectFiles.isSafeName(name + ".html") else { throw ProjectError.unsafeName(name) }
            let folder = URL(fileURLWithPath: output, isDirectory: true)
            try ProjectFiles.writeAtomically(Array(sheet.html().utf8), to: folder.appendingPathComponent(name + ".html"))
            try ProjectFiles.writeAtomically(sheet.decisionsCSV(), to: folder.appendingPathComponent(name + ".csv"))
            print("\(termbase.concepts.count) concepts → \(folder.appendingPathComponent(name).path).html and .csv")
        } catch {
            throw Console.fail(error)
        }
    }
}

struct GlossaryReviewImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Applies a filled-in review CSV: approvals, rejections (with a reason) and proposed terms, each recorded with who, when and why."
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: ArgumentHelp("The review-<locale>.csv with the decision column filled in.", valueName: "file"))
    var file: String

    @Option(help: "The organisation, for rows that name none.")
    var organisation: String?

    func run() throws {
        let (store, termbase) = try openGlossary(project)
        var updated = termbase
        do {
            let bytes = try ProjectFiles.read(URL(fileURLWithPath: file), limit: 16 << 20)
            let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
            let changes = try ReviewDecisions.apply(bytes, file: file, to: &updated, today: today, organisation: organisation)
            try store.save(updated)
            for change in changes { print(change) }
            print("\(changes.count) decisions recorded in \(store.url.path)")
        } catch {
            throw Console.fail(error)
        }
    }
}
