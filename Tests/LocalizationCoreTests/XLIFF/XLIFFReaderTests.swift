import Testing
@testable import LocalizationCore

@Suite struct XLIFFReaderTests {
    static let page = """
    <html lang="de"><body><p>Der <b>Rat</b> hat<br>am <a href="/x" title="Ratsinfo">Beschluss</a> <span translate="no">MiSO</span> beteiligt.</p>
    <p its-loc-note="Name des Netzwerks">Netzwerk</p></body></html>
    """

    @Test(arguments: [XLIFFDocument.Version.v1_2, .v2_1])
    func writtenJobsReadBackUnchanged(version: XLIFFDocument.Version) throws {
        let extracted = HTMLExtractor().extract(HTMLPage(name: "seite.html", bytes: Array(Self.page.utf8)))
        let job = Job.pseudoTranslated(Job.document(pages: [extracted], sourceLanguage: "de", targetLanguage: try TargetLanguage("fa"), version: version), style: .accented)
        let read = try XLIFFReader().read(Array(Job.serialize(job).utf8), file: "job.xlf")
        #expect(read.sourceLanguage == "de")
        #expect(read.targetLanguage == "fa")
        #expect(read.files.map(\.original) == ["seite.html"])
        let units = try #require(read.files.first?.units)
        #expect(units.map(\.id) == extracted.units.map(\.id))
        #expect(units.map(\.source.shape) == extracted.units.map(\.source.shape))
        #expect(units.map { $0.target?.shape } == job.files[0].units.map { $0.target?.shape })
        #expect(units.map(\.state) == Array(repeating: .translated, count: units.count))
        #expect(units.last?.notes == [Note("Name des Netzwerks")])
    }

    @Test func readsSegmentedXLIFF12FromCATTools() throws {
        let xliff = """
        <?xml version="1.0"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:okp="okapi-framework:xliff-extensions">
         <file original="a.html" source-language="de" target-language="tr" datatype="html"><body>
          <group id="g1"><trans-unit id="u1" approved="yes" okp:engine="x">
           <source>Satz eins. <g id="1">Zwei</g>.</source>
           <seg-source><mrk mtype="seg" mid="0">Satz eins.</mrk> <mrk mtype="seg" mid="1"><g id="1">Zwei</g>.</mrk></seg-source>
           <target state="translated"><mrk mtype="seg" mid="0">Birinci cümle.</mrk> <mrk mtype="seg" mid="1"><bx id="1"/>İki<ex id="1"/>.</mrk></target>
           <alt-trans match-quality="80%"><target>x</target></alt-trans>
          </trans-unit></group>
         </body></file></xliff>
        """
        let document = try XLIFFReader().read(Array(xliff.utf8), file: "returned.xlf")
        let unit = try #require(document.files.first?.units.first)
        #expect(unit.source.shape == "Satz eins. {1}Zwei{/1}.")
        #expect(unit.target?.shape == "Birinci cümle. {1}İki{/1}.")
        #expect(unit.state == .reviewed)
    }

    /// A memory of 47,000 entries has a million lines: an element past line 65,535 keeps its
    /// own line number (libxml2 stops counting there unless asked not to). Past that line
    /// libxml2 takes the number after reading ahead of the start tag, one more when a line
    /// break follows it at once, so the element here is followed by its parent's end tag.
    @Test func linesPast65535AreNumberedAsTheyAre() throws {
        let bytes = Array(("<root>" + String(repeating: "\n", count: 70_001) + "<late/></root>").utf8)
        let root = try XMLReader().parse(bytes, file: "long.xml")
        let late = try #require(root.elements().first)
        #expect(late.name == "late")
        #expect(late.line == 70_002)
    }

    @Test func refusesEntityDeclarationsWithoutReadingThem() {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" datatype="html"><body>
        <trans-unit id="1"><source>&x;</source></trans-unit></body></file></xliff>
        """
        #expect(throws: XLIFFError.notXML(XMLError(file: "evil.xlf", line: 2, message: "entity declarations are refused (<!ENTITY …>)"))) {
            try XLIFFReader().read(Array(xxe.utf8), file: "evil.xlf")
        }
    }

    @Test func refusesBillionLaughsQuickly() {
        var entities = "<!ENTITY a0 \"ha\">"
        for level in 1 ... 9 { entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE x [\(entities)]><xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">&a9;</xliff>"
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: XLIFFError.self) { try XLIFFReader().read(Array(bomb.utf8), file: "bomb.xlf") }
        }
        #expect(elapsed < .seconds(1))
    }

    @Test func refusesDeepNesting() {
        let deep = "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">" + String(repeating: "<g>", count: 5000) + String(repeating: "</g>", count: 5000) + "</xliff>"
        #expect(throws: XLIFFError.self) { try XLIFFReader().read(Array(deep.utf8), file: "deep.xlf") }
    }

    @Test func refusesInvalidCharactersAndTruncatedFilesWithLine() throws {
        let control = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file>&#x1F;</file></xliff>"
        do {
            _ = try XLIFFReader().read(Array(control.utf8), file: "control.xlf")
            Issue.record("a control character reference was accepted")
        } catch .notXML(let error) {
            #expect(error.file == "control.xlf")
            #expect(error.line == 3)
        }
        let truncated = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"a\""
        #expect(throws: XLIFFError.self) { try XLIFFReader().read(Array(truncated.utf8), file: "cut.xlf") }
    }

    @Test func refusesOversizedFilesBeforeParsing() {
        let reader = XLIFFReader(xmlReader: XMLReader(limits: .init(maximumFileBytes: 1000)))
        let big = "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">" + String(repeating: " ", count: 2000) + "</xliff>"
        #expect(throws: XLIFFError.notXML(XMLError(file: "big.xlf", line: nil, message: "file is 2075 bytes, more than the limit of 1000"))) {
            try reader.read(Array(big.utf8), file: "big.xlf")
        }
    }

    @Test func refusesUndeclaredNamespacePrefixes() {
        let undeclared = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"de\">\n<file id=\"f\"><unit id=\"u\"><pgs:switch/><segment><source>a</source></segment></unit></file></xliff>"
        let error = #expect(throws: XLIFFError.self) { try XLIFFReader().read(Array(undeclared.utf8), file: "ns.xlf") }
        #expect(error.map { "\($0)" }?.hasPrefix("ns.xlf:2: ") == true)
        #expect(error.map { "\($0)" }?.contains("pgs") == true)
    }

    @Test func namesTheVersionItCannotRead() {
        let other = "<xliff version=\"3.0\" xmlns=\"urn:example\"/>"
        #expect(throws: XLIFFError.unsupportedVersion(file: "x.xlf", version: "3.0")) { try XLIFFReader().read(Array(other.utf8), file: "x.xlf") }
    }
}
