internal import Foundation

/// The static HTML dashboard of one run (`jobs/reports/dashboard.html`): for the content team
/// and the organisations reviewing terms, what the run did and where every locale stands.
///
/// One self-contained file: inline CSS, an inline SVG chart, no script, no external resource,
/// so it opens offline from a shared folder. Every value is escaped and text people wrote is
/// isolated (`<bdi>`, `dir="auto"`), so page names, terms and messages in Arabic or Persian do
/// not reorder the English around them. The same report gives the same bytes: no clock, no
/// random ids, every list in a fixed order — the pipeline writes the file only when it changed.
///
/// Long lists are capped (a site has up to 10,000 pages in 8 locales): each capped table says
/// how many rows it left out, and the counts above it cover everything.
///
/// ```swift
/// let html = Dashboard.html(report, title: "Hannover: Teilhabe")
/// ```
public enum Dashboard {
    /// How many rows each list shows at most.
    public struct Limits: Sendable, Hashable {
        public var changedPages = 50
        public var writtenFiles = 50
        public var inboxFiles = 100
        public var jobs = 200
        public var superseded = 100
        public var qaFindings = 200
        public var termsPerLocale = 100
        public var heldPagesPerLocale = 50
        public var diagnostics = 200

        public init() {}
    }

    /// The dashboard as one HTML5 document (well-formed as XML too).
    ///
    /// Links to import reports are made relative to `report.dashboard` (the dashboard's path
    /// in the project); without it they stay as the report gives them.
    public static func html(_ report: RunReport, title: String, limits: Limits = Limits()) -> String {
        var document = Document(report: report, limits: limits)
        document.render(title: title)
        return document.output
    }

    /// The path to `target` from the folder of `dashboard`, both relative to the project:
    /// `relativeLink(to: "jobs/reports/ab12.html", from: "jobs/reports/dashboard.html")` is
    /// `ab12.html`; percent-encoded for an `href`.
    public static func relativeLink(to target: String, from dashboard: String?) -> String {
        var path = target
        if let dashboard {
            let folder = dashboard.split(separator: "/", omittingEmptySubsequences: true).dropLast()
            let parts = target.split(separator: "/", omittingEmptySubsequences: true)
            var common = 0
            while common < folder.count && common < parts.count - 1 && folder[folder.startIndex + common] == parts[common] {
                common += 1
            }
            let up = Array(repeating: "..", count: folder.count - common)
            path = (up + parts[common...].map(String.init)).joined(separator: "/")
        }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

extension Dashboard {
    /// The dashboard being written; sections append to `output` in order.
    struct Document {
        let report: RunReport
        let limits: Limits
        var output = ""

        init(report: RunReport, limits: Limits) {
            self.report = report
            self.limits = limits
        }

        /// Sections in the order of the navigation.
        static let sections: [(id: String, heading: String)] = [
            ("summary", "Summary"),
            ("inbox", "Returned files imported"),
            ("coverage", "Coverage per locale"),
            ("translators", "Work with translators"),
            ("analysis", "Leverage analysis"),
            ("qa", "QA findings"),
            ("glossary", "Glossary terms awaiting review"),
            ("held", "Pages held by the publish gate"),
            ("diagnostics", "Errors and warnings"),
        ]

        mutating func render(title: String) {
            output += """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(HTML.escape(title)) — run dashboard</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header>
            <h1>\(HTML.escape(title))</h1>
            <p class="lead">What the last run did and where every locale stands.\(report.dryRun ? " <strong>Dry run: nothing was written.</strong>" : "")</p>
            <nav aria-label="Sections"><ul>\(Self.sections.map { "<li><a href=\"#\($0.id)\">\($0.heading)</a></li>" }.joined())</ul></nav>
            </header>
            <main>

            """
            summary()
            inbox()
            coverage()
            translators()
            analysis()
            qa()
            glossary()
            held()
            diagnostics()
            output += "</main>\n</body>\n</html>\n"
        }

        // MARK: Sections

        mutating func summary() {
            open("summary")
            let changes = report.changes
            output += "<p>The site has <strong>\(HTML.count(report.pages))</strong> pages with \(HTML.count(report.units)) units "
                + "(\(HTML.count(report.words)) words) in German.</p>\n"
            let nothingChanged = changes.isEmpty && report.written.isEmpty && report.inbox.isEmpty
            if nothingChanged {
                output += "<p class=\"quiet\">Nothing changed: no German page changed, no returned file came in, and every file was already up to date.</p>\n"
            } else {
                let pageRows: [[Cell]] = [
                    [.text("added"), .number(changes.pagesAdded.count)],
                    [.text("edited"), .number(changes.pagesEdited.count)],
                    [.text("removed"), .number(changes.pagesRemoved.count)],
                    [.text("unchanged"), .number(changes.pagesUnchanged)],
                ]
                table(caption: "Pages since the last run", headers: ["pages", "count"], rows: pageRows)
                let unitRows = RunReport.UnitChange.Kind.allCases.map { kind in [Cell.text(kind.rawValue), .number(changes.count(kind))] }
                table(caption: "Units on the changed pages", headers: ["units", "count"], rows: unitRows)
                for (label, pages) in [("Pages added", changes.pagesAdded), ("Pages edited", changes.pagesEdited), ("Pages removed", changes.pagesRemoved)]
                where !pages.isEmpty {
                    list(summary: "\(label): \(HTML.count(pages.count))", items: pages.sorted(), limit: limits.changedPages)
                }
            }
            if !report.outputs.isEmpty {
                let outputs = report.outputs.sorted { ($0.locale, $0.folder) < ($1.locale, $1.folder) }
                let rows = outputs.map { output -> [Cell] in
                    let summary = report.locales.first { $0.locale == output.locale }
                    return [.code(output.locale), .code(output.folder + "/"), .number(output.pages),
                            summary.map { .number($0.pagesPublished) } ?? .text("—"), summary.map { .number($0.pagesHeld) } ?? .text("—"),
                            .number(output.translatedUnits), .number(output.pagesWritten)]
                }
                table(caption: "Pages per locale", headers: ["locale", "folder", "pages", "published", "German with notice", "units translated", "pages written this run"], rows: rows)
            }
            if report.dryRun {
                output += "<p>Dry run: no file was written.</p>\n"
            } else if report.written.isEmpty {
                if !nothingChanged { output += "<p>No file was written: everything was already up to date.</p>\n" }
            } else {
                list(summary: "Files written: \(HTML.count(report.written.count))", items: report.written, limit: limits.writtenFiles)
            }
            close()
        }

        mutating func inbox() {
            open("inbox")
            if report.inbox.isEmpty {
                output += "<p class=\"quiet\">No returned file was imported in this run.</p>\n"
            } else {
                let rows = report.inbox.prefix(limits.inboxFiles).map { file -> [Cell] in
                    [.path(file.file), .code(file.locale ?? "—"), .user(file.jobID ?? "—"), .text(file.outcome),
                     .number(file.accepted), .number(file.refused), .number(file.conflicts), .number(file.alternatives),
                     .html("<a href=\"\(HTML.escape(Dashboard.relativeLink(to: file.report, from: report.dashboard)))\">report</a>")]
                }
                table(caption: "Returned files taken from the inbox", headers: ["file", "locale", "job", "outcome", "accepted", "refused", "conflicts", "alternatives", "details"],
                      rows: rows, total: report.inbox.count)
            }
            close()
        }

        mutating func coverage() {
            open("coverage")
            let locales = summaries
            if locales.isEmpty {
                output += "<p class=\"quiet\">No target locale is assembled (no <code>locales/</code> definitions).</p>\n"
                close()
                return
            }
            output += "<p>A page is published in a locale when the share of its units that are reviewed, translated or written automatically "
                + "reaches the locale's threshold; below it, the German page is published with a notice in the reader's language.</p>\n"
            chart(locales)
            let rows = locales.map { summary -> [Cell] in
                [.code(summary.locale), .number(summary.units), .number(summary.reviewed), .number(summary.translated), .number(summary.automatic),
                 .number(summary.pending), .number(summary.pendingWords), .percent(summary.coverage),
                 summary.threshold.map { .percent($0) } ?? .text("—"), .number(summary.pagesPublished), .number(summary.pagesHeld)]
            }
            table(caption: "Coverage per locale (units over the whole site; the chart's figures)",
                  headers: ["locale", "units", "reviewed", "translated", "automatic", "pending", "words pending", "coverage", "threshold", "pages published", "pages held"],
                  rows: rows)
            close()
        }

        mutating func translators() {
            open("translators")
            output += "<h3>Jobs written this run</h3>\n"
            if report.jobs.isEmpty {
                output += "<p class=\"quiet\">No new work for translators.</p>\n"
            } else {
                let jobs = report.jobs.sorted { ($0.locale, $0.path) < ($1.locale, $1.path) }
                let rows = jobs.prefix(limits.jobs).map { job -> [Cell] in
                    [.code(job.locale), .user(job.jobID ?? "—"), .code(job.path), .number(job.units), .number(job.words), .number(job.superseding)]
                }
                table(caption: "Jobs written this run", headers: ["locale", "job", "file", "units", "words", "superseding"], rows: rows, total: jobs.count)
            }
            output += "<h3>Words pending with translators</h3>\n"
            if report.openJobs.isEmpty {
                output += "<p class=\"quiet\">No job is waiting for translations.</p>\n"
            } else {
                let jobs = report.openJobs.sorted { ($0.locale, $0.jobID, $0.path) < ($1.locale, $1.jobID, $1.path) }
                let rows = jobs.prefix(limits.jobs).map { job -> [Cell] in
                    [.code(job.locale), .user(job.jobID), .code(job.path), .number(job.pendingUnits), .number(job.pendingWords), .number(job.supersededUnits)]
                }
                table(caption: "Open jobs: units and words no translation came back for yet", headers: ["locale", "job", "file", "units pending", "words pending", "superseded units"],
                      rows: rows, total: jobs.count,
                      footer: [.text("all open jobs"), .text(""), .text(""), .number(jobs.reduce(0) { $0 + $1.pendingUnits }),
                               .number(jobs.reduce(0) { $0 + $1.pendingWords }), .number(jobs.reduce(0) { $0 + $1.supersededUnits })])
            }
            if !report.superseded.isEmpty {
                output += "<h3>Superseded units</h3>\n<p>These units are out with a translator, but their German text changed since: "
                    + "the old translation will come back as a conflict, and the new text is in a later job.</p>\n"
                let units = report.superseded.sorted { ($0.locale, $0.page, $0.unitID, $0.jobID) < ($1.locale, $1.page, $1.unitID, $1.jobID) }
                let rows = units.prefix(limits.superseded).map { unit -> [Cell] in
                    [.code(unit.locale), .path(unit.page), .user(unit.unitID), .user(unit.jobID), .user(unit.supersededBy ?? "—")]
                }
                table(caption: "Superseded units", headers: ["locale", "page", "unit", "job", "superseded by"], rows: rows, total: units.count)
            }
            close()
        }

        mutating func analysis() {
            open("analysis")
            if report.analyses.isEmpty {
                output += "<p class=\"quiet\">No job was analysed in this run.</p>\n"
                close()
                return
            }
            output += "<p>How much of each new job the translation memory already covers, as a CAT tool counts it before a job is priced "
                + "(101%: same sentence in the same context; repetitions are counted once).</p>\n<div class=\"grid\">\n"
            for analysis in report.analyses.sorted(by: { $0.locale < $1.locale }) {
                let rows = Analysis.Band.allCases.map { band -> [Cell] in
                    let count = analysis.bands[band] ?? Analysis.Count()
                    return [.text(band.rawValue), .number(count.segments), .number(count.words)]
                }
                let total = analysis.total
                table(caption: "Analysis \(analysis.locale)", headers: ["match", "segments", "words"], rows: rows,
                      footer: [.text("total"), .number(total.segments), .number(total.words)])
            }
            output += "</div>\n"
            close()
        }

        mutating func qa() {
            open("qa")
            let findings = report.qaFindings.enumerated().sorted { lhs, rhs in
                let (l, r) = (lhs.element, rhs.element)
                let lKey = (Self.rank(l.severity), l.check, l.file, l.line ?? 0, lhs.offset)
                let rKey = (Self.rank(r.severity), r.check, r.file, r.line ?? 0, rhs.offset)
                return lKey < rKey
            }.map(\.element)
            if findings.isEmpty {
                output += "<p class=\"quiet\">No QA findings on returned work.</p>\n"
                close()
                return
            }
            var counts: [String: (severity: String, check: String, count: Int)] = [:]
            for finding in findings {
                counts["\(finding.severity)\u{0}\(finding.check)", default: (finding.severity, finding.check, 0)].count += 1
            }
            let countRows = counts.values.sorted { (Self.rank($0.severity), $0.severity, $0.check) < (Self.rank($1.severity), $1.severity, $1.check) }
                .map { [Cell.text($0.severity), .code($0.check), .number($0.count)] }
            table(caption: "QA findings by check (\(HTML.count(findings.count)) in all)", headers: ["severity", "check", "findings"], rows: countRows)
            let rows = findings.prefix(limits.qaFindings).map { finding -> [Cell] in
                [.text(finding.severity), .code(finding.check), .path(finding.page), .user(finding.unitID),
                 .path(finding.file + (finding.line.map { ":\($0)" } ?? "")), .user(finding.message)]
            }
            table(caption: "QA findings, errors first", headers: ["severity", "check", "page", "unit", "file", "message"], rows: rows, total: findings.count, rowHeaders: false)
            close()
        }

        mutating func glossary() {
            open("glossary")
            let byLocale = Dictionary(grouping: report.glossaryPending, by: \.locale)
            if byLocale.isEmpty {
                output += "<p class=\"quiet\">No glossary term is waiting for review.</p>\n"
                close()
                return
            }
            output += "<p>Terms the community organisations have not decided on yet (most used first, where counted). "
                + "<code>translate-pipeline glossary review sheet --language LOCALE</code> writes a sheet to review them.</p>\n"
            for locale in byLocale.keys.sorted() {
                let terms = byLocale[locale]!.sorted { ($1.occurrences ?? -1, $0.source, $0.term, $0.conceptID) < ($0.occurrences ?? -1, $1.source, $1.term, $1.conceptID) }
                output += "<h3 id=\"glossary-\(HTML.escape(locale))\"><code>\(HTML.escape(locale))</code>: \(HTML.count(terms.count)) \(terms.count == 1 ? "term" : "terms")</h3>\n"
                let rows = terms.prefix(limits.termsPerLocale).map { term -> [Cell] in
                    [.user(term.source, lang: "de"), .user(term.term, lang: locale), .user(term.conceptID), term.occurrences.map { .number($0) } ?? .text("not counted")]
                }
                table(caption: "Terms awaiting review in \(locale)", headers: ["German term", "proposed term", "concept", "units using it"],
                      rows: rows, total: terms.count)
            }
            close()
        }

        mutating func held() {
            open("held")
            let byLocale = Dictionary(grouping: report.heldPages, by: \.locale)
            if byLocale.isEmpty {
                output += "<p class=\"quiet\">\(report.coverage == nil ? "No page was assembled." : "Every page passed the publish gate in every locale.")</p>\n"
                close()
                return
            }
            output += "<p>These pages are published in German with a notice until enough of them is translated; "
                + "the ones closest to publishing come first.</p>\n"
            for locale in byLocale.keys.sorted() {
                let pages = byLocale[locale]!.sorted { ($1.coverage, $0.page) < ($0.coverage, $1.page) }
                output += "<h3 id=\"held-\(HTML.escape(locale))\"><code>\(HTML.escape(locale))</code>: \(HTML.count(pages.count)) \(pages.count == 1 ? "page" : "pages") held</h3>\n"
                let rows = pages.prefix(limits.heldPagesPerLocale).map { entry -> [Cell] in
                    [.path(entry.page), .percent(entry.coverage), .percent(entry.threshold), .number(entry.units), .number(entry.pending),
                     .number(entry.unitsShortOfThreshold), .number(entry.bidiProblems)]
                }
                table(caption: "Pages held in \(locale), closest to publishing first",
                      headers: ["page", "coverage", "threshold", "units", "pending", "units short", "bidi problems"], rows: rows, total: pages.count)
            }
            close()
        }

        mutating func diagnostics() {
            open("diagnostics")
            let shown = report.diagnostics.enumerated()
                .sorted { ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset) }
                .map(\.element)
            if shown.isEmpty {
                output += "<p class=\"quiet\">No errors and no warnings.</p>\n"
                close()
                return
            }
            let errors = shown.count { $0.severity == .error }
            let warnings = shown.count { $0.severity == .warning }
            output += "<p>\(HTML.count(errors)) \(errors == 1 ? "error" : "errors"), \(HTML.count(warnings)) \(warnings == 1 ? "warning" : "warnings")"
                + "\(shown.count > errors + warnings ? ", \(HTML.count(shown.count - errors - warnings)) notes" : "").</p>\n"
            let rows = shown.prefix(limits.diagnostics).map { diagnostic -> [Cell] in
                [.text(diagnostic.severity.rawValue), .path(diagnostic.file + (diagnostic.line.map { ":\($0)" } ?? "")),
                 .user(diagnostic.unitID ?? ""), .user(diagnostic.message)]
            }
            table(caption: "Errors and warnings, errors first", headers: ["severity", "file", "unit", "message"], rows: rows, total: shown.count, rowHeaders: false)
            close()
        }

        // MARK: Chart

        /// Horizontal stacked bars, one per locale: reviewed, translated, automatic, pending, as
        /// shares of the locale's units; a dashed mark at the publish threshold.
        mutating func chart(_ locales: [RunReport.LocaleSummary]) {
            let top = 28.0, rowHeight = 30.0, barHeight = 20.0
            let height = top + rowHeight * Double(locales.count) + 8
            output += """
            <figure>
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 \(Int(Self.chartWidth)) \(HTML.fixed(height))" \
            width="\(Int(Self.chartWidth))" height="\(HTML.fixed(height))" class="chart">
            <title id="chart-title">Coverage per locale</title>
            <desc id="chart-desc">Stacked horizontal bars, one per locale: reviewed, translated, automatic and pending units as shares of all units; \
            a dashed line marks the locale's publish threshold. The table below gives the same figures.</desc>

            """
            var x = Self.barLeft
            for (segment, label) in zip(Self.segments, ["reviewed", "translated", "automatic", "pending"]) {
                output += "<rect x=\"\(HTML.fixed(x))\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(segment.colour)\"/>"
                    + "<text x=\"\(HTML.fixed(x + 16))\" y=\"16\">\(label)</text>\n"
                x += 100
            }
            output += "<line x1=\"\(HTML.fixed(x))\" y1=\"4\" x2=\"\(HTML.fixed(x))\" y2=\"20\" class=\"threshold\"/><text x=\"\(HTML.fixed(x + 6))\" y=\"16\">threshold</text>\n"
            for (index, summary) in locales.enumerated() {
                let y = top + rowHeight * Double(index)
                let locale = HTML.escape(summary.locale)
                let counts = [summary.reviewed, summary.translated, summary.automatic, summary.pending]
                var label = "\(summary.locale): \(HTML.percent(summary.coverage)) covered; reviewed \(summary.reviewed), translated \(summary.translated), "
                    + "automatic \(summary.automatic), pending \(summary.pending) of \(summary.units) units"
                if let threshold = summary.threshold { label += "; threshold \(HTML.percent(threshold))" }
                output += "<g data-locale=\"\(locale)\"><title>\(HTML.escape(label))</title>\n"
                output += "<text x=\"\(HTML.fixed(Self.barLeft - 8))\" y=\"\(HTML.fixed(y + 15))\" text-anchor=\"end\">\(locale)</text>\n"
                output += "<rect x=\"\(HTML.fixed(Self.barLeft))\" y=\"\(HTML.fixed(y))\" width=\"\(HTML.fixed(Self.barWidth))\" height=\"\(HTML.fixed(barHeight))\" class=\"track\"/>\n"
                var offset = 0.0
                for (segment, count) in zip(Self.segments, counts) where count > 0 && summary.units > 0 {
                    let width = Self.barWidth * Double(count) / Double(summary.units)
                    output += "<rect x=\"\(HTML.fixed(Self.barLeft + offset))\" y=\"\(HTML.fixed(y))\" width=\"\(HTML.fixed(width))\" height=\"\(HTML.fixed(barHeight))\" "
                        + "fill=\"\(segment.colour)\" class=\"\(segment.name)\"/>\n"
                    offset += width
                }
                if let threshold = summary.threshold {
                    let tx = Self.barLeft + Self.barWidth * min(1, max(0, threshold))
                    output += "<line x1=\"\(HTML.fixed(tx))\" y1=\"\(HTML.fixed(y - 3))\" x2=\"\(HTML.fixed(tx))\" y2=\"\(HTML.fixed(y + barHeight + 3))\" class=\"threshold\"/>\n"
                }
                output += "<text x=\"\(HTML.fixed(Self.barLeft + Self.barWidth + 8))\" y=\"\(HTML.fixed(y + 15))\">\(HTML.percent(summary.coverage))</text>\n</g>\n"
            }
            output += "</svg>\n<figcaption>Coverage per locale; the table below has the same figures.</figcaption>\n</figure>\n"
        }

        static let chartWidth = 640.0
        static let barLeft = 80.0
        static let barWidth = 480.0
        /// Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito).
        static let segments: [(name: String, colour: String)] = [
            ("reviewed", "#009E73"), ("translated", "#56B4E9"), ("automatic", "#CC79A7"), ("pending", "#E69F00"),
        ]

        // MARK: Building blocks

        /// Locales sorted by tag, each with its threshold (from the coverage entries when the
        /// summary has none).
        var summaries: [RunReport.LocaleSummary] {
            var thresholds: [String: Double] = [:]
            for entry in report.coverage?.entries ?? [] where thresholds[entry.locale] == nil {
                thresholds[entry.locale] = entry.threshold
            }
            return report.locales.sorted { $0.locale < $1.locale }.map { summary in
                var summary = summary
                if summary.threshold == nil { summary.threshold = thresholds[summary.locale] }
                return summary
            }
        }

        static func rank(_ severity: String) -> Int {
            switch severity {
            case "error": 0
            case "warning": 1
            case "note": 2
            default: 3
            }
        }

        mutating func open(_ id: String) {
            let heading = Self.sections.first { $0.id == id }!.heading
            output += "<section id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n<h2 id=\"\(id)-heading\">\(heading)</h2>\n"
        }

        mutating func close() {
            output += "</section>\n"
        }

        /// A table with a caption and column headers; `total` above the rows shown adds a line
        /// saying how many were left out.
        mutating func table(caption: String, headers: [String], rows: [[Cell]], total: Int? = nil, footer: [Cell]? = nil, rowHeaders: Bool = true) {
            output += "<table>\n<caption>\(HTML.escape(caption))</caption>\n<thead><tr>"
            output += headers.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined()
            output += "</tr></thead>\n<tbody>\n"
            for row in rows {
                output += "<tr>" + row.enumerated().map { rowHeaders && $0.offset == 0 ? $0.element.header : $0.element.cell }.joined() + "</tr>\n"
            }
            output += "</tbody>\n"
            if let footer {
                output += "<tfoot><tr>" + footer.enumerated().map { $0.offset == 0 ? $0.element.header : $0.element.cell }.joined() + "</tr></tfoot>\n"
            }
            output += "</table>\n"
            if let total, total > rows.count {
                output += "<p class=\"more\">and \(HTML.count(total - rows.count)) more (\(HTML.count(rows.count)) of \(HTML.count(total)) shown).</p>\n"
            }
        }

        /// A folded list of names (pages, files), capped.
        mutating func list(summary: String, items: [String], limit: Int) {
            output += "<details><summary>\(HTML.escape(summary))</summary>\n<ul>\n"
            for item in items.prefix(limit) {
                output += "<li>\(HTML.isolatedPath(item))</li>\n"
            }
            output += "</ul>\n"
            if items.count > limit {
                output += "<p class=\"more\">and \(HTML.count(items.count - limit)) more (\(HTML.count(limit)) of \(HTML.count(items.count)) shown).</p>\n"
            }
            output += "</details>\n"
        }

        static let css = """
        body{font-family:system-ui,sans-serif;line-height:1.4;margin:0 auto;max-width:72rem;padding:1rem;color:#1a1a1a;background:#fff}\
        h1{margin-block-end:0.25rem}h2{border-block-end:2px solid #ddd;margin-block-start:2rem}\
        nav ul{display:flex;flex-wrap:wrap;gap:0.25rem 1rem;list-style:none;padding:0}\
        table{border-collapse:collapse;margin-block:0.75rem}caption{text-align:start;font-weight:600;padding-block:0.25rem}\
        th,td{border:1px solid #ccc;padding:0.2rem 0.5rem;text-align:start;vertical-align:top}thead th{background:#f2f2f2}\
        td.n,th.n{text-align:end;font-variant-numeric:tabular-nums}tfoot th,tfoot td{font-weight:600}\
        .quiet{color:#555}.more{font-style:italic;color:#555}\
        .grid{display:flex;flex-wrap:wrap;gap:0 2rem}\
        figure{margin:1rem 0}svg.chart{max-width:100%;height:auto;font-size:13px}svg.chart text{fill:#1a1a1a}\
        svg.chart .track{fill:#eee}svg.chart .threshold{stroke:#1a1a1a;stroke-width:2;stroke-dasharray:4 3}
        """
    }

    /// One table cell, escaped when built.
    struct Cell {
        var html: String
        var numeric = false

        /// Fixed English text (labels, states).
        static func text(_ text: String) -> Cell { Cell(html: HTML.escape(text)) }
        /// Identifiers and paths: left to right, monospace.
        static func code(_ text: String) -> Cell { Cell(html: "<code>\(HTML.escape(text))</code>") }
        static func number(_ value: Int) -> Cell { Cell(html: HTML.count(value), numeric: true) }
        static func percent(_ share: Double) -> Cell { Cell(html: HTML.percent(share), numeric: true) }
        /// Text people wrote, in any script: isolated, and tagged with its language when known.
        static func user(_ text: String, lang: String? = nil) -> Cell {
            if let lang { return Cell(html: "<bdi lang=\"\(HTML.escape(lang))\">\(HTML.escape(text))</bdi>") }
            return Cell(html: HTML.isolated(text))
        }
        /// Page names and file paths: isolated left to right, so a path in Arabic letters still
        /// reads folder, name, extension from left to right.
        static func path(_ text: String) -> Cell { Cell(html: HTML.isolatedPath(text)) }
        /// Markup built by the dashboard itself.
        static func html(_ html: String) -> Cell { Cell(html: html) }

        var cell: String { numeric ? "<td class=\"n\">\(html)</td>" : "<td>\(html)</td>" }
        var header: String { numeric ? "<th scope=\"row\" class=\"n\">\(html)</th>" : "<th scope=\"row\">\(html)</th>" }
    }
}
