import Testing
@testable import LocalizationCore

/// The XLIFF 2 checker answers common cases (ASCII ids, indentation between elements) without
/// Unicode property look-ups; these tests hold the fast answers to the definitions they stand
/// for, on many generated strings.
@Suite struct XLIFF2CheckerFastPathTests {
    /// Pieces the generated strings are made of: the ASCII the fast paths look at, and the
    /// characters around their edges (other white space, marks, non-ASCII letters and digits).
    static let pieces: [String] = [
        " ", "\n", "\t", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}",
        "a", "Z", "é", "ß", "ж", "ع", "0", "9", "٣", "-", "_", ".", ":", "·", "\u{301}", "\u{0903}",
        "#", "/", "=", "\"", "<", "😀", "\u{FFFD}",
    ]

    static func generatedStrings(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0 ..< count).map { _ in
            let length = Int.random(in: 0 ... 6, using: &generator)
            return (0 ..< length).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func whitespaceAgreesWithCharacterIsWhitespace() {
        var disagreements: [String] = []
        for text in Self.generatedStrings(count: 20_000, seed: 7) + Self.pieces where XLIFF2Checker.isWhitespace(text) != text.allSatisfy(\.isWhitespace) {
            disagreements.append(text.debugDescription)
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        #expect(XLIFF2Checker.isWhitespace("\n      \r\n  \t"))
        #expect(!XLIFF2Checker.isWhitespace("\n  x  "))
    }

    /// An NMTOKEN as the checker defines it, scalar by scalar.
    static func isNMTokenByProperties(_ value: String) -> Bool {
        !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "-_.:".unicodeScalars.contains(scalar)
                || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
                || scalar == "\u{B7}"
        }
    }

    @Test func nmTokenAgreesWithTheUnicodeDefinition() {
        var disagreements: [String] = []
        for text in Self.generatedStrings(count: 20_000, seed: 11) + Self.pieces where XLIFF2Checker.isNMToken(text) != Self.isNMTokenByProperties(text) {
            disagreements.append(text.debugDescription)
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        #expect(XLIFF2Checker.isNMToken("m4ccecd9f5a0e6c28"))
        #expect(!XLIFF2Checker.isNMToken("a b"))
        #expect(!XLIFF2Checker.isNMToken(""))
    }

    /// Every ASCII character alone: the fast path decides all of them.
    @Test func nmTokenOfEachASCIICharacter() {
        for value in 0 ..< 0x80 {
            let text = String(Unicode.Scalar(UInt8(value)))
            #expect(XLIFF2Checker.isNMToken(text) == Self.isNMTokenByProperties(text), "U+\(String(value, radix: 16))")
        }
    }
}
