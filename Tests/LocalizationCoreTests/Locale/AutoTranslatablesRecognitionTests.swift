import Testing
@testable import LocalizationCore

/// Recognition passes over texts without a digit, and assembly reads a unit's whole-unit item
/// from the items of its untrimmed text: both held to the straightforward versions on
/// generated texts.
@Suite struct AutoTranslatablesRecognitionTests {
    /// Numbers, dates, references, month names without a year, white space of every kind
    /// recognition and trimming know, letters and punctuation around them.
    static let pieces = ["44", "0", "1.234,5", "2020", "November", "November 2020", "1. Januar 2020", "Mai", " ", "\u{A0}", "\u{202F}",
                         "\n", "\t", "\u{2003}", "0108/2021", "70 Prozent", "%", "Prozent", ".", ",", "/", "-", "WIR", "ä", "Stand: ", "٤",
                         "Dezember", "März 1999", "x"]

    static func texts(seed: UInt64, count: Int) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0 ..< count).map { _ in
            (0 ..< Int(generator.next() % 6)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test func textsWithoutADigitAreTheOnlyOnesPassedOver() {
        var withItems = 0
        for text in Self.texts(seed: 3, count: 5000) {
            let scanned = AutoTranslatables.scanning(text)
            #expect(AutoTranslatables.recognize(in: text) == scanned, "\(text.debugDescription)")
            if !scanned.isEmpty { withItems += 1 }
        }
        #expect(withItems > 1000)
    }

    /// The straightforward whole-unit item: the trimmed text's items, one that is the whole
    /// trimmed text and not a reference.
    static func referenceWholeItem(_ content: Content) -> (text: String, item: AutoTranslatable)? {
        guard content.fragments.count == 1, case .text(let text) = content.fragments[0] else { return nil }
        let trimmed = text.trimmingWhitespace
        let items = AutoTranslatables.scanning(trimmed)
        guard items.count == 1, items[0].text == trimmed, items[0].kind != .reference else { return nil }
        return (text, items[0])
    }

    @Test func theWholeUnitsItemIsReadFromTheUntrimmedTextsItems() {
        var wholes = 0
        for text in Self.texts(seed: 4, count: 5000) {
            let content = Content(text: text)
            let expected = Self.referenceWholeItem(content)
            // Recognised by `wholeItem` itself, and given the items assembly recognised anyway.
            for found in [AutoTranslatables.wholeItem(content), AutoTranslatables.wholeItem(content, recognized: AutoTranslatables.recognize(in: content.plainText))] {
                // The item's offsets are those of the text it was recognised in, and not read.
                #expect(found?.text == expected?.text && found?.item.kind == expected?.item.kind && found?.item.text == expected?.item.text,
                        "\(text.debugDescription)")
            }
            if expected != nil { wholes += 1 }
        }
        #expect(wholes > 200)
        // A unit of more than one fragment is never one item.
        let code = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>")
        let content = Content([.opening(code), .text("44"), .closing(code)])
        #expect(AutoTranslatables.wholeItem(content) == nil)
        #expect(AutoTranslatables.wholeItem(content, recognized: AutoTranslatables.recognize(in: content.plainText)) == nil)
    }
}
