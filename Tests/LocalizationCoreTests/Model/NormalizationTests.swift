import Testing
@testable import LocalizationCore

/// `String.nfc` returns text that ICU finds in NFC as it is; these tests hold that answer to
/// the full normalization, byte for byte (`==` on strings would not see a difference: it
/// compares canonical equivalence).
@Suite struct NormalizationTests {
    /// Composed and decomposed letters, marks in and out of canonical order, Hangul syllables
    /// and jamo, singletons (Ångström sign, Ohm sign), and text of the locales the pipeline
    /// serves.
    static let pieces: [String] = [
        "a", "ü", "u\u{308}", "\u{301}", "\u{323}", "\u{301}\u{323}", "\u{323}\u{301}", "Å", "\u{212B}", "\u{2126}",
        "한", "\u{1112}\u{1161}\u{11AB}", "\u{1100}", "\u{1161}", "ع", "\u{64E}", "\u{651}\u{64E}", "ж", "й", "и\u{306}",
        "ገ", "ş", "s\u{327}", "ی", " ", ".", "😀", "\u{FB01}", "\u{0958}",
    ]

    @Test func nfcIsTheFullNormalizationByteForByte() {
        var generator = SplitMix64(seed: 2026)
        var texts = Self.pieces
        for _ in 0 ..< 5_000 {
            let length = Int.random(in: 1 ... 8, using: &generator)
            texts.append((0 ..< length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined())
        }
        var disagreements: [String] = []
        for text in texts where Array(text.nfc.utf8) != Array(text.normalizedToNFC().utf8) {
            disagreements.append(text.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " "))
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test func checkAnswersBothWays() {
        #expect("عربی".isNFC)
        #expect(!"u\u{308}".isNFC)
        #expect(!"\u{212B}".isNFC, "the Ångström sign decomposes to Å")
        #expect(Array("u\u{308}".nfc.utf8) == Array("ü".utf8))
    }

    @Test func longTextIsCheckedToo() {
        // Longer than the check's buffer on the stack.
        let composed = String(repeating: "ش", count: 600)
        #expect(composed.isNFC)
        #expect(!(composed + "u\u{308}").isNFC)
        #expect(Array((composed + "u\u{308}").nfc.utf8) == Array((composed + "ü").utf8))
    }
}
