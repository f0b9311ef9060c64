import Foundation
import Testing
@testable import LocalizationCore

/// A `<seg-source>` is kept only when its sentences spell the `<source>`. The reader first
/// walks them byte for byte (`spellByteForByte`) and joins them only when that fails
/// (`spellEquivalently`, the rule itself): the walk must never accept what the rule refuses,
/// and must accept what the pipeline writes.
struct XLIFF12SentenceSpellingTests {
    private static let bold = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "")
    private static let link = InlineCode(id: "2", kind: .link, elementName: "a", originalData: "")
    private static let image = InlineCode(id: "3", kind: .image, elementName: "img", originalData: "")

    private static func sentence(_ id: String, _ fragments: [Content.Fragment]) -> UnitPart {
        .segment(Segment(id: id, source: Content(fragments)))
    }

    /// The source, the parts, and whether the parts spell the source byte for byte.
    static let cases: [(Content, [UnitPart], Bool)] = [
        (Content(text: "Eins. Zwei."), [sentence("s1", [.text("Eins.")]), .ignorable(" "), sentence("s2", [.text("Zwei.")])], true),
        (Content([.text("Eins "), .opening(bold), .text("fett"), .closing(bold), .text(". Zwei "), .standalone(image), .text(".")]),
         [sentence("s1", [.text("Eins "), .opening(bold), .text("fett"), .closing(bold), .text(".")]), .ignorable(" "),
          sentence("s2", [.text("Zwei "), .standalone(image), .text(".")])], true),
        // A pair cut in two by the sentences: isolated halves in each, a pair in the source.
        (Content([.opening(link), .text("Eins. Zwei."), .closing(link)]),
         [sentence("s1", [.standalone(link, isolated: .opening), .text("Eins.")]), .ignorable(" "),
          sentence("s2", [.text("Zwei."), .standalone(link, isolated: .closing)])], true),
        // No space between the sentences.
        (Content(text: "Eins.Zwei."), [sentence("s1", [.text("Eins.")]), sentence("s2", [.text("Zwei.")])], true),
        // Other text, text missing, text left over.
        (Content(text: "Eins. Zwei."), [sentence("s1", [.text("Eins.")]), .ignorable(" "), sentence("s2", [.text("Drei.")])], false),
        // Text that differs in its last byte only, a byte greater than the source's.
        (Content(text: "Eins. Zwei."), [sentence("s1", [.text("Eins.")]), .ignorable(" "), sentence("s2", [.text("Zwei?")])], false),
        (Content(text: "Eins. Zwei."), [sentence("s1", [.text("Eins.")]), .ignorable(" ")], false),
        (Content(text: "Eins."), [sentence("s1", [.text("Eins.")]), .ignorable(" "), sentence("s2", [.text("Zwei.")])], false),
        // A code where the source has text, another code, a code the source lacks.
        (Content(text: "Eins fett. Zwei."),
         [sentence("s1", [.text("Eins "), .opening(bold), .text("fett"), .closing(bold), .text(".")]), .ignorable(" "),
          sentence("s2", [.text("Zwei.")])], false),
        (Content([.text("Eins "), .standalone(image), .text(". Zwei.")]),
         [sentence("s1", [.text("Eins "), .standalone(link), .text(".")]), .ignorable(" "), sentence("s2", [.text("Zwei.")])], false),
        (Content([.text("Eins. Zwei.")]),
         [sentence("s1", [.text("Eins."), .standalone(image)]), .ignorable(" "), sentence("s2", [.text("Zwei.")])], false),
        // The same text in another normalization form: equivalent, not the same bytes.
        (Content(text: "Schön. Zwei."), [sentence("s1", [.text("Scho\u{308}n.")]), .ignorable(" "), sentence("s2", [.text("Zwei.")])], false),
    ]

    @Test(arguments: cases.indices)
    func theWalkAcceptsWhatThePipelineWritesAndNothingTheRuleRefuses(index: Int) {
        let (source, parts, sameBytes) = Self.cases[index]
        let byteForByte = XLIFF12Reader.spellByteForByte(parts, source)
        #expect(byteForByte == sameBytes)
        if byteForByte { #expect(XLIFF12Reader.spellEquivalently(parts, source)) }
    }

    /// A `<seg-source>` in another normalization form than its `<source>` still gives the
    /// unit its sentences, as when the sentences were always joined.
    @Test func sentencesInAnotherNormalizationFormAreKept() throws {
        let xliff = """
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="p.html" source-language="de"><body>
        <trans-unit id="u1"><source>Schön. Zwei.</source><seg-source><mrk mtype="seg" mid="s1">Scho\u{308}n.</mrk> <mrk mtype="seg" mid="s2">Zwei.</mrk></seg-source></trans-unit>
        </body></file></xliff>
        """
        let unit = try #require(try XLIFFReader().read(Array(xliff.utf8), file: "p.xlf").files.first?.units.first)
        #expect(unit.segments.map(\.id) == ["s1", "s2"])
    }

    /// Tool output with sentences (the Okapi samples): the walk and the rule agree on every unit.
    @Test(.enabled(if: TestPaths.hasConformance, "../shared/conformance is missing"))
    func theWalkAgreesWithTheRuleOnToolOutput() throws {
        var segmentedUnits = 0
        for url in XLIFF12ToolOutputTests.files {
            let document = try XLIFFReader().read(try ProjectFiles.read(url), file: url.lastPathComponent)
            for unit in document.files.flatMap(\.units) where unit.isSegmented {
                segmentedUnits += 1
                #expect(XLIFF12Reader.spellByteForByte(unit.parts, unit.source), "\(url.lastPathComponent): unit \(unit.id)")
                #expect(XLIFF12Reader.spellEquivalently(unit.parts, unit.source), "\(url.lastPathComponent): unit \(unit.id)")
            }
        }
        #expect(segmentedUnits > 0)
    }
}
