import Foundation
import Testing
@testable import LocalizationCore

/// One search over several locales' memories against each memory's own search: every locale
/// must get exactly the offers its memory alone gives (same candidates, scores, order, ties),
/// on generated memories that share some sources and differ in the rest.
@Suite struct CrossLocaleFuzzyIndexTests {
    static let dates = ["2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"]

    /// Memories for `count` locales drawn from one pool of sources: each locale holds some of
    /// the pool (a source may be in every locale, in some, or in one), some sources twice
    /// (other places), and sources of its own; targets, states, dates and contexts differ per
    /// locale. One memory is empty.
    static func memories(count: Int, seed: UInt64) -> (memories: [TranslationMemory], pool: [Content]) {
        var generator = FuzzyIndexTests.Generator(random: SplitMix64(seed: seed))
        var pool = (0 ..< 120).map { _ in generator.content() }
        // Near-duplicates of the first sentences, one word replaced each: candidates of one
        // word score and one final score, where only dates and entry order decide the offers.
        for base in pool.prefix(20).map(\.plainText) {
            let words = base.split(separator: " ").map(String.init)
            for position in words.indices.prefix(5) {
                var variant = words
                variant[position] = variant[position] == "Netzwerk" ? "Plan" : "Netzwerk"
                pool.append(Content(text: variant.joined(separator: " ")))
            }
        }
        var memories: [TranslationMemory] = []
        for locale in 0 ..< count {
            var entries: [MemoryEntry] = []
            guard locale != 2 else {
                memories.append(TranslationMemory(sourceLanguage: "de", targetLanguage: "l2"))
                continue
            }
            // Each locale's own share and order of the pool.
            for (index, source) in pool.enumerated() where generator.random.next() % 10 < 7 - UInt64(locale % 3) {
                let copies = generator.random.next() % 6 == 0 ? 2 : 1
                for copy in 0 ..< copies {
                    entries.append(entry(source, locale: locale, copy: copy, index: index, generator: &generator))
                }
            }
            for index in 0 ..< 20 {
                entries.append(entry(generator.content(), locale: locale, copy: 0, index: 1000 + index, generator: &generator))
            }
            // Entries in an order of their own: shuffled by a seeded sort key.
            let keys = entries.map { _ in generator.random.next() }
            let shuffled = zip(keys, entries).sorted { $0.0 < $1.0 }.map(\.1)
            memories.append(TranslationMemory(sourceLanguage: "de", targetLanguage: "l\(locale)", entries: shuffled))
        }
        return (memories, pool)
    }

    static func entry(_ source: Content, locale: Int, copy: Int, index: Int, generator: inout FuzzyIndexTests.Generator) -> MemoryEntry {
        let context: MemoryEntry.Context = switch generator.random.next() % 4 {
        case 0: .init(unit: "p\(index).html#u\(copy)")
        case 1: .init(previous: "Davor.", next: "Danach.")
        default: .init()
        }
        // Few distinct targets (offers merge); numbers kept so that targets can be adapted.
        let numbers = source.plainText.contains("44") ? " 44" : ""
        return MemoryEntry(source: source, target: Content(text: "l\(locale) t\(generator.random.next() % 12)\(numbers)"),
                           state: generator.random.next() % 4 == 0 ? .reviewed : .translated,
                           provenance: .init(origin: .translator, date: generator.pick(dates)), context: context)
    }

    /// Queries that hit the pool exactly, nearly (other case, other number, a word more) and
    /// not at all.
    static func queries(pool: [Content], seed: UInt64) -> [Content] {
        var generator = FuzzyIndexTests.Generator(random: SplitMix64(seed: seed))
        var queries: [Content] = []
        for source in pool.prefix(60) {
            queries.append(source)
            let text = source.plainText
            queries.append(Content(text: text.replacingOccurrences(of: "44", with: "45")))
            queries.append(Content(text: text.uppercased()))
            queries.append(Content(text: "Plan " + text))
        }
        queries += (0 ..< 60).map { _ in generator.content() }
        return queries
    }

    @Test(arguments: [(50, 3), (75, 1), (75, 3), (90, 5), (100, 3), (75, 0)])
    func eachLocaleGetsWhatItsOwnMemoryOffers(threshold: Int, limit: Int) {
        let (memories, pool) = Self.memories(count: 5, seed: UInt64(threshold * 10 + limit))
        let index = CrossLocaleFuzzyIndex(memories)
        for query in Self.queries(pool: pool, seed: 9) {
            let shared = index.fuzzyMatches(for: query, threshold: threshold, limit: limit)
            #expect(shared.count == memories.count)
            for (memory, offers) in zip(memories, shared) {
                #expect(offers == memory.fuzzyMatches(for: query, threshold: threshold, limit: limit), "\(memory.targetLanguage): \(query.plainText)")
            }
        }
    }

    /// The cache for all locales gives each occurrence, in each locale, what that locale's
    /// memory gives it: exact and in-context matches where it stands, and the fuzzy ones.
    @Test func leverageCacheGivesEachLocaleItsOwnMemorysMatches() {
        let (memories, pool) = Self.memories(count: 4, seed: 21)
        let cache = LeverageCache(memories: memories.map { ($0.targetLanguage, $0) }, threshold: 75, limit: 3, sourceLanguage: "de")
        for (number, query) in Self.queries(pool: pool, seed: 4).enumerated() {
            let context = MemoryEntry.Context(unit: "p\(number % 7).html#u\(number % 2)", previous: number % 3 == 0 ? "Davor." : nil,
                                              next: number % 3 == 0 ? "Danach." : nil)
            for memory in memories {
                let (matches, words) = cache.matches(for: query, context: context, locale: memory.targetLanguage)
                #expect(matches == memory.matches(for: query, context: context, threshold: 75, limit: 3))
                #expect(words == Analysis.words(in: query.plainText, language: "de"))
            }
        }
    }

    /// Ranking goes on at a word-score level equal to the lowest offer's score (`level >=
    /// bar`): a newer candidate scoring exactly as much ranks above that offer and takes its
    /// place. Two cases: the offers complete within the level (the check before each
    /// candidate), and at a higher level whose last offer scores down to the next level after
    /// penalties (the check at the start of a level).
    @Test(arguments: [false, true])
    func aNewerCandidateScoringExactlyTheLowestOfferEntersTheOffers(offersCompleteAtAHigherLevel: Bool) {
        // Twenty words: word scores move in steps of 5.
        let words = ["eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
                     "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig"]
        /// The query's sentence with its last `count` words replaced by `othera`, `otherb`….
        func sentence(replacing count: Int, with other: String = "anders", punctuation: String = ".") -> Content {
            Content(text: (words.prefix(20 - count) + ["a", "b", "c", "d"].prefix(count).map { other + $0 }).joined(separator: " ") + punctuation)
        }
        func entry(_ source: Content, _ target: String, date: String) -> MemoryEntry {
            MemoryEntry(source: source, target: Content(text: target), provenance: .init(origin: .translator, date: date))
        }
        let old = "2025-01-01T00:00:00Z"
        let new = "2026-01-01T00:00:00Z"
        // Word score 95, score 95: two offers.
        var entries = [entry(sentence(replacing: 1), "eins", date: old), entry(sentence(replacing: 1, with: "sonst"), "zwei", date: old)]
        if offersCompleteAtAHigherLevel {
            // Word score 85, three punctuation marks and codes differing: score 80, the third offer.
            entries.append(MemoryEntry(source: Content([.text(sentence(replacing: 3, punctuation: "?!;").plainText), .standalone(FuzzyIndexTests.bold("1"))]),
                                       target: Content(text: "drei"), provenance: .init(origin: .translator, date: old)))
        } else {
            // Word score 80, score 80: the third offer, within the level.
            entries.append(entry(sentence(replacing: 4), "drei", date: old))
        }
        // Word score 80, score 80, newer, after the third offer in entry order.
        entries.append(entry(sentence(replacing: 4, with: "noch"), "vier", date: new))
        let memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "ar", entries: entries)
        let query = Content(text: words.joined(separator: " ") + ".")
        let offers = CrossLocaleFuzzyIndex([memory]).fuzzyMatches(for: query, threshold: 75, limit: 3)[0]
        #expect(offers.map(\.score) == [95, 95, 80])
        #expect(offers.map(\.target.plainText) == ["eins", "zwei", "vier"])
        #expect(offers == FuzzyIndexTests.exhaustiveFuzzyMatches(memory, for: query, threshold: 75, limit: 3))
    }
}
