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

    /// Number and date formats are opened once per process and shared: formatting many values
    /// from many tasks at once answers as formatting them one by one does.
    @Test func openedFormatsAnswerAlikeFromConcurrentTasks() async throws {
        let locales = ["ar-u-nu-arab", "fa-u-ca-gregory-nu-arabext", "de", "ru", "tr", "en", "uk"]
        func formatted(_ locale: String, _ index: Int) throws -> [String] {
            let numbers = NumberFormatting(locale: locale)
            let value = Double(index * 37) + Double(index % 4) / 4
            let date = CalendarDate(year: 1990 + index % 40, month: 1 + index % 12, day: index % 3 == 0 ? nil : 1 + index % 28)
            return [try numbers.format(value), try numbers.format(value, fractionDigits: 2), try numbers.format(value, grouping: false),
                    try numbers.percent(value / 1000), try DateFormatting(locale: locale).format(date)]
        }
        let indices = Array(0 ..< 200)
        let once = try locales.map { locale in try indices.flatMap { try formatted(locale, $0) } }
        let concurrently = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for (number, locale) in locales.enumerated() {
                // Several tasks per locale, each in its own order, share each format.
                for shift in 0 ..< 3 {
                    group.addTask {
                        var results = [[String]](repeating: [], count: indices.count)
                        for offset in indices.indices {
                            let index = (offset * 7 + shift * 61) % indices.count
                            results[index] = try formatted(locale, index)
                        }
                        return (number, results.flatMap { $0 })
                    }
                }
            }
            var results: [Int: [[String]]] = [:]
            for try await (number, strings) in group { results[number, default: []].append(strings) }
            return results
        }
        for (number, runs) in concurrently {
            #expect(runs.count == 3)
            for run in runs { #expect(run == once[number], "\(locales[number])") }
        }
        #expect(try NumberFormatting(locale: "ar-u-nu-arab").format(1234.5) == "١٬٢٣٤٫٥")
        #expect(try DateFormatting(locale: "de").format(CalendarDate(year: 2020, month: 1, day: 1)) == "1. Januar 2020")
    }

    /// Results longer than the first buffer are measured and written by a second call.
    @Test func longResultsAreWrittenWhole() throws {
        let long = String(repeating: "Mitgliedsorganisationen ", count: 40) + "{count, plural, one {# Organisation} other {# Organisationen}}"
        let formatted = try MessageFormat(long, locale: "de").format(["count": .number(44)])
        #expect(formatted == String(repeating: "Mitgliedsorganisationen ", count: 40) + "44 Organisationen")
        #expect(formatted.utf8.count > 256)
    }

    @Test func unknownLocalesFailWithTheirOperation() {
        #expect(throws: ICUError.self) { try NumberFormatting(locale: "not a tag").format(44) }
        #expect(throws: ICUError.self) { try DateFormatting(locale: "not a tag").format(CalendarDate(year: 2020, month: 1)) }
        do {
            _ = try DateFormatting(locale: "not a tag").format(CalendarDate(year: 2020, month: 1))
        } catch {
            #expect(error.description.hasPrefix("date format 'yMMMM' (not a tag) failed: "))
        }
    }
}
