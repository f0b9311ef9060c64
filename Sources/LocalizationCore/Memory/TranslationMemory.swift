import Dispatch

/// The translation memory of one language pair, in memory: entries, an exact index by NFC key,
/// and an inverted word index for fuzzy candidates (`FuzzyIndex`). The indexes are derived
/// from the entries; the entries themselves live in the memory's XLIFF file.
///
/// The exact index is built as entries are added: one hash per entry and chains through an
/// array. The fuzzy index costs far more and is built by the first fuzzy lookup, so a run that
/// only needs exact matches never pays for it, or read with the entries from a
/// `MemorySnapshot`.
public struct TranslationMemory: Sendable {
    public let sourceLanguage: String
    public let targetLanguage: String
    public private(set) var entries: [MemoryEntry] = []
    /// Hash of each entry's NFC key; keys themselves are compared only when hashes agree.
    private var keyHashes: [UInt64] = []
    /// Hash of the NFC key → the last entry with that hash; `previousWithHash` chains the rest.
    private var exactIndex: [UInt64: Int32] = [:]
    private var previousWithHash: [Int32] = []
    /// Built on first use; shared with copies of this value until one of them adds an entry.
    private var fuzzy = LazyFuzzyIndex()

    public init(sourceLanguage: String, targetLanguage: String, entries: [MemoryEntry] = []) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        add(contentsOf: entries)
    }

    /// A memory of entries another memory held, with their key hashes and fuzzy index, as a
    /// `MemorySnapshot` kept them; nil unless there is a hash and an indexed entry for every
    /// entry. The entries are taken as they are, not added one by one: a memory holds each
    /// key and context unit once, so none would replace another, and their hashes are known.
    init?(sourceLanguage: String, targetLanguage: String, uniqueEntries entries: [MemoryEntry], keyHashes: [UInt64], fuzzyIndex: FuzzyIndex) {
        guard keyHashes.count == entries.count, fuzzyIndex.count == entries.count else { return nil }
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.entries = entries
        self.keyHashes = keyHashes
        // The chains `add` would have made: each entry after the one before it with its hash.
        exactIndex.reserveCapacity(entries.count)
        previousWithHash.reserveCapacity(entries.count)
        for (position, hash) in keyHashes.enumerated() {
            previousWithHash.append(exactIndex.updateValue(Int32(position), forKey: hash) ?? -1)
        }
        fuzzy = LazyFuzzyIndex(fuzzyIndex)
    }

    /// Adds an entry; an entry with the same source and context replaces the older one, unless
    /// it says the same. Returns whether the memory changed.
    @discardableResult
    public mutating func add(_ entry: MemoryEntry) -> Bool {
        add(entry, keyHash: MemoryEntry.keyHash(for: entry.source))
    }

    /// Adds entries in order, as `add(_:)` one by one would; key hashes are computed on every
    /// core first. Returns how many entries were added or changed.
    @discardableResult
    public mutating func add(contentsOf newEntries: [MemoryEntry]) -> Int {
        var hashes = [UInt64](repeating: 0, count: newEntries.count)
        hashes.withUnsafeMutableBufferPointer { results in
            nonisolated(unsafe) let results = results
            let chunk = 4096
            DispatchQueue.concurrentPerform(iterations: (newEntries.count + chunk - 1) / chunk) { index in
                for offset in index * chunk ..< min(newEntries.count, (index + 1) * chunk) {
                    results[offset] = MemoryEntry.keyHash(for: newEntries[offset].source)
                }
            }
        }
        var changed = 0
        for (entry, hash) in zip(newEntries, hashes) where add(entry, keyHash: hash) {
            changed += 1
        }
        return changed
    }

    private mutating func add(_ entry: MemoryEntry, keyHash: UInt64) -> Bool {
        // Same key and same context unit: the same entry, which a newer translation replaces.
        // Its source, and so its words and keys, are unchanged.
        var candidate = exactIndex[keyHash] ?? -1
        if candidate >= 0 {
            let key = entry.key
            while candidate >= 0 {
                let existing = entries[Int(candidate)]
                if existing.context.unit == entry.context.unit, existing.key == key {
                    // The same translation again (from a re-imported file) keeps its first provenance.
                    guard MemoryEntry.key(for: existing.target) != MemoryEntry.key(for: entry.target) || existing.state != entry.state else { return false }
                    entries[Int(candidate)] = entry
                    return true
                }
                candidate = previousWithHash[Int(candidate)]
            }
        }
        let position = Int32(entries.count)
        entries.append(entry)
        keyHashes.append(keyHash)
        previousWithHash.append(exactIndex[keyHash] ?? -1)
        exactIndex[keyHash] = position
        // A fuzzy index this value alone holds grows with it; one shared with other copies
        // stays theirs, and this value gets its own (a copy, or none until a lookup needs it).
        if isKnownUniquelyReferenced(&fuzzy) {
            fuzzy.appendIfBuilt(entry)
        } else if var index = fuzzy.built {
            index.append(entry)
            fuzzy = LazyFuzzyIndex(index)
        } else {
            fuzzy = LazyFuzzyIndex()
        }
        return true
    }

    func exactEntries(forKey key: String) -> [MemoryEntry] {
        var found: [MemoryEntry] = []
        var candidate = exactIndex[stableHash64(key)] ?? -1
        while candidate >= 0 {
            if entryKey(at: Int(candidate), is: key) { found.append(entries[Int(candidate)]) }
            candidate = previousWithHash[Int(candidate)]
        }
        return found.reversed()
    }

    /// Whether entry `index` has exactly this key (hash first, then the text).
    func hasKey(_ key: String, hash: UInt64, at index: Int) -> Bool {
        keyHashes[index] == hash && entryKey(at: index, is: key)
    }

    /// `entries[index].key == key` for an entry whose key hash is `key`'s, mostly without
    /// building the entry's key: lookups ask this of every sentence of every page in every
    /// memory. The entry's pieces spell the key byte for byte unless the hashes met by chance
    /// (or its source is not in NFC); then the keys themselves are compared.
    private func entryKey(at index: Int, is key: String) -> Bool {
        MemoryEntry.spells(key, entries[index].source) || entries[index].key == key
    }

    /// Entry `index`'s key hash (for a snapshot).
    func keyHash(at index: Int) -> UInt64 {
        keyHashes[index]
    }

    /// An entry's tokens for scoring; computed when needed rather than kept for every entry,
    /// which would double the memory's size.
    func tokens(at index: Int) -> SegmentTokens {
        SegmentTokens(entries[index].source)
    }

    /// The fuzzy index, built now if no lookup has needed it before.
    var fuzzyIndex: FuzzyIndex {
        fuzzy.index(of: entries)
    }

    /// Whether the fuzzy index has been built (for tests: exact lookups must not build it).
    var isFuzzyIndexBuilt: Bool {
        fuzzy.built != nil
    }

    /// Entries whose words reach `threshold`, each with its word score (see
    /// `FuzzyIndex.candidates`).
    func fuzzyCandidates(for query: SegmentTokens, threshold: Int, verificationCost: Int = 40) -> [FuzzyIndex.Candidate] {
        fuzzyIndex.candidates(for: query, threshold: threshold, verificationCost: verificationCost)
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
