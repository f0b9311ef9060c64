/// What the memory offers for one segment.
public struct MemoryMatch: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Same source and same context: 101%.
        case inContext = "in-context"
        /// Same source: 100%.
        case exact
        /// Similar source.
        case fuzzy
    }

    public var kind: Kind
    /// 101 for in-context, 100 for exact, otherwise the similarity after penalties.
    public var score: Int
    public var entry: MemoryEntry
    /// The entry's target, with numbers replaced when the match differs only in numbers.
    public var target: Content
    public var isAutoAdapted: Bool
    /// Why the score is lower than the words alone would give.
    public var penalties: [String]
}

extension TranslationMemory {
    /// The best matches for `source`, best first, at or above `threshold` (0–100).
    public func matches(for source: Content, context: MemoryEntry.Context = .init(), threshold: Int = 75, limit: Int = 5) -> [MemoryMatch] {
        // A fuzzy match scores 99 at most (see `fuzzyMatch`): at a threshold above that only
        // exact and in-context matches can be offered, and the key's hash finds them all.
        let fuzzy = threshold < 100 ? fuzzyMatches(for: source, threshold: threshold, limit: limit) : []
        return matches(for: source, context: context, limit: limit, fuzzy: fuzzy)
    }

    /// The best matches for `source` given its fuzzy matches, computed before by
    /// `fuzzyMatches(for:threshold:limit:)` with the same source and `limit` (and the
    /// threshold wanted): what `matches(for:context:threshold:limit:)` returns, for a sentence
    /// that stands in many places and is fuzzy-matched once.
    ///
    /// Exact and in-context matches (which depend on the context) score above every fuzzy
    /// match, and the same translation is offered once, at its best score: with `e` exact
    /// offers, the `limit` best fuzzy offers (all different translations) hold the `limit − e`
    /// that follow them, whichever translations the exact ones have.
    public func matches(for source: Content, context: MemoryEntry.Context, limit: Int, fuzzy: [MemoryMatch]) -> [MemoryMatch] {
        let exact = exactEntries(forKey: MemoryEntry.key(for: source)).map { entry in
            let inContext = Self.sameContext(entry.context, context)
            return MemoryMatch(kind: inContext ? .inContext : .exact, score: inContext ? 101 : 100, entry: entry,
                               target: entry.target, isAutoAdapted: false, penalties: [])
        }
        // The fuzzy matches are offers already (best first, each translation once).
        return exact.isEmpty ? Array(fuzzy.prefix(limit)) : Self.offered(exact + fuzzy, limit: limit)
    }

    /// The best fuzzy matches for `source`, best first, at or above `threshold` and below
    /// 100: at most `limit`, each translation once (see `offered`). They do not depend on
    /// where the sentence stands; entries with the same key (exact matches) are left out.
    ///
    /// Candidates are scored best word score first (the older entry first among equals), and
    /// scoring stops once `limit` offers score above what the words of the next candidate
    /// allow. A word score is known only after an edit distance, the costly part of a search:
    /// the index bounds every candidate's word score by its common words, so the distances of
    /// the candidates whose bound falls below the last offer are never computed.
    public func fuzzyMatches(for source: Content, threshold: Int, limit: Int) -> [MemoryMatch] {
        guard threshold < 100, limit > 0 else { return [] }
        let key = MemoryEntry.key(for: source)
        let hash = stableHash64(key)
        let query = SegmentTokens(source)
        var search = fuzzyIndex.search(for: query, threshold: threshold)
        var ranking = MatchRanking(limit: limit)
        // Candidates by word score, known for every entry whose bound is at least the level
        // being scored (`search.entries` is in bound order; `bounded` of them are known).
        var byWordScore: [Int: [Int]] = [:]
        var bounded = 0
        for level in stride(from: 100, through: threshold, by: -1) {
            if level < ranking.bar { break }
            while bounded < search.entries.count, search.entries[bounded].bound >= level {
                let entry = Int(search.entries[bounded].index)
                let wordScore = search.wordScore(of: entry)
                if wordScore >= threshold { byWordScore[wordScore, default: []].append(entry) }
                bounded += 1
            }
            for index in (byWordScore[level] ?? []).sorted() where !hasKey(key, hash: hash, at: index) {
                if level < ranking.bar { break }
                // A fuzzy match scores 99 at most: with offers at 99, a candidate not newer
                // than the lowest of them cannot rank above it (a tie goes to the match found
                // first), cannot change the offers, and is not scored. (Not its word score as
                // the bound: the index tells words apart by their bytes, scoring by canonical
                // equivalence, so for text not in NFC a match can score above it.)
                guard !ranking.cannotEnter(score: 99, date: entries[index].provenance.date) else { continue }
                if let score = Self.fuzzyScore(query, stored: tokens(at: index)) {
                    ranking.add(score, entry: entries[index], threshold: threshold)
                }
            }
        }
        return ranking.offers
    }

    /// Best first, newest first among equals; the same translation stored for several places
    /// is offered once, at its best score.
    static func offered(_ matches: [MemoryMatch], limit: Int) -> [MemoryMatch] {
        ranked(matches, limit: limit, score: \.score, entry: \.entry, target: \.target)
    }

    /// The order of offers, for matches and for entries alike: best `score` first, newest
    /// `entry` first among equals, each `target` once, at most `limit`.
    static func ranked<Offer>(_ offers: [Offer], limit: Int, score: (Offer) -> Int, entry: (Offer) -> MemoryEntry,
                              target: (Offer) -> Content) -> [Offer] {
        // One offer (the usual exact match) has nothing to sort or to merge with.
        if offers.count <= 1 { return Array(offers.prefix(limit)) }
        let sorted = offers.sorted { (score($0), entry($0).provenance.date) > (score($1), entry($1).provenance.date) }
        // At most `limit` translations are kept: compared one by one (as a set would compare
        // them), and no key computed once the offers are complete.
        var kept: [Offer] = []
        var seen: [String] = []
        for offer in sorted {
            guard kept.count < limit else { break }
            let key = MemoryEntry.key(for: target(offer))
            guard !seen.contains(key) else { continue }
            seen.append(key)
            kept.append(offer)
        }
        return kept
    }

    static func sameContext(_ stored: MemoryEntry.Context, _ query: MemoryEntry.Context) -> Bool {
        if let unit = stored.unit, unit == query.unit { return true }
        guard stored.previous != nil || stored.next != nil else { return false }
        return stored.previous == query.previous && stored.next == query.next
    }

    /// Scores one candidate by the documented formula (see `SegmentTokens`).
    static func fuzzyMatch(_ query: SegmentTokens, _ entry: MemoryEntry, stored: SegmentTokens) -> MemoryMatch? {
        fuzzyScore(query, stored: stored)?.match(with: entry)
    }

    /// What scoring a candidate finds from the two sources alone, before its entry's target is
    /// adapted: the same for every entry with that source, which a search over several
    /// locales' memories scores once (see `CrossLocaleFuzzyIndex`).
    struct FuzzyScore {
        /// The score after penalties, not yet clamped to 0–99.
        var score: Int
        var penalties: [String]
        /// The stored source's numbers and the query's, when the target should get the query's.
        var numbersToAdapt: (from: [String], to: [String])?

        /// The match this score makes with `entry` (whose source was scored).
        func match(with entry: MemoryEntry) -> MemoryMatch {
            var target = entry.target
            var adapted = false
            if let numbersToAdapt, let replaced = TranslationMemory.adaptNumbers(in: entry.target, from: numbersToAdapt.from, to: numbersToAdapt.to) {
                target = replaced
                adapted = true
            }
            return MemoryMatch(kind: .fuzzy, score: Self.clamped(score), entry: entry, target: target, isAutoAdapted: adapted, penalties: penalties)
        }

        /// A match's score: 0 to 99 (100 and 101 are exact and in-context matches').
        static func clamped(_ score: Int) -> Int {
            min(99, max(0, score))
        }
    }

    /// The documented formula for two sources' tokens; nil when neither has words.
    static func fuzzyScore(_ query: SegmentTokens, stored: SegmentTokens) -> FuzzyScore? {
        let longest = max(query.words.count, stored.words.count)
        guard longest > 0 else { return nil }
        let distance = SegmentTokens.distance(query.words, stored.words)
        var score = Int((100 * Double(longest - distance) / Double(longest)).rounded(.down))
        var penalties: [String] = []
        if query.casedWords != stored.casedWords, query.words == stored.words {
            score -= 1
            penalties.append("letter case")
        }
        if query.spacedText == stored.spacedText, query.rawText != stored.rawText {
            score -= 1
            penalties.append("white space")
        }
        if query.punctuation != stored.punctuation {
            let differing = SegmentTokens.distance(query.punctuation.map(String.init), stored.punctuation.map(String.init))
            score -= min(3, differing)
            penalties.append("punctuation")
        }
        if query.codeSignature != stored.codeSignature {
            score -= 2
            penalties.append("inline codes")
        }
        var numbersToAdapt: (from: [String], to: [String])?
        if query.numbers != stored.numbers {
            score -= 1
            penalties.append("numbers")
            if query.words == stored.words { numbersToAdapt = (stored.numbers, query.numbers) }
        }
        return FuzzyScore(score: score, penalties: penalties, numbersToAdapt: numbersToAdapt)
    }

    /// The target with each of the stored source's numbers replaced by the new one, when every
    /// number can be found in the target as written; nil otherwise.
    static func adaptNumbers(in target: Content, from old: [String], to new: [String]) -> Content? {
        guard old.count == new.count else { return nil }
        var fragments = target.fragments
        for (before, after) in zip(old, new) where before != after {
            // The first text that has the number, searched once (a search by characters is
            // slow, and asking whether a text has it, then where, searched twice).
            var found: (index: Int, range: Range<String.Index>)?
            for (index, fragment) in fragments.enumerated() {
                if case .text(let text) = fragment, let range = text.firstRange(of: before) {
                    found = (index, range)
                    break
                }
            }
            guard let found, case .text(var replaced) = fragments[found.index] else { return nil }
            replaced.replaceSubrange(found.range, with: after)
            fragments[found.index] = .text(replaced)
        }
        return Content(fragments)
    }
}

/// Grades every entry of a memory for a query, with no index: the benchmark's baseline and the
/// reference the index must agree with. Tokens are computed once, up front, so the scan is
/// as fast as a scan can be.
public struct ExhaustiveScan: Sendable {
    private let memory: TranslationMemory
    private let keys: [String]
    private let tokens: [SegmentTokens]

    public init(_ memory: TranslationMemory) {
        self.memory = memory
        keys = memory.entries.map(\.key)
        tokens = memory.entries.indices.map(memory.tokens(at:))
    }

    public func bestScore(for source: Content, threshold: Int) -> Int? {
        let key = MemoryEntry.key(for: source)
        let query = SegmentTokens(source)
        var best: Int?
        for index in keys.indices {
            let score = keys[index] == key ? 100 : TranslationMemory.fuzzyMatch(query, memory.entries[index], stored: tokens[index])?.score
            if let score, score >= threshold, score > (best ?? -1) { best = score }
        }
        return best
    }
}
