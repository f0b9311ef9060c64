import Testing
@testable import LocalizationCore

@Suite("ICU formatting")
struct FormattingTests {
    @Test(arguments: [
        ("ar-u-nu-arab", "٤٤", "١٬٢٣٤٫٥"),
        ("ar-u-nu-latn", "44", "1,234.5"),
        ("fa-u-nu-arabext", "۴۴", "۱٬۲۳۴٫۵"),
        ("de", "44", "1.234,5"),
        ("en", "44", "1,234.5"),
        ("ru", "44", "1\u{A0}234,5"),
    ])
    func numbersInTheLocalesNumberingSystem(locale: String, integer: String, decimal: String) throws {
        let numbers = NumberFormatting(locale: locale)
        #expect(try numbers.format(44) == integer)
        #expect(try numbers.format(1234.5) == decimal)
    }

    @Test func yearsHaveNoGroupingAndPercentsTheLocalesSign() throws {
        #expect(try NumberFormatting(locale: "de").format(2021, grouping: false) == "2021")
        #expect(try NumberFormatting(locale: "fa-u-nu-arabext").format(2021, grouping: false) == "۲۰۲۱")
        #expect(try NumberFormatting(locale: "de").percent(0.7) == "70\u{A0}%")
        #expect(try NumberFormatting(locale: "tr").percent(0.7) == "%70")
    }

    @Test(arguments: [
        ("de", "Februar 2021", "1. Januar 2020"),
        ("en", "February 2021", "January 1, 2020"),
        ("tr", "Şubat 2021", "1 Ocak 2020"),
        ("ru", "февраль 2021\u{202F}г.", "1 января 2020\u{202F}г."),
        ("ar-u-nu-arab", "فبراير ٢٠٢١", "١ يناير ٢٠٢٠"),
        // Persian dates default to the Solar Hijri calendar; the city's dates are Gregorian.
        ("fa-u-ca-gregory-nu-arabext", "فوریهٔ ۲۰۲۱", "۱ ژانویهٔ ۲۰۲۰"),
    ])
    func datesBySkeleton(locale: String, month: String, day: String) throws {
        let dates = DateFormatting(locale: locale)
        #expect(try dates.format(CalendarDate(year: 2021, month: 2)) == month)
        #expect(try dates.format(CalendarDate(year: 2020, month: 1, day: 1)) == day)
    }

    @Test func pluralCategoriesFollowCLDR() throws {
        let arabic = try PluralRules(locale: "ar")
        #expect(arabic.categories == ["zero", "one", "two", "few", "many", "other"])
        #expect(try arabic.category(for: 44) == "many")
        #expect(try arabic.category(for: 3) == "few")
        let russian = try PluralRules(locale: "ru")
        #expect(try russian.category(for: 44) == "few")
        #expect(try russian.category(for: 21) == "one")
        #expect(try PluralRules(locale: "en").category(for: 1, fractionDigits: 1) == "other")
    }

    @Test func messageFormatWithNamedArgumentsAndPlurals() throws {
        let russian = try MessageFormat("{count, plural, one {# организация} few {# организации} many {# организаций} other {# организации}}", locale: "ru")
        #expect(russian.argumentNames == ["count"])
        #expect(try russian.format(["count": .number(44)]) == "44 организации")
        #expect(try russian.format(["count": .number(45)]) == "45 организаций")
        let persian = try MessageFormat("وضعیت: {date}", locale: "fa-u-nu-arabext")
        #expect(try persian.format(["date": .string("نوامبر ۲۰۲۰")]) == "وضعیت: نوامبر ۲۰۲۰")
        let digits = try MessageFormat("{count, plural, other {# سازمان}}", locale: "fa-u-nu-arabext")
        #expect(try digits.format(["count": .number(44)]) == "۴۴ سازمان")
    }

    @Test func brokenMessagePatternIsATypedErrorWithItsOffset() {
        #expect(throws: ICUError.self) { try MessageFormat("{count, plural, one {x}", locale: "de") }
        do {
            _ = try MessageFormat("Stand: {date", locale: "de")
            Issue.record("a broken pattern compiled")
        } catch {
            #expect(error.name == "U_UNMATCHED_BRACES")
            #expect(error.description.hasPrefix("message format pattern 'Stand: {date' (de) failed: U_UNMATCHED_BRACES"))
        }
    }

    @Test func listsDisplayNamesAndCollation() throws {
        #expect(try ListFormatting(locale: "de").format(["Arabisch", "Persisch", "Türkisch"]) == "Arabisch, Persisch und Türkisch")
        #expect(try ListFormatting(locale: "en").format(["A", "B"], style: .or) == "A or B")
        #expect(try DisplayNames(locale: "de").name(of: "uk") == "Ukrainisch")
        #expect(try DisplayNames.nativeName(of: "fa") == "فارسی")
        #expect(try DisplayNames.nativeName(of: "tr") == "Türkçe")
        #expect(try DisplayNames(locale: "de").sorted(["Zypern", "Österreich", "Andorra"]) == ["Andorra", "Österreich", "Zypern"])
        #expect(try DisplayNames(locale: "sv").sorted(["Zypern", "Österreich", "Andorra"]) == ["Andorra", "Zypern", "Österreich"])
    }
}
