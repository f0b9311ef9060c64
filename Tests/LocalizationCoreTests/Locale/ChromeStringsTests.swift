import Foundation
import Testing
@testable import LocalizationCore

/// `ChromeStrings` compiles the source language's chrome messages once and matches a unit's
/// text once for all locales; these tests hold it to the straightforward definition (every
/// message pattern parsed and formatted for every unit and locale) on many texts.
@Suite("Chrome strings")
struct ChromeStringsTests {
    static let catalog = Result { try LocaleCatalog.load(folder: TestPaths.packageRoot.appendingPathComponent("locales"), sourceLocale: "de") }

    /// The chrome target as first written: per key in order, the source pattern parsed, its
    /// candidates' arguments formatted, the target message formatted.
    static func reference(_ catalog: LocaleCatalog, for source: Content, locale: LocaleDefinition) -> Content? {
        guard source.fragments.count == 1, case .text(let text) = source.fragments[0],
              let german = catalog.definitions[catalog.sourceLocale] else { return nil }
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        for key in LocaleDefinition.messageArguments.keys.sorted() {
            guard let germanPattern = german.messages[key],
                  let germanFormat = try? MessageFormat(germanPattern, locale: german.formattingLocale) else { continue }
            let candidates: [([String: MessageFormat.Argument], [String: MessageFormat.Argument])]
            switch LocaleDefinition.messageArguments[key] ?? [] {
            case []:
                candidates = [([:], [:])]
            case ["count"]:
                candidates = AutoTranslatables.recognize(in: trimmed).compactMap { item in
                    guard case .number(let value, 0) = item.kind else { return nil }
                    return (["count": .number(value)], ["count": .number(value)])
                }
            case ["date"]:
                candidates = AutoTranslatables.recognize(in: trimmed).compactMap { item in
                    guard case .date = item.kind, let formatted = try? item.formatted(for: locale) else { return nil }
                    return (["date": .string(item.text)], ["date": .string(formatted)])
                }
            default:
                candidates = []
            }
            for (germanArguments, targetArguments) in candidates {
                guard (try? germanFormat.format(germanArguments)) == trimmed,
                      let message = try? catalog.message(key, for: locale.tag, targetArguments) else { continue }
                return Content(text: text.replacingTrimmedText(with: message))
            }
        }
        return nil
    }

    /// Chrome strings, near misses, numbers and dates in and around them, white space, codes.
    static func texts() -> [Content] {
        var texts = ["lesen", " lesen ", "\u{A0}lesen\n", "Lesen", "lesen!", "Sprache wählen", "Noch nicht übersetzt",
                     "Stand: November 2020", "Stand: 1. Januar 2020", "Stand:  November 2020", "Stand: November 20",
                     "Stand: 0108/2021", "Stand: 44", "Mitgliedsorganisationen lesen", "", "   ",
                     "Diese Seite ist noch nicht auf Deutsch übersetzt. Sie lesen das deutsche Original."]
        for count in [0, 1, 2, 3, 5, 11, 21, 44, 45, 101, 1000, 1234] {
            texts += ["\(count) Mitgliedsorganisationen", "\(count) Mitgliedsorganisation", " \(count) Mitgliedsorganisationen ",
                      "\(count),5 Mitgliedsorganisationen", "\(count) Mitgliedsorganisationen und 3 Gäste"]
        }
        texts += ["1.234 Mitgliedsorganisationen", "70 Prozent Mitgliedsorganisationen"]
        for month in AutoTranslatables.months {
            for year in [1999, 2020, 2021] {
                texts += ["Stand: \(month) \(year)", "Stand: 3. \(month) \(year)", "\(month) \(year)"]
            }
        }
        var contents = texts.map { Content(text: $0) }
        let code = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>", displayText: nil)
        contents.append(Content([.text("lesen"), .standalone(code)]))
        contents.append(Content([.opening(code), .text("lesen"), .closing(code)]))
        return contents
    }

    @Test func matchesTheStraightforwardDefinitionInEveryLocale() throws {
        let catalog = try Self.catalog.get()
        let chrome = ChromeStrings(catalog: catalog)
        var compared = 0
        var found = 0
        for text in Self.texts() {
            let matches = chrome.matches(for: text)
            for locale in catalog.definitions.values.sorted(by: { $0.tag < $1.tag }) {
                let expected = Self.reference(catalog, for: text, locale: locale)
                #expect(chrome.target(for: matches, locale: locale) == expected, "\(text.plainText) in \(locale.tag)")
                #expect(catalog.chromeTarget(for: text, locale: locale) == expected, "\(text.plainText) in \(locale.tag)")
                // Assembly passes the items it recognised in the untrimmed text.
                let recognized = AutoTranslatables.recognize(in: text.plainText)
                #expect(chrome.target(for: chrome.matches(for: text, recognized: recognized), locale: locale) == expected, "\(text.plainText) in \(locale.tag)")
                compared += 1
                if expected != nil { found += 1 }
            }
        }
        // The texts hold chrome strings in every locale, not only misses.
        #expect(found >= 80 * catalog.definitions.count / 2)
        #expect(compared > found)
    }

    /// Formatted messages are kept: asking again, from several tasks at once, answers the same.
    @Test func cachedMessagesAnswerAlikeFromConcurrentTasks() async throws {
        let catalog = try Self.catalog.get()
        let chrome = ChromeStrings(catalog: catalog)
        let locales = catalog.definitions.values.sorted { $0.tag < $1.tag }
        let texts = Self.texts()
        let once = texts.map { text in locales.map { chrome.target(for: chrome.matches(for: text), locale: $0) } }
        let again = await withTaskGroup(of: (Int, [Content?]).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, locales.map { chrome.target(for: chrome.matches(for: text), locale: $0) }) }
            }
            var results = [[Content?]](repeating: [], count: texts.count)
            for await (index, targets) in group { results[index] = targets }
            return results
        }
        #expect(again == once)
    }
}
