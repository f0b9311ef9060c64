import Testing
@testable import LocalizationCore

/// ITS resolution the W3C suite does not pin down: rule order across link and script, rule
/// files linking rule files, HTML markup corner cases, and diagnostics.
@Suite struct ITSProcessorTests {
    static let rulesHeader = #"<its:rules xmlns:its="http://www.w3.org/2005/11/its" xmlns:h="http://www.w3.org/1999/xhtml" version="2.0""#

    func process(_ html: String, files: [String: String] = [:]) -> ITSResult {
        ITSProcessor(loader: { href in
            guard let text = files[href] else { throw XMLError(file: href, line: nil, message: "no such file") }
            return Array(text.utf8)
        }).process(HTMLPage(name: "page.html", bytes: Array(html.utf8)))
    }

    func values(_ result: ITSResult, _ path: String) throws -> ITSValues {
        try #require(result.nodes.first { $0.path == path }).values
    }

    @Test func embeddedRulesOverrideLinkedRulesWhateverTheirPlace() throws {
        let result = process("""
        <html><head>
        <script type="application/its+xml">\(Self.rulesHeader)><its:translateRule selector="//h:p" translate="yes"/></its:rules></script>
        <link rel="its-rules" href="rules.xml">
        </head><body><p>Text</p></body></html>
        """, files: ["rules.xml": "\(Self.rulesHeader)><its:translateRule selector=\"//h:p\" translate=\"no\"/></its:rules>"])
        #expect(result.diagnostics.isEmpty)
        #expect(try values(result, "/html/body[1]/p[1]").translate)
    }

    @Test func rulesInARulesElementOverrideTheFileItLinks() throws {
        let result = process("""
        <html><head><link rel="its-rules" href="outer.xml"></head>
        <body><p>One</p><span>Two</span></body></html>
        """, files: [
            "outer.xml": #"\#(Self.rulesHeader) xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="inner.xml"><its:translateRule selector="//h:p" translate="yes"/></its:rules>"#,
            "inner.xml": "\(Self.rulesHeader)><its:translateRule selector=\"//h:*\" translate=\"no\"/></its:rules>",
        ])
        #expect(result.diagnostics.isEmpty)
        #expect(try values(result, "/html/body[1]/p[1]").translate)
        #expect(try !values(result, "/html/body[1]/span[1]").translate)
    }

    @Test func parametersBelongToTheirRulesElement() {
        let result = process("""
        <html><head>
        <script type="application/its+xml">\(Self.rulesHeader)><its:param name="x">a</its:param></its:rules></script>
        <script type="application/its+xml">\(Self.rulesHeader)><its:translateRule selector="//h:p[@id=$x]" translate="no"/></its:rules></script>
        </head><body><p id="a">Text</p></body></html>
        """)
        #expect(result.diagnostics.map(\.message) == [
            "its:translateRule: the selector //h:p[@id=$x] is not valid XPath or uses an undeclared prefix or variable; the rule was ignored",
        ])
    }

    @Test func localMarkupOverridesRulesAndInheritsAsTheSpecSays() throws {
        let result = process("""
        <html lang="de"><head><script type="application/its+xml">\(Self.rulesHeader)>
          <its:locNoteRule selector="//h:div" locNoteType="description"><its:locNote>From a rule</its:locNote></its:locNoteRule>
          <its:dirRule selector="//h:div" dir="rtl"/>
        </its:rules></script></head>
        <body><div its-loc-note-ref="notes.html#n1" its-loc-note-type="Alert" title="T"><p dir="auto">Text <bdo dir="ltr">x</bdo></p></div></body></html>
        """)
        let div = try values(result, "/html/body[1]/div[1]")
        #expect(div.localizationNote == ITSLocalizationNote(content: .reference("notes.html#n1"), priority: .alert))
        #expect(div.language == "de")
        let paragraph = try values(result, "/html/body[1]/div[1]/p[1]")
        #expect(paragraph.localizationNote == div.localizationNote)
        #expect(paragraph.direction == .rtl)
        #expect(paragraph.withinText == ITSAnnotations.WithinText.no)
        #expect(try values(result, "/html/body[1]/div[1]/p[1]/bdo[1]").direction == .lro)
        let title = try values(result, "/html/body[1]/div[1]/@title")
        #expect(title.localizationNote == nil)
        #expect(title.translate)
        #expect(title.direction == .rtl)
        #expect(title.language == "de")
    }

    @Test func resultsAreKeyedLikeTheExtractorsTokens() throws {
        let result = process("<html><body>\n<p>One</p><p translate=\"no\" title=\"x\">Two</p></body></html>")
        let second = ElementKey(name: "p", line: 2, ordinal: 1)
        #expect(try #require(result.elements[second]).translate == false)
        #expect(try #require(result.attributes[AttributeKey(element: second, name: "title")]).translate == false)
    }

    @Test func linkedRulesWithoutALoaderAreReported() {
        let result = ITSProcessor().process(HTMLPage(name: "page.html", bytes: Array(#"<html><head><link rel="its-rules" href="r.xml"></head></html>"#.utf8)))
        #expect(result.diagnostics.map(\.description) == ["page.html:1: warning: ITS rules r.xml are linked, but no rule files can be read here"])
    }

    @Test func otherQueryLanguagesAreReportedAndSkipped() throws {
        let result = process("""
        <html><head><script type="application/its+xml">\(Self.rulesHeader) queryLanguage="css"><its:translateRule selector="p" translate="no"/></its:rules></script></head>
        <body><p>Text</p></body></html>
        """)
        #expect(result.diagnostics.map(\.message) == ["ITS rules in query language css are not supported (only XPath); these rules were ignored"])
        #expect(try values(result, "/html/body[1]/p[1]").translate)
    }
}
