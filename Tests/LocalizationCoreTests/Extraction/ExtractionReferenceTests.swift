import CLibXML2
import Testing
@testable import LocalizationCore

/// Extraction's fast paths against the plain code they replaced, kept here as the reference:
/// unit ids (in jobs, memories and records, so not a bit may change), the stable hash fed in
/// pieces, character references resolved on bytes, names lower-cased only when needed.
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

    /// Character references resolved scalar by scalar, as `HTMLCharacterReferences` first did.
    static func referenceResolve(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let windows1252: [UInt32: UInt32] = [0x80: 0x20AC, 0x96: 0x2013, 0x9F: 0x0178]
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&" else {
                result.append(scalars[index])
                index += 1
                continue
            }
            var end = index + 1
            var isReference = true
            while end < scalars.count, end - index <= 40, scalars[end] != ";" {
                let scalar = scalars[end]
                guard scalar.properties.isASCIIHexDigit || (scalar.isASCII && (scalar.properties.isAlphabetic || scalar == "#")) else {
                    isReference = false
                    break
                }
                end += 1
            }
            var resolved: Unicode.Scalar?
            if isReference, end < scalars.count, scalars[end] == ";", end > index + 1 {
                let body = String(String.UnicodeScalarView(scalars[index + 1 ..< end]))
                if body.hasPrefix("#") {
                    let digits = body.dropFirst()
                    let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                    if let value {
                        let mapped = windows1252[value] ?? value
                        resolved = (mapped == 0 ? nil : Unicode.Scalar(mapped)) ?? "\u{FFFD}"
                    }
                } else if let entity = htmlEntityLookup(body) {
                    resolved = Unicode.Scalar(entity.pointee.value)
                }
            }
            if let resolved {
                result.append(resolved)
                index = end + 1
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
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

    /// `hexDigits` writes eight digits at a time: each digit at each place as `String(_:radix:)` writes it.
    @Test func hashDigitsAreTheValueInHexadecimal() {
        var places = Set<String>()
        for index in 0 ..< 5000 {
            let text = "Einheit \(index)"
            let digits = String(stableHash64(text), radix: 16)
            #expect(stableHash(text) == String(repeating: "0", count: 16 - digits.count) + digits, "\(text)")
            for (place, digit) in stableHash(text).enumerated() { places.insert("\(place)\(digit)") }
        }
        // Nearly every digit at every place (FNV-1a of such similar texts leaves a few out).
        #expect(places.count > 220)
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

    @Test func referencesResolvedOnBytesAsScalarByScalar() throws {
        let texts = [
            "&amp; &lt;b&gt; &auml;&ouml;&uuml; &nbsp;", "&#x41;&#X42;&#67; &#128; &#150; &#0; &#99999999; &#xZZ;",
            "&unbekannt; &amp &; & ; Ende &", "&" + String(repeating: "a", count: 41) + ";", "&ä; &a\u{308}; Grüße &amp;",
            "&#x1F600; &euro;&euro;", "",
        ]
        for text in texts {
            #expect(HTMLCharacterReferences.resolve(text) == Self.referenceResolve(text), "\(text)")
        }
        for (_, bytes) in try TestPaths.samplePages() {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(HTMLCharacterReferences.resolve(text) == Self.referenceResolve(text))
        }
    }

    @Test func namesAreLowerCasedAsLowercasedDoes() {
        let source = "<DiV CLASS=a Data-X=b><sEcTiOn ÄRIA=c><p\u{C4}x title=d></SECTION>"
        let names = HTMLLexer(bytes: Array(source.utf8)).tokens().filter { $0.kind == .startTag || $0.kind == .endTag }
        #expect(names.map(\.name) == ["div", "section", "p\u{E4}x", "section"])
        #expect(names.flatMap { $0.attributes.map(\.name) } == ["class", "data-x", "\u{E4}ria", "title"])
    }
}
