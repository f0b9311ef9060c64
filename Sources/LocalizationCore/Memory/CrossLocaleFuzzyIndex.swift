/// One fuzzy index for the memories of several target locales, so that a sentence is searched
/// once for all of them: each locale's memory holds much the same sources (the site's
/// sentences, translated into each language), and searching each memory's own index repeated
/// the candidate walk and the edit distances once per locale.
///
/// The index holds each distinct word sequence of the memories' sources once, with the entries
/// of every memory that have it. A search walks the postings and computes word scores once,
/// then ranks each memory's entries exactly as `TranslationMemory.fuzzyMatches(for:threshold:limit:)`
/// does on that memory alone (same candidates, scores, order and ties); the score of a source
/// that several memories hold is computed once.
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
        var index = FuzzyIndex()
        // Each memory entry's shared entry, memory by memory; a shared entry is found by a hash
        // of its word numbers and confirmed by them.
        var sharedEntries: [[Int32]] = []
        var firstWithHash: [Int: Int32] = [:]
        var nextWithHash: [Int32] = []
        for memory in memories {
            let own = memory.fuzzyIndex
            let numbers = own.wordsByNumber.map { index.number(ofWord: $0) }
            var shared = [Int32](repeating: 0, count: own.count)
            var ids: [Int32] = []
            for entry in 0 ..< own.count {
                ids.removeAll(keepingCapacity: true)
                for id in own.wordIDs(ofEntry: entry) { ids.append(numbers[Int(id)]) }
                var hasher = Hasher()
                hasher.combine(ids)
                let hash = hasher.finalize()
                var candidate = firstWithHash[hash] ?? -1
                while candidate >= 0, !index.wordIDs(ofEntry: Int(candidate)).elementsEqual(ids) {
                    candidate = nextWithHash[Int(candidate)]
                }
                if candidate < 0 {
                    candidate = Int32(index.count)
                    index.append(wordIDs: ids)
                    nextWithHash.append(firstWithHash[hash] ?? -1)
                    firstWithHash[hash] = candidate
                }
                shared[entry] = candidate
            }
            sharedEntries.append(shared)
        }
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

    /// `memories[i].fuzzyMatches(for: source, threshold:, limit:)` for every memory `i`, from
    /// one search.
    ///
    /// The walk is `fuzzyMatches`'s, level by level of word score, with one ranking per memory:
    /// at each level every memory still open takes its entries of that score in entry order,
    /// and a memory closes once its offers are above the level, as its own search would stop.
    func fuzzyMatches(for source: Content, threshold: Int, limit: Int) -> [[MemoryMatch]] {
        guard threshold < 100, limit > 0 else { return memories.map { _ in [] } }
        let key = MemoryEntry.key(for: source)
        let hash = stableHash64(key)
        let query = SegmentTokens(source)
        var search = index.search(for: query, threshold: threshold)
        var rankings = memories.map { _ in MatchRanking(limit: limit) }
        // Scores by shared entry, one per distinct source among its members.
        var scores: [Int32: [(source: Content, score: TranslationMemory.FuzzyScore?)]] = [:]
        var byWordScore: [Int: [Int32]] = [:]
        var bounded = 0
        var ownEntries: [(entry: Int32, shared: Int32)] = []
        for level in stride(from: 100, through: threshold, by: -1) {
            let open = rankings.indices.filter { level >= rankings[$0].bar }
            if open.isEmpty { break }
            while bounded < search.entries.count, search.entries[bounded].bound >= level {
                let entry = Int(search.entries[bounded].index)
                let wordScore = search.wordScore(of: entry)
                if wordScore >= threshold { byWordScore[wordScore, default: []].append(Int32(entry)) }
                bounded += 1
            }
            guard let sharedEntries = byWordScore[level] else { continue }
            for memoryIndex in open {
                let memory = memories[memoryIndex]
                ownEntries.removeAll(keepingCapacity: true)
                for shared in sharedEntries {
                    for member in members[Int(memberStart[Int(shared)]) ..< Int(memberStart[Int(shared) + 1])] where Int(member.memory) == memoryIndex {
                        ownEntries.append((member.entry, shared))
                    }
                }
                ownEntries.sort { $0.entry < $1.entry }
                for (entryIndex, shared) in ownEntries where !memory.hasKey(key, hash: hash, at: Int(entryIndex)) {
                    if level < rankings[memoryIndex].bar { break }
                    let entry = memory.entries[Int(entryIndex)]
                    guard !rankings[memoryIndex].cannotEnter(score: 99, date: entry.provenance.date) else { continue }
                    let score: TranslationMemory.FuzzyScore?
                    if let known = scores[shared]?.first(where: { Self.sameText($0.source, entry.source) }) {
                        score = known.score
                    } else {
                        score = TranslationMemory.fuzzyScore(query, stored: SegmentTokens(entry.source))
                        scores[shared, default: []].append((entry.source, score))
                    }
                    if let match = score?.match(with: entry), match.score >= threshold {
                        rankings[memoryIndex].add(match)
                    }
                }
            }
        }
        return rankings.map(\.offers)
    }

    /// Whether two sources make the same `SegmentTokens`: their text byte for byte (tokens
    /// are read from the bytes; `==` on strings would take canonically equivalent text for
    /// equal) and codes of the same kinds in the same places.
    private static func sameText(_ a: Content, _ b: Content) -> Bool {
        guard a.fragments.count == b.fragments.count else { return false }
        for (x, y) in zip(a.fragments, b.fragments) {
            if case .text(let first) = x, case .text(let second) = y {
                guard first.utf8.elementsEqual(second.utf8) else { return false }
            } else if x != y {
                return false
            }
        }
        return true
    }
}
