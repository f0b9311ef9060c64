/// The translation memory of one language pair, in memory: entries, an exact index by NFC key,
/// and an inverted word index (word numbers, postings) for fuzzy candidates. Both indexes are derived from the entries
/// and rebuilt with them; the entries themselves live in the memory's XLIFF file.
public struct TranslationMemory: Sendable {
    public let sourceLanguage: String
    public let targetLanguage: String
    public private(set) var entries: [MemoryEntry] = []
    /// Hash of the NFC key → entries (the key is compared on lookup; a hash, not the text, keeps
    /// the index small at a million entries).
    private var exactIndex: [UInt64: [Int32]] = [:]
    /// Case-folded word → its number, in order of first appearance.
    private var wordIDs: [String: Int32] = [:]
    /// Word number → the entries that contain the word (each once, ascending).
    private var postings: [[Int32]] = []
    /// Each entry's word numbers, sorted (a multiset).
    private var entryWordIDs: [[Int32]] = []
    private var positions: [String: Int] = [:]

    public init(sourceLanguage: String, targetLanguage: String, entries: [MemoryEntry] = []) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        for entry in entries { add(entry) }
    }

    /// Adds an entry; an entry with the same source and context replaces the older one, unless
    /// it says the same. Returns whether the memory changed.
    @discardableResult
    public mutating func add(_ entry: MemoryEntry) -> Bool {
        let identity = entry.identity
        if let position = positions[identity] {
            // The same translation again (from a re-imported file) keeps its first provenance.
            let existing = entries[position]
            guard MemoryEntry.key(for: existing.target) != MemoryEntry.key(for: entry.target) || existing.state != entry.state else { return false }
            entries[position] = entry
            rebuildIndexes()
            return true
        }
        positions[identity] = entries.count
        entries.append(entry)
        index(entries.count - 1)
        return true
    }

    func exactEntries(forKey key: String) -> [MemoryEntry] {
        (exactIndex[stableHash64(key)] ?? []).map { entries[Int($0)] }.filter { $0.key == key }
    }

    /// An entry's tokens for scoring; computed when needed rather than kept for every entry,
    /// which would double the memory's size.
    func tokens(at index: Int) -> SegmentTokens {
        SegmentTokens(entries[index].source)
    }

    /// Entries that can reach `threshold`, found by prefix filtering (exact, never a lost match).
    ///
    /// A score is at most the share of common words in the longer word sequence, because the
    /// edit distance is at least the longer length minus the common words. So a match needs
    /// `c = ⌈t·n⌉` words in common with a query of `n` words, and (pigeonhole) it must contain
    /// one of the query's `n − c + 1` rarest words: only their postings are read. Candidates
    /// are then checked with the exact common count against both lengths.
    func fuzzyCandidates(for query: SegmentTokens, threshold: Int) -> [Int] {
        let n = query.words.count
        guard n > 0 else { return [] }
        let queryIDs = query.words.map { wordIDs[$0] ?? -1 }
        let required = (threshold * n + 99) / 100
        let prefixLength = n - required + 1
        guard prefixLength > 0 else { return [] }
        // Rarest first; words the memory has never seen are rarest of all and match nothing.
        let byRarity = queryIDs.sorted { lhs, rhs in
            let left = lhs < 0 ? 0 : postings[Int(lhs)].count
            let right = rhs < 0 ? 0 : postings[Int(rhs)].count
            return (left, lhs) < (right, rhs)
        }
        let sortedQuery = queryIDs.filter { $0 >= 0 }.sorted()
        // A flag per entry is cheaper than hashing when postings are long.
        var seen = [Bool](repeating: false, count: entries.count)
        var candidates: [Int] = []
        for id in Set(byRarity.prefix(prefixLength)) where id >= 0 {
            for candidate in postings[Int(id)] where !seen[Int(candidate)] {
                let entry = Int(candidate)
                seen[entry] = true
                let stored = entryWordIDs[entry]
                let longest = max(n, stored.count)
                // Length filter first: too long a candidate cannot share enough words.
                guard n * 100 >= threshold * longest else { continue }
                if Self.commonCount(sortedQuery, stored) * 100 >= threshold * longest { candidates.append(entry) }
            }
        }
        return candidates.sorted()
    }

    /// Size of the multiset intersection of two sorted arrays.
    private static func commonCount(_ a: [Int32], _ b: [Int32]) -> Int {
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

    private mutating func index(_ position: Int) {
        let entry = entries[position]
        exactIndex[stableHash64(entry.key), default: []].append(Int32(position))
        let tokens = SegmentTokens(entry.source)
        var ids: [Int32] = []
        for word in tokens.words {
            let id = wordIDs[word] ?? {
                let id = Int32(postings.count)
                wordIDs[word] = id
                postings.append([])
                return id
            }()
            ids.append(id)
        }
        ids.sort()
        var previous: Int32 = -1
        for id in ids where id != previous {
            postings[Int(id)].append(Int32(position))
            previous = id
        }
        if entryWordIDs.count <= position {
            entryWordIDs.append(ids)
        } else {
            entryWordIDs[position] = ids
        }
    }

    private mutating func rebuildIndexes() {
        exactIndex = [:]
        wordIDs = [:]
        postings = []
        entryWordIDs = []
        for position in entries.indices { index(position) }
    }
}

extension MemoryEntry {
    /// Entries with the same identity replace each other: same source, same context unit.
    var identity: String { key + "\u{1F}" + (context.unit ?? "") }
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
