extension TranslationMemory {
    /// What `matches(for:context:threshold: 100, limit:)` offers, as entries (an exact or
    /// in-context match's target is its entry's), for a sentence whose key
    /// (`MemoryEntry.key(for:)`) is known: a page's sentences are looked up in every target
    /// locale's memory, and their keys, which normalise the text, are computed once.
    func exactOffers(forKey key: String, context: MemoryEntry.Context, limit: Int) -> [MemoryEntry] {
        // Ranked as `offered` ranks matches: in-context (101) before exact (100).
        Self.ranked(exactEntries(forKey: key), limit: limit, score: { Self.sameContext($0.context, context) ? 101 : 100 },
                    entry: { $0 }, target: \.target)
    }
}
