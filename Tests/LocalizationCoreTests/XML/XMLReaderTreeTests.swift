import Foundation
import Testing
@testable import LocalizationCore

/// `XMLReader` builds its tree from libxml2's SAX events; these tests hold it to what libxml2's
/// own tree gave (`LibXML2TreeReference`) on real files and on the corners where the two ways
/// could part: joined text, comments between text, CDATA, references in attribute values,
/// namespace declarations, lines past 65,535, and every kind of refusal with its line.
struct XMLReaderTreeTests {
    private static func compare(_ bytes: [UInt8], file: String, limits: XMLReader.Limits = .init(), sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let expected = LibXML2TreeReference.parse(bytes, file: file, limits: limits) else { return false }
        let actual = Result<XML.Element, XMLError>(catching: { () throws(XMLError) -> XML.Element in try XMLReader(limits: limits).parse(bytes, file: file) })
        #expect(actual == expected, "\(file)", sourceLocation: sourceLocation)
        return true
    }

    @Test(.enabled(if: TestPaths.hasConformance, "needs ../shared/conformance"))
    func conformanceFilesGiveTheSameTreeOrError() throws {
        let extensions: Set<String> = ["xml", "xlf", "xliff", "tmx", "tbx", "srx", "sch", "rng", "xsd"]
        let files = FileManager.default.enumerator(at: TestPaths.conformance, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { extensions.contains($0.pathExtension) }
        var compared = 0
        var refused = 0
        for url in files {
            let bytes = try ProjectFiles.read(url)
            guard !bytes.isEmpty else { continue }
            if Self.compare(bytes, file: url.path) { compared += 1 }
            if (try? XMLReader().parse(bytes, file: url.path)) == nil { refused += 1 }
        }
        // The suites hold invalid files too: both outcomes are compared, not only trees.
        #expect(compared > 900)
        #expect(refused > 10)
    }

    @Test func sampleMemoriesGiveTheSameTree() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("memory")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xlf") }
        #expect(!names.isEmpty)
        for name in names {
            #expect(Self.compare(try ProjectFiles.read(folder.appendingPathComponent(name)), file: name, limits: .init(maximumFileBytes: 2 << 30)))
        }
    }

    /// A memory as the pipeline writes it, long enough for lines past 65,535.
    @Test func aLongMemoryFileGivesTheSameTree() {
        let provenance = MemoryEntry.Provenance(origin: .import, date: "2026-11-27T00:00:00Z")
        let entries = (0 ..< 12_000).map { index in
            MemoryEntry(source: Content(text: "Satz \(index) über Teilhabe"), target: Content(text: "Sentence \(index)"), provenance: provenance)
        }
        let file = MemoryFile.write(TranslationMemory(sourceLanguage: "de", targetLanguage: "en", entries: entries))
        #expect(file.split(separator: "\n").count > 70_000)
        #expect(Self.compare(Array(file.utf8), file: "en.xlf"))
    }

    /// Lines past 65,535, where libxml2 keeps 65,535 in a node and looks for the line in the
    /// nodes around it: first child, next or previous sibling, text, five nodes deep at most.
    @Test(arguments: [
        "<last>text\nmore</last>",
        "<e1><!--c\n--></e1>\n<e2/><!--c\n-->\n<e3><?p\n?>\n</e3><p><e4/></p>\n<q>\n\n<e5/></q>",
        "<a><b><c><d><e><f><g>t\n</g></f></e></d></c></b></a>\n<h><i/><j/>\nk</h><m><n/></m>\n<o>x\n<!--z-->\n<s/></o>",
        "<t/><!--1--><!--2--><!--3--><!--4--><!--5-->\n<v/>",
        "<bad>\n",
    ])
    func linesPastSixtyFiveThousandAreFoundAsLibXML2FoundThem(tail: String) {
        let body = String(repeating: "<u id=\"a\">x</u>\n", count: 65_540)
        #expect(Self.compare(Array("<r>\n\(body)\(tail)</r>".utf8), file: "long.xml"))
    }

    @Test func entityReferencesPastSixtyFiveThousandLinesAreRefusedAtTheSameLine() {
        let body = String(repeating: "<u>x</u>\n", count: 65_540)
        for tail in ["<a>x &e; y</a>", "<a>&e;</a>", "<a><b/>&e;</a>", "<a>\n<!--c-->&e;&f;</a>"] {
            #expect(Self.compare(Array("<!DOCTYPE r SYSTEM \"r.dtd\"><r>\n\(body)\(tail)</r>".utf8), file: "long.xml"))
        }
    }

    @Test(arguments: [
        // text joined across references and CDATA, split by comments and processing instructions
        "<a>one &amp; two &#x41; <![CDATA[three <b>]]> four</a>",
        "<a>one<!-- c -->two<?pi x?>three<b/>four</a>",
        "<a><![CDATA[]]></a>",
        "<a>\n  <b>x</b>\n  <!-- only -->\n</a>",
        // attribute values: references, normalised white space, both quotes
        "<a x=\"1 &amp; 2\" y='&lt;&gt;&quot;&apos;' z=\"a\nb\tc\" w=\"&#38;&#x26;amp;\"/>",
        // namespaces: default, prefixed, undeclared default, xml:, attributes in namespaces
        "<x:a xmlns:x=\"urn:x\" xmlns=\"urn:d\"><b xmlns=\"\" x:k=\"v\" xml:lang=\"de\"><x:c/></b></x:a>",
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\"><mda:m mda:t=\"1\">v</mda:m></xliff>",
        // a DTD that is tolerated, defaulted attributes that libxml2's tree leaves out
        "<!DOCTYPE a [<!ATTLIST a d CDATA \"def\">]><a x=\"1\">t</a>",
        "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\"><tmx><body>x</body></tmx>",
        // an undeclared entity: an error without a DTD, a reference node with an external one
        "<a>x &nope; y</a>",
        "<!DOCTYPE a SYSTEM \"a.dtd\"><a>\n<b/>x &nope; y</a>",
        "<!DOCTYPE a SYSTEM \"a.dtd\"><a>\n<b/>\n&one;&two;</a>",
        "<!DOCTYPE a SYSTEM \"a.dtd\"><a>&one;</a>",
        // not well-formed, not namespace-well-formed, bad characters, truncated, no root
        "<a><b></a>",
        "<p:a/>",
        "<a>\u{0B}</a>",
        "<a>&#x1F;</a>",
        "<a x=\"1\" x=\"2\"/>",
        "<a><b>",
        "<?xml version=\"1.0\"?>",
        "text",
        "<a/><b/>",
        "<!-- before --><a/><!-- after -->",
    ])
    func cornersGiveTheSameTreeOrError(document: String) {
        #expect(Self.compare(Array(document.utf8), file: "corner.xml"))
    }

    @Test func invalidUTF8IsRefusedWithTheSameLine() {
        #expect(Self.compare(Array("<a>\nok\n".utf8) + [0xC3, 0x28] + Array("</a>".utf8), file: "bytes.xml"))
        #expect(Self.compare([0xFF, 0xFE] + Array("<a/>".utf8.flatMap { [$0, 0] }), file: "utf16.xml"))
    }

    @Test func aTextOverTheLimitIsRefusedAtItsLine() {
        let limits = XMLReader.Limits(maximumFileBytes: 1 << 20, maximumTextBytes: 10)
        #expect(Self.compare(Array("<a>\n<b>short</b>\n<c>\(String(repeating: "long ", count: 5))</c>&amp;</a>".utf8), file: "t.xml", limits: limits))
        #expect(Self.compare(Array("<a>1234<!-- c -->567890<![CDATA[abc]]></a>".utf8), file: "t.xml", limits: limits))
        // Refused for its text even where an entity reference comes later.
        #expect(Self.compare(Array("<!DOCTYPE a SYSTEM \"a.dtd\"><a>\n\(String(repeating: "x", count: 20))\n&e;</a>".utf8), file: "t.xml", limits: limits))
    }

    @Test func deepNestingIsRefusedAsBefore() {
        let depth = 5_000
        #expect(Self.compare(Array((String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)).utf8), file: "deep.xml"))
    }
}
