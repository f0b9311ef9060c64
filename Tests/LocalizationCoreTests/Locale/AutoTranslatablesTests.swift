import Foundation
import Testing
@testable import LocalizationCore

@Suite("Auto-translatables")
struct AutoTranslatablesTests {
    static let catalog = Result { try LocaleCatalog.load(folder: TestPaths.packageRoot.appendingPathComponent("locales"), sourceLocale: "de") }

    func locale(_ tag: String) throws -> LocaleDefinition {
        try Self.catalog.get().definition(for: tag)
    }

    @Test func germanNumbersDatesAndReferencesAreRecognised() {
        let text = "Das 2014 gegründete Netzwerk zählt 44 Mitglieder, 1.234,5 Euro, 70 Prozent (Stand: November 2020); "
            + "seit 1. Januar 2020, im Februar 2021 beschlossen (Beschluss-Drucksache Nr.\u{A0}0108/2021)."
        let found = AutoTranslatables.recognize(in: text)
        #expect(found.map(\.text) == ["2014", "44", "1.234,5", "70 Prozent", "November 2020", "1. Januar 2020", "Februar 2021", "0108/2021"])
        #expect(found.map(\.kind) == [
            .year(2014), .number(44, fractionDigits: 0), .number(1234.5, fractionDigits: 1), .percent(0.7, fractionDigits: 0),
            .date(CalendarDate(year: 2020, month: 11)), .date(CalendarDate(year: 2020, month: 1, day: 1)),
            .date(CalendarDate(year: 2021, month: 2)), .reference,
        ])
    }

    /// Formatting is cached per process; each reference must still come back as its own text.
    @Test func eachReferenceKeepsItsOwnText() throws {
        let arabic = try locale("ar")
        let found = AutoTranslatables.recognize(in: "Drucksache 0108/2021, dann 0215/2022 und wieder 0108/2021.")
        #expect(found.map(\.kind) == [.reference, .reference, .reference])
        #expect(try found.map { try $0.formatted(for: arabic) } == ["0108/2021", "0215/2022", "0108/2021"])
    }

    @Test func namesWithDigitsAreNotNumbers() {
        #expect(AutoTranslatables.recognize(in: "WIR 2.0 und Unterziel 14.1 der Agenda 2030-Ziele, A4-Blatt").map(\.text) == [])
    }

    @Test(arguments: [
        ("ar", ["٢٠١٤", "٤٤", "١٬٢٣٤٫٥", "٧٠٪؜", "نوفمبر ٢٠٢٠", "١ يناير ٢٠٢٠", "فبراير ٢٠٢١", "0108/2021"]),
        ("fa", ["۲۰۱۴", "۴۴", "۱٬۲۳۴٫۵", "۷۰٪", "نوامبر ۲۰۲۰", "۱ ژانویهٔ ۲۰۲۰", "فوریهٔ ۲۰۲۱", "0108/2021"]),
        ("en", ["2014", "44", "1,234.5", "70%", "November 2020", "January 1, 2020", "February 2021", "0108/2021"]),
        ("tr", ["2014", "44", "1.234,5", "%70", "Kasım 2020", "1 Ocak 2020", "Şubat 2021", "0108/2021"]),
    ])
    func formattedWithICUForTheLocale(tag: String, expected: [String]) throws {
        let text = "2014, 44, 1.234,5, 70 Prozent, November 2020, 1. Januar 2020, Februar 2021, Nr. 0108/2021"
        let locale = try locale(tag)
        #expect(try AutoTranslatables.recognize(in: text).map { try $0.formatted(for: locale) } == expected)
    }

    @Test func targetsGetTheLocalesDigitsAndReferencesStayVerbatim() throws {
        let source = Content(text: "zählt 44 Mitgliedsorganisationen (Stand: November 2020), Drucksache 0108/2021")
        let target = Content(text: "تضم 44 منظمة عضوًا (حتى نوفمبر 2020)، الوثيقة 0108/2021")
        let localized = AutoTranslatables.localize(target, source: source, locale: try locale("ar"))
        #expect(localized.plainText == "تضم ٤٤ منظمة عضوًا (حتى نوفمبر ٢٠٢٠)، الوثيقة 0108/2021")
        // A German form left in the target is written the locale's way as a whole.
        let untouched = AutoTranslatables.localize(Content(text: "وضعیت: November 2020"), source: source, locale: try locale("fa"))
        #expect(untouched.plainText == "وضعیت: نوامبر ۲۰۲۰")
        // Digits inside other numbers are left alone.
        #expect(AutoTranslatables.localize(Content(text: "2044 و 44"), source: Content(text: "44"), locale: try locale("ar")).plainText == "2044 و ٤٤")
    }

    @Test func aUnitThatIsOnlyADateNeedsNoTranslator() throws {
        #expect(AutoTranslatables.wholeTarget(for: Content(text: " Februar 2021 "), locale: try locale("fa"))?.plainText == " فوریهٔ ۲۰۲۱ ")
        #expect(AutoTranslatables.wholeTarget(for: Content(text: "Februar 2021 beschlossen"), locale: try locale("fa")) == nil)
        #expect(AutoTranslatables.wholeTarget(for: Content(text: "0108/2021"), locale: try locale("fa")) == nil)
    }

    @Test func chromeStringsComeFromTheLocaleDefinitions() throws {
        let catalog = try Self.catalog.get()
        #expect(catalog.chromeTarget(for: Content(text: "lesen"), locale: try locale("uk"))?.plainText == "Читати")
        #expect(catalog.chromeTarget(for: Content(text: "Stand: November 2020"), locale: try locale("ar"))?.plainText == "حتى نوفمبر ٢٠٢٠")
        #expect(catalog.chromeTarget(for: Content(text: "44 Mitgliedsorganisationen"), locale: try locale("ru"))?.plainText == "44 организации-члена")
        #expect(catalog.chromeTarget(for: Content(text: "45 Mitgliedsorganisationen"), locale: try locale("ru"))?.plainText == "45 организаций-членов")
        #expect(catalog.chromeTarget(for: Content(text: "Mitgliedsorganisationen lesen"), locale: try locale("ru")) == nil)
    }
}
