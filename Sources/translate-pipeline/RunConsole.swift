import ArgumentParser
import Foundation
import LocalizationCore

/// Placeholder terminal view of a run, replaced by the full console (progress bar, summary).
final class RunConsole: @unchecked Sendable {
    let quiet: Bool

    init(quiet: Bool) {
        self.quiet = quiet
    }

    func progress(_ progress: RunProgress) {}

    func finishProgress() {}

    func summary(_ report: RunReport) {
        Console.report(report.diagnostics)
        print("\(report.pages) pages, \(report.units) units, \(report.words) words")
        for job in report.jobs {
            print("  job    \(job.locale.padding(8))\(job.path)  (\(job.units) units, \(job.words) words)")
        }
        for output in report.outputs {
            print("  pages  \(output.locale.padding(8))\(output.folder)/  (\(output.pages) pages, \(output.translatedUnits) units translated, \(output.pagesWritten) written)")
        }
    }

    static func exitCode(for report: RunReport) -> ExitCode {
        if report.diagnostics.contains(where: { $0.severity == .error }) { return ExitCode(3) }
        if report.diagnostics.contains(where: { $0.severity == .warning }) { return ExitCode(2) }
        return .success
    }
}
