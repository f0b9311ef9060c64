import Testing
@testable import LocalizationCore

/// Pages as they are found in the wild: each gives diagnostics, never a crash, and still
/// round-trips byte for byte.
@Suite struct MalformedPageTests {
    static let cases: [(name: String, bytes: [UInt8])] = [
        ("unclosed.html", Array("<html lang=de><body><div><p>Offener Absatz <b>fett <i>kursiv<p>Noch einer<li>Punkt".utf8)),
        ("stray-end.html", Array("<html><body><p>Text</div> mit </span>Resten</p></div></body></html></html>".utf8)),
        ("bad-entities.html", Array("<p>&unbekannt; &amp &#xZZ; &#99999999; &#0; &auml&ouml; Ende &</p>".utf8)),
        ("invalid-utf8.html", Array("<p>Gr".utf8) + [0xFC, 0xDF, 0xC3] + Array("e aus Hannover</p><p title=\"a\u{0}b\">Zweiter</p>".utf8)),
        ("binary.html", (0 ..< 4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }),
        ("eof-in-tag.html", Array("<p>Text <a href=\"x".utf8)),
        ("eof-in-comment.html", Array("<p>Text</p><!-- offen".utf8)),
        ("latin1.html", Array("<html><head><meta charset=iso-8859-1></head><body><p>Gr".utf8) + [0xFC, 0xDF] + Array("e</p></body></html>".utf8)),
        ("nested-tables.html", Array(String(repeating: "<table><tr><td>Zelle ", count: 300).utf8)),
    ]

    @Test(arguments: cases.map(\.name))
    func malformedPageRoundTrips(name: String) throws {
        let bytes = try #require(Self.cases.first { $0.name == name }).bytes
        let extracted = HTMLExtractor().extract(HTMLPage(name: name, bytes: bytes))
        #expect(PageAssembler().assemble(extracted, targets: [:], language: nil) == bytes)
        let targets = Dictionary(uniqueKeysWithValues: extracted.units.map { ($0.id, PseudoLocalizer(style: .accented).translate($0.source)) })
        _ = PageAssembler().assemble(extracted, targets: targets, language: try TargetLanguage("en-XA"))
    }

    @Test func invalidUTF8IsReportedWithItsLine() {
        let bytes = Array("<meta charset=\"utf-8\"><p>Zeile eins</p>\n<p>Gr".utf8) + [0xFC] + Array("n</p>".utf8)
        let extracted = HTMLExtractor().extract(HTMLPage(name: "kaputt.html", bytes: bytes))
        #expect(extracted.diagnostics.map(\.description) == [
            "kaputt.html:2: warning: the page is not valid UTF-8 here; invalid bytes are kept in the skeleton and shown to translators as U+FFFD",
        ])
    }

    @Test func undeclaredEncodingIsGuessedFromTheBytes() {
        let mostlyUTF8 = Array("<p>Grüße aus Hannover, ".utf8) + [0xFF] + Array(" schöne Stadt</p>".utf8)
        #expect(HTMLPage(name: "a.html", bytes: mostlyUTF8).encoding == "utf-8")
        let latin1 = Array("<p>Gr".utf8) + [0xFC, 0xDF] + Array("e</p>".utf8)
        #expect(HTMLPage(name: "b.html", bytes: latin1).encoding == "windows-1252")
    }

    @Test func strayEndTagIsANote() {
        let extracted = HTMLExtractor().extract(HTMLPage(name: "s.html", bytes: Array("<p>a</p>\n</div>".utf8)))
        #expect(extracted.diagnostics.map(\.description) == ["s.html:2: note: stray </div> without an open element; kept as it is"])
    }

    @Test func latin1PageKeepsItsEncodingWhenTranslated() throws {
        let bytes = Array("<html><head><meta charset=iso-8859-1></head><body><p>Gr".utf8) + [0xFC, 0xDF] + Array("e</p></body></html>".utf8)
        let extracted = HTMLExtractor().extract(HTMLPage(name: "latin1.html", bytes: bytes))
        #expect(extracted.units.map(\.source.plainText) == ["Grüße"])
        let merged = PageAssembler().assemble(extracted, targets: [extracted.units[0].id: Content(text: "Привет ü")], language: try TargetLanguage("ru"))
        #expect(String(decoding: merged, as: UTF8.self) == "<html lang=\"ru\"><head><meta charset=iso-8859-1></head><body><p>&#x41F;&#x440;&#x438;&#x432;&#x435;&#x442; &#xFC;</p></body></html>")
    }

    @Test func twentyMegabytePageExtractsAndRoundTrips() throws {
        // Long paragraphs, as in a page that inlines a whole report: 20 MB in about 25,000 units.
        let sentence = "Die <b>13 Integrationsbeiräte</b> arbeiten in den Stadtbezirken eng mit <a href=\"/miso\">MiSO</a> zusammen. "
        let paragraph = "<p>" + String(repeating: sentence, count: 7) + "</p>\n"
        let bytes = Array(("<html lang=\"de\"><body>\n" + String(repeating: paragraph, count: 20_000_000 / paragraph.utf8.count) + "</body></html>").utf8)
        let extracted = HTMLExtractor().extract(HTMLPage(name: "gross.html", bytes: bytes))
        #expect(extracted.units.count > 20_000)
        #expect(PageAssembler().assemble(extracted, targets: [:], language: nil) == bytes)
        let targets = Dictionary(uniqueKeysWithValues: extracted.units.map { ($0.id, PseudoLocalizer(style: .rightToLeft).translate($0.source)) })
        let merged = PageAssembler().assemble(extracted, targets: targets, language: try TargetLanguage("ar"))
        #expect(merged.count > bytes.count / 2)
    }
}

extension MalformedPageTests {
    @Test func unclosedProtectedSpanEndsWithItsParagraph() {
        let page = "<div><p>Die <span translate=\"no\">MiSO berät</p><p>Zweiter Absatz</p></div>"
        let extracted = HTMLExtractor().extract(HTMLPage(name: "offen.html", bytes: Array(page.utf8)))
        #expect(extracted.units.map(\.source.shape) == ["Die {1/}", "Zweiter Absatz"])
        #expect(extracted.units.first?.source.codes.first?.displayText == "MiSO berät")
    }
}
