import Testing
@testable import LocalizationCore

/// The state's text of a unit (its first 60 characters, white space collapsed) is read
/// without splitting the whole unit: held to the straightforward split, join and prefix on
/// generated texts, with the characters that joining merges across a space.
@Suite struct CollapsedPrefixTests {
    static func reference(_ text: String, length: Int) -> String {
        String(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(length))
    }

    /// Words, white space of several kinds, a combining mark that starts a character after a
    /// line break (and joins the space before it once collapsed), a prepended mark (U+0600)
    /// that joins the space after it, emoji and flags.
    static let pieces = ["Rat", "tagt", "am", "1.", "Januar", "2020", "Mitgliedsorganisationen", " ", "  ", "\n", "\t", "\u{A0}", "\r\n",
                         "\u{301}", "\n\u{301}", "e\u{301}", "\u{600}", "\u{600} ", "👩‍👩‍👧", "🇩🇪", "ا", "x"]

    @Test func theCollapsedPrefixIsTheStraightforwardOne() {
        var generator = SplitMix64(seed: 23)
        var long = 0
        for _ in 0 ..< 4000 {
            let text = (0 ..< Int(generator.next() % 60)).map { _ in Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }.joined()
            for length in [60, 5] {
                #expect(BatchRun.ExamineContext.collapsedPrefix(text, length: length) == Self.reference(text, length: length), "\(text.debugDescription)")
            }
            if Self.reference(text, length: 1000).count > 60 { long += 1 }
        }
        #expect(long > 1000)
    }
}
