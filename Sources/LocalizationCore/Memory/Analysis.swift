internal import CICU

/// What a CAT tool shows before a job is priced: segments and words of one locale's job in
/// match bands, repetitions counted once.
public struct Analysis: Sendable, Hashable, Codable {
    public enum Band: String, Sendable, Hashable, Codable, CaseIterable {
        case inContext = "101%"
        case exact = "100%"
        case high = "95-99%"
        case medium = "85-94%"
        case low = "75-84%"
        case noMatch = "no match"
        case repetition = "repetitions"

        static func of(score: Int?) -> Band {
            guard let score else { return .noMatch }
            switch score {
            case 101...: return .inContext
            case 100: return .exact
            case 95 ... 99: return .high
            case 85 ... 94: return .medium
            case 75 ... 84: return .low
            default: return .noMatch
            }
        }
    }

    public struct Count: Sendable, Hashable, Codable {
        public var segments = 0
        public var words = 0

        public init() {}
    }

    public var locale: String
    public var bands: [Band: Count] = [:]
    private var seen: Set<String> = []

    public init(locale: String) {
        self.locale = locale
    }

    /// Counts one segment of `words` words (see `words(in:language:)`, counted once per segment
    /// for all locales) with the score of its best match (nil: none at the threshold).
    public mutating func count(_ source: Content, words: Int, bestScore: Int?) {
        let key = MemoryEntry.key(for: source)
        let band: Band = seen.insert(key).inserted ? .of(score: bestScore) : .repetition
        bands[band, default: Count()].segments += 1
        bands[band, default: Count()].words += words
    }

    /// The analysis of two jobs together (a large change cut into several jobs); a sentence
    /// counted in both stays counted in each.
    public func merging(_ other: Analysis) -> Analysis {
        var result = self
        for (band, count) in other.bands {
            result.bands[band, default: Count()].segments += count.segments
            result.bands[band, default: Count()].words += count.words
        }
        result.seen.formUnion(other.seen)
        return result
    }

    public var total: Count {
        bands.values.reduce(into: Count()) { total, count in
            total.segments += count.segments
            total.words += count.words
        }
    }

    /// Words by ICU's word break rules for the language.
    public static func words(in text: String, language: String) -> Int {
        let units = Array(text.utf16)
        var status: Int32 = 0
        return Int(units.withUnsafeBufferPointer { cicu_word_count($0.baseAddress, Int32($0.count), language, &status) })
    }

    private enum CodingKeys: String, CodingKey {
        case locale
        case bands
    }
}

extension Analysis.Band: CodingKeyRepresentable {}
