import Foundation
import Testing
@testable import LocalizationCore

@Suite("Dashboard: terminal summary and progress")
struct RunSummaryTests {
    @Test func tellsTheWholeStoryOnOneScreen() {
        let lines = RunSummary.lines(SampleRun.report())
        #expect(lines.first == "4 pages, 120 units, 1480 words")
        #expect(lines.contains("  changes  1 page added, 2 edited, 0 removed, 1 unchanged; units: 2 added, 1 edited, 0 reordered, 1 moved, 0 retired"))
        #expect(lines.contains("  inbox    ar      inbox/ar.xlf  imported: 31 accepted, 2 refused, 1 conflicts, 0 alternatives  (jobs/reports/3f9a1c.html)"))
        #expect(lines.contains("  job      fa      jobs/outgoing/fa.xlf  (12 units, 140 words; replaces 1 unit of earlier jobs)"))
        #expect(lines.contains("  job      ar      jobs/outgoing/ar.xlf  (10 units, 120 words)"))
        #expect(lines.contains("  pending  ar      job ar-0001  jobs/outgoing/ar.xlf  4 units, 52 words with translators (1 superseded)"))
        #expect(lines.contains("  pages    ar      site/ar/  4 pages, 3 published, 1 German with notice, 2 written"))
        #expect(lines.contains("  pages    fa      site/fa/  4 pages, 1 published, 3 German with notice, 4 written"))
        #expect(lines.contains("    ar      3/40         0/0          2/25         0/0          0/0          5/55         0/0          10/120"))
        #expect(lines.contains("  qa       1 error, 1 warning on returned work"))
        #expect(lines.contains("  terms    3 glossary terms awaiting review (ar 2, fa 1)"))
        #expect(lines.contains("  dashboard jobs/reports/dashboard.html"))
        #expect(lines.last == "  1 error, 1 warning")
        // Pending work in all, then the earlier jobs (the ones written now are listed above).
        #expect(lines.contains("  pending  312 words (26 units) with translators in 3 jobs"))
        #expect(!lines.contains { $0.contains("job ar-0002") || $0.contains("job fa-0002") })
        // A small site gets a table of pages by locale, sorted, whatever order the run found them in.
        var shuffled = SampleRun.report()
        shuffled.coverage?.entries.reverse()
        let table = Array(RunSummary.lines(shuffled).drop { !$0.hasPrefix("  coverage per page") }.prefix(6))
        #expect(table == [
            "  coverage per page and locale (* below the threshold: published in German with a notice)",
            "    page                                      ar    fa",
            "    aktuelles/<script>alert(1)</script>.html  60%*  -",
            "    index.html                                100%  60%*",
            "    wir-2-0.html                              -     13%*",
            "    مجلس-الاندماج.html                        -     60%*",
        ])
    }

    @Test func aLargeSiteGetsCoveragePerLocaleNotPerPage() {
        var report = SampleRun.report()
        report.coverage = CoverageReport(entries: (0 ..< 10_000).flatMap { index in
            ["ar", "fa"].map { CoverageReport.Entry(page: "seite-\(index).html", locale: $0, units: 10, reviewed: 10, threshold: 0.8, published: true) }
        })
        let lines = RunSummary.lines(report)
        #expect(lines.count < 40)
        #expect(lines.contains("  coverage per locale (10000 pages; per page in the dashboard)"))
        #expect(lines.contains("    locale  units  reviewed  translated  auto  pending  coverage  published  held"))
        #expect(lines.contains("    fa      120    10        20          10    80       33%       1          3"))
    }

    @Test func saysWhenThereIsNoNewWork() {
        var report = RunReport()
        report.pages = 3
        report.changes.pagesUnchanged = 3
        #expect(RunSummary.lines(report) == [
            "3 pages, 0 units, 0 words",
            "  changes  none: no German page changed since the last run",
            "  jobs     no new work for translators",
            "  no errors, no warnings",
        ])
    }

    @Test func exitStatusSaysHowTheRunWent() {
        var report = RunReport()
        #expect(RunSummary.exitStatus(for: report) == 0)
        report.diagnostics = [Diagnostic(.note, file: "a.html", "note")]
        #expect(RunSummary.exitStatus(for: report) == 0)
        report.qaFindings = [.init(file: "ar.xlf", page: "index.html", unitID: "u1", check: "whitespace", severity: "warning", message: "doppeltes Leerzeichen")]
        #expect(RunSummary.exitStatus(for: report) == 2)
        report.qaFindings = []
        report.diagnostics.append(Diagnostic(.warning, file: "a.html", "warning"))
        #expect(RunSummary.exitStatus(for: report) == 2)
        report.diagnostics.append(Diagnostic(.error, file: "a.html", "error"))
        #expect(RunSummary.exitStatus(for: report) == 3)
        report.diagnostics = []
        report.qaFindings = [.init(file: "ar.xlf", page: "index.html", unitID: "u1", check: "numbers", severity: "error", message: "Zahl fehlt")]
        #expect(RunSummary.exitStatus(for: report) == 3)
    }

    @Test func plainProgressPrintsPhaseStartsAndTenthsOfLongPhases() {
        var plain = PlainProgress()
        var lines: [String] = []
        func feed(_ phase: RunProgress.Phase, _ total: Int) {
            for done in 0 ... total {
                if let line = plain.line(for: RunProgress(phase: phase, done: done, total: total)) { lines.append(line) }
            }
        }
        feed(.scanning, 10_000)
        feed(.leveraging, 12)
        feed(.assembling, 80_000)
        #expect(lines == ["scanning pages: 0/10000"] + (1 ... 10).map { "scanning pages: \($0 * 1_000)/10000" }
            + ["assembling pages: 0/80000"] + (1 ... 10).map { "assembling pages: \($0 * 8_000)/80000" })
        // A phase without a count is one line.
        #expect(plain.line(for: RunProgress(phase: .reporting, done: 0, total: 0)) == "writing reports")
        #expect(plain.line(for: RunProgress(phase: .reporting, done: 0, total: 0)) == nil)
    }

    @Test func progressBarFillsWithTheShareDone() {
        let half = RunProgress(phase: .assembling, done: 406, total: 812).bar(width: 10)
        #expect(half == "assembling pages          [#####·····]  406/812")
        #expect(RunProgress(phase: .importing, done: 3, total: 3).bar(width: 4) == "importing returned files  [####]  3/3")
        #expect(RunProgress(phase: .reporting, done: 0, total: 0).bar(width: 4) == "writing reports           [····]")
        // Every phase's bar starts at the same column.
        let columns = Set(RunProgress.Phase.allCases.map { phase in
            let bar = RunProgress(phase: phase, done: 0, total: 1).bar()
            return bar.distance(from: bar.startIndex, to: bar.firstIndex(of: "[")!)
        })
        #expect(columns.count == 1)
    }
}
