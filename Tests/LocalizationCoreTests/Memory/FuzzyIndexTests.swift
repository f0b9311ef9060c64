import Foundation
import Testing
@testable import LocalizationCore

/// The fast paths of leverage against the straightforward computation, on many generated
/// memories and queries: the lazily built fuzzy index, key hashes computed without keys, and
/// fuzzy matches found once per sentence and combined with each occurrence's exact matches.
@Suite struct FuzzyIndexTests {
    static let words = ["Rat", "rat", "Stadt", "Teilhabe", "Integration", "Beirat", "MiSO", "Netzwerk", "Plan", "die", "der", "und", "in",
                        "2021", "44", "Bürger", "Beira\u{0308}te", "für", "alle"]
    static let dates = ["2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"]
    static func bold(_ id: String) -> InlineCode { InlineCode(id: id, kind: .formatting, elementName: "b", originalData: "<b>") }
    static func link(_ id: String) -> InlineCode { InlineCode(id: id, kind: .link, elementName: "a", originalData: "<a href=\"x\">") }

    /// Random sentences from a small vocabulary (many shared words, many ties), some with
    /// codes, punctuation and doubled spaces.
    struct Generator {
        var random: SplitMix64

        mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

        mutating func text() -> String {
            (0 ..< Int(2 + random.next() % 9)).map { _ in pick(FuzzyIndexTests.words) }.joined(separator: random.next() % 8 == 0 ? "  " : " ")
                + pick([".", ".", "!", "", ","])
        }

        /// In NFC, as the pipeline's sentences are (the index compares words by their bytes;
        /// grading compares them as Swift strings, which treats decomposed letters as equal).
        mutating func content() -> Content {
            let text = text().nfc
            switch random.next() % 5 {
            case 0:
                let code = pick([FuzzyIndexTests.bold("1"), FuzzyIndexTests.link("1")])
                return Content([.text("Die "), .opening(code), .text(text), .closing(code)])
            case 1: return Content([.text(text), .standalone(InlineCode(id: "2", kind: .lineBreak, elementName: "br", originalData: "<br>"))])
            default: return Content(text: text)
            }
        }

        mutating func entry(_ index: Int) -> MemoryEntry {
            let source = content()
            let context: MemoryEntry.Context = switch random.next() % 4 {
            case 0: .init(unit: "p\(random.next() % 3).html#u\(random.next() % 3)")
            case 1: .init(previous: "Davor.", next: "Danach.")
            default: .init()
            }
            // Few distinct targets and dates: offers merge and tie.
            return MemoryEntry(source: source, target: Content(text: "t\(random.next() % 40) \(source.plainText.contains("44") ? "44" : "")"),
                               state: random.next() % 5 == 0 ? .reviewed : .translated,
                               provenance: .init(origin: .translator, date: pick(FuzzyIndexTests.dates)), context: context)
        }
    }

    /// The matches as the memory offered them before any index: every entry graded, exact
    /// matches first, fuzzy candidates in word-score order, then the offers (best first,
    /// newest first among equals, each translation once).
    static func straightforwardMatches(_ memory: TranslationMemory, for source: Content, context: MemoryEntry.Context, threshold: Int, limit: Int) -> [MemoryMatch] {
        let key = MemoryEntry.key(for: source)
        var results: [MemoryMatch] = memory.entries.filter { $0.key == key }.map { entry in
            let inContext = TranslationMemory.sameContext(entry.context, context)
            return MemoryMatch(kind: inContext ? .inContext : .exact, score: inContext ? 101 : 100, entry: entry, target: entry.target,
                               isAutoAdapted: false, penalties: [])
        }
        if threshold < 100 {
            results += gradedExhaustively(memory, for: source, threshold: threshold)
        }
        let sorted = results.sorted { ($0.score, $0.entry.provenance.date) > ($1.score, $1.entry.provenance.date) }
        var seen: Set<String> = []
        return Array(sorted.filter { seen.insert(MemoryEntry.key(for: $0.target)).inserted }.prefix(limit))
    }

    @Test(arguments: [(50, 1), (60, 3), (75, 3), (75, 5), (90, 2), (100, 3)])
    func matchesEqualTheStraightforwardComputationAndTheirCachedForm(threshold: Int, limit: Int) {
        var generator = Generator(random: SplitMix64(seed: UInt64(threshold * 31 + limit)))
        let entries = (0 ..< 500).map { generator.entry($0) }
        let memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en", entries: entries)
        // Queries: stored sources (exact and in-context matches), and new sentences.
        let queries = (0 ..< 150).map { index in index % 3 == 0 ? entries[Int(generator.random.next() % 500)].source : generator.content() }
        let contexts: [MemoryEntry.Context] = [.init(), .init(unit: "p1.html#u1"), .init(unit: "p2.html#u0"), .init(previous: "Davor.", next: "Danach.")]
        for query in queries {
            let fuzzy = memory.fuzzyMatches(for: query, threshold: threshold, limit: limit)
            for context in contexts {
                let expected = Self.straightforwardMatches(memory, for: query, context: context, threshold: threshold, limit: limit)
                #expect(memory.matches(for: query, context: context, threshold: threshold, limit: limit) == expected, "\(query.plainText)")
                #expect(memory.matches(for: query, context: context, limit: limit, fuzzy: fuzzy) == expected, "cached: \(query.plainText)")
            }
        }
    }

    /// The fuzzy offers of an exhaustive search: `gradedExhaustively`, then offered.
    static func exhaustiveFuzzyMatches(_ memory: TranslationMemory, for source: Content, threshold: Int, limit: Int) -> [MemoryMatch] {
        TranslationMemory.offered(gradedExhaustively(memory, for: source, threshold: threshold), limit: limit)
    }

    /// Every entry but the query's exact ones graded by words, in word-score order (the older
    /// entry first among equals), then scored in full; those reaching `threshold`.
    static func gradedExhaustively(_ memory: TranslationMemory, for source: Content, threshold: Int) -> [MemoryMatch] {
        let key = MemoryEntry.key(for: source)
        let query = SegmentTokens(source)
        var graded: [(index: Int, wordScore: Int)] = []
        for index in memory.entries.indices where memory.entries[index].key != key {
            let stored = memory.tokens(at: index)
            let length = max(query.words.count, stored.words.count)
            guard length > 0 else { continue }
            let wordScore = 100 * (length - SegmentTokens.distance(query.words, stored.words)) / length
            if wordScore >= threshold { graded.append((index, wordScore)) }
        }
        graded.sort { ($0.wordScore, $1.index) > ($1.wordScore, $0.index) }
        return graded.compactMap { candidate in
            TranslationMemory.fuzzyMatch(query, memory.entries[candidate.index], stored: memory.tokens(at: candidate.index))
        }.filter { $0.score >= threshold }
    }

    /// Sentences and their variants as a city's pages have them: the same words with other
    /// numbers, a word swapped, dropped or added, other punctuation or letter case; entries
    /// with a few dates and few distinct translations, so that scores, dates and
    /// translations tie. The search that stops at the best candidates must offer exactly what
    /// grading every entry offers, in the same order.
    @Test(arguments: [(75, 3), (75, 1), (60, 5), (90, 3), (95, 2)])
    func bestFirstSearchOffersWhatAnExhaustiveSearchOffers(threshold: Int, limit: Int) {
        var random = SplitMix64(seed: UInt64(threshold * 7 + limit))
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        let vocabulary = Self.words + ["Stadtbezirk", "Mitte", "Nord", "Linden", "Sprechstunde", "dienstags", "Jahr", "neu", "seit"]
        let bases = (0 ..< 25).map { _ in (0 ..< Int(4 + random.next() % 12)).map { _ in pick(vocabulary) } }
        func variant(of base: [String]) -> String {
            var words = base
            for _ in 0 ..< Int(random.next() % 3) {
                switch random.next() % 6 {
                case 0: words = words.map { Int($0) != nil ? String(1 + random.next() % 2030) : $0 }
                case 1: words[Int(random.next() % UInt64(words.count))] = pick(vocabulary)
                case 2: if words.count > 2 { words.remove(at: Int(random.next() % UInt64(words.count))) }
                case 3: words.insert(pick(vocabulary), at: Int(random.next() % UInt64(words.count + 1)))
                case 4: words[0] = words[0].uppercased()
                default: words.append(String(random.next() % 100))
                }
            }
            return words.joined(separator: " ") + pick([".", ".", "!", ""])
        }
        let dates = ["2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"]
        let entries = (0 ..< 600).map { index in
            let source = Content(text: variant(of: pick(bases)))
            // Targets that keep the source's numbers can be adapted to the query's.
            let target = Content(text: "t\(random.next() % 12) " + source.plainText.filter(\.isNumber))
            return MemoryEntry(source: source, target: target, provenance: .init(origin: .translator, date: pick(dates)),
                               context: .init(unit: "p.html#u\(index)"))
        }
        let memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en", entries: entries)
        for round in 0 ..< 200 {
            // In NFC, as the memory's entries are (the index tells words apart by their bytes,
            // grading by canonical equivalence).
            let query = round % 4 == 0 ? pick(entries).source : Content(text: variant(of: pick(bases)).nfc)
            let expected = Self.exhaustiveFuzzyMatches(memory, for: query, threshold: threshold, limit: limit)
            #expect(memory.fuzzyMatches(for: query, threshold: threshold, limit: limit) == expected, "\(query.plainText)")
            // Text not in NFC gets what the search before the best-first one gave.
            let decomposed = Content(text: query.plainText.decomposedStringWithCanonicalMapping)
            #expect(memory.fuzzyMatches(for: decomposed, threshold: threshold, limit: limit)
                == Self.allCandidatesFuzzyMatches(memory, for: decomposed, threshold: threshold, limit: limit), "\(query.plainText)")
        }
    }

    /// The fuzzy offers as the search found them before it went best bound first: every
    /// candidate the index finds, scored in word-score order until the next one's word score
    /// is below the lowest of `limit` offers.
    static func allCandidatesFuzzyMatches(_ memory: TranslationMemory, for source: Content, threshold: Int, limit: Int) -> [MemoryMatch] {
        let key = MemoryEntry.key(for: source)
        let query = SegmentTokens(source)
        let candidates = memory.fuzzyCandidates(for: query, threshold: threshold).sorted { ($0.wordScore, $1.index) > ($1.wordScore, $0.index) }
        var results: [MemoryMatch] = []
        var bar = Int.min
        for candidate in candidates where memory.entries[candidate.index].key != key {
            if candidate.wordScore < bar { break }
            if let match = TranslationMemory.fuzzyMatch(query, memory.entries[candidate.index], stored: memory.tokens(at: candidate.index)),
               match.score >= threshold {
                results.append(match)
                let offers = TranslationMemory.offered(results, limit: limit)
                if offers.count == limit { bar = offers.last!.score }
            }
        }
        return TranslationMemory.offered(results, limit: limit)
    }

    /// The ranking kept as matches arrive makes the offers sorting all of them makes, and its
    /// bar is the lowest of `limit` offers.
    @Test(arguments: [1, 2, 3, 5])
    func matchRankingOffersWhatSortingEveryMatchOffers(limit: Int) {
        var random = SplitMix64(seed: UInt64(limit))
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        let provenance = (0 ..< 3).map { MemoryEntry.Provenance(origin: .translator, date: "2026-0\($0 + 1)-01") }
        for _ in 0 ..< 100 {
            var ranking = MatchRanking(limit: limit)
            var matches: [MemoryMatch] = []
            for index in 0 ..< Int(random.next() % 30) {
                let entry = MemoryEntry(source: Content(text: "s\(index)"), target: Content(text: "t"), provenance: pick(provenance))
                let match = MemoryMatch(kind: .fuzzy, score: pick([75, 80, 80, 90, 99]), entry: entry,
                                        target: Content(text: "t\(random.next() % 4)"), isAutoAdapted: false, penalties: [])
                let offers = TranslationMemory.offered(matches, limit: limit)
                // What the search leaves out must not change the offers.
                if ranking.cannotEnter(score: match.score, date: match.entry.provenance.date) {
                    #expect(TranslationMemory.offered(matches + [match], limit: limit) == offers)
                }
                matches.append(match)
                ranking.add(match)
                let expected = TranslationMemory.offered(matches, limit: limit)
                #expect(ranking.offers == expected)
                #expect(ranking.bar == (expected.count == limit ? expected.last!.score : Int.min))
            }
        }
    }

    /// An index made in whole arrays from its words (as a snapshot is read) finds what the
    /// index made entry by entry finds: the same candidates with the same word scores, for
    /// queries that share words with many entries, repeat words, or hold words it lacks.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func anIndexMadeFromItsWordsFindsWhatTheAppendedOneFinds(seed: UInt64) throws {
        var generator = Generator(random: SplitMix64(seed: seed))
        let appended = FuzzyIndex((0 ..< 400).map { generator.entry($0) })
        let made = try #require(FuzzyIndex(vocabulary: appended.wordsByNumber,
                                           entryWords: (0 ..< appended.count).map { Array(appended.wordIDs(ofEntry: $0)) }))
        #expect(made.count == appended.count)
        for _ in 0 ..< 60 {
            let query = SegmentTokens(Content(text: generator.text() + " " + generator.pick(["Unbekannt", "", Self.words[0]])))
            for threshold in [50, 75, 95] {
                let found = made.candidates(for: query, threshold: threshold).map { [$0.index, $0.wordScore] }
                let expected = appended.candidates(for: query, threshold: threshold).map { [$0.index, $0.wordScore] }
                #expect(found == expected, "threshold \(threshold)")
            }
        }
    }

    /// An index noted to be in length order (as `CrossLocaleFuzzyIndex` numbers its entries)
    /// reads of its posting lists only the lengths a match can have, and finds what the same
    /// index searched whole finds; entries of equal length, the shortest and longest lengths
    /// and thresholds that admit every length included.
    @Test(arguments: [21, 22] as [UInt64])
    func anIndexInLengthOrderFindsWhatTheWholeSearchFinds(seed: UInt64) {
        var generator = Generator(random: SplitMix64(seed: seed))
        let entries = (0 ..< 400).map { generator.entry($0) }
            .sorted { SegmentTokens.words(of: $0.source).count < SegmentTokens.words(of: $1.source).count }
        let whole = FuzzyIndex(entries)
        var ordered = whole
        ordered.noteLengthOrder()
        for _ in 0 ..< 60 {
            let query = SegmentTokens(Content(text: generator.text() + " " + generator.pick(["Unbekannt", "", Self.words[0]])))
            for threshold in [0, 50, 75, 95, 100] {
                let found = ordered.candidates(for: query, threshold: threshold).map { [$0.index, $0.wordScore] }
                let expected = whole.candidates(for: query, threshold: threshold).map { [$0.index, $0.wordScore] }
                #expect(Set(found) == Set(expected), "threshold \(threshold)")
            }
        }
    }

    @Test func leverageCacheGivesEachOccurrenceItsOwnContextAndTheSharedFuzzyMatches() {
        var generator = Generator(random: SplitMix64(seed: 77))
        let entries = (0 ..< 300).map { generator.entry($0) }
        let memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en", entries: entries)
        let cache = LeverageCache(memory: memory, threshold: 75, limit: 3, sourceLanguage: "de")
        let sentences = (0 ..< 40).map { index in index % 2 == 0 ? entries[index].source : generator.content() }
        // Each sentence met several times, in different places.
        for round in 0 ..< 3 {
            for sentence in sentences {
                let context = MemoryEntry.Context(unit: "p\(round).html#u\(round)", previous: round == 2 ? "Davor." : nil, next: round == 2 ? "Danach." : nil)
                let (matches, words) = cache.matches(for: sentence, context: context, locale: "en")
                #expect(matches == memory.matches(for: sentence, context: context, threshold: 75, limit: 3))
                #expect(words == Analysis.words(in: sentence.plainText, language: "de"))
            }
        }
    }

    @Test func keyHashesAreTheHashesOfTheKeys() {
        var generator = Generator(random: SplitMix64(seed: 3))
        var contents = (0 ..< 300).map { _ in generator.content() }
        contents += [Content(text: ""), Content(text: "Integrationsbeira\u{0308}te"), Content(text: "Ελληνικά ά"), Content([.standalone(Self.bold("x"))])]
        for content in contents {
            #expect(MemoryEntry.keyHash(for: content) == stableHash64(MemoryEntry.key(for: content)), "\(content.plainText)")
        }
    }

    @Test func exactLookupsDoNotBuildTheFuzzyIndex() {
        var generator = Generator(random: SplitMix64(seed: 4))
        let entries = (0 ..< 100).map { generator.entry($0) }
        let memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en", entries: entries)
        _ = memory.matches(for: entries[5].source, context: .init(unit: "p1.html#u1"), threshold: 100, limit: 3)
        #expect(!memory.isFuzzyIndexBuilt)
        _ = memory.matches(for: entries[5].source, threshold: 75, limit: 3)
        #expect(memory.isFuzzyIndexBuilt)
    }

    /// Entries added after the index was built (to a memory alone or to one of two copies)
    /// are found as a memory built with all of them finds them; the other copy is unchanged.
    @Test func entriesAddedAfterTheIndexIsBuiltAreFoundAsInAFreshMemory() {
        var generator = Generator(random: SplitMix64(seed: 5))
        let entries = (0 ..< 400).map { generator.entry($0) }
        let queries = (0 ..< 60).map { index in index % 2 == 0 ? entries[Int(generator.random.next() % 400)].source : generator.content() }
        var grown = TranslationMemory(sourceLanguage: "de", targetLanguage: "en", entries: Array(entries.prefix(100)))
        var snapshots: [(memory: TranslationMemory, count: Int)] = []
        for (index, entry) in entries.enumerated().dropFirst(100) {
            if index % 50 == 0 {
                // Build the index (sometimes on a copy that is kept), then keep adding.
                _ = grown.matches(for: queries[index % queries.count], threshold: 75, limit: 3)
                snapshots.append((grown, grown.entries.count))
            }
            grown.add(entry)
            if index % 75 == 0 {
                // Re-adding a known entry with a new translation replaces it.
                grown.add(MemoryEntry(source: entry.source, target: Content(text: "neu"), provenance: entry.provenance, context: entry.context))
            }
        }
        let fresh = TranslationMemory(sourceLanguage: "de", targetLanguage: "en", entries: grown.entries)
        for query in queries {
            #expect(grown.matches(for: query, threshold: 60, limit: 3) == fresh.matches(for: query, threshold: 60, limit: 3), "\(query.plainText)")
        }
        for snapshot in snapshots {
            let expected = TranslationMemory(sourceLanguage: "de", targetLanguage: "en", entries: Array(snapshot.memory.entries))
            #expect(snapshot.memory.entries.count == snapshot.count)
            for query in queries.prefix(20) {
                #expect(snapshot.memory.matches(for: query, threshold: 60, limit: 3) == expected.matches(for: query, threshold: 60, limit: 3))
            }
        }
    }
}
