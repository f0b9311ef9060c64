import Testing
@testable import LocalizationCore

@Suite struct HTMLLexerTests {
    /// Property: for any bytes, the tokens cover the input exactly once, in order.
    @Test func tokensCoverEveryByteOfArbitraryInput() {
        var generator = SplitMix64(seed: 2026)
        let alphabet = Array("<>/!-=\"' \nabcpdivscript&;#x?[]CDATA".utf8) + [0xC3, 0xA4, 0xFF, 0x00]
        for _ in 0 ..< 2000 {
            let length = Int(generator.next() % 200)
            let bytes = (0 ..< length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let tokens = HTMLLexer(bytes: bytes).tokens()
            var position = 0
            for token in tokens {
                #expect(token.range.lowerBound == position, "gap or overlap in \(bytes)")
                position = token.range.upperBound
            }
            #expect(position == bytes.count)
        }
    }

    @Test func rawTextEndsOnlyAtItsOwnEndTag() {
        let bytes = Array("<script>if (a</b) x = '</scripts>';</SCRIPT >after".utf8)
        let tokens = HTMLLexer(bytes: bytes).tokens()
        #expect(tokens.map(\.kind) == [.startTag, .rawText, .endTag, .text])
        #expect(String(decoding: bytes[tokens[1].range], as: UTF8.self) == "if (a</b) x = '</scripts>';")
    }

    @Test func attributesKeepTheirValueRangesAndQuotes() {
        let bytes = Array(#"<IMG Alt='Logo' title="a > b" data-x=unquoted hidden>"#.utf8)
        let tag = HTMLLexer(bytes: bytes).tokens()[0]
        #expect(tag.name == "img")
        #expect(tag.attributes.map(\.name) == ["alt", "title", "data-x", "hidden"])
        #expect(tag.attributes.map { $0.valueRange.map { String(decoding: bytes[$0], as: UTF8.self) } } == ["Logo", "a > b", "unquoted", nil])
        #expect(tag.attributes.map(\.quote) == [UInt8(ascii: "'"), UInt8(ascii: "\""), nil, nil])
    }
}

/// A small, fast, seeded generator so property tests are repeatable.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
