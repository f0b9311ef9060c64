import ArgumentParser
import Foundation
import LocalizationCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Imports translators' returned XLIFF files (or folders, or ZIP packages) into the memory.",
        discussion: """
        Each file is archived byte for byte under jobs/received/<sha256>.<ext> before it is read; \
        a file imported before is skipped. Units are matched to the job they were sent in (its id, \
        else locale, page and unit id; files not made from our jobs by page and source text). \
        Refused: unknown units, units of another job, edited sources, broken inline codes, \
        markup, bidi overrides, targets of translate="no" content. Kept aside, never applied: \
        units whose page changed since the job (conflicts) and translations of sentences \
        another translator delivered first (alternatives). Each file is one all-or-nothing \
        change of memory/<locale>.xlf and jobs/state/imports.json; reports go to \
        jobs/reports/<sha256 prefix>.json and .html.

        Exit codes: 0 all imported; 3 done, but units were refused, kept aside or warned about, \
        or some files were refused; 1 nothing imported.
        """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: ArgumentHelp("Returned XLIFF files (1.2 or 2.x), folders of them, or ZIP packages.", valueName: "file"))
    var files: [String]

    @Option(help: "Who translated the files (recorded with every translation).")
    var translator: String?

    @Flag(help: "Print the reports as JSON.")
    var json = false

    @Option(help: ArgumentHelp("The date recorded for the import (ISO 8601), for reproducible runs; default now or TRANSLATE_PIPELINE_NOW.", visibility: .hidden))
    var now: String?

    @Option(help: "Seconds to wait for another run or import to finish before giving up.")
    var lockTimeout: Double?

    @Option(help: ArgumentHelp("The target locale of files that do not name one (translate-toolkit's po2xliff writes none).", valueName: "locale"))
    var locale: String?

    func validate() throws {
        if let translator, translator.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || (0x202A ... 0x202E).contains($0.value) }) {
            throw ValidationError("--translator must not contain control characters")
        }
    }

    func run() throws {
        let date = now ?? ProcessInfo.processInfo.environment["TRANSLATE_PIPELINE_NOW"] ?? ISO8601DateFormatter().string(from: Date())
        var importer = Importer(project: try options.open(), translator: translator, now: date)
        importer.lockTimeout = lockTimeout
        importer.defaultLocale = locale
        let reports: [ImportReport]
        do {
            reports = try importer.importPaths(files)
        } catch {
            throw Console.fail(error)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(reports), as: UTF8.self))
        } else {
            for report in reports {
                Console.report(report.diagnostics.filter { $0.severity >= .warning })
                print(report.summary)
                if report.hasProblems, let html = report.reportFiles.last { print("  report: \(html)") }
            }
        }
        if !reports.isEmpty, reports.allSatisfy({ $0.outcome == .refused }) { throw ExitCode.failure }
        if reports.contains(where: \.hasProblems) { throw ExitCode(3) }
    }
}
