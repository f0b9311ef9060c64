import Testing
@testable import LocalizationCore

/// `exactOffers(forKey:context:limit:)` must offer what `matches(for:context:threshold: 100,
/// limit:)` offers: held to it on generated memories where sentences have many entries, in
/// and out of context, with equal and different translations and dates.
@Suite struct TranslationMemoryExactTests {
    @Test func exactOffersAreTheMatchesAtOneHundred() {
        var generator = SplitMix64(seed: 2026)
        func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
        let bold = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>")
        let sources = [
            Content(text: "MiSO zählt 44 Mitgliedsorganisationen."), Content(text: "MiSO za\u{0308}hlt 44 Mitgliedsorganisationen."),
            Content([.text("Die "), .opening(bold), .text("Räte"), .closing(bold), .text(" tagen.")]), Content(text: "Die Räte tagen."),
            Content(text: "Stand: November 2020"),
        ]
        let targets = [Content(text: "MiSO has 44 members."), Content(text: "MiSO counts 44 members."), Content(text: "MiSO has 44 members.\u{200F}"),
                       Content([.text("The "), .opening(bold), .text("councils"), .closing(bold), .text(" meet.")])]
        let units = [nil, "a.html#u1", "a.html#u2", "b.html#u1"]
        let texts = [nil, "Der Rat tagt.", "Die Räte tagen."]
        let dates = ["2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"]
        for _ in 0 ..< 300 {
            var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en")
            for _ in 0 ..< Int(generator.next() % 12) {
                memory.add(MemoryEntry(source: pick(sources), target: pick(targets), state: pick(TranslationState.allCases),
                                       provenance: .init(origin: .translator, date: pick(dates)),
                                       context: .init(unit: pick(units), previous: pick(texts), next: pick(texts))))
            }
            for source in sources {
                let context = MemoryEntry.Context(unit: pick(units), previous: pick(texts), next: pick(texts))
                let limit = 1 + Int(generator.next() % 4)
                let matches = memory.matches(for: source, context: context, threshold: 100, limit: limit)
                let offers = memory.exactOffers(forKey: MemoryEntry.key(for: source), context: context, limit: limit)
                #expect(offers == matches.map(\.entry))
                #expect(matches.allSatisfy { $0.target == $0.entry.target && $0.score >= 100 })
            }
        }
    }
}
