internal import CICU

/// A target language as a canonical BCP 47 tag with the direction its script is written in,
/// both from ICU (CLDR likely subtags), never from a hand-made list.
public struct TargetLanguage: Sendable, Hashable, CustomStringConvertible {
    public let tag: String
    public let direction: TextDirection

    /// Parses and checks a BCP 47 tag: it must be well-formed and name a language ICU knows.
    public init(_ tag: String) throws(LocaleError) {
        guard !tag.isEmpty, tag.utf8.count < 100, tag.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-") }) else {
            throw .malformedTag(tag)
        }
        var status: Int32 = 0
        var buffer = [CChar](repeating: 0, count: 160)
        let length = cicu_locale_canonical_tag(tag, &buffer, Int32(buffer.count), &status)
        guard status <= 0, length > 0 else { throw .malformedTag(tag) }
        let canonical = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard cicu_locale_has_known_language(canonical) != 0 else { throw .unknownLanguage(tag) }
        self.tag = canonical
        self.direction = cicu_locale_is_right_to_left(canonical) != 0 ? .rightToLeft : .leftToRight
    }

    public var description: String { tag }
}

public enum LocaleError: Error, Sendable, Hashable, CustomStringConvertible {
    case malformedTag(String)
    case unknownLanguage(String)

    public var description: String {
        switch self {
        case .malformedTag(let tag): "'\(tag)' is not a well-formed BCP 47 language tag (e.g. 'ar', 'fa-IR', 'sr-Latn')"
        case .unknownLanguage(let tag): "'\(tag)' names no language ICU knows"
        }
    }
}
