import Testing
@testable import LocalizationCore

/// `HTMLPage.collapsedText` decides from the page's bytes whether a text needs references
/// resolved or whitespace collapsed, and makes a string of the bytes at once when it needs
/// neither. These tests compare it with the two steps it stands for, on every range of texts
/// built from pieces that need one, the other, both or neither, in UTF-8 and Windows-1252 pages.
@Suite struct CollapsedTextTests {
    static let pieces: [[UInt8]] = [
        "a", "Bär", "€", " ", "  ", "\n", "\t", "\r\n", "\u{C}", "!", "%", "'", "&amp;", "&#32;", "&#10;",
        "&nbsp;", "&", "&;", "&#x20;", "x&y", "\u{1}",
    ].map { Array($0.utf8) } + [[0xC3], [0xFF], [0xE4]]

    static func pages(charset: String) -> [HTMLPage] {
        var generator = SplitMix64(seed: 41)
        return (0 ..< 300).map { number in
            let text = (0 ..< Int(generator.next() % 8)).flatMap { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
            return HTMLPage(name: "page-\(number).html", bytes: Array("<meta charset=\"\(charset)\"><p>".utf8) + text)
        }
    }

    @Test(arguments: ["utf-8", "windows-1252"])
    func collapsedTextIsResolvingThenCollapsing(charset: String) {
        for page in Self.pages(charset: charset) {
            let start = Array("<meta charset=\"\(charset)\"><p>".utf8).count
            for lower in start ... page.bytes.count {
                for upper in lower ... page.bytes.count {
                    let range = lower ..< upper
                    #expect(page.collapsedText(range) == HTMLPage.collapsingWhitespace(page.text(range)),
                            "\(page.bytes[range].map { $0 })")
                }
            }
        }
    }
}
