import ArgumentParser
import Foundation
import LocalizationCore

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The content team's command: imports returned files, sends new work to translators, publishes every page in every locale.",
        discussion: """
        Reads translate-pipeline.json (all settings have defaults). Imports the files \
        translators dropped in jobs/inbox/, finds the pages of the content folder that changed \
        since the last run (content hashes), writes a delta job per target locale to \
        jobs/outgoing/<locale>-NNNN.xlf with only the units that need a translator and are not \
        already out with one, assembles every changed page in every locale defined in locales/ \
        (translations from memory/, ICU formatting, bidi isolation, publish gate) and in the \
        pseudo-locales, and writes the dashboard jobs/reports/dashboard.html. A rerun with \
        nothing changed writes nothing.

        Exit codes: 0 success; 2 done, with warnings; 3 done, but some pages or units had \
        errors (see the messages); 1 failure.
        """
    )

    @OptionGroup var options: ProjectOptions

    @Flag(help: "Print the report as JSON (changes, jobs, outputs, coverage, analysis per locale, diagnostics).")
    var json = false

    @Flag(help: "Print only errors and warnings.")
    var quiet = false

    @Flag(help: "Say what the run would do; write nothing.")
    var dryRun = false

    @Option(help: "Who translated the files in the inbox (recorded with every translation).")
    var translator: String?

    @Option(help: ArgumentHelp("The date recorded for inbox imports (ISO 8601); default now or TRANSLATE_PIPELINE_NOW.", visibility: .hidden))
    var now: String?

    func run() async throws {
        let console = RunConsole(quiet: quiet, json: json)
        let report: RunReport
        do {
            let date = now ?? ProcessInfo.processInfo.environment["TRANSLATE_PIPELINE_NOW"]
            report = try await BatchRun(project: try options.open())
                .run(.init(dryRun: dryRun, now: date, translator: translator)) { console.progress($0) }
        } catch {
            console.finishProgress()
            throw Console.fail(error)
        }
        throw console.finish(report)
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
