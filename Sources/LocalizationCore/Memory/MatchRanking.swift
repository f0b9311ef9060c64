/// One sentence's fuzzy matches as `TranslationMemory.offered` ranks them, kept up to date as
/// matches arrive: best score first, newest first among equals, in order of arrival among
/// matches equal in both (a stable sort's order); and the offers they make, each translation
/// once, at most `limit`.
///
/// The search needs the lowest offer after every match it scores: sorting all matches each
/// time cost more than scoring them. Each match is inserted where the stable sort would put
/// it instead, and a match ranked below the lowest of `limit` offers is dropped, since no
/// later match can make it an offer.
struct MatchRanking {
    let limit: Int
    /// The offers, and between them matches whose translation an offer above them has.
    private var ranked: [(match: MemoryMatch, targetKey: String)] = []
    private(set) var offers: [MemoryMatch] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Whether there are `limit` offers.
    var isComplete: Bool { offers.count == limit }

    /// The score a further match must reach to change the offers: the lowest offer's once
    /// there are `limit` offers.
    var bar: Int { isComplete ? offers.last?.score ?? Int.min : Int.min }

    /// Whether a match scoring at most `score`, dated `date`, would rank after the lowest of
    /// `limit` offers, and so change nothing.
    func cannotEnter(score: Int, date: String) -> Bool {
        guard isComplete, let lowest = offers.last else { return false }
        return (score, date) <= (lowest.score, lowest.entry.provenance.date)
    }

    /// Adds the match that `score` makes with `entry` (whose source was scored) when it
    /// reaches `threshold`. Its target is adapted to the query's numbers only when the match
    /// can change the offers: most candidates of a sentence that stands on many pages with
    /// other numbers score below the offers, and adapting their targets was a fifth of ranking.
    mutating func add(_ score: TranslationMemory.FuzzyScore, entry: MemoryEntry, threshold: Int) {
        let clamped = TranslationMemory.FuzzyScore.clamped(score.score)
        guard clamped >= threshold, !cannotEnter(score: clamped, date: entry.provenance.date) else { return }
        add(score.match(with: entry))
    }

    mutating func add(_ match: MemoryMatch) {
        let rank = (match.score, match.entry.provenance.date)
        var position = ranked.count
        while position > 0, (ranked[position - 1].match.score, ranked[position - 1].match.entry.provenance.date) < rank {
            position -= 1
        }
        ranked.insert((match, MemoryEntry.key(for: match.target)), at: position)
        offers = []
        var seen: [String] = []
        var kept = 0
        for (match, targetKey) in ranked where offers.count < limit {
            kept += 1
            guard !seen.contains(targetKey) else { continue }
            seen.append(targetKey)
            offers.append(match)
        }
        if isComplete { ranked.removeSubrange(kept...) }
    }
}
