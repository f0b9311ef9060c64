import Testing
@testable import LocalizationCore

/// `XMLWriter` writes into one UTF-8 buffer and escapes straight into it, and
/// `XLIFF12Writer.inline` writes its markup piece by piece. These tests compare both with the
/// plain definitions they replace: escaping character by character, and inline markup built by
/// interpolating escaped strings.
@Suite struct XLIFF12WriterMarkupTests {
    /// Texts with every character escaping touches, at the start, the end and side by side,
    /// among letters of one to four UTF-8 bytes.
    static let texts: [String] = {
        let pieces = ["a", "Bär", "€", "𝐀", "😀", "&", "<", ">", "\"", "'", "\n", "\t", "\r", "\r\n", "&amp;", " ", "\u{FFFD}", "\u{85}"]
        var generator = SplitMix64(seed: 12)
        var texts = ["", "plain text", "&", "<>", "a&b<c>d\"e\nf\tg\rh"]
        for _ in 0 ..< 500 {
            let count = Int(generator.next() % 12)
            texts.append((0 ..< count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        return texts
    }()

    static func referenceEscape(_ text: String, attribute: Bool) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where attribute: result += "&#10;"
            case "\t" where attribute: result += "&#9;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    @Test func escapingIsTheCharacterByCharacterDefinition() {
        for text in Self.texts {
            for attribute in [false, true] {
                let expected = Self.referenceEscape(text, attribute: attribute)
                #expect(XMLWriter.escape(text, attribute: attribute) == expected, "\(text.debugDescription)")
                let written = XMLWriter.fragment { attribute ? $0.attributeValue(text) : $0.text(text) }
                #expect(written == expected, "\(text.debugDescription)")
            }
        }
    }

    @Test func documentsAreTheirPiecesInOrder() {
        var xml = XMLWriter()
        xml.open("a", ["x": "1&2", "skipped": nil, "y": "\"€\""], indent: false)
        xml.element("b", text: "Bär <3")
        xml.empty("c", ["z": "𝐀\n"])
        xml.raw("<d>")
        xml.removeLastCharacter()
        xml.raw(" e=\"f\">ü</d>")
        xml.raw("€")
        xml.removeLastCharacter()
        xml.close()
        #expect(xml.finish() == """
            <?xml version="1.0" encoding="UTF-8"?>
            <a x="1&amp;2" y="&quot;€&quot;">
              <b>Bär &lt;3</b>
              <c z="𝐀&#10;"/><d e="f">ü</d>
            </a>

            """)
    }

    @Test func inlineMarkupIsTheInterpolatedMarkup() {
        func code(_ id: String, _ kind: InlineCode.Kind = .formatting, _ name: String = "b", display: String? = nil) -> InlineCode {
            InlineCode(id: id, kind: kind, elementName: name, originalData: "<\(name)>", displayText: display)
        }
        let contents: [Content] = Self.texts.prefix(40).map { Content(text: $0) } + [
            Content([.text("Vor "), .opening(code("1", display: "fett & <b>")), .text("fett"), .closing(code("1")), .text(" nach.")]),
            Content([.opening(code("a\"1", .link, "a")), .text("Link"), .closing(code("a\"1", .link, "a")), .standalone(code("2", .lineBreak, "br"))]),
            Content([.standalone(code("3", .image, "img", display: "Bild\n")), .standalone(code("4", .protected, "span", display: "MiSO")),
                     .standalone(code("5", .autoTranslatable, "number")), .standalone(code("6", .other, "x-y"))]),
            Content([.standalone(code("7", .formatting, "i"), isolated: .opening), .text("kursiv"), .standalone(code("8", .formatting, "u"), isolated: .closing)]),
            Content([.standalone(code("9"), isolated: .opening), .text("a"), .standalone(code("9"), isolated: .closing)]),
            // Pairs that overlap instead of nesting are written as <bx>/<ex>.
            Content([.opening(code("p")), .text("a"), .opening(code("q", .formatting, "em")), .text("b"), .closing(code("p")), .text("c"), .closing(code("q"))]),
            Content([.text("\u{1}Steuerzeichen & mehr\u{FFFE}")]),
        ]
        for content in contents {
            #expect(XLIFF12Writer.inline(content) == Self.interpolatedInline(content), "\(content)")
        }
    }

    /// `XLIFF12Writer.inline` as it was written before it wrote into the writer's buffer.
    static func interpolatedInline(_ content: Content) -> String {
        func attribute(_ value: String) -> String { XMLWriter.escape(value, attribute: true) }
        func equivText(_ code: InlineCode) -> String {
            guard let text = code.displayText, !text.isEmpty else { return "" }
            return " equiv-text=\"\(attribute(text))\""
        }
        let ctype = XLIFF12Writer.ctype
        let paired = Content.idsPairedAcross([content])
        let crossing = XLIFF12Writer.crossingPairs(content)
        var markup = ""
        for fragment in content.fragments {
            switch fragment {
            case .text(let text):
                markup += XMLWriter.escape(XMLWriter.replacingNonXMLCharacters(text), attribute: false)
            case .opening(let code) where crossing.contains(code.id):
                markup += "<bx id=\"\(attribute(code.id))\" rid=\"\(attribute(code.id))\" ctype=\"\(ctype(code))\"\(equivText(code))/>"
            case .closing(let code) where crossing.contains(code.id):
                markup += "<ex id=\"\(attribute(code.id))\" rid=\"\(attribute(code.id))\"\(equivText(code))/>"
            case .opening(let code):
                markup += "<g id=\"\(attribute(code.id))\" ctype=\"\(ctype(code))\"\(equivText(code))>"
            case .closing:
                markup += "</g>"
            case .standalone(let code, nil):
                markup += "<x id=\"\(attribute(code.id))\" ctype=\"\(XLIFF12Writer.standaloneCtype(code))\"\(equivText(code))/>"
            case .standalone(let code, let half?) where !paired.contains(code.id):
                markup += "<it id=\"\(attribute(code.id))\" pos=\"\(half == .opening ? "open" : "close")\" ctype=\"\(ctype(code))\"\(equivText(code))/>"
            case .standalone(let code, .opening?):
                markup += "<bx id=\"\(attribute(code.id))\" rid=\"\(attribute(code.id))\" ctype=\"\(ctype(code))\"\(equivText(code))/>"
            case .standalone(let code, .closing?):
                markup += "<ex id=\"\(attribute(code.id))\" rid=\"\(attribute(code.id))\"\(equivText(code))/>"
            }
        }
        return markup
    }
}
