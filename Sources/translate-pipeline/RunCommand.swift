import ArgumentParser
import Foundation
import LocalizationCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Runs the project: extracts every page, writes jobs, assembles the localized site and pseudo-locales.",
        discussion: """
        Reads translate-pipeline.json (all settings have defaults), extracts every page of the \
        content folder, writes one XLIFF job per target locale to jobs/outgoing/, assembles every \
        page in every locale defined in locales/ (translations from memory/, ICU formatting, \
        bidi isolation, publish gate) and merges pseudo-translations into the output folder \
        (site/<locale>/ by default), then prints a coverage table per page and locale.
        """
    )

    @OptionGroup var options: ProjectOptions

    @Flag(help: "Print the report as JSON (pages, jobs, outputs, analysis per locale, diagnostics).")
    var json = false

    func run() throws {
        let report: BatchRun.Report
        do {
            report = try BatchRun(project: try options.open()).run()
        } catch {
            throw Console.fail(error)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            throw Console.exitCode(for: report.diagnostics)
        }
        Console.report(report.diagnostics)
        print("\(report.pages) pages, \(report.units) units, \(report.words) words")
        for job in report.jobs {
            print("  job    \(job.locale.padding(8))\(job.path)  (\(job.units) units, \(job.words) words)")
        }
        if !report.analyses.isEmpty {
            print("  analysis (segments / words)")
            let bands = Analysis.Band.allCases
            print("    " + "locale".padding(8) + bands.map { $0.rawValue.padding(13) }.joined() + "total")
            for analysis in report.analyses {
                let cells = bands.map { band -> String in
                    let count = analysis.bands[band] ?? Analysis.Count()
                    return "\(count.segments)/\(count.words)".padding(13)
                }
                print("    " + analysis.locale.padding(8) + cells.joined() + "\(analysis.total.segments)/\(analysis.total.words)")
            }
        }
        for output in report.outputs {
            print("  pages  \(output.locale.padding(8))\(output.folder)/  (\(output.pages) pages, \(output.translatedUnits) units translated)")
        }
        if let coverage = report.coverage, !coverage.entries.isEmpty {
            print("  coverage (units; a page is published when its coverage meets the locale's threshold)")
            print(coverage.table().split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        }
        throw Console.exitCode(for: report.diagnostics)
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
