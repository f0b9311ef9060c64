import Foundation
import Testing
@testable import LocalizationCore

/// `localize` formats and scans only the German forms a target's text holds, from a page's
/// table of formatted forms: held to the definition (every form formatted with ICU, every
/// text fragment scanned) on generated targets.
@Suite struct AutoTranslatablesLocalizeTests {
    static let catalog = Result { try LocaleCatalog.load(folder: TestPaths.packageRoot.appendingPathComponent("locales"), sourceLocale: "de") }

    /// The definition, formatting with ICU directly (no table).
    static func reference(_ target: Content, sourceItems: [AutoTranslatable], locale: LocaleDefinition) -> Content {
        var replacements: [(from: String, to: String)] = []
        for item in sourceItems {
            if case .reference = item.kind { continue }
            if let formatted = try? AutoTranslatable.format(item.kind, text: item.text, for: locale), formatted != item.text {
                replacements.append((item.text, formatted))
            }
            if case .date(let date) = item.kind, let year = try? AutoTranslatable.format(.year(date.year), text: "", for: locale),
               year != String(date.year) {
                replacements.append((String(date.year), year))
            }
        }
        guard !replacements.isEmpty else { return target }
        replacements.sort { $0.from.unicodeScalars.count > $1.from.unicodeScalars.count }
        return Content(target.fragments.map { fragment in
            guard case .text(let text) = fragment else { return fragment }
            return .text(AutoTranslatables.replace(replacements, in: text))
        })
    }

    @Test func localizeMatchesTheDefinition() throws {
        let catalog = try Self.catalog.get()
        let locales = try ["ar", "fa", "en", "tr", "uk"].map { try catalog.definition(for: $0) }
        let sources = ["MiSO zählt 44 Mitgliedsorganisationen (Stand: November 2020).", "Seit 1. Januar 2020: 1.234,5 Euro, 70 Prozent.",
                       "Drucksache 0108/2021 vom Februar 2021", "2014 gegründet, 2020 erneuert", "Keine Zahlen hier.",
                       // A year before a date of that year: the date goes first all the same.
                       "2020 und November 2020"]
        let pieces = ["44", "2044", "4.44", "November 2020", "2020", "نوفمبر 2020", "1.234,5", "70 Prozent", "70 %", "0108/2021", "Januar",
                      "1. Januar 2020", "2014", " ", "و", "members ", "٤٤", "Februar 2021", "2021"]
        let code = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>")
        var generator = SplitMix64(seed: 5)
        for _ in 0 ..< 1500 {
            let source = sources[Int(generator.next() % UInt64(sources.count))]
            let items = AutoTranslatables.recognize(in: source)
            let target = Content((0 ..< Int(generator.next() % 5)).map { _ in
                generator.next() % 4 == 0 ? .standalone(code)
                    : .text((0 ..< Int(1 + generator.next() % 4)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
            })
            for locale in locales {
                #expect(AutoTranslatables.localize(target, source: Content(text: source), locale: locale)
                    == Self.reference(target, sourceItems: items, locale: locale),
                        "\(locale.tag): \(target.plainText.debugDescription) for \(source.debugDescription)")
            }
        }
    }

    /// Assembly formats a page's numbers and dates once per locale (`PageAutoTranslatables`,
    /// from the run's table of the locale) and localizes each unit's target from that table:
    /// the same targets as the definition, for units that share a page's items and units that
    /// have their own.
    @Test func localizeFromThePagesTableMatchesTheDefinition() throws {
        let catalog = try Self.catalog.get()
        let locales = try ["ar", "fa", "en", "tr", "uk"].map { try catalog.definition(for: $0) }
        let sources = ["MiSO zählt 44 Mitgliedsorganisationen (Stand: November 2020).", "Seit 1. Januar 2020: 1.234,5 Euro, 70 Prozent.",
                       "Drucksache 0108/2021 vom Februar 2021", "2014 gegründet, 2020 erneuert", "Keine Zahlen hier.", "44 und 1.000 und 1000, 44",
                       "November 2020 und 2020", "2020 und November 2020", "70 % von 44", "3,50 und 3,5"]
        let pieces = ["44", "2044", "4.44", "November 2020", "2020", "نوفمبر 2020", "1.234,5", "70 Prozent", "70 %", "0108/2021", "Januar",
                      "1. Januar 2020", "2014", " ", "و", "members ", "٤٤", "Februar 2021", "2021", "1.000", "1000", "3,50", "3,5", "70 ٪"]
        let code = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>")
        var generator = SplitMix64(seed: 7)
        for _ in 0 ..< 300 {
            // A page: a few units, whose items share the page's table.
            var table = PageAutoTranslatables()
            let units = (0 ..< Int(1 + generator.next() % 4)).map { _ in
                let items = AutoTranslatables.recognize(in: sources[Int(generator.next() % UInt64(sources.count))])
                return (items: items, localizable: table.localizable(items))
            }
            for locale in locales {
                // A table of its own every other page: one that starts empty, and the shared one.
                let forms = generator.next() % 2 == 0 ? LocaleFormTable(locale: locale) : LocaleFormTable.shared(for: locale)
                var formatted = table.formatted(in: forms)
                for unit in units {
                    let target = Content((0 ..< Int(generator.next() % 5)).map { _ in
                        generator.next() % 4 == 0 ? .standalone(code)
                            : .text((0 ..< Int(1 + generator.next() % 4)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
                    })
                    #expect(AutoTranslatables.localize(target, items: unit.localizable, formatted: &formatted)
                        == Self.reference(target, sourceItems: unit.items, locale: locale),
                            "\(locale.tag): \(target.plainText.debugDescription) for \(unit.items.map(\.text))")
                }
            }
        }
    }

    /// A locale's table gives ICU's forms, for every kind of item and for locales that share
    /// a way of formatting, and starts afresh when full rather than growing without bound.
    @Test func theLocalesTableGivesICUsFormsAndStaysBounded() throws {
        let catalog = try Self.catalog.get()
        let locales = try ["ar", "fa", "en", "tr", "uk", "ckb"].map { try catalog.definition(for: $0) }
        var generator = SplitMix64(seed: 11)
        let kinds: [AutoTranslatable.Kind] = (0 ..< 400).map { _ in
            switch generator.next() % 4 {
            case 0: .number(Double(generator.next() % 100_000) / 10, fractionDigits: Int(generator.next() % 3))
            case 1: .year(1900 + Int(generator.next() % 200))
            case 2: .percent(Double(generator.next() % 1000) / 1000, fractionDigits: Int(generator.next() % 2))
            default: .date(CalendarDate(year: 1990 + Int(generator.next() % 40), month: 1 + Int(generator.next() % 12),
                                        day: generator.next() % 2 == 0 ? nil : 1 + Int(generator.next() % 28)))
            }
        }
        for locale in locales {
            let table = LocaleFormTable(locale: locale, limit: 64)
            // Twice over: the second round reads what the first formatted, or formats again.
            for kind in kinds + kinds {
                #expect(try table.form(of: kind) == AutoTranslatable.format(kind, text: "", for: locale), "\(locale.tag): \(kind)")
                #expect(table.count <= 64)
            }
            #expect(LocaleFormTable.shared(for: locale) === LocaleFormTable.shared(for: locale))
        }
    }
}
