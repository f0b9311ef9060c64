/// A translation offered for a unit (from the memory), written into jobs so the translator's
/// tool shows it: XLIFF 1.2 `<alt-trans>`, XLIFF 2.1 `<mtc:match>`.
public struct TranslationCandidate: Sendable, Hashable {
    /// 0–101, as CAT tools show it (101: same text in the same place).
    public var score: Int
    public var source: Content
    public var target: Content
    /// Where it came from, e.g. `memory/translator` or `memory/sample`.
    public var origin: String
    /// Numbers in the target were replaced to fit the new source.
    public var isAutoAdapted: Bool

    public init(score: Int, source: Content, target: Content, origin: String, isAutoAdapted: Bool = false) {
        self.score = score
        self.source = source
        self.target = target
        self.origin = origin
        self.isAutoAdapted = isAutoAdapted
    }
}
