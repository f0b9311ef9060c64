import Testing
@testable import LocalizationCore

/// Extraction's fast paths against the plain code they replaced, kept here as the reference:
/// unit ids (in jobs, memories and records, so not a bit may change) and the stable hash fed
/// in pieces.
@Suite struct ExtractionReferenceTests {
    // MARK: - The reference: the code as it was

    /// FNV-1a over the whole text, as `stableHash` was first written.
    static func referenceHash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The source as text with code markers, which ids were first computed from.
    static func referenceSignature(_ content: Content) -> String {
        content.fragments.map { fragment in
            switch fragment {
            case .text(let text): text
            case .opening(let code): "{\(code.elementName)}"
            case .closing(let code): "{/\(code.elementName)}"
            case .standalone(let code, _): "{\(code.elementName)/\(code.displayText ?? "")}"
            }
        }.joined()
    }

    // MARK: - Inputs

    static let edgeTexts = ["", "a", "|", "{/b}", "Grüße aus Hannover – 44 €", "😀\u{0}\n", String(repeating: "Teilhabe ", count: 200)]

    /// The sample project's pages, the extractor tests' page, the malformed pages, and pages
    /// for the id's parts: a deep path (four blocks kept), codes paired, isolated and
    /// enclosing, protected content, attributes inside text.
    static func pages() throws -> [(name: String, bytes: [UInt8])] {
        let made: [(String, String)] = [
            ("deep.html", "<html><body><div><section><article><p>Tief <b>unten</b> im Baum</p></article></section></div></body></html>"),
            ("codes.html", "<p><b>Ganz fett</b></p><p>Offen <i>kursiv</p><p>zu</i> Ende <a href=x title=\"Mehr dazu\">Link</a> <br> <!-- c --> x</p>"),
            ("protected.html", "<ul><li>So zählt <span translate=no>MiSO</span> 44<li>Zweiter <code>Punkt</code></ul><img alt='Logo der Stadt'>"),
            ("repeated.html", "<p>Gleich</p><p>Gleich</p><p>Gleich</p><p id=eins>Mit id</p><p id=eins>Mit id</p>"),
        ]
        return try TestPaths.samplePages() + [("extractor-tests.html", Array(HTMLExtractorTests.page.utf8))]
            + MalformedPageTests.cases + made.map { ($0.0, Array($0.1.utf8)) }
    }

    // MARK: - Tests

    @Test func hasherFedInPiecesGivesTheHashOfTheJoinedText() {
        for first in Self.edgeTexts {
            #expect(stableHash(first) == Self.referenceHash(first))
            #expect(stableHash64(first) == UInt64(Self.referenceHash(first), radix: 16))
            for second in Self.edgeTexts {
                var hasher = StableHasher()
                hasher.combine(first)
                hasher.combine("|")
                hasher.combine(second)
                #expect(hasher.hexDigits(after: "u") == "u" + Self.referenceHash(first + "|" + second))
            }
        }
    }

    @Test func contentUnitIDsAreTheHashOfPathAndSignature() throws {
        var checked = 0
        for (name, bytes) in try Self.pages() {
            for unit in HTMLExtractor().extract(HTMLPage(name: name, bytes: bytes)).units where !unit.isAttribute && unit.id.hasPrefix("u") {
                let expected = "u" + Self.referenceHash("\(unit.name)|\(Self.referenceSignature(unit.source))")
                #expect(unit.id == expected || unit.id.hasPrefix(expected + "-"), "\(name): \(unit.source.plainText)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func idsOfKnownPagesAsTheyWere() throws {
        let pages = Dictionary(uniqueKeysWithValues: try Self.pages().map { ($0.name, $0.bytes) })
        func units(_ name: String) throws -> [TextUnit] {
            HTMLExtractor().extract(HTMLPage(name: name, bytes: try #require(pages[name]))).units
        }
        let deep = try units("deep.html")
        #expect(deep.map(\.name) == ["div/section/article/p"])
        #expect(deep.map(\.id) == ["u" + Self.referenceHash("div/section/article/p|Tief {b}unten{/b} im Baum")])

        let protected = try units("protected.html")
        #expect(protected.map(\.id) == [
            "u" + Self.referenceHash("ul/li|So zählt {span/MiSO} 44"),
            "u" + Self.referenceHash("ul/li|Zweiter {code}Punkt{/code}"),
            "a" + Self.referenceHash("/img/@alt|Logo der Stadt"),
        ])

        let repeated = try units("repeated.html")
        let same = "u" + Self.referenceHash("p|Gleich")
        #expect(repeated.map(\.id) == [same, same + "-2", same + "-3", "id-eins", "id-eins-2"])

        // Units in page order: the link's title inside the third paragraph comes after its text starts.
        let codes = try units("codes.html")
        #expect(codes.map { Self.referenceSignature($0.source) } == ["Ganz fett", "Offen {i/}kursiv", "zu{i/} Ende {a}Link{/a} {br/} {#comment/} x", "Mehr dazu"])
        // The <i> never closed is half a pair; the stray </i> is a code of its own.
        #expect(codes[1].source.fragments.contains { if case .standalone(_, .opening?) = $0 { true } else { false } })
        #expect(codes[2].source.codes.map(\.kind) == [.other, .link, .lineBreak, .other])
        #expect(codes[3].id == "a" + Self.referenceHash("p/a/@title|Mehr dazu"))
    }
}
