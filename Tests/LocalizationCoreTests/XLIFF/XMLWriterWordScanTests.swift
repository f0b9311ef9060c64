import Testing
@testable import LocalizationCore

/// `XMLWriter` escapes text and attribute values looking at eight bytes at a time for one that
/// needs a look (`ByteWord`). These tests compare what it writes with escaping character by
/// character, on texts where each byte escaped or refused sits at every offset of a word and
/// in the shorter rest after the last whole word (`XLIFF12WriterMarkupTests` has shorter texts).
@Suite struct XMLWriterWordScanTests {
    /// One of each byte the scan must stop at, and characters it must pass over (0xEF starts
    /// both U+FEFF, which XML carries, and U+FFFF, which it does not).
    static let specials = ["&", "<", ">", "\"", "\r", "\n", "\t", "\u{0}", "\u{1F}", "\u{FFFF}", "\u{FEFF}", "\u{FFFE}"]

    static let texts: [String] = {
        var texts: [String] = []
        for special in specials {
            for offset in 0 ..< 20 {
                texts.append(String(repeating: "a", count: offset) + special + String(repeating: "ä", count: 20 - offset))
            }
        }
        var generator = SplitMix64(seed: 41)
        let pieces = ["a", "bc", "Bär", " ", "€", "𝐀", "?", "~", "\u{7F}", "\u{80}"] + specials
        for _ in 0 ..< 2000 {
            let count = Int(generator.next() % 40)
            texts.append((0 ..< count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        return texts
    }()

    @Test func textIsEscapedCharacterByCharacter() {
        for text in Self.texts {
            #expect(XMLWriter.fragment { $0.text(text) } == XLIFF12WriterMarkupTests.referenceEscape(text, attribute: false), "\(text.debugDescription)")
        }
    }

    @Test func attributeValueIsEscapedCharacterByCharacter() {
        for text in Self.texts {
            #expect(XMLWriter.fragment { $0.attributeValue(text) } == XLIFF12WriterMarkupTests.referenceEscape(text, attribute: true), "\(text.debugDescription)")
        }
    }

    @Test func charactersXMLCannotCarryAreReplacedThenEscaped() {
        for text in Self.texts {
            let replaced = String(String.UnicodeScalarView(text.unicodeScalars.map { XMLWriter.isXMLCharacter($0) ? $0 : "\u{FFFD}" }))
            #expect(XMLWriter.fragment { $0.textReplacingNonXMLCharacters(text) } == XLIFF12WriterMarkupTests.referenceEscape(replaced, attribute: false),
                    "\(text.debugDescription)")
        }
    }
}
