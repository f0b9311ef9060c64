extension TranslationMemory {
    /// What `matches(for:context:threshold: 100, limit:)` offers, as entries (an exact or
    /// in-context match's target is its entry's), for a sentence whose key
    /// (`MemoryEntry.key(for:)`) is known: a page's sentences are looked up in every target
    /// locale's memory, and their keys, which normalise the text, are computed once.
    func exactOffers(forKey key: String, context: MemoryEntry.Context, limit: Int) -> [MemoryEntry] {
        let entries = exactEntries(forKey: key)
        // One entry (the usual case) has nothing to sort or to merge with.
        if entries.count <= 1 { return Array(entries.prefix(limit)) }
        // As `offered`: best first (in-context before exact), newest first among equals, each
        // translation once.
        let scored = entries.map { (score: Self.sameContext($0.context, context) ? 101 : 100, entry: $0) }
        let sorted = scored.sorted { ($0.score, $0.entry.provenance.date) > ($1.score, $1.entry.provenance.date) }
        var offers: [MemoryEntry] = []
        var seen: [String] = []
        for (_, entry) in sorted {
            guard offers.count < limit else { break }
            let target = MemoryEntry.key(for: entry.target)
            guard !seen.contains(target) else { continue }
            seen.append(target)
            offers.append(entry)
        }
        return offers
    }
}
