internal import CICU
import Synchronization

/// Splits text into sentences: ICU's sentence break iterator proposes boundaries, and SRX 2.0
/// rules, applied in order with the first matching rule deciding, veto them (no-break rules:
/// "z. B.", "am 3. Oktober") or add their own (break rules).
///
/// Positions are compared after the whitespace that follows a boundary, so an SRX rule
/// written before the space (`\.` | `\s`) and ICU's boundary after it speak of the same place.
public final class Segmenter: Sendable {
    public let language: String
    let rules: [SRXRules.Rule]
    /// Compiled rules ready for use; each is used by one thread at a time.
    let pool: Mutex<[CompiledRules]>
    /// What a text must contain to have a boundary, when that is known.
    let boundaryUnits: BoundaryUnits?

    public init(rules: SRXRules, language: String) throws(SegmentationError) {
        self.language = language
        self.rules = try rules.rules(for: language)
        self.boundaryUnits = BoundaryUnits(breakRules: self.rules.filter(\.isBreak), locale: language)
        let compiled = try CompiledRules(self.rules, language: language)
        self.pool = Mutex([compiled])
    }

    /// The German rules shipped with the pipeline (`Segmentation/Rules/german.srx`).
    public static func german() throws(SegmentationError) -> Segmenter {
        try shipped(language: "de")
    }

    /// A segmenter with the shipped rules for `language`: the German rules for German, ICU's
    /// boundaries alone (with paragraph breaks) for other languages.
    public static func shipped(language: String) throws(SegmentationError) -> Segmenter {
        try Segmenter(rules: ShippedRules.german(), language: language)
    }

    /// Boundaries in `text` as UTF-16 offsets, each after the whitespace that follows a
    /// sentence; the end of the text is not included.
    ///
    /// What the rules decide is defined by `referenceBoundaries(in:)`: every rule's matches
    /// over the whole text, the first rule to reach a position deciding it. Only positions
    /// that can end up as boundaries matter — ICU's and those of break rules — so they are
    /// found first, and a no-break rule is then tested at those few positions alone where
    /// its pattern allows it (`CompiledRules.Rule.localReach`); a text with no such
    /// position (a heading, a link, one sentence) needs no rule at all.
    public func boundaries(in text: [UInt16]) -> [Int] {
        guard !text.isEmpty else { return [] }
        return withPooledRules { compiled in
            if let known = compiled?.remembered[text] { return known }
            let found = text.withUnsafeBufferPointer { boundaries(in: $0, using: compiled) }
            compiled?.remembered.remember(found, for: text, size: text.count)
            return found
        }
    }

    /// Runs `body` with compiled rules of the pool, owned by this thread for the call (made
    /// anew when every one is in use); nil when the rules cannot be compiled.
    func withPooledRules<Result>(_ body: (CompiledRules?) -> Result) -> Result {
        let compiled = pool.withLock { $0.popLast() } ?? (try? CompiledRules(rules, language: language))
        defer { if let compiled { pool.withLock { $0.append(compiled) } } }
        return body(compiled)
    }

    /// `boundaries(in:)` found afresh, with `compiled` (ICU's boundaries alone without it).
    func boundaries(in text: UnsafeBufferPointer<UInt16>, using compiled: CompiledRules?) -> [Int] {
        guard let compiled else { return Self.icuBoundaries(text, locale: language, iterator: nil).filter { $0 > 0 && $0 < text.count } }
        return compiled.boundaries(in: text, locale: language)
    }

    /// The sentences of `text`, each with the whitespace that follows it; joined they give
    /// `text` back.
    public func segments(of text: String) -> [String] {
        let units = Array(text.utf16)
        var segments: [String] = []
        var start = 0
        for boundary in boundaries(in: units) + [units.count] {
            segments.append(String(utf16: units[start ..< boundary]))
            start = boundary
        }
        return segments.filter { !$0.isEmpty }
    }

    // MARK: - Helpers

    /// ICU's sentence boundaries, the end of the text included; with an iterator kept open
    /// when one is given (the same boundaries, without opening one per text).
    static func icuBoundaries(_ text: UnsafeBufferPointer<UInt16>, locale: String, iterator: SentenceIterator?) -> [Int] {
        var status: Int32 = 0
        var breaks = [Int32](repeating: 0, count: text.count + 1)
        let count = breaks.withUnsafeMutableBufferPointer { breaks in
            if let iterator {
                cicu_sentence_iterator_breaks(iterator.handle, text.baseAddress, Int32(text.count), breaks.baseAddress, Int32(breaks.count), &status)
            } else {
                cicu_sentence_breaks(text.baseAddress, Int32(text.count), locale, breaks.baseAddress, Int32(breaks.count), &status)
            }
        }
        return breaks.prefix(Int(count)).map { Int($0) }
    }

    static func skippingWhitespace(_ text: [UInt16], from position: Int) -> Int {
        var position = position
        while position < text.count, isWhitespace(text[position]) { position += 1 }
        return position
    }

    static func skippingWhitespace(_ text: UnsafeBufferPointer<UInt16>, from position: Int) -> Int {
        var position = position
        while position < text.count, isWhitespace(text[position]) { position += 1 }
        return position
    }

    static func isWhitespace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09 ... 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000 ... 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

/// ICU's sentence break iterator for one locale, kept open across texts; owned by one
/// thread at a time (through the segmenter's pool), hence unchecked.
final class SentenceIterator: @unchecked Sendable {
    let handle: OpaquePointer

    init?(locale: String) {
        var status: Int32 = 0
        guard let handle = cicu_sentence_iterator_open(locale, &status), status <= 0 else { return nil }
        self.handle = handle
    }

    deinit {
        cicu_sentence_iterator_close(handle)
    }
}

/// Rules compiled to ICU regular expressions, with a sentence break iterator; owned by one
/// thread at a time through the segmenter's pool, hence unchecked.
final class CompiledRules: @unchecked Sendable {
    struct Rule {
        var isBreak: Bool
        var before: ICURegex?
        var after: ICURegex?
        /// How far before a position the before-pattern's matches can start, when its pattern
        /// says so (no-break rules only); nil when the rule must search the whole text.
        var localReach: LocalReach?

        /// Positions where `before` ends and `after` begins.
        func positions(in text: UnsafeBufferPointer<UInt16>) -> [Int] {
            guard let before else {
                // An empty before-pattern matches everywhere: the after-pattern decides.
                guard let after else { return Array(0 ... text.count) }
                return after.withText(text) { $0.allMatches().map(\.lowerBound) }
            }
            let ends = before.withText(text) { $0.allMatches().map(\.upperBound) }
            guard let after else { return ends }
            return after.withText(text) { bound in ends.filter { bound.matches(at: $0) } }
        }
    }

    /// Where a match of a before-pattern ending at a position can begin: at most
    /// `maximumLength` units before it, and never before a character that `characters` (any
    /// one-character part of the pattern) does not match.
    struct LocalReach {
        var maximumLength: Int?
        var characters: ICURegex?
    }

    let rules: [Rule]
    let iterator: SentenceIterator?

    /// Boundaries already found, by the exact UTF-16 text (`Segmenter.boundaries(in:)`): a
    /// site repeats its header, footer and shared paragraphs on every page, and the rules'
    /// regular expressions cost more than the rest of segmentation. Keyed by code units, not
    /// by `String`, whose equality would take canonically equivalent texts for the same.
    var remembered = BoundedMemory<[UInt16], [Int]>(limit: rememberedUnitLimit)
    /// A unit's parts already found, by its exact content (`Segmenter.parts(of:)`), up to as
    /// many bytes of spelled content as `remembered` holds UTF-16 units.
    var rememberedParts = PartsMemory(limit: rememberedUnitLimit)
    /// The most UTF-16 units of text the boundaries' memory holds per thread (about 8 MB);
    /// when it is reached, what was remembered is forgotten (`BoundedMemory`).
    static let rememberedUnitLimit = 4 << 20

    init(_ rules: [SRXRules.Rule], language: String) throws(SegmentationError) {
        var compiled: [Rule] = []
        for rule in rules {
            compiled.append(Rule(
                isBreak: rule.isBreak,
                before: rule.before.isEmpty ? nil : try ICURegex(rule.before),
                after: rule.after.isEmpty ? nil : try ICURegex(rule.after),
                localReach: rule.isBreak ? nil : Self.localReach(of: rule.before)
            ))
        }
        self.rules = compiled
        self.iterator = SentenceIterator(locale: language)
    }

    private static func localReach(of before: String) -> LocalReach? {
        if before.isEmpty { return LocalReach(maximumLength: 0, characters: nil) }
        guard let shape = RegexShape(pattern: before) else { return nil }
        if let length = shape.maximumLength { return LocalReach(maximumLength: length, characters: nil) }
        guard let characters = try? ICURegex("(?:" + shape.characterPatterns.joined(separator: "|") + ")") else { return nil }
        return LocalReach(maximumLength: nil, characters: characters)
    }

    /// See `Segmenter.boundaries(in:)`.
    func boundaries(in text: UnsafeBufferPointer<UInt16>, locale: String) -> [Int] {
        let count = text.count
        var candidates = Segmenter.icuBoundaries(text, locale: locale, iterator: iterator).filter { $0 > 0 && $0 < count }
        // Break rules add positions of their own, so they search the whole text.
        var breakPositions: [Int: [Int]] = [:]
        for (index, rule) in rules.enumerated() where rule.isBreak {
            let positions = rule.positions(in: text).map { Segmenter.skippingWhitespace(text, from: $0) }.filter { $0 > 0 && $0 < count }
            breakPositions[index] = positions
            candidates += positions
        }
        guard !candidates.isEmpty else { return [] }
        if !breakPositions.isEmpty { candidates = Array(Set(candidates)).sorted() }

        // The first rule to reach a candidate decides it: false for no break, true for a break.
        var decisions = [Bool?](repeating: nil, count: candidates.count)
        var undecided = candidates.count
        func decide(_ position: Int, _ isBreak: Bool) {
            guard let index = Self.index(of: position, in: candidates), decisions[index] == nil else { return }
            decisions[index] = isBreak
            undecided -= 1
        }
        for (index, rule) in rules.enumerated() where undecided > 0 {
            if rule.isBreak {
                for position in breakPositions[index] ?? [] { decide(position, true) }
            } else if let reach = rule.localReach {
                rule.withLocalTest(in: text, reach: reach) { reaches in
                    for (index, candidate) in candidates.enumerated() where decisions[index] == nil && reaches(candidate) {
                        decisions[index] = false
                        undecided -= 1
                    }
                }
            } else {
                for position in rule.positions(in: text) { decide(Segmenter.skippingWhitespace(text, from: position), false) }
            }
        }
        return candidates.indices.filter { decisions[$0] != false }.map { candidates[$0] }
    }

    private static func index(of position: Int, in sorted: [Int]) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == position ? low : nil
    }
}

extension CompiledRules.Rule {
    /// Runs `body` with a test of whether `positions(in: text)` holds a position that
    /// whitespace-skipping takes to a given boundary — found by trying the before-pattern only
    /// where such a match can begin. The rule's expressions are bound to `text` during the call.
    func withLocalTest(in text: UnsafeBufferPointer<UInt16>, reach: CompiledRules.LocalReach, _ body: ((Int) -> Bool) -> Void) {
        Self.bound(before, to: text) { before in
            Self.bound(after, to: text) { after in
                Self.bound(reach.characters, to: text) { characters in
                    body { boundary in
                        Self.reaches(boundary, in: text, before: before, after: after, characters: characters, maximumLength: reach.maximumLength)
                    }
                }
            }
        }
    }

    private static func bound(_ regex: ICURegex?, to text: UnsafeBufferPointer<UInt16>, _ body: (ICURegex.Bound?) -> Void) {
        if let regex { regex.withText(text) { body($0) } } else { body(nil) }
    }

    private static func reaches(_ boundary: Int, in text: UnsafeBufferPointer<UInt16>, before: ICURegex.Bound?, after: ICURegex.Bound?,
                                characters: ICURegex.Bound?, maximumLength: Int?) -> Bool {
        // Positions that skipping whitespace takes to `boundary`: the white space before it,
        // and itself; none when it is white space itself.
        if boundary < text.count, Segmenter.isWhitespace(text[boundary]) { return false }
        var first = boundary
        while first > 0, Segmenter.isWhitespace(text[first - 1]) { first -= 1 }

        guard let before else {
            guard let after else { return true }
            return (first ... boundary).contains { after.matches(at: $0) }
        }
        // Where a match ending at `first` or later can begin.
        var start = first
        if let maximumLength {
            start = max(0, first - maximumLength)
        } else if let characters {
            while start > 0 {
                let previous = isSecondHalfOfPair(text, start - 1) ? start - 2 : start - 1
                guard characters.matches(at: previous) else { break }
                start = previous
            }
        }
        for position in start ... boundary {
            // The whole-text search steps by code points; it starts inside a pair only right
            // after a match found at the pair's first half.
            if isSecondHalfOfPair(text, position), before.matchEnd(at: position - 1) == nil { continue }
            guard let end = before.matchEnd(at: position), end >= first, end <= boundary else { continue }
            if after?.matches(at: end) ?? true { return true }
        }
        return false
    }

    /// Whether the unit at `position` is the low half of a surrogate pair.
    private static func isSecondHalfOfPair(_ text: UnsafeBufferPointer<UInt16>, _ position: Int) -> Bool {
        position > 0 && position < text.count && text[position] & 0xFC00 == 0xDC00 && text[position - 1] & 0xFC00 == 0xD800
    }
}

/// Answers found before, by their question, up to `limit` units of questions (each remembered
/// with its size): when the limit is reached, everything is forgotten and the count restarts.
struct BoundedMemory<Key: Hashable, Value> {
    private(set) var entries: [Key: Value] = [:]
    private var size = 0
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    subscript(key: Key) -> Value? { entries[key] }

    mutating func remember(_ value: Value, for key: Key, size: Int) {
        if self.size + size > limit {
            entries.removeAll()
            self.size = 0
        }
        entries[key] = value
        self.size += size
    }
}
