import Testing
@testable import LocalizationCore

@Suite struct LeverageTests {
    static let provenance = MemoryEntry.Provenance(origin: .sample, creator: "test", date: "2026-11-26T12:00:00Z")
    static func bold(_ id: String = "1") -> InlineCode { InlineCode(id: id, kind: .formatting, elementName: "b", originalData: "<b>") }

    static let memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en", entries: [
        MemoryEntry(source: Content(text: "Der Rat hat das Strategiepapier im Februar 2021 beschlossen."),
                    target: Content(text: "The council adopted the strategy paper in February 2021."), provenance: provenance,
                    context: .init(unit: "wir-2-0/index.html#u1")),
        MemoryEntry(source: Content(text: "MiSO zählt 44 Mitgliedsorganisationen."),
                    target: Content(text: "MiSO has 44 member organisations."), provenance: provenance),
        MemoryEntry(source: Content([.text("Die "), .opening(bold()), .text("13 Integrationsbeiräte"), .closing(bold()), .text(" arbeiten eng zusammen.")]),
                    target: Content([.text("The "), .opening(bold()), .text("13 integration councils"), .closing(bold()), .text(" work closely together.")]),
                    provenance: provenance),
        MemoryEntry(source: Content(text: "Informationen zu den Themen Migration und Teilhabe."),
                    target: Content(text: "Information on migration and participation."), provenance: provenance),
    ])

    func best(_ content: Content, context: MemoryEntry.Context = .init(), threshold: Int = 75) -> MemoryMatch? {
        Self.memory.matches(for: content, context: context, threshold: threshold).first
    }

    @Test func inContextAndExact() throws {
        let source = Content(text: "Der Rat hat das Strategiepapier im Februar 2021 beschlossen.")
        #expect(best(source, context: .init(unit: "wir-2-0/index.html#u1"))?.score == 101)
        #expect(best(source, context: .init(unit: "andere.html#u9"))?.score == 100)
        #expect(best(source)?.kind == .exact)
    }

    @Test func decomposedUmlautsStillMatchExactly() {
        let decomposed = "MiSO za\u{0308}hlt 44 Mitgliedsorganisationen."
        #expect(best(Content(text: decomposed))?.score == 100)
    }

    @Test func numbersOnlyDifferenceIsAutoAdapted() throws {
        let match = try #require(best(Content(text: "MiSO zählt 45 Mitgliedsorganisationen.")))
        #expect(match.score == 99)
        #expect(match.isAutoAdapted)
        #expect(match.target.plainText == "MiSO has 45 member organisations.")
        #expect(match.penalties == ["numbers"])
    }

    @Test func penaltiesForCaseSpacePunctuationAndCodes() throws {
        #expect(best(Content(text: "MiSO zählt 44 mitgliedsorganisationen."))?.score == 99)
        #expect(best(Content(text: "MiSO zählt 44  Mitgliedsorganisationen."))?.score == 99)
        #expect(best(Content(text: "MiSO zählt 44 Mitgliedsorganisationen!"))?.score == 99)
        let plain = try #require(best(Content(text: "Die 13 Integrationsbeiräte arbeiten eng zusammen.")))
        #expect(plain.score == 98)
        #expect(plain.penalties == ["inline codes"])
    }

    @Test func fuzzyScoreFollowsTheWordDistance() throws {
        // 8 words against 7: one inserted word, distance 1 → 100 × 7/8, rounded down: 87.
        let match = try #require(best(Content(text: "Informationen zu den wichtigen Themen Migration und Teilhabe.")))
        #expect(match.kind == .fuzzy)
        #expect(match.score == 87)
        #expect(best(Content(text: "Ganz andere Worte ohne jeden Bezug."), threshold: 50) == nil)
    }

    /// The index (prefix and count filters, word-score bound) offers the same scores as
    /// grading every entry, at several thresholds and list lengths, on sentences with many
    /// repeated words (the hard case for count filtering).
    @Test(arguments: [(50, 1), (75, 1), (75, 3), (90, 3)])
    func candidateFilterNeverLosesABetterMatchThanAFullScan(threshold: Int, limit: Int) {
        var generator = SplitMix64(seed: UInt64(threshold * 10 + limit))
        let words = ["Rat", "Stadt", "Teilhabe", "Integration", "Beirat", "MiSO", "Netzwerk", "Plan", "die", "der", "und", "in", "2021", "44"]
        func sentence() -> String { (0 ..< Int(3 + generator.next() % 8)).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ") + "." }
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en")
        for index in 0 ..< 400 {
            memory.add(MemoryEntry(source: Content(text: sentence()), target: Content(text: "x\(index)"), provenance: Self.provenance))
        }
        for _ in 0 ..< 200 {
            let query = Content(text: sentence())
            let indexed = memory.matches(for: query, threshold: threshold, limit: limit).map(\.score)
            let tokens = SegmentTokens(query)
            let scanned = memory.entries.indices.compactMap { index -> Int? in
                if memory.entries[index].key == MemoryEntry.key(for: query) { return 100 }
                return TranslationMemory.fuzzyMatch(tokens, memory.entries[index], stored: memory.tokens(at: index)).map(\.score)
            }.filter { $0 >= threshold }.sorted(by: >).prefix(limit)
            #expect(indexed == Array(scanned), "\(query.plainText)")
        }
    }

    /// However many word lists the count filter reads, it finds exactly the entries whose
    /// words reach the threshold.
    @Test func countFilteringFindsTheSameCandidatesWhateverItReads() {
        var generator = SplitMix64(seed: 5)
        let words = ["Rat", "Stadt", "Teilhabe", "Integration", "Beirat", "Netzwerk", "die", "der", "und", "in", "2021"]
        func sentence() -> String { (0 ..< Int(2 + generator.next() % 10)).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ") }
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en")
        for index in 0 ..< 300 {
            memory.add(MemoryEntry(source: Content(text: sentence()), target: Content(text: "x\(index)"), provenance: Self.provenance))
        }
        let stored = memory.entries.indices.map { memory.tokens(at: $0).words }
        for threshold in [40, 75, 90] {
            for _ in 0 ..< 100 {
                let query = SegmentTokens(Content(text: sentence()))
                let expected = Set(stored.indices.filter { index in
                    let length = max(query.words.count, stored[index].count)
                    return 100 * (length - SegmentTokens.distance(query.words, stored[index])) / length >= threshold
                })
                for budget in [0, 50, Int.max] {
                    let found = Set(memory.fuzzyCandidates(for: query, threshold: threshold, listBudget: budget).map(\.index))
                    #expect(found == expected, "threshold \(threshold), budget \(budget): \(query.words)")
                }
            }
        }
    }
}

extension LeverageTests {
    @Test func concordanceFindsPhrasesCaseInsensitively() {
        let results = Self.memory.concordance("mitgliedsorganisationen")
        #expect(results.map(\.entry.target.plainText) == ["MiSO has 44 member organisations."])
        let entry = results[0]
        #expect(entry.ranges.map { String(entry.entry.source.plainText[$0]) } == ["Mitgliedsorganisationen"])
        #expect(Self.memory.concordance("Rat  hat").count == 1, "white space is folded")
        #expect(Self.memory.concordance("Bürgermeister").isEmpty)
    }
}
