/// The translation memory of one language pair, in memory: entries, an exact index by NFC key,
/// and an inverted word index for fuzzy candidates. Both indexes are derived from the entries
/// and rebuilt with them; the entries themselves live in the memory's XLIFF file.
public struct TranslationMemory: Sendable {
    public let sourceLanguage: String
    public let targetLanguage: String
    public private(set) var entries: [MemoryEntry] = []
    private var exactIndex: [String: [Int]] = [:]
    /// Case-folded word → (entry, occurrences).
    private var wordIndex: [String: [(entry: Int, count: Int)]] = [:]
    /// Each entry's tokens, computed once.
    private(set) var entryTokens: [SegmentTokens] = []
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
        (exactIndex[key] ?? []).map { entries[$0] }
    }

    /// Entries that can reach `threshold`: they share enough words with the query. A score
    /// is at most the share of common words in the longer sequence (the edit distance is at
    /// least the longer length minus the common words), so this filter never drops a match.
    func fuzzyCandidates(for query: SegmentTokens, threshold: Int) -> [Int] {
        var queryCounts: [String: Int] = [:]
        for word in query.words { queryCounts[word, default: 0] += 1 }
        var common: [Int: Int] = [:]
        for (word, count) in queryCounts {
            for posting in wordIndex[word] ?? [] { common[posting.entry, default: 0] += min(count, posting.count) }
        }
        return common.compactMap { entry, shared in
            let longest = max(query.words.count, entryTokens[entry].words.count)
            return shared * 100 >= threshold * longest ? entry : nil
        }.sorted()
    }

    private mutating func index(_ position: Int) {
        let entry = entries[position]
        exactIndex[entry.key, default: []].append(position)
        let tokens = SegmentTokens(entry.source)
        var counts: [String: Int] = [:]
        for word in tokens.words { counts[word, default: 0] += 1 }
        for (word, count) in counts { wordIndex[word, default: []].append((position, count)) }
        if entryTokens.count <= position { entryTokens.append(tokens) } else { entryTokens[position] = tokens }
    }

    private mutating func rebuildIndexes() {
        exactIndex = [:]
        wordIndex = [:]
        entryTokens = []
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
