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

    /// Texts of scalars below U+0300 (German, Latin-1's white space and soft hyphen, control
    /// characters) are collapsed scalar by scalar; the same prefix as the straightforward one,
    /// and the long way taken whenever a combining mark follows within or right after it.
    @Test func textsBelowTheCombiningMarksTakeTheShortWayToTheSamePrefix() {
        let latin = ["Straße", "für", "Teilhabe", "Beiräte", "ÿ", "\u{AD}", "\u{85}", "\u{A0}", "\u{1}", "\r", "\r\n", " ", "\n\n", "ǅ", "ʰ", "a"]
        var generator = SplitMix64(seed: 29)
        var shortWays = 0
        for round in 0 ..< 4000 {
            var pieces = (0 ..< Int(generator.next() % 40)).map { _ in latin[Int(generator.next() % UInt64(latin.count))] }
            // Now and then a combining mark somewhere, or right where a short prefix ends.
            if round % 4 == 0, !pieces.isEmpty { pieces.insert(["\u{301}", "\n\u{301}", "e\u{308}"][round % 3], at: Int(generator.next() % UInt64(pieces.count))) }
            let text = pieces.joined()
            for length in [60, 5, 1] {
                if BatchRun.ExamineContext.collapsedPrefixBelowCombiningMarks(text, length: length) != nil { shortWays += 1 }
                #expect(BatchRun.ExamineContext.collapsedPrefix(text, length: length) == Self.reference(text, length: length), "\(text.debugDescription)")
            }
        }
        #expect(BatchRun.ExamineContext.collapsedPrefixBelowCombiningMarks("abcd\u{301}", length: 4) == nil)
        #expect(BatchRun.ExamineContext.collapsedPrefixBelowCombiningMarks("abcd\u{301}", length: 5) == nil)
        #expect(BatchRun.ExamineContext.collapsedPrefixBelowCombiningMarks("  Rat\r\n tagt ", length: 60) == "Rat tagt")
        #expect(shortWays > 8000)
    }
}
