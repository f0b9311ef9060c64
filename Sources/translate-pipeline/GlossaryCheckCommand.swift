import ArgumentParser
import Foundation
import LocalizationCore

struct GlossaryCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Checks the terms of returned XLIFF files against the glossary.",
        discussion: """
        For each glossary term in a unit's source: the approved translation must be in the \
        target (a declared form, or one the language's stemmer joins with it, counts), a \
        do-not-translate name must stay unchanged, forbidden terms must be absent. Problems are \
        warnings with the unit and the term; `glossary waive` records a waiver that silences one.
        """
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: ArgumentHelp("Returned XLIFF files (1.2 or 2.x).", valueName: "file"))
    var files: [String]

    func run() throws {
        let (store, termbase) = try openGlossary(project)
        var diagnostics: [Diagnostic] = []
        do {
            let waivers = try store.loadWaivers()
            for file in files {
                let document = try XLIFFReader().read(try ProjectFiles.read(URL(fileURLWithPath: file)), file: file)
                guard let locale = document.targetLanguage else {
                    throw CommandFailure(message: "\(file): the job names no target language")
                }
                let check = TermCheck(termbase: termbase, targetLanguage: locale, waivers: waivers)
                for xliffFile in document.files {
                    for unit in xliffFile.units {
                        diagnostics += check.check(unit, file: file)
                    }
                }
            }
        } catch {
            throw Console.fail(error)
        }
        Console.report(diagnostics)
        let warnings = diagnostics.filter { $0.severity >= .warning }.count
        print("\(warnings) term warnings, \(diagnostics.count - warnings) notes")
        throw Console.exitCode(for: diagnostics)
    }
}

struct GlossaryWaiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waive",
        abstract: "Records that a unit may deviate from the glossary for one concept (glossary/waivers.json)."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "The target locale.") var locale: String
    @Option(help: "The unit id, as the warning names it.") var unit: String
    @Option(help: "The concept id, as the warning names it.") var concept: String
    @Option(help: "Why the deviation is right.") var reason: String
    @Option(help: "Who decides.") var by: String

    func validate() throws {
        for (name, value) in [("--reason", reason), ("--by", by), ("--unit", unit)] where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("\(name) must not be empty")
        }
    }

    func run() throws {
        let (store, termbase) = try openGlossary(project)
        guard termbase.concept(concept) != nil else { throw Console.fail(CommandFailure(message: "no concept \"\(concept)\" in \(store.url.path)")) }
        do {
            var waivers = try store.loadWaivers().filter { !($0.locale == locale && $0.unitID == unit && $0.conceptID == concept) }
            let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
            waivers.append(TermWaiver(locale: locale, unitID: unit, conceptID: concept, reason: reason, by: by, date: today))
            try store.saveWaivers(waivers)
            print("waiver recorded in \(store.waiversURL.path)")
        } catch {
            throw Console.fail(error)
        }
    }
}
