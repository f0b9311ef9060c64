import Testing
@testable import LocalizationCore

/// A content unit's name is its path: the nearest four block elements above its text, joined
/// with "/". The extractor writes it as bytes into a string of its final size; these tests
/// compare it with joining the names, on random nestings of blocks (ASCII and not, of
/// different lengths, so paths are both small and heap strings) with inline markup between.
@Suite struct UnitPathTests {
    static let blocks = ["div", "section", "article", "x-box", "x-überschrift-block", "blockquote"]
    static let inlines = ["span", "b", "em"]

    @Test func contentUnitNamesAreTheNearestFourBlocksJoined() throws {
        var generator = SplitMix64(seed: 7)
        for number in 0 ..< 400 {
            var opened: [(name: String, isBlock: Bool)] = []
            for _ in 0 ..< Int(generator.next() % 9) {
                let isBlock = generator.next() % 4 != 0 || opened.last?.isBlock == false
                let names = isBlock ? Self.blocks : Self.inlines
                opened.append((names[Int(generator.next() % UInt64(names.count))], isBlock))
            }
            // Inline elements only after the innermost block, so the text's container is that block.
            if let lastBlock = opened.lastIndex(where: \.isBlock) {
                opened = opened[...lastBlock].filter(\.isBlock) + opened[(lastBlock + 1)...]
            }
            let html = opened.map { "<\($0.name)>" }.joined() + "Text \(number)" + opened.reversed().map { "</\($0.name)>" }.joined()
            let extracted = HTMLExtractor().extract(HTMLPage(name: "page.html", bytes: Array(html.utf8)))
            let unit = try #require(extracted.units.first, "\(html)")
            let expected = opened.filter(\.isBlock).map(\.name).suffix(4).joined(separator: "/")
            #expect(unit.name == expected, "\(html)")
        }
    }
}
