import Dispatch
internal import Synchronization

/// The inverted word index a memory finds fuzzy candidates with: word numbers, postings, and
/// each entry's word numbers. Derived from the entries' sources alone (a newer translation of
/// an entry leaves it unchanged), so it is built when the first fuzzy lookup needs it and
/// appended to as entries are added (see `LazyFuzzyIndex`).
///
/// At a million entries the index is what costs memory and time, so it is kept flat: one
/// array of word numbers for all entries (each entry a slice, in text order and sorted), hashes
/// instead of keys, and chains through arrays instead of a collection per key.
struct FuzzyIndex: Sendable {
    /// Case-folded words by number, in order of first appearance; found by the hash of their
    /// text (hashes are cheaper to look up than strings), with the rare second word of a hash
    /// found by its text.
    private var vocabulary: [String] = []
    private var wordIDsByHash: [UInt64: Int32] = [:]
    private var collidedWordIDs: [String: Int32] = [:]
    /// Word number → the entries that contain the word (each once, ascending).
    private var postings: [[Int32]] = []
    /// Entry `i`'s word numbers are `words[wordStart[i] ..< wordStart[i + 1]]`, in text order,
    /// and the same slice of `sortedWords`, ascending.
    private var words: [Int32] = []
    private var sortedWords: [Int32] = []
    private var wordStart: [Int32] = [0]
    /// For an index whose entries were appended shortest first (see `noteLengthOrder()`):
    /// `firstEntryOfLength[l]` is the first entry of `l` words or more. The posting lists are
    /// in entry order, so in length order too, and a search reads of each only the entries of
    /// the lengths a match can have. Nil for an index in any other order.
    private var firstEntryOfLength: [Int32]?

    /// The number of entries indexed.
    var count: Int { wordStart.count - 1 }

    /// The index of `entries`, their words found on every core, a slice at a time so that
    /// they never all wait in memory at once.
    init(_ entries: [MemoryEntry]) {
        let slice = 65_536
        for start in stride(from: 0, to: entries.count, by: slice) {
            let part = entries[start ..< min(entries.count, start + slice)]
            var prepared = [Words?](repeating: nil, count: part.count)
            prepared.withUnsafeMutableBufferPointer { results in
                nonisolated(unsafe) let results = results
                let chunk = 2048
                DispatchQueue.concurrentPerform(iterations: (part.count + chunk - 1) / chunk) { index in
                    for offset in index * chunk ..< min(part.count, (index + 1) * chunk) {
                        results[offset] = Words(part[part.startIndex + offset])
                    }
                }
            }
            for words in prepared { append(words!) }
        }
    }

    /// An empty index, filled with `append(wordIDs:)` and numbers from `number(ofWord:)`: for
    /// an index made from other indexes' words (see `CrossLocaleFuzzyIndex`).
    init() {}

    /// The index a snapshot kept (see `MemorySnapshot`): the words by number, and entry `i`'s
    /// word numbers in text order at `words[wordStart[i] ..< wordStart[i + 1]]`, the layout the
    /// index keeps. Nil unless they are what indexing the entries made: numbered in order of
    /// first appearance, each word once.
    ///
    /// Built in whole arrays rather than entry by entry with `append(wordIDs:)`: a run reads
    /// eight snapshots of 47,000 entries, and the appends, each sorting into a new array and
    /// growing posting lists one position at a time, were most of reading one.
    init?(vocabulary: [String], words: [Int32], wordStart: [Int32]) {
        guard wordStart.first == 0, wordStart.last.map(Int.init) == words.count,
              zip(wordStart, wordStart.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return nil }
        // Numbered in order of first appearance: each number at most one past the last new one.
        var nextNew: Int32 = 0
        for id in words {
            guard id >= 0, id <= nextNew, Int(id) < vocabulary.count else { return nil }
            if id == nextNew { nextNew += 1 }
        }
        guard Int(nextNew) == vocabulary.count else { return nil }
        self.vocabulary.reserveCapacity(vocabulary.count)
        wordIDsByHash.reserveCapacity(vocabulary.count)
        for word in vocabulary {
            let hash = stableHash64(word)
            guard wordID(word, hash: hash) == nil else { return nil }
            _ = newWordID(word, hash: hash)
        }
        self.words = words
        self.wordStart = wordStart
        // Each entry's numbers sorted in place, then the posting lists made at their sizes and
        // filled entry by entry (so each stays ascending).
        sortedWords = words
        var postingCounts = [Int32](repeating: 0, count: vocabulary.count)
        sortedWords.withUnsafeMutableBufferPointer { sorted in
            for entry in 0 ..< wordStart.count - 1 {
                var slice = UnsafeMutableBufferPointer(rebasing: sorted[Int(wordStart[entry]) ..< Int(wordStart[entry + 1])])
                slice.sort()
                var previous: Int32 = -1
                for id in slice where id != previous {
                    postingCounts[Int(id)] += 1
                    previous = id
                }
            }
        }
        postings = postingCounts.map { count in
            var entries: [Int32] = []
            entries.reserveCapacity(Int(count))
            return entries
        }
        for entry in 0 ..< wordStart.count - 1 {
            var previous: Int32 = -1
            for id in sortedWords[Int(wordStart[entry]) ..< Int(wordStart[entry + 1])] where id != previous {
                postings[Int(id)].append(Int32(entry))
                previous = id
            }
        }
    }

    /// The case-folded words by number (for a snapshot).
    var wordsByNumber: [String] { vocabulary }

    /// Entry `index`'s word numbers in text order (for a snapshot).
    func wordIDs(ofEntry index: Int) -> ArraySlice<Int32> {
        words[Int(wordStart[index]) ..< Int(wordStart[index + 1])]
    }

    /// An entry's case-folded words with their hashes: what indexing needs of it.
    struct Words: Sendable {
        var words: [String]
        var hashes: [UInt64]

        init(_ entry: MemoryEntry) {
            words = SegmentTokens.words(of: entry.source)
            hashes = words.map(stableHash64)
        }
    }

    /// Indexes the next entry.
    mutating func append(_ entry: MemoryEntry) {
        append(Words(entry))
    }

    private mutating func append(_ prepared: Words) {
        append(wordIDs: zip(prepared.words, prepared.hashes).map { word, hash in
            wordID(word, hash: hash) ?? newWordID(word, hash: hash)
        })
    }

    /// Indexes the next entry by its word numbers (from `number(ofWord:)`), in text order.
    mutating func append(wordIDs ids: [Int32]) {
        firstEntryOfLength = nil
        let position = Int32(count)
        words += ids
        let sorted = ids.sorted()
        sortedWords += sorted
        wordStart.append(Int32(words.count))
        var previous: Int32 = -1
        for id in sorted where id != previous {
            postings[Int(id)].append(position)
            previous = id
        }
    }

    /// Notes that the entries were appended shortest first (a precondition), so that searches
    /// skip the entries whose lengths no match can have. An append undoes it.
    mutating func noteLengthOrder() {
        var firstOfLength: [Int32] = [0]
        for entry in 0 ..< count {
            let length = Int(wordStart[entry + 1] - wordStart[entry])
            precondition(length >= firstOfLength.count - 1, "fuzzy index entries not in length order")
            while firstOfLength.count <= length { firstOfLength.append(Int32(entry)) }
        }
        firstOfLength.append(Int32(count))
        firstEntryOfLength = firstOfLength
    }

    /// The number of a case-folded word, given one if the index has not seen it.
    mutating func number(ofWord word: String) -> Int32 {
        let hash = stableHash64(word)
        return wordID(word, hash: hash) ?? newWordID(word, hash: hash)
    }

    /// The number of a word the memory has seen, found by its hash and confirmed by its text.
    private func wordID(_ word: String, hash: UInt64) -> Int32? {
        guard let id = wordIDsByHash[hash] else { return nil }
        return vocabulary[Int(id)] == word ? id : collidedWordIDs[word]
    }

    private mutating func newWordID(_ word: String, hash: UInt64) -> Int32 {
        let id = Int32(vocabulary.count)
        vocabulary.append(word)
        postings.append([])
        if wordIDsByHash[hash] == nil {
            wordIDsByHash[hash] = id
        } else {
            // Two words with one hash: the later one is found by its text.
            collidedWordIDs[word] = id
        }
        return id
    }

    /// A fuzzy candidate with the score its words alone give: an upper bound of its final
    /// score, which penalties only lower.
    struct Candidate {
        var index: Int
        var wordScore: Int
    }

    /// Entries whose words reach `threshold`, each with its word score (see `search`).
    func candidates(for query: SegmentTokens, threshold: Int, verificationCost: Int = 40) -> [Candidate] {
        var search = search(for: query, threshold: threshold, verificationCost: verificationCost)
        return search.entries.compactMap { entry in
            let wordScore = search.wordScore(of: Int(entry.index))
            return wordScore >= threshold ? Candidate(index: Int(entry.index), wordScore: wordScore) : nil
        }
    }

    /// The entries that may reach a threshold, best bound first, with what computing their word
    /// scores needs. A caller that wants only the best candidates computes the scores of the
    /// entries whose bound still matters, and stops there.
    struct Search {
        /// Each entry with a bound of its word score: the share of common words in the longer
        /// word sequence (the edit distance is at least the longer length minus the common
        /// words). Best bound first.
        var entries: [(index: Int32, bound: Int)]
        fileprivate let index: FuzzyIndex
        fileprivate let queryIDs: [Int32]
        private var wordDistance: WordDistance

        fileprivate init(entries: [(index: Int32, bound: Int)], index: FuzzyIndex, queryIDs: [Int32]) {
            self.entries = entries
            self.index = index
            self.queryIDs = queryIDs
            wordDistance = WordDistance(queryIDs)
        }

        /// The entry's word score: `100 × (1 − d / max(n, m))` rounded down, with `d` the
        /// word-level edit distance, computed on word numbers.
        mutating func wordScore(of entry: Int) -> Int {
            let start = Int(index.wordStart[entry])
            let end = Int(index.wordStart[entry + 1])
            let length = max(queryIDs.count, end - start)
            let distance = index.words.withUnsafeBufferPointer { words in
                wordDistance.distance(to: UnsafeBufferPointer(rebasing: words[start ..< end]))
            }
            return 100 * (length - distance) / length
        }
    }

    /// The entries whose words may reach `threshold`, found by prefix and count filtering
    /// (exact: never a lost match), each with a bound of its word score.
    ///
    /// A score is at most the share of common words in the longer word sequence, because the
    /// edit distance is at least the longer length minus the common words. So a match has at
    /// least `c = ⌈t·n⌉` words in common with a query of `n` words: of the query's `k` rarest
    /// word positions it contains at least `k − (n − c)`. With `k = n − c + 1` that is one
    /// (the prefix filter); each further list read raises the count an entry needs, so fewer
    /// entries are left to check. A further list is read while that is cheaper than checking
    /// the entries it could rule out: `verificationCost` is the cost of checking one entry in
    /// postings read (0: never read beyond the prefix). Entries that reach the count are
    /// checked by length and by the exact common count, which bounds the word score; the
    /// edit distance, which costs most, is left to the caller (`Search.wordScore(of:)`).
    func search(for query: SegmentTokens, threshold: Int, verificationCost: Int = 40) -> Search {
        let n = query.words.count
        guard n > 0 else { return Search(entries: [], index: self, queryIDs: []) }
        // Words the memory has never seen get numbers of their own below zero: they match nothing.
        var unknown: [String: Int32] = [:]
        let queryIDs = query.words.map { word in
            wordID(word, hash: stableHash64(word)) ?? {
                let id = unknown[word] ?? Int32(-1 - unknown.count)
                unknown[word] = id
                return id
            }()
        }
        let required = (threshold * n + 99) / 100
        let prefixLength = n - required + 1
        guard prefixLength > 0 else { return Search(entries: [], index: self, queryIDs: queryIDs) }
        // Lengths a match can have: at least t·n words and at most n/t.
        let shortest = required
        let longest = threshold > 0 ? n * 100 / threshold : Int.max
        // The entries a match can be: those of these lengths in an index in length order, all
        // entries otherwise. Only they are read of each posting list.
        let possible: Range<Int32> = firstEntryOfLength.map { first in
            first[min(shortest, first.count - 1)] ..< (longest < first.count - 1 ? first[longest + 1] : Int32(count))
        } ?? 0 ..< Int32(count)
        func possibleEntries(_ id: Int32) -> Range<Int> {
            guard id >= 0 else { return 0 ..< 0 }
            let list = postings[Int(id)]
            return Self.firstIndex(in: list, notBelow: possible.lowerBound) ..< Self.firstIndex(in: list, notBelow: possible.upperBound)
        }
        // Word positions with the part of their lists read, rarest first; unknown words are
        // rarest of all.
        let byRarity = queryIDs.map { (id: $0, entries: possibleEntries($0)) }
            .sorted { ($0.entries.count, $0.id) < ($1.entries.count, $1.id) }

        // Each position read adds one to the count of every entry in its word's list (a word
        // twice in the query is read twice). `entriesWithCount[j]`: entries counted j times.
        var counts = [UInt8](repeating: 0, count: count)
        var touched: [Int32] = []
        touched.reserveCapacity(byRarity.prefix(prefixLength).reduce(0) { $0 + $1.entries.count })
        var entriesWithCount = [Int](repeating: 0, count: 256)
        var positions = 0
        // The inner loop runs for every posting read: unchecked buffers keep it to a few
        // instructions (counts and ids are in range by construction).
        counts.withUnsafeMutableBufferPointer { counts in
            entriesWithCount.withUnsafeMutableBufferPointer { entriesWithCount in
                while positions < min(n, 250) {
                    let (id, listEntries) = byRarity[positions]
                    if positions >= prefixLength {
                        // Entries left to check if reading stopped here.
                        let left = entriesWithCount[(positions - (n - required))...].reduce(0, +)
                        let saving = left.multipliedReportingOverflow(by: verificationCost)
                        guard verificationCost > 0, saving.overflow || listEntries.count <= saving.partialValue else { break }
                    }
                    if id >= 0 {
                        // An entry first met beyond the prefix misses a prefix list, and
                        // with it the count it needs (even were every further list read): it
                        // is left uncounted, and out of `touched`.
                        let inPrefix = positions < prefixLength
                        postings[Int(id)].withUnsafeBufferPointer { list in
                            for entry in UnsafeBufferPointer(rebasing: list[listEntries]) {
                                let before = Int(counts[Int(entry)])
                                if before == 0 {
                                    guard inPrefix else { continue }
                                    touched.append(entry)
                                } else {
                                    entriesWithCount[before] &-= 1
                                }
                                counts[Int(entry)] = UInt8(truncatingIfNeeded: before &+ 1)
                                entriesWithCount[before &+ 1] &+= 1
                            }
                        }
                    }
                    positions += 1
                }
            }
        }
        let needed = positions - (n - required)
        let sortedQuery = queryIDs.filter { $0 >= 0 }.sorted()
        var bounded: [(index: Int32, bound: Int)] = []
        sortedWords.withUnsafeBufferPointer { sortedWords in
            wordStart.withUnsafeBufferPointer { wordStart in
                for entry in touched where Int(counts[Int(entry)]) >= needed {
                    let start = Int(wordStart[Int(entry)])
                    let end = Int(wordStart[Int(entry) + 1])
                    let length = max(n, end - start)
                    guard end - start >= shortest, end - start <= longest else { continue }
                    let common = Self.commonCount(sortedQuery, UnsafeBufferPointer(rebasing: sortedWords[start ..< end]))
                    guard common * 100 >= threshold * length else { continue }
                    bounded.append((entry, 100 * common / length))
                }
            }
        }
        bounded.sort { $0.bound > $1.bound }
        return Search(entries: bounded, index: self, queryIDs: queryIDs)
    }

    /// The position of the first number in `list` (ascending) at least `value`.
    private static func firstIndex(in list: [Int32], notBelow value: Int32) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Size of the multiset intersection of two sorted sequences.
    private static func commonCount(_ a: [Int32], _ b: UnsafeBufferPointer<Int32>) -> Int {
        var i = 0
        var j = 0
        var common = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return common
    }

    /// Levenshtein distance between word-number sequences (as `SegmentTokens.distance` on the
    /// words themselves, which have one number each), one row of the table at a time: for a
    /// query too long for `WordDistance`'s bit vectors, and the reference it is tested against.
    static func distance(_ a: [Int32], _ b: UnsafeBufferPointer<Int32>, row: inout [Int32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        row.removeAll(keepingCapacity: true)
        row.append(contentsOf: 0 ... Int32(b.count))
        for i in 1 ... a.count {
            var diagonal = row[0]
            row[0] = Int32(i)
            for j in 1 ... b.count {
                let above = row[j]
                row[j] = a[i - 1] == b[j - 1] ? diagonal : 1 + min(diagonal, above, row[j - 1])
                diagonal = above
            }
        }
        return Int(row[b.count])
    }
}

/// A memory's fuzzy index, built by the first lookup that needs it: a run that only looks up
/// exact matches (assembling pages, deciding what is pending) never pays for it.
///
/// Shared by the copies of a memory value until one of them adds an entry (see
/// `TranslationMemory.add`). Sendable: the optional index is behind a `Mutex`; the first
/// caller builds it while later ones wait, and every caller gets the built value (its arrays
/// shared, not copied) to search outside the lock.
final class LazyFuzzyIndex: Sendable {
    private let index: Mutex<FuzzyIndex?>

    init(_ index: FuzzyIndex? = nil) {
        self.index = Mutex(index)
    }

    /// The index, built from `entries` (the entries of the memory that owns this box) if no
    /// lookup has built it yet.
    func index(of entries: [MemoryEntry]) -> FuzzyIndex {
        index.withLock { index in
            if let index { return index }
            let built = FuzzyIndex(entries)
            index = built
            return built
        }
    }

    /// The index if it has been built.
    var built: FuzzyIndex? {
        index.withLock { $0 }
    }

    /// Indexes one more entry if the index has been built (otherwise the build will).
    /// Call only on a box no other memory value shares.
    func appendIfBuilt(_ entry: MemoryEntry) {
        index.withLock { index in
            guard index != nil else { return }
            index!.append(entry)
        }
    }
}
