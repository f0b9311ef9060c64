import Foundation
import Testing
@testable import LocalizationCore

/// Assembly looks a unit's sentences up one by one, stops at the first without a usable
/// target and joins the targets itself: held to the straightforward version (every sentence
/// looked up into a copy of the unit, joined by `updateSegments`, numbers localized from the
/// source) on generated units and memories.
@Suite struct SiteAssemblyTranslationTests {
    /// The straightforward version of `SiteAssembly.translation(of:page:memory:locale:)`.
    static func reference(_ unit: TextUnit, page: String, memory: TranslationMemory, locale: LocaleDefinition,
                          chrome: ChromeStrings) -> (Content?, PublishGate.UnitStatus) {
        var translated = unit
        let isAttribute = unit.isAttribute
        let texts = unit.segments.map(\.source.plainText)
        var index = 0
        translated.updateSegments { segment in
            defer { index += 1 }
            var segment = segment
            segment.target = nil
            let context = MemoryEntry.Context(unit: "\(page)#\(unit.id)", previous: index > 0 ? texts[index - 1] : nil,
                                              next: index + 1 < texts.count ? texts[index + 1] : nil)
            for entry in memory.exactOffers(forKey: MemoryEntry.key(for: segment.source), context: context, limit: 3) {
                let target = isAttribute ? entry.target.removingBidiMarks() : entry.target
                guard entry.state != .initial, TargetCheck.problems(target: target, source: segment.source, isAttribute: isAttribute).isEmpty else { continue }
                if isAttribute, target.plainText.unicodeScalars.contains(where: BidiLint.isBidiControl) { continue }
                segment.target = target
                segment.state = entry.state
                break
            }
            return segment
        }
        if let target = translated.target, !target.isEmpty,
           !translated.isSegmented || TargetCheck.problems(target: target, source: unit.source, isAttribute: isAttribute).isEmpty {
            let localized = AutoTranslatablesLocalizeTests.reference(target, sourceItems: AutoTranslatables.scanning(unit.source.plainText), locale: locale)
            return (localized, translated.state == .translated ? .translated : .reviewed)
        }
        let recognized = AutoTranslatables.scanning(unit.source.plainText)
        if let target = chrome.target(for: chrome.matches(for: unit.source, recognized: recognized), locale: locale)
            ?? AutoTranslatablesRecognitionTests.referenceWholeItem(unit.source).flatMap({ whole in
                (try? AutoTranslatable.format(whole.item.kind, text: whole.item.text, for: locale)).map { Content(text: whole.text.replacingTrimmedText(with: $0)) }
            }) {
            return (target, .automatic)
        }
        return (nil, .pending)
    }

    @Test func aUnitsTranslationIsTheStraightforwardOne() throws {
        let root = try SiteAssemblyTests.sampleProject(targets: #"["ar", "fa", "en"]"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try Project(root: root)
        let catalog = try #require(try SiteAssembly.catalog(for: project))
        let assembly = SiteAssembly(project: project, catalog: catalog)
        let chrome = ChromeStrings(catalog: catalog)
        let segmenter = try Segmenter.shipped(language: "de")
        let locales = try ["ar", "fa", "en"].map { try catalog.definition(for: $0) }
        let sentences = ["Der Rat tagt am 1. Januar 2020.", "MiSO zählt 44 Mitglieder.", "Seit 2014 gibt es 70 Prozent mehr.",
                         "Drucksache 0108/2021 liegt vor.", "Alles bleibt gleich.", "Februar 2021", "44"]
        let targets = ["المجلس يجتمع في 1. Januar 2020.", "MiSO has 44 members.", "2014 — 70 Prozent", "", "Bleibt \u{202E}so.",
                       "\u{200F}Gleich\u{200E}", "Februar 2021", "44 und 2020", "Line\rbreak"]
        let spaces = [" ", "  ", "\n", "\r\n"]
        let states: [TranslationState] = [.initial, .translated, .reviewed, .final]
        var generator = SplitMix64(seed: 17)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        var translatedUnits = 0
        var stoppedEarly = 0
        for round in 0 ..< 300 {
            let page = "p\(round % 3).html"
            let count = 1 + Int(generator.next() % 3)
            let parts = (0 ..< count).map { _ in pick(sentences) }
            var text = parts[0]
            for part in parts.dropFirst() { text += pick(spaces) + part }
            let placement: TextUnit.Placement = generator.next() % 5 == 0
                ? .attribute(elementName: "img", attributeName: "alt") : .elementContent(elementName: "p")
            let unit = TextUnit(id: "u\(round % 4)", placement: placement, name: "p", source: Content(text: text)).segmented(by: segmenter)
            for locale in locales {
                // Some sentences have entries (in a state, in this unit's context or another's),
                // some have none.
                var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: locale.tag)
                for sentence in unit.segments where generator.next() % 4 != 0 {
                    for _ in 0 ..< 1 + Int(generator.next() % 3) {
                        let context = MemoryEntry.Context(unit: generator.next() % 2 == 0 ? "\(page)#\(unit.id)" : "other.html#u\(generator.next() % 4)")
                        _ = memory.add(MemoryEntry(source: sentence.source, target: Content(text: pick(targets)), state: pick(states),
                                                   provenance: .init(origin: .translator, date: "2026-11-27T00:00:00Z"), context: context))
                    }
                }
                let found = assembly.translation(of: unit, page: page, memory: memory, locale: locale)
                let expected = Self.reference(unit, page: page, memory: memory, locale: locale, chrome: chrome)
                #expect(found.0 == expected.0 && found.1 == expected.1, "\(locale.tag): \(text.debugDescription)")
                if expected.1 == .translated || expected.1 == .reviewed { translatedUnits += 1 }
                if unit.isSegmented, expected.0 == nil { stoppedEarly += 1 }
            }
        }
        // The generated cases reach both ends: units translated, and longer units left without.
        #expect(translatedUnits > 100)
        #expect(stoppedEarly > 50)
    }
}
