import Testing
@testable import LocalizationCore

/// `XMLWriter.textReplacingNonXMLCharacters` escapes text and checks it for characters XML
/// cannot carry in one pass, writing it again only when a byte may start such a character.
/// These tests compare it with the two steps it replaces, on texts where that byte is a
/// character XML carries (U+FEFF, U+FFFD, U+F8FF) as well as on texts where it is not.
@Suite struct XMLWriterOnePassTests {
    static let texts: [String] = {
        let pieces = ["a", "Bär", "€", "𝐀", "&", "<", ">", "\"", "\n", "\t", "\r", " ",
                      "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{FFFD}", "\u{F8FF}", "\u{EFFF}"]
        var generator = SplitMix64(seed: 27)
        var texts = ["", "Bär & <b>", "\u{FFFF}", "a\u{1}", "\u{FEFF}&", "x\u{FFFE}y<z"]
        for _ in 0 ..< 1000 {
            let count = Int(generator.next() % 10)
            texts.append((0 ..< count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        return texts
    }()

    @Test func onePassIsReplacingThenEscaping() {
        for text in Self.texts {
            // Written after other markup, so that what a rewritten text drops is only its own.
            let onePass = XMLWriter.fragment { xml in
                xml.raw("<t>")
                xml.textReplacingNonXMLCharacters(text)
            }
            let twoSteps = XMLWriter.fragment { xml in
                xml.raw("<t>")
                xml.text(XMLWriter.replacingNonXMLCharacters(text))
            }
            #expect(onePass == twoSteps, "\(text.debugDescription)")
        }
    }

    @Test func attributesOneByOneAreTheListsAttributes() {
        let listed = XMLWriter.fragment { xml in
            xml.open("unit", ["id": "u&1", "skipped": nil, "name": "\"p\"\n"])
            xml.empty("x", ["ctype": "lb"])
            xml.close()
        }
        let oneByOne = XMLWriter.fragment { xml in
            xml.startTag("unit")
            xml.attribute("id", "u&1")
            xml.attribute("skipped", nil)
            xml.attribute("name", "\"p\"\n")
            xml.endStartTag()
            xml.startTag("x")
            xml.attribute("ctype", "lb")
            xml.endStartTag(isEmpty: true)
            xml.close()
        }
        #expect(oneByOne == listed)
        #expect(oneByOne == "\n<unit id=\"u&amp;1\" name=\"&quot;p&quot;&#10;\">\n  <x ctype=\"lb\"/>\n</unit>")
    }
}
