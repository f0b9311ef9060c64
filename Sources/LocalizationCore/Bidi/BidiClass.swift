internal import CICU

/// The Unicode bidirectional class of a character (UAX #9, table 4), from ICU's data.
public enum BidiClass: Int32, Sendable, Hashable, CaseIterable {
    case leftToRight = 0                 // L
    case rightToLeft = 1                 // R
    case europeanNumber = 2              // EN
    case europeanSeparator = 3           // ES
    case europeanTerminator = 4          // ET
    case arabicNumber = 5                // AN
    case commonSeparator = 6             // CS
    case paragraphSeparator = 7          // B
    case segmentSeparator = 8            // S
    case whitespace = 9                  // WS
    case otherNeutral = 10               // ON
    case leftToRightEmbedding = 11       // LRE
    case leftToRightOverride = 12        // LRO
    case arabicLetter = 13               // AL
    case rightToLeftEmbedding = 14       // RLE
    case rightToLeftOverride = 15        // RLO
    case popDirectionalFormat = 16       // PDF
    case nonspacingMark = 17             // NSM
    case boundaryNeutral = 18            // BN
    case firstStrongIsolate = 19         // FSI
    case leftToRightIsolate = 20         // LRI
    case rightToLeftIsolate = 21         // RLI
    case popDirectionalIsolate = 22      // PDI

    public init(_ scalar: Unicode.Scalar) {
        // Markup, Latin names, digits and punctuation, and the Cyrillic and Arabic scripts,
        // lie below U+0800: read from a table of ICU's own answers rather than through a call
        // into ICU for every character.
        if scalar.value < 0x800 {
            self = Self.common[Int(scalar.value)]
        } else {
            self = Self.fromICU(scalar.value)
        }
    }

    /// The class of each of the text's scalars: `init(_:)` with the table fetched once for the
    /// whole text rather than once per scalar (assembly classifies every target text of a
    /// right-to-left page).
    static func classes(of text: String) -> [BidiClass] {
        common.withUnsafeBufferPointer { table in
            text.unicodeScalars.map { scalar in scalar.value < 0x800 ? table[Int(scalar.value)] : fromICU(scalar.value) }
        }
    }

    /// ICU's class of a code point.
    static func fromICU(_ codePoint: UInt32) -> BidiClass {
        BidiClass(rawValue: cicu_bidi_class(codePoint)) ?? .otherNeutral
    }

    /// ICU's classes of U+0000–U+07FF, looked up once.
    static let common: [BidiClass] = (0 ..< 0x800).map(fromICU)

    /// Removed by rule X9: embeddings, overrides, PDF and boundary neutrals get no level and
    /// no place in the visual order.
    public var isRemovedByX9: Bool {
        switch self {
        case .leftToRightEmbedding, .rightToLeftEmbedding, .leftToRightOverride, .rightToLeftOverride,
             .popDirectionalFormat, .boundaryNeutral: true
        default: false
        }
    }

    /// Strong right-to-left (R or AL).
    public var isStrongRightToLeft: Bool { self == .rightToLeft || self == .arabicLetter }
}
