import Testing
@testable import LocalizationCore

/// Targets are text plus references to the source's codes; anything else is refused with a
/// message naming the unit and the codes (SECURITY.md cases 8–10, 16).
@Suite struct TargetCheckTests {
    static let page = """
    <html lang="de"><body><p>Der <b>Rat</b> hat am <a href="/drucksache">Beschluss</a><br>mitgewirkt.</p><img alt="Logo"></body></html>
    """
    let extracted = HTMLExtractor().extract(HTMLPage(name: "rat.html", bytes: Array(page.utf8)))
    var paragraph: TextUnit { extracted.units[0] }
    var attribute: TextUnit { extracted.units[1] }

    func merge(_ target: String, unit: TextUnit? = nil) throws -> PageMerge.Result {
        let unit = unit ?? paragraph
        let xliff = """
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="rat.html" source-language="de" target-language="ar" datatype="html"><body>
        <trans-unit id="\(unit.id)"><source>\(XLIFF12Writer.inline(unit.source))</source><target>\(target)</target></trans-unit>
        </body></file></xliff>
        """
        let document = try XLIFFReader().read(Array(xliff.utf8), file: "job.xlf")
        return PageMerge().merge(extracted, units: document.files[0].units, language: try TargetLanguage("ar"), jobFile: "job.xlf")
    }

    @Test func acceptsReorderedCodes() throws {
        let result = try merge(#"<g id="2" ctype="link">القرار</g> في <g id="1" ctype="bold">المجلس</g><x id="3"/>شارك."#)
        #expect(result.diagnostics.isEmpty)
        let html = String(decoding: result.bytes, as: UTF8.self)
        #expect(html == #"<html lang="ar" dir="rtl"><body><p><a href="/drucksache">القرار</a> في <b>المجلس</b><br>شارك.</p><img alt="Logo"></body></html>"#)
    }

    @Test func scriptInTargetIsPublishedAsText() throws {
        let result = try merge(#"&lt;script&gt;alert(1)&lt;/script&gt;<g id="1"/><g id="2"/><x id="3"/>"#)
        #expect(result.diagnostics.isEmpty)
        #expect(String(decoding: result.bytes, as: UTF8.self).contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;<b></b><a href=\"/drucksache\"></a><br></p>"))
    }

    @Test func missingExtraAndDuplicatedCodesAreRefusedByName() throws {
        let missing = try merge(#"Nur Text <g id="1">Rat</g>"#)
        #expect(missing.diagnostics.map(\.description) == ["job.xlf:2: error: unit \(paragraph.id): target refused for rat.html: inline codes missing from the target: 2, 3"])
        #expect(missing.bytes == Array(Self.page.utf8))

        let extra = try merge(#"<g id="1">a</g><g id="2">b</g><x id="3"/><x id="7"/>"#)
        #expect(extra.diagnostics.map(\.message) == ["target refused for rat.html: inline codes not in the source: 7"])

        let duplicated = try merge(#"<g id="1">a</g><g id="2">b</g><x id="3"/><x id="3"/>"#)
        #expect(duplicated.diagnostics.map(\.message) == ["target refused for rat.html: inline codes used more than once: 3"])

        let wrongKind = try merge(#"<x id="1"/><g id="2">b</g><x id="3"/>"#)
        #expect(wrongKind.diagnostics.map(\.message) == [
            "target refused for rat.html: inline codes missing from the target: 1",
            "target refused for rat.html: inline codes closed before opened, badly nested or of another kind than in the source: 1",
        ])
    }

    @Test func elementsInTargetsAreNotXLIFFAndAreRefused() {
        #expect(throws: XLIFFError.self) { try merge(#"<a href="javascript:alert(1)">x</a>"#) }
    }

    @Test func bidiOverridesAreRefusedAndMarksAccepted() throws {
        let override = try merge("\u{202E}<g id=\"1\">a</g><g id=\"2\">b</g><x id=\"3\"/>")
        #expect(override.diagnostics.map(\.message) == ["target refused for rat.html: the target contains the control character U+202E, which is not allowed"])
        let mark = try merge("\u{200F}<g id=\"1\">a</g><g id=\"2\">b</g><x id=\"3\"/>\u{2067}x\u{2069}")
        #expect(mark.diagnostics.isEmpty)
    }

    @Test func attributeTargetsAreEscapedAndCannotHoldCodes() throws {
        let escaped = try merge(#"" onload="alert(1)"#, unit: attribute)
        #expect(String(decoding: escaped.bytes, as: UTF8.self).contains(#"<img alt="&quot; onload=&quot;alert(1)">"#))
        let withCode = try merge(#"<x id="1"/>Logo"#, unit: attribute)
        #expect(withCode.diagnostics.map(\.message) == ["target refused for rat.html: an attribute value cannot hold inline codes"])
    }

    @Test func aQuoteFollowedByACombiningMarkStaysInsideTheAttribute() throws {
        let result = try merge("\"\u{0301} onmouseover=x", unit: attribute)
        #expect(String(decoding: result.bytes, as: UTF8.self).contains("<img alt=\"&quot;\u{0301} onmouseover=x\">"))
    }

    @Test func changedSourceOrUnknownUnitIsReported() throws {
        let xliff = """
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="rat.html" source-language="de" datatype="html"><body>
        <trans-unit id="nicht-da"><source>Alt</source><target>Neu</target></trans-unit>
        <trans-unit id="\(attribute.id)"><source>Altes Logo</source><target>Neu</target></trans-unit>
        </body></file></xliff>
        """
        let units = try XLIFFReader().read(Array(xliff.utf8), file: "job.xlf").files[0].units
        let result = PageMerge().merge(extracted, units: units, language: nil, jobFile: "job.xlf")
        #expect(result.diagnostics.map(\.description) == [
            "job.xlf:2: error: unit nicht-da: the page rat.html has no unit with this id (its text changed since the job was made?); target not used",
            "job.xlf:3: error: unit \(attribute.id): the source text in the job differs from the page rat.html; target not used",
        ])
        #expect(result.bytes == Array(Self.page.utf8))
    }
}
