import Foundation
import Testing
@testable import LocalizationCore

/// Term QA on returned translations, with waivers.
@Suite struct GlossaryTermCheckTests {
    /// The project's termbase with the Russian and Arabic translations of some concepts approved.
    static let termbase: Termbase = {
        var termbase = try! GlossaryExchangeTests.projectTermbase()
        for id in ["integrationsbeirat", "teilhabe", "fluechtlingsunterkunft"] {
            let index = termbase.concepts.firstIndex { $0.id == id }!
            for language in ["ru", "ar", "en", "uk"] {
                let section = termbase.concepts[index].languages.firstIndex { $0.language == language }!
                termbase.concepts[index].languages[section].terms[0].reviews.append(Review(.approved, by: "Beispielverein", date: "2026-11-30"))
            }
        }
        // a forbidden English rendering
        let index = termbase.concepts.firstIndex { $0.id == "fluechtlingsunterkunft" }!
        termbase.concepts[index].setTerm(Term("asylum seekers' home", status: .deprecated), language: "en")
        return termbase
    }()

    static func unit(_ source: String, _ target: String, id: String = "u1") -> TextUnit {
        TextUnit(id: id, placement: .elementContent(elementName: "p"), name: "p", source: Content(text: source), target: Content(text: target), state: .translated, line: 7)
    }

    @Test func anApprovedTermMissingFromTheTargetIsAWarningWithUnitAndTerm() {
        let check = TermCheck(termbase: Self.termbase, targetLanguage: "ru")
        let diagnostics = check.check(Self.unit("Die Integrationsbeiräte arbeiten in den Stadtbezirken.", "Советы по интеграции работают в районах."), file: "ru.xlf")
        #expect(diagnostics.filter { $0.severity == .warning }.map(\.description) == [
            "ru.xlf:7: warning: unit u1: term \"Integrationsbeirat\" [integrationsbeirat]: the target does not use the approved term \"консультативный совет по вопросам интеграции\"",
        ])
        // the proposed term for "Stadtbezirk" is only a note
        #expect(diagnostics.contains { $0.severity == .note && $0.message.contains("[stadtbezirk]") })
    }

    @Test func inflectedFormsFoundByTheStemmerCount() {
        let check = TermCheck(termbase: Self.termbase, targetLanguage: "ru")
        let unit = Self.unit("Die Mitglieder des Integrationsbeirats tagen.", "Члены консультативного совета по вопросам интеграции заседают.")
        #expect(check.check(unit, file: "ru.xlf").filter { $0.severity == .warning }.isEmpty)
    }

    /// Snowball has no Ukrainian stemmer: endings differing in the last letters still count.
    @Test func ukrainianCaseEndingsCountWithoutAStemmer() {
        let check = TermCheck(termbase: Self.termbase, targetLanguage: "uk")
        let dative = Self.unit("Dem Integrationsbeirat wurde berichtet.", "Консультативній раді з питань інтеграції доповіли.")
        #expect(check.check(dative, file: "uk.xlf").filter { $0.severity == .warning }.isEmpty)
        let other = Self.unit("Dem Integrationsbeirat wurde berichtet.", "Міській раді доповіли.")
        #expect(check.check(other, file: "uk.xlf").filter { $0.severity == .warning }.count == 1)
    }

    @Test func arabicPrefixesAndDeclaredFormsCount() {
        let check = TermCheck(termbase: Self.termbase, targetLanguage: "ar")
        let unit = Self.unit("Teilhabe für alle", "المشاركة للجميع")
        #expect(check.check(unit, file: "ar.xlf").filter { $0.severity == .warning }.isEmpty)
        let withPrefix = Self.unit("gleichberechtigte Teilhabe", "والمشاركة المتكافئة")
        #expect(check.check(withPrefix, file: "ar.xlf").filter { $0.severity == .warning }.isEmpty)
        let missing = Self.unit("Teilhabe für alle", "الاندماج للجميع")
        #expect(check.check(missing, file: "ar.xlf").filter { $0.severity == .warning }.count == 1)
    }

    @Test func doNotTranslateNamesMustStayUnchanged() {
        let check = TermCheck(termbase: Self.termbase, targetLanguage: "en")
        let changed = check.check(Self.unit("Der WIR 2.0 ist der neue Plan.", "The WE 2.0 is the new plan."), file: "en.xlf")
        #expect(changed.map(\.message) == ["term \"WIR 2.0\" [wir-2-0]: do-not-translate name \"WIR 2.0\" is not in the target unchanged"])
        #expect(check.check(Self.unit("Der WIR 2.0 ist der neue Plan.", "WIR 2.0 is the new plan."), file: "en.xlf").isEmpty)
    }

    @Test func forbiddenTermsAreReported() {
        let check = TermCheck(termbase: Self.termbase, targetLanguage: "en")
        let diagnostics = check.check(Self.unit("Die Flüchtlingsunterkunft wird erweitert.", "The asylum seekers' home is being extended."), file: "en.xlf")
        #expect(diagnostics.map(\.message).contains("term \"Flüchtlingsunterkunft\" [fluechtlingsunterkunft]: the target uses the forbidden term \"asylum seekers' home\""))
        #expect(diagnostics.filter { $0.severity == .warning }.count == 2)
    }

    @Test func aWaiverSilencesTheWarningOfThatUnitOnly() {
        let waiver = TermWaiver(locale: "ru", unitID: "u1", conceptID: "integrationsbeirat", reason: "Überschrift, Kurzform abgestimmt", by: "Beispielverein", date: "2026-11-30")
        let check = TermCheck(termbase: Self.termbase, targetLanguage: "ru", waivers: [waiver])
        #expect(check.check(Self.unit("Integrationsbeiräte", "Советы"), file: "ru.xlf").isEmpty)
        #expect(check.check(Self.unit("Integrationsbeiräte", "Советы", id: "u2"), file: "ru.xlf").count == 1)
    }

    @Test func waiversAreStoredSortedAndReadBack() throws {
        let folder = try temporaryFolder("waivers")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = GlossaryStore(project: try Project(root: folder))
        let waivers = [
            TermWaiver(locale: "uk", unitID: "u9", conceptID: "teilhabe", reason: "r", by: "b", date: "2026-11-30"),
            TermWaiver(locale: "ar", unitID: "u2", conceptID: "miso", reason: "r", by: "b", date: "2026-11-30"),
        ]
        try store.saveWaivers(waivers)
        #expect(try store.loadWaivers() == waivers.reversed())
    }
}
