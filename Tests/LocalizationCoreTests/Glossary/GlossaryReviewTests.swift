import Foundation
import Testing
@testable import LocalizationCore

/// Review sheets for organisations: the HTML page, the decisions CSV, and applying it.
@Suite struct GlossaryReviewTests {
    static let organisation = "Beispielverein Hannover e.V."

    static func sheet(_ tag: String) throws -> ReviewSheet {
        let termbase = try GlossaryExchangeTests.projectTermbase()
        let project = try Project(root: TestPaths.packageRoot)
        let pages = try GlossaryStore(project: project).extractedPages().pages
        let occurrences = TermOccurrences(pages: pages, recognizer: TermRecognizer(termbase: termbase), segmenter: try Segmenter.german())
        return ReviewSheet(termbase: termbase, language: try TargetLanguage(tag), organisation: organisation, occurrences: occurrences)
    }

    @Test func arabicSheetMarksTermsRightToLeftAndHighlightsOccurrencesWithTheirPage() throws {
        let html = try Self.sheet("ar").html()
        #expect(html.contains("<div lang=\"ar\" dir=\"rtl\">المجلس الاستشاري للاندماج</div>"))
        #expect(html.contains("<cite>integrationsbeiraete.html</cite>: Die <mark>Integrationsbeiräte</mark> arbeiten in den <mark>Stadtbezirken</mark>.") == false)
        #expect(html.contains("<cite>integrationsbeiraete.html</cite>: Die <mark>Integrationsbeiräte</mark> arbeiten in den Stadtbezirken."))
        #expect(html.contains("<cite>miso.html</cite>"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"))
        // every row has the German definition
        #expect(html.contains("Beratendes Gremium in jedem der 13 Stadtbezirke"))
    }

    @Test func rowsFollowTheCollationOfTheReviewedLanguage() throws {
        let sheet = try Self.sheet("tr")
        let terms = sheet.orderedConcepts.compactMap { $0.preferredTerm("tr")?.text }
        let collator = try #require(Collator(locale: "tr"))
        #expect(terms == collator.sorted(terms) { $0 })
        // Turkish order: "ç" after "c", "ı" before "i", "ü" after "u"
        #expect(collator.sorted(["uyum", "çocuk", "ılık", "cadde", "ülke", "iş"]) { $0 } == ["cadde", "çocuk", "ılık", "iş", "uyum", "ülke"])
    }

    @Test func reviewRoundTripRecordsWhoWhenAndWhy() throws {
        let sheet = try Self.sheet("ar")
        var rows = try CSV.read(sheet.decisionsCSV(), file: "review-ar.csv")
        #expect(rows[0].fields == ReviewDecisions.columns)
        func row(_ concept: String) -> Int { rows.firstIndex { $0.fields[0] == concept }! }
        rows[row("integrationsbeirat")].fields[6] = "approved"
        rows[row("integrationsbeirat")].fields[8] = "so in der Gemeinde eingeführt"
        rows[row("stadtbezirk")].fields[6] = "rejected"
        rows[row("stadtbezirk")].fields[8] = "„حي“ ist verständlicher"
        rows[row("stadtbezirk")].fields[10] = "2026-12-01"
        rows[row("nachbarschaftskreis")].fields[6] = "proposed"
        rows[row("nachbarschaftskreis")].fields[7] = "مبادرة الجيران"
        var termbase = sheet.termbase
        let changes = try ReviewDecisions.apply(Array(CSV.write(rows.map(\.fields)).utf8), file: "review-ar.csv", to: &termbase, today: "2026-11-30")
        #expect(changes.count == 3)
        let approved = try #require(termbase.concept("integrationsbeirat")?.terms("ar").first)
        #expect(approved.reviews.last == Review(.approved, by: Self.organisation, date: "2026-11-30", reason: "so in der Gemeinde eingeführt"))
        #expect(termbase.concept("stadtbezirk")?.terms("ar").first?.reviewDecision == .rejected)
        #expect(termbase.concept("stadtbezirk")?.terms("ar").first?.reviews.last?.date == "2026-12-01")
        let proposed = try #require(termbase.concept("nachbarschaftskreis")?.terms("ar").last)
        #expect(proposed.text == "مبادرة الجيران")
        #expect(proposed.status == .admitted)
        #expect(proposed.reviews == [Review(.proposed, by: Self.organisation, date: "2026-11-30")])
        // recorded in TBX and read back
        let again = try TBXReader().read(Array(TBXWriter().write(termbase).utf8), file: "t.tbx")
        #expect(again == termbase)
    }

    @Test func aBadRowChangesNothingAndNamesTheLine() throws {
        let sheet = "concept,language,term,decision,reason,organisation\r\nteilhabe,ar,المشاركة,approved,,Verein\r\nstadtbezirk,ar,المنطقة البلدية,rejected,,Verein\r\n"
        var termbase = try GlossaryExchangeTests.projectTermbase()
        let before = termbase
        #expect(throws: GlossaryError(file: "r.csv", line: 3, entry: "stadtbezirk", "a rejection needs a reason")) {
            try ReviewDecisions.apply(Array(sheet.utf8), file: "r.csv", to: &termbase, today: "2026-11-30")
        }
        #expect(termbase == before)
    }
}
