import Foundation
import Testing
@testable import LocalizationCore

/// ITS 2.0 local markup and global rules, embedded and linked.
@Suite struct ITSRulesTests {
    static let embedded = """
    <!DOCTYPE html>
    <html lang="de"><head>
    <script type="application/its+xml"><its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0" xmlns:h="http://www.w3.org/1999/xhtml">
      <its:translateRule selector="//h:span[@class='fn']" translate="no"/>
      <its:translateRule selector="//h:img/@src" translate="no"/>
      <its:locNoteRule selector="//h:p[@class='ratsbeschluss']" locNoteType="alert"><its:locNote>Nummer nicht ändern</its:locNote></its:locNoteRule>
      <its:withinTextRule selector="//h:div[@class='inline']" withinText="yes"/>
      <its:dirRule selector="//h:p[@class='en']" dir="ltr"/>
      <its:langRule selector="//h:p[@class='en']" langPointer="@data-lang"/>
      <its:idValueRule selector="//h:section" idValue="@data-cms-id"/>
    </its:rules></script>
    </head><body>
    <p>Die <span class="fn">MiSO</span> berät.</p>
    <p class="ratsbeschluss">Drucksache Nr. 0108/2021</p>
    <p>Vor <div class="inline">eingebettet</div> danach</p>
    <p class="en" data-lang="en">Local Integration Plan</p>
    <section data-cms-id="teilhabe-14-1">Gleichberechtigte Teilhabe</section>
    </body></html>
    """

    let extracted = HTMLExtractor().extract(HTMLPage(name: "its.html", bytes: Array(embedded.utf8)))

    func unit(_ prefix: String) throws -> TextUnit {
        try #require(extracted.units.first { $0.source.plainText.hasPrefix(prefix) })
    }

    @Test func translateRuleProtectsSelectedElements() throws {
        let unit = try unit("Die")
        #expect(unit.source.shape == "Die {1/} berät.")
        #expect(unit.source.codes.first?.kind == .protected)
    }

    @Test func locNoteRuleAddsNote() throws {
        #expect(try unit("Drucksache").notes == [Note("Nummer nicht ändern", priority: .alert)])
    }

    @Test func withinTextRuleMakesABlockInline() throws {
        #expect(try unit("Vor").source.shape == "Vor {1}eingebettet{/1} danach")
    }

    @Test func languageAndDirectionRules() throws {
        let unit = try unit("Local")
        #expect(unit.sourceLanguage == "en")
        #expect(unit.direction == .leftToRight)
    }

    @Test func idValueRuleGivesTheUnitItsID() throws {
        #expect(try unit("Gleichberechtigte").id == "id-teilhabe-14-1")
    }

    @Test func linkedRulesAreReadInsideTheProjectOnly() throws {
        let folder = try temporaryFolder("its")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("""
        <its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0" xmlns:h="http://www.w3.org/1999/xhtml">
          <its:translateRule selector="//h:p[@class='code']" translate="no"/>
        </its:rules>
        """.utf8).write(to: content.appendingPathComponent("rules.xml"))
        try Data("<html><head><link rel=\"its-rules\" href=\"rules.xml\"></head><body><p class=\"code\">A-17</p><p>Text</p></body></html>".utf8)
            .write(to: content.appendingPathComponent("a.html"))
        try Data("<html><head><link rel=\"its-rules\" href=\"../../etc/passwd\"></head><body><p>Text</p></body></html>".utf8)
            .write(to: content.appendingPathComponent("b.html"))
        let project = try Project(root: folder)
        let linked = try project.extract(pageAt: content.appendingPathComponent("a.html"))
        #expect(linked.units.map(\.source.plainText) == ["Text"])
        let escaping = try project.extract(pageAt: content.appendingPathComponent("b.html"))
        #expect(escaping.diagnostics.map(\.description) == ["b.html:1: error: the linked ITS rules ../../etc/passwd could not be used: ../../etc/passwd lies outside the project; refused"])
    }
}
