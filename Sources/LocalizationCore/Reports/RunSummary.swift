/// The terminal's account of a run, on one screen: what changed, what came back from
/// translators, what went out, what is still pending, what each locale published, and where
/// the dashboard is. Pure text, so the command only prints it (and the tests read it).
///
/// ```
/// 3 pages, 41 units, 512 words
///   changes  1 page added, 1 edited, 0 removed, 1 unchanged; units: 6 added, 2 edited, 0 reordered, 1 moved, 0 retired
///   job      ar      jobs/outgoing/ar.xlf  (8 units, 96 words)
///   pending  96 words (8 units) with translators in 1 job
///   pages    ar      site/ar/  3 pages, 2 published, 1 German with notice, 3 written
///   dashboard jobs/reports/dashboard.html
///   no errors, no warnings
/// ```
public enum RunSummary {
    /// How many rows the lists print at most; the per-page coverage table is printed only for
    /// sites of at most `coveragePages` pages (per locale otherwise).
    public struct Limits: Sendable, Hashable {
        public var inboxFiles = 20
        public var openJobs = 20
        public var coveragePages = 20

        public init() {}
    }

    /// The summary, one string per line, without trailing newlines.
    public static func lines(_ report: RunReport, limits: Limits = Limits()) -> [String] {
        var lines: [String] = []
        lines.append("\(report.pages) pages, \(report.units) units, \(report.words) words" + (report.dryRun ? " (dry run: nothing written)" : ""))

        let changes = report.changes
        if changes.isEmpty {
            lines.append("  changes  none: no German page changed since the last run")
        } else {
            let units = RunReport.UnitChange.Kind.allCases.map { "\(changes.count($0)) \($0.rawValue)" }.joined(separator: ", ")
            lines.append("  changes  \(plural(changes.pagesAdded.count, "page")) added, \(changes.pagesEdited.count) edited, "
                + "\(changes.pagesRemoved.count) removed, \(changes.pagesUnchanged) unchanged; units: \(units)")
        }

        for file in report.inbox.prefix(limits.inboxFiles) {
            let locale = (file.locale ?? "").padded(8)
            lines.append("  inbox    \(locale)\(file.file)  \(file.outcome): \(file.accepted) accepted, \(file.refused) refused, "
                + "\(file.conflicts) conflicts, \(file.alternatives) alternatives  (\(file.report))")
        }
        if report.inbox.count > limits.inboxFiles {
            lines.append("  inbox    and \(report.inbox.count - limits.inboxFiles) more files (see the dashboard)")
        }

        if report.jobs.isEmpty {
            lines.append("  jobs     no new work for translators")
        }
        for job in report.jobs.sorted(by: { ($0.locale, $0.path) < ($1.locale, $1.path) }) {
            let superseding = job.superseding > 0 ? "; replaces \(plural(job.superseding, "unit")) of earlier jobs" : ""
            lines.append("  job      \(job.locale.padded(8))\(job.path)  (\(plural(job.units, "unit")), \(plural(job.words, "word"))\(superseding))")
        }

        // Jobs written by this run are pending as a whole; their lines above say so already.
        if !report.openJobs.isEmpty {
            let units = report.openJobs.reduce(0) { $0 + $1.pendingUnits }
            let words = report.openJobs.reduce(0) { $0 + $1.pendingWords }
            lines.append("  pending  \(plural(words, "word")) (\(plural(units, "unit"))) with translators in \(plural(report.openJobs.count, "job"))")
        }
        let written = Set(report.jobs.compactMap(\.jobID))
        let open = report.openJobs.filter { !written.contains($0.jobID) }.sorted { ($0.locale, $0.jobID) < ($1.locale, $1.jobID) }
        for job in open.prefix(limits.openJobs) {
            let superseded = job.supersededUnits > 0 ? " (\(job.supersededUnits) superseded)" : ""
            lines.append("  pending  \(job.locale.padded(8))job \(job.jobID)  \(job.path)  \(plural(job.pendingUnits, "unit")), "
                + "\(plural(job.pendingWords, "word")) with translators\(superseded)")
        }
        if open.count > limits.openJobs {
            let words = open.dropFirst(limits.openJobs).reduce(0) { $0 + $1.pendingWords }
            lines.append("  pending  and \(open.count - limits.openJobs) more open jobs (\(plural(words, "word")))")
        }

        if !report.analyses.isEmpty {
            lines.append("  analysis (segments / words)")
            let bands = Analysis.Band.allCases
            lines.append("    " + "locale".padded(8) + bands.map { $0.rawValue.padded(13) }.joined() + "total")
            for analysis in report.analyses.sorted(by: { $0.locale < $1.locale }) {
                let cells = bands.map { band -> String in
                    let count = analysis.bands[band] ?? Analysis.Count()
                    return "\(count.segments)/\(count.words)".padded(13)
                }
                lines.append("    " + analysis.locale.padded(8) + cells.joined() + "\(analysis.total.segments)/\(analysis.total.words)")
            }
        }

        for output in report.outputs.sorted(by: { $0.locale < $1.locale }) {
            var line = "  pages    \(output.locale.padded(8))\(output.folder)/  \(plural(output.pages, "page"))"
            if let summary = report.locales.first(where: { $0.locale == output.locale }) {
                line += ", \(summary.pagesPublished) published, \(summary.pagesHeld) German with notice"
            }
            line += ", \(output.pagesWritten) written"
            lines.append(line)
        }

        if let coverage = report.coverage, !coverage.entries.isEmpty {
            let pages = Set(coverage.entries.map(\.page)).count
            if pages <= limits.coveragePages {
                lines.append("  coverage per page and locale (* below the threshold: published in German with a notice)")
                lines += pageTable(coverage).map { "    " + $0 }
            } else if !report.locales.isEmpty {
                lines.append("  coverage per locale (\(pages) pages; per page in the dashboard)")
                lines += localeTable(report).map { "    " + $0 }
            }
        }

        let qaErrors = report.qaFindings.count { $0.severity == "error" }
        let qaWarnings = report.qaFindings.count { $0.severity == "warning" }
        if qaErrors + qaWarnings > 0 {
            lines.append("  qa       \(plural(qaErrors, "error")), \(plural(qaWarnings, "warning")) on returned work")
        }
        if !report.glossaryPending.isEmpty {
            let byLocale = Dictionary(grouping: report.glossaryPending, by: \.locale)
            let counts = byLocale.keys.sorted().map { "\($0) \(byLocale[$0]!.count)" }.joined(separator: ", ")
            lines.append("  terms    \(plural(report.glossaryPending.count, "glossary term")) awaiting review (\(counts))")
        }
        if let dashboard = report.dashboard {
            lines.append("  dashboard \(dashboard)")
        }
        lines.append("  " + diagnosticsLine(report.diagnostics))
        return lines
    }

    /// `2 errors, 1 warning` or `no errors, no warnings`.
    public static func diagnosticsLine(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        return (errors == 0 ? "no errors" : plural(errors, "error")) + ", " + (warnings == 0 ? "no warnings" : plural(warnings, "warning"))
    }

    /// The process's exit status for a run that finished: 0 all well; 2 done, with warnings (a
    /// warning diagnostic or QA warning); 3 done, but some pages or units had errors (an error
    /// diagnostic, or returned sentences refused by a QA error). 1 is left to runs that throw.
    public static func exitStatus(for report: RunReport) -> Int32 {
        if report.diagnostics.contains(where: { $0.severity == .error }) || report.qaFindings.contains(where: { $0.severity == "error" }) {
            return 3
        }
        if report.diagnostics.contains(where: { $0.severity == .warning }) || report.qaFindings.contains(where: { $0.severity == "warning" }) {
            return 2
        }
        return 0
    }

    /// Coverage per page (rows) and locale (columns): `45%*` for a page held by the gate.
    static func pageTable(_ coverage: CoverageReport) -> [String] {
        let locales = Set(coverage.entries.map(\.locale)).sorted()
        var cells: [String: [String: String]] = [:]
        for entry in coverage.entries {
            cells[entry.page, default: [:]][entry.locale] = "\(Int((entry.coverage * 100 + 1e-9).rounded(.down)))%" + (entry.published ? "" : "*")
        }
        let rows = cells.keys.sorted().map { page in [page] + locales.map { cells[page]?[$0] ?? "-" } }
        return aligned([["page"] + locales] + rows)
    }

    /// Columns padded to their widest cell, two spaces apart.
    static func aligned(_ table: [[String]]) -> [String] {
        var widths: [Int] = []
        for row in table {
            for (column, cell) in row.enumerated() {
                if column == widths.count { widths.append(0) }
                widths[column] = max(widths[column], cell.count)
            }
        }
        return table.map { cells in
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }.joined()
        }
    }

    /// Coverage per locale as aligned columns.
    static func localeTable(_ report: RunReport) -> [String] {
        let header = ["locale", "units", "reviewed", "translated", "auto", "pending", "coverage", "published", "held"]
        let rows = report.locales.sorted { $0.locale < $1.locale }.map { summary in
            [summary.locale, "\(summary.units)", "\(summary.reviewed)", "\(summary.translated)", "\(summary.automatic)", "\(summary.pending)",
             "\(Int((summary.coverage * 100 + 1e-9).rounded(.down)))%", "\(summary.pagesPublished)", "\(summary.pagesHeld)"]
        }
        return aligned([header] + rows)
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

extension String {
    /// Left-aligned in `width` columns, with at least one space after.
    fileprivate func padded(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
