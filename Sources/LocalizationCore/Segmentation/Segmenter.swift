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
    private let rules: [SRXRules.Rule]
    /// Compiled rules ready for use; each is used by one thread at a time.
    private let pool: Mutex<[CompiledRules]>

    public init(rules: SRXRules, language: String) throws(SegmentationError) {
        self.language = language
        self.rules = try rules.rules(for: language)
        let compiled = try CompiledRules(self.rules)
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
    public func boundaries(in text: [UInt16]) -> [Int] {
        guard !text.isEmpty else { return [] }
        let compiled = pool.withLock { $0.popLast() } ?? (try? CompiledRules(rules))
        defer { if let compiled { pool.withLock { $0.append(compiled) } } }

        var decisions: [Int: Bool] = [:]
        if let compiled {
            for rule in compiled.rules {
                for position in rule.positions(in: text) {
                    let canonical = Self.skippingWhitespace(text, from: position)
                    if decisions[canonical] == nil { decisions[canonical] = rule.isBreak }
                }
            }
        }
        var breaks = Set(Self.icuBoundaries(text, locale: language).filter { decisions[$0] != false })
        for (position, isBreak) in decisions where isBreak { breaks.insert(position) }
        return breaks.filter { $0 > 0 && $0 < text.count }.sorted()
    }

    /// The sentences of `text`, each with the whitespace that follows it; joined they give
    /// `text` back.
    public func segments(of text: String) -> [String] {
        let units = Array(text.utf16)
        var segments: [String] = []
        var start = 0
        for boundary in boundaries(in: units) + [units.count] {
            segments.append(String(decoding: units[start ..< boundary], as: UTF16.self))
            start = boundary
        }
        return segments.filter { !$0.isEmpty }
    }

    // MARK: - Helpers

    static func icuBoundaries(_ text: [UInt16], locale: String) -> [Int] {
        var status: Int32 = 0
        var breaks = [Int32](repeating: 0, count: text.count + 1)
        let count = text.withUnsafeBufferPointer { buffer in
            cicu_sentence_breaks(buffer.baseAddress, Int32(buffer.count), locale, &breaks, Int32(breaks.count), &status)
        }
        return breaks.prefix(Int(count)).map { Int($0) }
    }

    static func skippingWhitespace(_ text: [UInt16], from position: Int) -> Int {
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

/// Rules compiled to ICU regular expressions; owned by one thread at a time through the
/// segmenter's pool, hence unchecked.
final class CompiledRules: @unchecked Sendable {
    struct Rule {
        var isBreak: Bool
        var before: ICURegex?
        var after: ICURegex?

        /// Positions where `before` ends and `after` begins.
        func positions(in text: [UInt16]) -> [Int] {
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

    let rules: [Rule]

    init(_ rules: [SRXRules.Rule]) throws(SegmentationError) {
        var compiled: [Rule] = []
        for rule in rules {
            compiled.append(Rule(
                isBreak: rule.isBreak,
                before: rule.before.isEmpty ? nil : try ICURegex(rule.before),
                after: rule.after.isEmpty ? nil : try ICURegex(rule.after)
            ))
        }
        self.rules = compiled
    }
}
