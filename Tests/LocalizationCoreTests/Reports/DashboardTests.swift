import Foundation
import Testing
@testable import LocalizationCore

/// A run of the Hannover site as the dashboard sees it: German pages, Arabic and Persian
/// locales with terms and messages in their scripts, a page name carrying markup.
enum SampleRun {
    static let hostilePage = "aktuelles/<script>alert(1)</script>.html"

    static func report() -> RunReport {
        var report = RunReport()
        report.pages = 4
        report.units = 120
        report.words = 1_480
        report.changes.pagesAdded = ["wir-2-0.html"]
        report.changes.pagesEdited = ["teilhabe/integrationsbeiraete.html", hostilePage]
        report.changes.pagesUnchanged = 1
        report.changes.units = [
            .init(kind: .added, page: "wir-2-0.html", unitID: "u1", text: "Der Integrationsplan WIR 2.0 wurde 2020 beschlossen."),
            .init(kind: .added, page: "wir-2-0.html", unitID: "u2", text: "Teilhabe für alle."),
            .init(kind: .edited, page: "teilhabe/integrationsbeiraete.html", unitID: "u7", previousUnitID: "u3", text: "Die 13 Integrationsbeiräte tagen öffentlich."),
            .init(kind: .moved, page: "wir-2-0.html", unitID: "u5", previousUnitID: "u9", fromPage: "index.html", text: "MiSO-Netzwerk"),
        ]
        report.inbox = [
            .init(file: "inbox/ar.xlf", outcome: "imported", locale: "ar", jobID: "ar-0001", accepted: 31, refused: 2, conflicts: 1, report: "jobs/reports/3f9a1c.html"),
        ]
        report.jobs = [
            .init(locale: "fa", jobID: "fa-0002", path: "jobs/outgoing/fa.xlf", units: 12, words: 140, superseding: 1),
            .init(locale: "ar", jobID: "ar-0002", path: "jobs/outgoing/ar.xlf", units: 10, words: 120),
        ]
        report.openJobs = [
            .init(locale: "fa", jobID: "fa-0002", path: "jobs/outgoing/fa.xlf", pendingUnits: 12, pendingWords: 140),
            .init(locale: "ar", jobID: "ar-0001", path: "jobs/outgoing/ar.xlf", pendingUnits: 4, pendingWords: 52, supersededUnits: 1),
            .init(locale: "ar", jobID: "ar-0002", path: "jobs/outgoing/ar.xlf", pendingUnits: 10, pendingWords: 120),
        ]
        report.superseded = [.init(locale: "ar", page: "teilhabe/integrationsbeiraete.html", unitID: "u3", jobID: "ar-0001", supersededBy: "ar-0002")]
        report.outputs = [
            .init(locale: "ar", folder: "site/ar", pages: 4, translatedUnits: 90, pagesWritten: 2),
            .init(locale: "fa", folder: "site/fa", pages: 4, translatedUnits: 40, pagesWritten: 4),
        ]
        var arabic = Analysis(locale: "ar")
        arabic.bands[.inContext] = counted(3, 40)
        arabic.bands[.high] = counted(2, 25)
        arabic.bands[.noMatch] = counted(5, 55)
        var persian = Analysis(locale: "fa")
        persian.bands[.noMatch] = counted(11, 130)
        persian.bands[.repetition] = counted(1, 10)
        report.analyses = [persian, arabic]
        report.locales = [
            .init(locale: "fa", units: 120, reviewed: 10, translated: 20, automatic: 10, pending: 80, pendingWords: 990, pagesPublished: 1, pagesHeld: 3),
            .init(locale: "ar", units: 120, reviewed: 60, translated: 24, automatic: 12, pending: 24, pendingWords: 290, pagesPublished: 3, pagesHeld: 1),
        ]
        report.coverage = CoverageReport(entries: [
            .init(page: "index.html", locale: "ar", units: 30, reviewed: 20, translated: 6, automatic: 4, threshold: 0.8, published: true),
            .init(page: hostilePage, locale: "ar", units: 30, reviewed: 10, translated: 5, automatic: 3, pending: 12, fallback: 30, threshold: 0.8, published: false),
            .init(page: "index.html", locale: "fa", units: 30, reviewed: 4, translated: 10, automatic: 4, pending: 12, fallback: 30, threshold: 0.85, published: false),
            .init(page: "wir-2-0.html", locale: "fa", units: 30, translated: 2, automatic: 2, pending: 26, fallback: 30, threshold: 0.85, published: false),
            .init(page: "مجلس-الاندماج.html", locale: "fa", units: 30, reviewed: 6, translated: 8, automatic: 4, pending: 12, fallback: 30, threshold: 0.85, published: false),
        ])
        report.qaFindings = [
            .init(file: "inbox/ar.xlf", line: 88, page: "wir-2-0.html", unitID: "u1", check: "numbers", severity: "error", message: "die Zahl 2020 fehlt in der Übersetzung"),
            .init(file: "inbox/ar.xlf", line: 42, page: "index.html", unitID: "u4", check: "whitespace", severity: "warning", message: "doppeltes Leerzeichen in «مجلس  الاندماج»"),
        ]
        report.glossaryPending = [
            .init(locale: "ar", conceptID: "c-teilhabe", source: "Teilhabe", term: "المشاركة", occurrences: 14),
            .init(locale: "ar", conceptID: "c-beirat", source: "Integrationsbeirat", term: "مجلس الاندماج", occurrences: 31),
            .init(locale: "fa", conceptID: "c-beirat", source: "Integrationsbeirat", term: "شورای ادغام", occurrences: 31),
        ]
        report.written = ["jobs/outgoing/ar.xlf", "jobs/outgoing/fa.xlf", "site/ar/wir-2-0.html"]
        report.dashboard = "jobs/reports/dashboard.html"
        report.diagnostics = [
            Diagnostic(.warning, file: "content/wir-2-0.html", line: 12, "a <table> without header cells"),
            Diagnostic(.error, file: "inbox/ar.xlf", line: 88, unitID: "u1", "sentence refused: die Zahl 2020 fehlt"),
        ]
        return report
    }

    static func counted(_ segments: Int, _ words: Int) -> Analysis.Count {
        var count = Analysis.Count()
        count.segments = segments
        count.words = words
        return count
    }
}

/// The parsed dashboard, for assertions on structure rather than on strings.
struct ParsedDashboard {
    let root: XML.Element

    init(_ html: String) throws {
        root = try XMLReader().parse(Array(html.utf8), file: "dashboard.html")
    }

    /// Every element in document order.
    var all: [XML.Element] {
        var result: [XML.Element] = []
        func visit(_ element: XML.Element) {
            result.append(element)
            element.elements().forEach(visit)
        }
        visit(root)
        return result
    }

    func elements(_ name: String) -> [XML.Element] { all.filter { $0.name == name } }

    func section(_ id: String) -> XML.Element? {
        elements("section").first { $0.attribute("id") == id }
    }
}

@Suite("Dashboard")
struct DashboardTests {
    @Test func isWellFormedSelfContainedAndAccessible() throws {
        let html = Dashboard.html(SampleRun.report(), title: "Hannover: Teilhabe & Integration")
        let page = try ParsedDashboard(html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.root.name == "html")
        #expect(page.elements("meta").contains { $0.attribute("charset") == "utf-8" })
        #expect(page.elements("title").first?.textContent == "Hannover: Teilhabe & Integration — run dashboard")
        #expect(page.elements("h1").first?.textContent == "Hannover: Teilhabe & Integration")
        // Nothing to fetch: no script, stylesheet link, image or remote URL (the SVG namespace is a name, not a fetch).
        for name in ["script", "link", "img", "iframe", "object"] {
            #expect(page.elements(name).isEmpty, "\(name)")
        }
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))
        #expect(!html.contains(" src="))
        // Every table has a caption and header cells with a scope.
        let tables = page.elements("table")
        #expect(tables.count >= 10)
        for table in tables {
            #expect(table.firstElement(named: "caption").map { !$0.textContent.isEmpty } == true)
            let headers = ParsedDashboard.descendants(of: table).filter { $0.name == "th" }
            #expect(!headers.isEmpty)
            #expect(headers.allSatisfy { ["col", "row"].contains($0.attribute("scope")) })
        }
    }

    @Test func hasEverySectionWithItsHeading() throws {
        let page = try ParsedDashboard(Dashboard.html(SampleRun.report(), title: "Teilhabe"))
        let expected = ["summary": "Summary", "inbox": "Returned files imported", "coverage": "Coverage per locale",
                        "translators": "Work with translators", "analysis": "Leverage analysis", "qa": "QA findings",
                        "glossary": "Glossary terms awaiting review", "held": "Pages held by the publish gate",
                        "diagnostics": "Errors and warnings"]
        #expect(Set(page.elements("section").compactMap { $0.attribute("id") }) == Set(expected.keys))
        for (id, heading) in expected {
            #expect(page.section(id)?.firstElement(named: "h2")?.textContent == heading, "\(id)")
        }
        // The navigation links to each section.
        let links = page.elements("nav").first.map { ParsedDashboard.descendants(of: $0).filter { $0.name == "a" }.compactMap { $0.attribute("href") } }
        #expect(Set(links ?? []) == Set(expected.keys.map { "#" + $0 }))
    }

    @Test func showsTheRunsFiguresInTheirSections() throws {
        let page = try ParsedDashboard(Dashboard.html(SampleRun.report(), title: "Teilhabe"))
        let rows = { (id: String, caption: String) -> [[String]] in
            let table = page.section(id).map(ParsedDashboard.descendants(of:))?.first {
                $0.name == "table" && $0.firstElement(named: "caption")?.textContent.hasPrefix(caption) == true
            }
            return ParsedDashboard.bodyRows(table)
        }
        #expect(rows("summary", "Pages since") == [["added", "1"], ["edited", "2"], ["removed", "0"], ["unchanged", "1"]])
        #expect(rows("summary", "Units") == [["added", "2"], ["edited", "1"], ["reordered", "0"], ["moved", "1"], ["retired", "0"]])
        #expect(rows("summary", "Pages per locale") == [["ar", "site/ar/", "4", "3", "1", "90", "2"], ["fa", "site/fa/", "4", "1", "3", "40", "4"]])
        #expect(rows("inbox", "Returned files") == [["inbox/ar.xlf", "ar", "ar-0001", "imported", "31", "2", "1", "0", "report"]])
        // Coverage: floor of the share, thresholds from the coverage entries.
        #expect(rows("coverage", "Coverage per locale") == [
            ["ar", "120", "60", "24", "12", "24", "290", "80%", "80%", "3", "1"],
            ["fa", "120", "10", "20", "10", "80", "990", "33%", "85%", "1", "3"],
        ])
        #expect(rows("translators", "Jobs written") == [
            ["ar", "ar-0002", "jobs/outgoing/ar.xlf", "10", "120", "0"], ["fa", "fa-0002", "jobs/outgoing/fa.xlf", "12", "140", "1"],
        ])
        #expect(rows("translators", "Open jobs") == [
            ["ar", "ar-0001", "jobs/outgoing/ar.xlf", "4", "52", "1"], ["ar", "ar-0002", "jobs/outgoing/ar.xlf", "10", "120", "0"],
            ["fa", "fa-0002", "jobs/outgoing/fa.xlf", "12", "140", "0"],
        ])
        #expect(rows("translators", "Superseded") == [["ar", "teilhabe/integrationsbeiraete.html", "u3", "ar-0001", "ar-0002"]])
        #expect(rows("analysis", "Analysis ar") == [
            ["101%", "3", "40"], ["100%", "0", "0"], ["95-99%", "2", "25"], ["85-94%", "0", "0"], ["75-84%", "0", "0"],
            ["no match", "5", "55"], ["repetitions", "0", "0"],
        ])
        #expect(rows("qa", "QA findings by check") == [["error", "numbers", "1"], ["warning", "whitespace", "1"]])
        // Most used terms first.
        #expect(rows("glossary", "Terms awaiting review in ar") == [
            ["Integrationsbeirat", "مجلس الاندماج", "c-beirat", "31"], ["Teilhabe", "المشاركة", "c-teilhabe", "14"],
        ])
        #expect(rows("diagnostics", "Errors and warnings").map(\.first) == ["error", "warning"])
        // The open jobs' footer totals the words pending with translators.
        let footer = page.section("translators").map(ParsedDashboard.descendants(of:))?.first { $0.name == "tfoot" }
        #expect(footer.map { ParsedDashboard.cells($0) } == ["all open jobs", "", "", "26", "312", "1"])
    }

    @Test func escapesMarkupInEveryValue() throws {
        var report = SampleRun.report()
        report.diagnostics.append(Diagnostic(.warning, file: "a\"b'<c>.html", "control \u{1}character & <b>bold</b>"))
        let html = Dashboard.html(report, title: "<i>Titel</i>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("<i>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let page = try ParsedDashboard(html)
        // Parsed back, the names are the text they were.
        let heldRows = ParsedDashboard.bodyRows(page.section("held").map(ParsedDashboard.descendants(of:))?.first { $0.name == "table" })
        #expect(heldRows.first?.first == SampleRun.hostilePage)
        #expect(page.elements("h1").first?.textContent == "<i>Titel</i>")
        #expect(page.section("diagnostics")?.textContent.contains("control \u{FFFD}character & <b>bold</b>") == true)
    }

    @Test func isolatesTextPeopleWrote() throws {
        let html = Dashboard.html(SampleRun.report(), title: "Teilhabe")
        #expect(html.contains("<bdi lang=\"ar\">مجلس الاندماج</bdi>"))
        #expect(html.contains("<bdi lang=\"fa\">شورای ادغام</bdi>"))
        #expect(html.contains("<bdi lang=\"de\">Integrationsbeirat</bdi>"))
        // Paths read left to right whatever their letters.
        #expect(html.contains("<bdi dir=\"ltr\">مجلس-الاندماج.html</bdi>"))
        #expect(html.contains("<bdi>doppeltes Leerzeichen in «مجلس  الاندماج»</bdi>"))
        // No Arabic or Persian letter outside an isolate.
        let page = try ParsedDashboard(html)
        func unisolatedRTL(_ element: XML.Element) -> Bool {
            if element.name == "bdi" { return false }
            for node in element.children {
                switch node {
                case .text(let text): if text.unicodeScalars.contains(where: { (0x0600 ... 0x06FF).contains($0.value) }) { return true }
                case .element(let child): if unisolatedRTL(child) { return true }
                }
            }
            return false
        }
        #expect(!unisolatedRTL(page.root))
    }

    @Test func chartBarsAreProportionalToCoverage() throws {
        let page = try ParsedDashboard(Dashboard.html(SampleRun.report(), title: "Teilhabe"))
        let svg = try #require(page.elements("svg").first)
        #expect(svg.attribute("role") == "img")
        #expect(svg.firstElement(named: "title")?.textContent == "Coverage per locale")
        #expect(svg.firstElement(named: "desc") != nil)
        let groups = svg.elements(named: "g")
        #expect(groups.compactMap { $0.attribute("data-locale") } == ["ar", "fa"])
        let full = Dashboard.Document.barWidth
        let left = Dashboard.Document.barLeft
        let expected: [String: (counts: [Int], units: Int, threshold: Double)] = [
            "ar": ([60, 24, 12, 24], 120, 0.8), "fa": ([10, 20, 10, 80], 120, 0.85),
        ]
        for group in groups {
            let locale = try #require(group.attribute("data-locale"))
            let (counts, units, threshold) = try #require(expected[locale])
            #expect(group.firstElement(named: "title")?.textContent.hasPrefix("\(locale): \(Int(Double(counts[0] + counts[1] + counts[2]) * 100 / Double(units)))% covered") == true)
            let bars = group.elements(named: "rect").filter { $0.attribute("class") != "track" }
            #expect(bars.compactMap { $0.attribute("class") } == ["reviewed", "translated", "automatic", "pending"])
            var x = left
            for (bar, count) in zip(bars, counts) {
                let width = try #require(bar.attribute("width").flatMap(Double.init))
                #expect(abs(width - full * Double(count) / Double(units)) < 0.01, "\(locale) \(bar.attribute("class") ?? "")")
                #expect(abs((bar.attribute("x").flatMap(Double.init) ?? -1) - x) < 0.02)
                x += width
            }
            // The covered part of the bar is the coverage share of the full width.
            let covered = bars.prefix(3).compactMap { $0.attribute("width").flatMap(Double.init) }.reduce(0, +)
            #expect(abs(covered - full * Double(counts[0] + counts[1] + counts[2]) / Double(units)) < 0.02)
            let line = try #require(group.firstElement(named: "line"))
            #expect(abs((line.attribute("x1").flatMap(Double.init) ?? -1) - (left + full * threshold)) < 0.01)
        }
    }

    @Test func capsLongListsAndCountsWhatItLeftOut() throws {
        var report = SampleRun.report()
        // 1,200 pages held in Arabic, 250 QA findings on three checks.
        report.coverage = CoverageReport(entries: (0 ..< 1_200).map { index in
            .init(page: String(format: "seite-%04d.html", index), locale: "ar", units: 100, reviewed: index % 80, pending: 100 - index % 80,
                  fallback: 100, threshold: 0.8, published: false)
        })
        report.qaFindings = (0 ..< 250).map { index in
            .init(file: "inbox/ar.xlf", line: index + 1, page: "index.html", unitID: "u\(index)", check: ["numbers", "whitespace", "length"][index % 3],
                  severity: index % 3 == 0 ? "error" : "warning", message: "Befund \(index)")
        }
        let html = Dashboard.html(report, title: "Teilhabe")
        let page = try ParsedDashboard(html)
        let held = try #require(page.section("held"))
        #expect(held.firstElement(named: "h3")?.textContent == "ar: 1,200 pages held")
        let heldRows = ParsedDashboard.bodyRows(ParsedDashboard.descendants(of: held).first { $0.name == "table" })
        #expect(heldRows.count == 50)
        #expect(held.textContent.contains("and 1,150 more (50 of 1,200 shown)."))
        // Closest to publishing first: coverage 79% (15 pages have it), then by name.
        #expect(heldRows.first == ["seite-0079.html", "79%", "80%", "100", "21", "1", "0"])
        let coverages = heldRows.compactMap { Int($0[1].dropLast()) }
        #expect(coverages == coverages.sorted(by: >))

        let qa = try #require(page.section("qa"))
        let tables = ParsedDashboard.descendants(of: qa).filter { $0.name == "table" }
        #expect(ParsedDashboard.bodyRows(tables.first) == [["error", "numbers", "84"], ["warning", "length", "83"], ["warning", "whitespace", "83"]])
        let detail = ParsedDashboard.bodyRows(tables.last)
        #expect(detail.count == 200)
        #expect(detail.prefix(84).allSatisfy { $0[0] == "error" })
        #expect(qa.textContent.contains("and 50 more (200 of 250 shown)."))
    }

    @Test func aSiteOf10000PagesIn8LocalesStaysReadable() throws {
        let locales = ["ar", "en", "fa", "ru", "ti", "ckb", "tr", "uk"]
        var report = SampleRun.report()
        report.pages = 10_000
        report.locales = locales.map { .init(locale: $0, units: 400_000, reviewed: 100_000, pending: 300_000, pagesHeld: 10_000) }
        report.coverage = CoverageReport(entries: locales.flatMap { locale in
            (0 ..< 10_000).map { index in
                CoverageReport.Entry(page: "seite-\(index).html", locale: locale, units: 40, reviewed: index % 32, pending: 40 - index % 32,
                                     fallback: 40, threshold: 0.8, published: false)
            }
        })
        report.changes.pagesEdited = (0 ..< 10_000).map { "seite-\($0).html" }
        report.written = (0 ..< 80_000).map { "site/\(locales[$0 % 8])/seite-\($0 / 8).html" }
        let html = Dashboard.html(report, title: "Teilhabe")
        let page = try ParsedDashboard(html)
        // 8 × 50 held pages, 50 changed pages, 50 written files: the counts say the rest.
        #expect(page.elements("tr").count < 700)
        #expect(html.utf8.count < 400_000)
        let headings = ParsedDashboard.descendants(of: try #require(page.section("held"))).filter { $0.name == "h3" }.map(\.textContent)
        #expect(headings == locales.sorted().map { "\($0): 10,000 pages held" })
        #expect(html.contains("and 9,950 more (50 of 10,000 shown)."))
        #expect(html.contains("and 79,950 more (50 of 80,000 shown)."))
    }

    @Test func sameReportGivesTheSameBytesWhateverTheInputOrder() throws {
        let report = SampleRun.report()
        let first = Dashboard.html(report, title: "Teilhabe")
        #expect(Dashboard.html(report, title: "Teilhabe") == first)
        var shuffled = report
        shuffled.locales.reverse()
        shuffled.analyses.reverse()
        shuffled.openJobs.reverse()
        shuffled.jobs.reverse()
        shuffled.glossaryPending.reverse()
        shuffled.outputs.reverse()
        shuffled.qaFindings.reverse()
        shuffled.coverage?.entries.reverse()
        #expect(Dashboard.html(shuffled, title: "Teilhabe") == first)
    }

    @Test func linksImportReportsRelativeToTheDashboard() {
        #expect(Dashboard.relativeLink(to: "jobs/reports/3f9a1c.html", from: "jobs/reports/dashboard.html") == "3f9a1c.html")
        #expect(Dashboard.relativeLink(to: "jobs/reports/3f9a1c.html", from: "reports/dashboard.html") == "../jobs/reports/3f9a1c.html")
        #expect(Dashboard.relativeLink(to: "jobs/reports/a b#1.html", from: "jobs/reports/dashboard.html") == "a%20b%231.html")
        #expect(Dashboard.relativeLink(to: "jobs/reports/3f9a1c.html", from: nil) == "jobs/reports/3f9a1c.html")
        let html = Dashboard.html(SampleRun.report(), title: "Teilhabe")
        #expect(html.contains("<a href=\"3f9a1c.html\">report</a>"))
    }

    @Test func saysWhenNothingChanged() throws {
        var report = RunReport()
        report.pages = 4
        report.changes.pagesUnchanged = 4
        let page = try ParsedDashboard(Dashboard.html(report, title: "Teilhabe"))
        let summary = try #require(page.section("summary"))
        #expect(summary.textContent.contains("Nothing changed: no German page changed, no returned file came in, and every file was already up to date."))
        #expect(page.section("translators")?.textContent.contains("No new work for translators.") == true)
        #expect(page.section("held")?.textContent.contains("No page was assembled.") == true)
        #expect(page.section("diagnostics")?.textContent.contains("No errors and no warnings.") == true)
        #expect(page.elements("svg").isEmpty)
        // Said once, not twice.
        #expect(!summary.textContent.contains("No file was written"))
        // A dry run says so in the header and in the summary.
        report.dryRun = true
        report.changes.pagesEdited = ["index.html"]
        let dryRun = try ParsedDashboard(Dashboard.html(report, title: "Teilhabe"))
        #expect(dryRun.elements("header").first?.textContent.contains("Dry run: nothing was written.") == true)
        #expect(dryRun.section("summary")?.textContent.contains("Dry run: no file was written.") == true)
    }

    @Test(.enabled(if: ExternalTool.path("xmllint") != nil, "xmllint (libxml2-utils) is not installed: the HTML parser check is skipped"))
    func parsesAsHTMLWithoutErrorsBeyondHTML5Elements() throws {
        let folder = try temporaryFolder("dashboard")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("dashboard.html")
        try Dashboard.html(SampleRun.report(), title: "Teilhabe").write(to: file, atomically: true, encoding: .utf8)
        let (status, output) = try ExternalTool.run(ExternalTool.path("xmllint")!, ["--html", "--noout", file.path])
        // libxml2's HTML 4 parser does not know HTML5 and SVG element names ("Tag section invalid");
        // any other message (an unescaped "<", a mismatched end tag, a bad entity) is a real error.
        let html5 = ["header", "nav", "main", "section", "details", "summary", "bdi", "figure", "figcaption",
                     "svg", "desc", "rect", "text", "line", "g"]
        let messages = output.split(separator: "\n").filter { $0.contains("parser error :") || $0.contains("parser warning :") }
        let unknownTags = messages.filter { message in html5.contains { message.hasSuffix("Tag \($0) invalid") } }
        #expect(!messages.isEmpty, "xmllint said nothing at all: \(output)")
        #expect(messages.count == unknownTags.count, "\(messages.filter { !unknownTags.contains($0) })")
        #expect(status == 0)
    }
}

extension ParsedDashboard {
    static func descendants(of element: XML.Element) -> [XML.Element] {
        element.elements().flatMap { [$0] + descendants(of: $0) }
    }

    /// The text of each cell (`th` and `td`) of an element, in order.
    static func cells(_ element: XML.Element) -> [String] {
        descendants(of: element).filter { $0.name == "td" || $0.name == "th" }.map(\.textContent)
    }

    /// The body rows of a table as cell texts.
    static func bodyRows(_ table: XML.Element?) -> [[String]] {
        guard let body = table?.firstElement(named: "tbody") else { return [] }
        return body.elements(named: "tr").map(cells)
    }
}
