/// One fuzzy index for the memories of several target locales, so that a sentence is searched
/// once for all of them: each locale's memory holds much the same sources (the site's
/// sentences, translated into each language), and searching each memory's own index repeated
/// the candidate walk and the edit distances once per locale.
///
/// The index holds each distinct word sequence of the memories' sources once, with the entries
/// of every memory that have it. A search walks the postings and computes word scores once
/// (`candidates(for:threshold:)`); each memory then ranks its own entries among the candidates
/// exactly as `TranslationMemory.fuzzyMatches(for:threshold:limit:)` does on that memory alone
/// (same candidates, scores, order and ties).
///
/// Built from the memories' own fuzzy indexes (their words by number and each entry's word
/// numbers), not from the entries' text. Costs the distinct word sequences' index (about one
/// memory's, as the memories share their sources) and two numbers per entry of each memory.
struct CrossLocaleFuzzyIndex: Sendable {
    let memories: [TranslationMemory]
    /// The memories' distinct word sequences: a sequence's entry number here is its "shared entry".
    private let index: FuzzyIndex
    /// Shared entry `s` stands for the memory entries `members[memberStart[s] ..< memberStart[s + 1]]`,
    /// by memory, then by entry index ascending.
    private let memberStart: [Int32]
    private let members: [Member]

    private struct Member: Sendable {
        var memory: Int32
        var entry: Int32
    }

    init(_ memories: [TranslationMemory]) {
        self.memories = memories
        var distinct = FuzzyIndex()
        // Each memory entry's shared entry, memory by memory; a shared entry is found by a hash
        // of its word numbers and confirmed by them. Numbered here in order of first appearance.
        var sharedEntries: [[Int32]] = []
        var firstWithHash: [Int: Int32] = [:]
        var nextWithHash: [Int32] = []
        for memory in memories {
            let own = memory.fuzzyIndex
            let numbers = own.wordsByNumber.map { distinct.number(ofWord: $0) }
            var shared = [Int32](repeating: 0, count: own.count)
            var ids: [Int32] = []
            for entry in 0 ..< own.count {
                ids.removeAll(keepingCapacity: true)
                for id in own.wordIDs(ofEntry: entry) { ids.append(numbers[Int(id)]) }
                var hasher = Hasher()
                hasher.combine(ids)
                let hash = hasher.finalize()
                var candidate = firstWithHash[hash] ?? -1
                while candidate >= 0, !distinct.wordIDs(ofEntry: Int(candidate)).elementsEqual(ids) {
                    candidate = nextWithHash[Int(candidate)]
                }
                if candidate < 0 {
                    candidate = Int32(distinct.count)
                    distinct.append(wordIDs: ids)
                    nextWithHash.append(firstWithHash[hash] ?? -1)
                    firstWithHash[hash] = candidate
                }
                shared[entry] = candidate
            }
            sharedEntries.append(shared)
        }
        // The shared entries numbered again, shortest first (in order of first appearance among
        // equals), so that a search reads of each posting list only the entries of the lengths a
        // match can have. No result depends on the numbers: a ranking takes the memory's entries
        // of each word score in the memory's order.
        let byLength = (0 ..< distinct.count).sorted { a, b in
            (distinct.wordIDs(ofEntry: a).count, a) < (distinct.wordIDs(ofEntry: b).count, b)
        }
        var index = FuzzyIndex()
        for word in distinct.wordsByNumber { _ = index.number(ofWord: word) }
        var renumbered = [Int32](repeating: 0, count: distinct.count)
        for entry in byLength {
            renumbered[entry] = Int32(index.count)
            index.append(wordIDs: Array(distinct.wordIDs(ofEntry: entry)))
        }
        index.noteLengthOrder()
        sharedEntries = sharedEntries.map { shared in shared.map { renumbered[Int($0)] } }
        // The members of each shared entry, grouped by a counting sort.
        var start = [Int32](repeating: 0, count: index.count + 1)
        for shared in sharedEntries {
            for entry in shared { start[Int(entry) + 1] += 1 }
        }
        for position in 0 ..< index.count { start[position + 1] += start[position] }
        var next = start
        var members = [Member](repeating: Member(memory: 0, entry: 0), count: Int(start[index.count]))
        for (memory, shared) in sharedEntries.enumerated() {
            for (entry, sharedEntry) in shared.enumerated() {
                members[Int(next[Int(sharedEntry)])] = Member(memory: Int32(memory), entry: Int32(entry))
                next[Int(sharedEntry)] += 1
            }
        }
        self.index = index
        self.memberStart = start
        self.members = members
    }

    /// A sentence's candidates in every memory: the shared entries whose word score reaches the
    /// threshold, with that score, best first. Found once per sentence; each locale then ranks
    /// its own entries among them (`fuzzyMatches(inMemory:of:limit:)`) when its jobs meet the
    /// sentence, which is often in one or two locales only (a page's new sentences are pending
    /// where its memory has no translation).
    struct Candidates: Sendable {
        let query: SegmentTokens
        let key: String
        let keyHash: UInt64
        let threshold: Int
        /// Shared entries and their word scores, by word score descending.
        fileprivate var entries: [Int32] = []
        fileprivate var wordScores: [UInt8] = []
    }

    /// The candidates of `source` at `threshold` (none at 100 or more, where a fuzzy match,
    /// which scores 99 at most, is never offered).
    func candidates(for source: Content, threshold: Int) -> Candidates {
        let key = MemoryEntry.key(for: source)
        let query = SegmentTokens(source)
        var result = Candidates(query: query, key: key, keyHash: stableHash64(key), threshold: threshold)
        guard threshold < 100 else { return result }
        var search = index.search(for: query, threshold: threshold)
        // Every candidate's word score, not only those a locale's ranking reaches: which locales
        // will rank it is not known yet, and an edit distance of word numbers is cheap.
        var scored: [(entry: Int32, wordScore: Int)] = []
        for candidate in search.entries {
            let wordScore = search.wordScore(of: Int(candidate.index))
            if wordScore >= threshold { scored.append((candidate.index, wordScore)) }
        }
        scored.sort { ($0.wordScore, $1.entry) > ($1.wordScore, $0.entry) }
        result.entries = scored.map(\.entry)
        result.wordScores = scored.map { UInt8($0.wordScore) }
        return result
    }

    /// `memories[memory].fuzzyMatches(for: source, threshold:, limit:)`, from the sentence's
    /// candidates.
    ///
    /// The ranking is `fuzzyMatches`'s, level by level of word score: at each level the memory's
    /// entries of that score in entry order, stopping once the offers are above the level.
    /// Entries with one source (the same sentence in several places) are scored once.
    func fuzzyMatches(inMemory memoryIndex: Int, of candidates: Candidates, limit: Int) -> [MemoryMatch] {
        guard candidates.threshold < 100, limit > 0 else { return [] }
        let memory = memories[memoryIndex]
        let entries = memory.entries
        var ranking = MatchRanking(limit: limit)
        var scores: [SourceText: TranslationMemory.FuzzyScore?] = [:]
        var ownEntries: [Int32] = []
        var position = 0
        while position < candidates.entries.count {
            let level = Int(candidates.wordScores[position])
            if level < ranking.bar { break }
            ownEntries.removeAll(keepingCapacity: true)
            while position < candidates.entries.count, Int(candidates.wordScores[position]) == level {
                let shared = Int(candidates.entries[position])
                for member in members[Int(memberStart[shared]) ..< Int(memberStart[shared + 1])] where Int(member.memory) == memoryIndex {
                    ownEntries.append(member.entry)
                }
                position += 1
            }
            ownEntries.sort()
            for entryIndex in ownEntries where !memory.hasKey(candidates.key, hash: candidates.keyHash, at: Int(entryIndex)) {
                if level < ranking.bar { break }
                // The entry is read field by field, not copied: most candidates are passed over.
                guard !ranking.cannotEnter(score: 99, date: entries[Int(entryIndex)].provenance.date) else { continue }
                let source = SourceText(entries[Int(entryIndex)].source)
                let score: TranslationMemory.FuzzyScore?
                if let known = scores[source] {
                    score = known
                } else {
                    score = TranslationMemory.fuzzyScore(candidates.query, stored: SegmentTokens(source.content))
                    scores[source] = score
                }
                if let score {
                    ranking.add(score, entry: entries[Int(entryIndex)], threshold: candidates.threshold)
                }
            }
        }
        return ranking.offers
    }

    /// `memories[i].fuzzyMatches(for: source, threshold:, limit:)` for every memory `i`.
    func fuzzyMatches(for source: Content, threshold: Int, limit: Int) -> [[MemoryMatch]] {
        guard threshold < 100, limit > 0 else { return memories.map { _ in [] } }
        let candidates = candidates(for: source, threshold: threshold)
        return memories.indices.map { fuzzyMatches(inMemory: $0, of: candidates, limit: limit) }
    }

    /// A source compared by what its `SegmentTokens` are made from: its text byte for byte
    /// (tokens are read from the bytes; `==` on strings takes canonically equivalent text for
    /// equal) and its codes.
    private struct SourceText: Hashable {
        let content: Content

        init(_ content: Content) {
            self.content = content
        }

        static func == (a: Self, b: Self) -> Bool {
            guard a.content.fragments.count == b.content.fragments.count else { return false }
            for (x, y) in zip(a.content.fragments, b.content.fragments) {
                if case .text(let first) = x, case .text(let second) = y {
                    // In their storage: the views' element-by-element comparison was most of a lookup.
                    guard first.hasSameUTF8(as: second) else { return false }
                } else if x != y {
                    return false
                }
            }
            return true
        }

        func hash(into hasher: inout Hasher) {
            for fragment in content.fragments {
                if case .text(let text) = fragment {
                    let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
                    if hashed == nil {
                        for byte in text.utf8 { hasher.combine(byte) }
                    }
                } else {
                    hasher.combine(fragment)
                }
            }
        }
    }
}
