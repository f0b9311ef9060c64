extension TranslationMemory {
    /// What `matches(for:context:threshold: 100, limit:)` offers, as entries (an exact or
    /// in-context match's target is its entry's), for a sentence whose key
    /// (`MemoryEntry.key(for:)`) is known: a page's sentences are looked up in every target
    /// locale's memory, and their keys, which normalise the text, are computed once.
    func exactOffers(forKey key: String, context: MemoryEntry.Context, limit: Int) -> [MemoryEntry] {
        exactOfferPositions(forKey: key, context: context, limit: limit).map { entries[$0] }
    }

    /// `exactOffers` as positions in `entries`, so that the assembly, which looks up every
    /// sentence of every page in every locale, reads an offer's state and target where they
    /// are instead of copying the entry. `keyHash` is `stableHash64(key)` when the caller has
    /// it (the same in every locale's memory).
    func exactOfferPositions(forKey key: String, keyHash: UInt64? = nil, context: MemoryEntry.Context, limit: Int) -> [Int] {
        // Ranked as `offered` ranks matches: in-context (101) before exact (100).
        Self.ranked(exactPositions(forKey: key, keyHash: keyHash), limit: limit,
                    score: { Self.sameContext(entries[$0].context, context) ? 101 : 100 },
                    entry: { entries[$0] }, target: { entries[$0].target })
    }
}
