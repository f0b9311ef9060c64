import Dispatch

/// The translation memory of one language pair, in memory: entries, an exact index by NFC key,
/// and an inverted word index (word numbers, postings) for fuzzy candidates. The indexes are
/// derived from the entries and rebuilt with them; the entries themselves live in the memory's
/// XLIFF file.
///
/// At a million entries the index is what costs memory and time, so it is kept flat: one
/// array of word numbers for all entries (each entry a slice, in text order and sorted), hashes
/// instead of keys, and chains through arrays instead of a collection per key.
public struct TranslationMemory: Sendable {
    public let sourceLanguage: String
    public let targetLanguage: String
    public private(set) var entries: [MemoryEntry] = []
    /// Hash of each entry's NFC key; keys themselves are compared only when hashes agree.
    private var keyHashes: [UInt64] = []
    /// Hash of the NFC key → the last entry with that hash; `previousWithHash` chains the rest.
    private var exactIndex: [UInt64: Int32] = [:]
    private var previousWithHash: [Int32] = []
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

    public init(sourceLanguage: String, targetLanguage: String, entries: [MemoryEntry] = []) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        add(contentsOf: entries)
    }

    /// Adds an entry; an entry with the same source and context replaces the older one, unless
    /// it says the same. Returns whether the memory changed.
    @discardableResult
    public mutating func add(_ entry: MemoryEntry) -> Bool {
        add(entry, prepared: Prepared(entry))
    }

    /// Adds entries in order, as `add(_:)` one by one would; keys and words are computed on
    /// every core first, a slice at a time so that they never all wait in memory at once.
    /// Returns how many entries were added or changed.
    @discardableResult
    public mutating func add(contentsOf newEntries: [MemoryEntry]) -> Int {
        var changed = 0
        let slice = 65_536
        for start in stride(from: 0, to: newEntries.count, by: slice) {
            let part = newEntries[start ..< min(newEntries.count, start + slice)]
            var prepared = [Prepared?](repeating: nil, count: part.count)
            prepared.withUnsafeMutableBufferPointer { results in
                nonisolated(unsafe) let results = results
                let chunk = 2048
                DispatchQueue.concurrentPerform(iterations: (part.count + chunk - 1) / chunk) { index in
                    for offset in index * chunk ..< min(part.count, (index + 1) * chunk) {
                        results[offset] = Prepared(part[part.startIndex + offset])
                    }
                }
            }
            for (entry, prepared) in zip(part, prepared) where add(entry, prepared: prepared!) {
                changed += 1
            }
        }
        return changed
    }

    /// What indexing needs of an entry, computed once.
    private struct Prepared: Sendable {
        var keyHash: UInt64
        var words: [String]
        var wordHashes: [UInt64]

        init(_ entry: MemoryEntry) {
            keyHash = stableHash64(entry.key)
            words = SegmentTokens.words(of: entry.source)
            wordHashes = words.map(stableHash64)
        }
    }

    private mutating func add(_ entry: MemoryEntry, prepared: Prepared) -> Bool {
        // Same key and same context unit: the same entry, which a newer translation replaces.
        // Its source, and so its words and keys, are unchanged.
        var candidate = exactIndex[prepared.keyHash] ?? -1
        while candidate >= 0 {
            let existing = entries[Int(candidate)]
            if existing.context.unit == entry.context.unit, existing.key == entry.key {
                // The same translation again (from a re-imported file) keeps its first provenance.
                guard MemoryEntry.key(for: existing.target) != MemoryEntry.key(for: entry.target) || existing.state != entry.state else { return false }
                entries[Int(candidate)] = entry
                return true
            }
            candidate = previousWithHash[Int(candidate)]
        }
        let position = Int32(entries.count)
        entries.append(entry)
        keyHashes.append(prepared.keyHash)
        previousWithHash.append(exactIndex[prepared.keyHash] ?? -1)
        exactIndex[prepared.keyHash] = position
        let ids = zip(prepared.words, prepared.wordHashes).map { word, hash in
            wordID(word, hash: hash) ?? newWordID(word, hash: hash)
        }
        words += ids
        let sorted = ids.sorted()
        sortedWords += sorted
        wordStart.append(Int32(words.count))
        var previous: Int32 = -1
        for id in sorted where id != previous {
            postings[Int(id)].append(position)
            previous = id
        }
        return true
    }

    /// The number of a word the memory has seen, found by its hash (computed on all cores
    /// when a memory is loaded) and confirmed by its text.
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

    func exactEntries(forKey key: String) -> [MemoryEntry] {
        var found: [MemoryEntry] = []
        var candidate = exactIndex[stableHash64(key)] ?? -1
        while candidate >= 0 {
            if entries[Int(candidate)].key == key { found.append(entries[Int(candidate)]) }
            candidate = previousWithHash[Int(candidate)]
        }
        return found.reversed()
    }

    /// Whether entry `index` has exactly this key (hash first, then the text).
    func hasKey(_ key: String, hash: UInt64, at index: Int) -> Bool {
        keyHashes[index] == hash && entries[index].key == key
    }

    /// An entry's tokens for scoring; computed when needed rather than kept for every entry,
    /// which would double the memory's size.
    func tokens(at index: Int) -> SegmentTokens {
        SegmentTokens(entries[index].source)
    }

    /// A fuzzy candidate with the score its words alone give: an upper bound of its final
    /// score, which penalties only lower.
    struct Candidate {
        var index: Int
        var wordScore: Int
    }

    /// Entries whose words reach `threshold`, found by prefix and count filtering (exact:
    /// never a lost match), each with its word score.
    ///
    /// A score is at most the share of common words in the longer word sequence, because the
    /// edit distance is at least the longer length minus the common words. So a match has at
    /// least `c = ⌈t·n⌉` words in common with a query of `n` words: of the query's `k` rarest
    /// word positions it contains at least `k − (n − c)`. With `k = n − c + 1` that is one
    /// (the prefix filter); each further list read raises the count an entry needs, so fewer
    /// entries are left to check. A further list is read while that is cheaper than checking
    /// the entries it could rule out: `verificationCost` is the cost of checking one entry in
    /// postings read (0: never read beyond the prefix). Entries that reach the count are
    /// checked by length, by the exact common count, and by the word-level edit distance
    /// computed on word numbers.
    func fuzzyCandidates(for query: SegmentTokens, threshold: Int, verificationCost: Int = 40) -> [Candidate] {
        let n = query.words.count
        guard n > 0 else { return [] }
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
        guard prefixLength > 0 else { return [] }
        func listLength(_ id: Int32) -> Int { id < 0 ? 0 : postings[Int(id)].count }
        // Word positions, rarest first; unknown words are rarest of all.
        let byRarity = queryIDs.sorted { (listLength($0), $0) < (listLength($1), $1) }

        // Each position read adds one to the count of every entry in its word's list (a word
        // twice in the query is read twice). `entriesWithCount[j]`: entries counted j times.
        var counts = [UInt8](repeating: 0, count: entries.count)
        var touched: [Int32] = []
        touched.reserveCapacity(byRarity.prefix(prefixLength).reduce(0) { $0 + listLength($1) })
        var entriesWithCount = [Int](repeating: 0, count: 256)
        var positions = 0
        // The inner loop runs for every posting read: unchecked buffers keep it to a few
        // instructions (counts and ids are in range by construction).
        counts.withUnsafeMutableBufferPointer { counts in
            entriesWithCount.withUnsafeMutableBufferPointer { entriesWithCount in
                while positions < min(n, 250) {
                    let id = byRarity[positions]
                    if positions >= prefixLength {
                        // Entries left to check if reading stopped here.
                        let left = entriesWithCount[(positions - (n - required))...].reduce(0, +)
                        let saving = left.multipliedReportingOverflow(by: verificationCost)
                        guard verificationCost > 0, saving.overflow || listLength(id) <= saving.partialValue else { break }
                    }
                    if id >= 0 {
                        postings[Int(id)].withUnsafeBufferPointer { list in
                            for entry in list {
                                let before = Int(counts[Int(entry)])
                                if before == 0 { touched.append(entry) } else { entriesWithCount[before] &-= 1 }
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
        let reached = touched.filter { Int(counts[Int($0)]) >= needed }

        let sortedQuery = queryIDs.filter { $0 >= 0 }.sorted()
        // Lengths a match can have: at least t·n words and at most n/t.
        let shortest = required
        let longest = threshold > 0 ? n * 100 / threshold : Int.max
        var candidates: [Candidate] = []
        var distanceRow: [Int32] = []
        words.withUnsafeBufferPointer { words in
            sortedWords.withUnsafeBufferPointer { sortedWords in
                for entry in reached.lazy.map(Int.init) {
                    let range = Int(wordStart[entry]) ..< Int(wordStart[entry + 1])
                    guard range.count >= shortest, range.count <= longest else { continue }
                    let length = max(n, range.count)
                    guard Self.commonCount(sortedQuery, UnsafeBufferPointer(rebasing: sortedWords[range])) * 100 >= threshold * length else { continue }
                    let distance = Self.distance(queryIDs, UnsafeBufferPointer(rebasing: words[range]), row: &distanceRow)
                    let wordScore = 100 * (length - distance) / length
                    if wordScore >= threshold { candidates.append(Candidate(index: entry, wordScore: wordScore)) }
                }
            }
        }
        return candidates
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
    /// words themselves, which have one number each).
    private static func distance(_ a: [Int32], _ b: UnsafeBufferPointer<Int32>, row: inout [Int32]) -> Int {
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

extension TranslationMemory {
    /// Entries whose source contains `phrase` (case-insensitive, NFC, white space folded), with
    /// the range of each occurrence in the source's text; for a translator checking how a term
    /// was translated before.
    public func concordance(_ phrase: String, limit: Int = 50) -> [(entry: MemoryEntry, ranges: [Range<String.Index>])] {
        let needle = phrase.nfc.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !needle.isEmpty else { return [] }
        var found: [(entry: MemoryEntry, ranges: [Range<String.Index>])] = []
        for entry in entries {
            let text = entry.source.plainText
            let folded = text.lowercased()
            // Lower-casing can change lengths (e.g. "İ"); offsets are mapped only when it did not.
            guard folded.count == text.count else {
                if folded.contains(needle) { found.append((entry, [])) }
                continue
            }
            let ranges = folded.ranges(of: needle).map { range in
                let start = text.index(text.startIndex, offsetBy: folded.distance(from: folded.startIndex, to: range.lowerBound))
                return start ..< text.index(start, offsetBy: folded.distance(from: range.lowerBound, to: range.upperBound))
            }
            if !ranges.isEmpty { found.append((entry, ranges)) }
            if found.count >= limit { break }
        }
        return found
    }
}
