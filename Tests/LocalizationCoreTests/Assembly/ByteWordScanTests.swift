import Testing
@testable import LocalizationCore

/// The assembler's scans pass over eight bytes at a time (ByteWord): held here to their
/// byte-wise definitions with every byte they look for at every offset of a word, at word
/// boundaries and in the tail, among letters, umlauts and typographic quotes.
@Suite("Word-at-a-time scans")
struct ByteWordScanTests {
    static let fillers = ["Straßenbahnhaltestelle an der Kreuzung ", "abcdefghijklmnopqrstuvwxyz", "äöü„“–…€"]
    static let specials = ["&", "<", ">", "\"", "'", "\t", "\n", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}",
                           "\u{202A}", "\u{202E}", "\u{2029}", "\u{202F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{FEFF}"]

    /// Each special at each offset of the first three words of each filler, cut at every length.
    static var texts: [String] {
        var texts: [String] = []
        for filler in fillers {
            let scalars = Array(filler.unicodeScalars)
            for special in specials {
                for offset in 0 ... min(24, scalars.count) {
                    var text = String.UnicodeScalarView(scalars[..<offset])
                    text.append(contentsOf: special.unicodeScalars)
                    text.append(contentsOf: scalars[offset...])
                    let whole = String(text)
                    texts.append(whole)
                    texts.append(String(whole.unicodeScalars.prefix(offset + 1)))
                }
            }
        }
        return texts
    }

    @Test func escapingMatchesTheScalarWiseDefinition() {
        for text in Self.texts {
            for inAttribute in [false, true] {
                #expect(HTMLEscaping.escape(text, inAttribute: inAttribute, asciiOnly: false)
                    == HTMLEscapingTests.reference(text, inAttribute: inAttribute, asciiOnly: false), "\(text.debugDescription)")
            }
        }
    }

    @Test func firstForbiddenMatchesTheScalarWiseDefinition() {
        for text in Self.texts {
            #expect(TargetCheck.firstForbidden(in: Content(text: text)) == text.unicodeScalars.first(where: TargetCheck.isForbidden),
                    "\(text.debugDescription)")
        }
    }
}
