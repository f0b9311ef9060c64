import Testing
@testable import LocalizationCore

@Suite struct HTMLExtractorTests {
    static let page = """
    <!DOCTYPE html>
    <html lang="de">
    <head><meta charset="utf-8"><title>Teilhabe &amp; Integration</title>
    <meta name="description" content="Informationen zu Migration und Teilhabe">
    <script>if (a < b) { document.write("<p>nein</p>"); }</script>
    <style>p > b { color: red }</style>
    </head>
    <body>
    <!-- Kopf -->
    <p class=intro>Der <strong><em>WIR 2.0</em></strong> ist die <a href="/lip" title="Lokaler Integrationsplan">Weiterentwicklung</a> des LIP.<br>
       Neue Zeile mit&nbsp;Leerzeichen.</p>
    <p>So zählt <span translate="no">MiSO</span> 44 Mitgliedsorganisationen.</p>
    <div translate="no"><p>Nicht übersetzen</p></div>
    <ul><li>Bildung<li>Wirtschaft</ul>
    <p its-loc-note="Ratsdrucksache" its-loc-note-type="alert">Beschluss-Drucksache Nr. 0108/2021</p>
    <img src="logo.png" alt='Logo der Landeshauptstadt'>
    </body></html>
    """

    let extracted = HTMLExtractor().extract(HTMLPage(name: "index.html", bytes: Array(page.utf8)))

    @Test func findsTextAndAttributeUnits() {
        let texts = extracted.units.map(\.source.plainText)
        #expect(texts == [
            "Teilhabe & Integration",
            "Informationen zu Migration und Teilhabe",
            "Der WIR 2.0 ist die Weiterentwicklung des LIP. Neue Zeile mit\u{A0}Leerzeichen.",
            "Lokaler Integrationsplan",
            "So zählt  44 Mitgliedsorganisationen.",
            "Bildung",
            "Wirtschaft",
            "Beschluss-Drucksache Nr. 0108/2021",
            "Logo der Landeshauptstadt",
        ])
    }

    @Test func inlineMarkupBecomesPairedAndStandaloneCodes() throws {
        let unit = try #require(extracted.units.first { $0.source.plainText.hasPrefix("Der WIR") })
        let shape = unit.source.fragments.map { fragment -> String in
            switch fragment {
            case .text(let text): text
            case .opening(let code): "{\(code.id)}"
            case .closing(let code): "{/\(code.id)}"
            case .standalone(let code, _): "{\(code.id)/}"
            }
        }.joined()
        #expect(shape == "Der {1}{2}WIR 2.0{/2}{/1} ist die {3}Weiterentwicklung{/3} des LIP.{4/} Neue Zeile mit\u{A0}Leerzeichen.")
        #expect(unit.source.codes.map(\.originalData) == ["<strong>", "<em>", "<a href=\"/lip\" title=\"Lokaler Integrationsplan\">", "<br>"])
    }

    @Test func translateNoInsideTextIsOneProtectedCode() throws {
        let unit = try #require(extracted.units.first { $0.source.plainText.hasPrefix("So zählt") })
        let code = try #require(unit.source.codes.first)
        #expect(code.kind == .protected)
        #expect(code.displayText == "MiSO")
        #expect(code.originalData == "<span translate=\"no\">MiSO</span>")
    }

    @Test func localizationNoteTravelsWithTheUnit() throws {
        let unit = try #require(extracted.units.first { $0.source.plainText.hasPrefix("Beschluss") })
        #expect(unit.notes == [Note("Ratsdrucksache", priority: .alert)])
    }

    @Test func unitIDsSurviveEditsElsewhere() {
        let edited = Self.page.replacingFirst("Bildung", with: "Bildung und Sprache")
        let other = HTMLExtractor().extract(HTMLPage(name: "index.html", bytes: Array(edited.utf8)))
        let before = Dictionary(uniqueKeysWithValues: extracted.units.map { ($0.source.plainText, $0.id) })
        let after = Dictionary(uniqueKeysWithValues: other.units.map { ($0.source.plainText, $0.id) })
        for (text, id) in before where text != "Bildung" {
            #expect(after[text] == id, "unit \(text) changed its id")
        }
    }

    /// A repeated id is numbered (`id-x-2`); an element whose own id is that number, before or
    /// after, does not share it: a job of the page would hold the id twice, which its reader
    /// refuses. Content ids (hashes, without `-`) cannot meet a number; element ids can.
    @Test func numberedIDsAreNoElementsOwn() throws {
        func ids(_ body: String) -> [String] {
            HTMLExtractor().extract(HTMLPage(name: "ids.html", bytes: Array("<html><body>\(body)</body></html>".utf8))).units.map(\.id)
        }
        #expect(ids(#"<p id="x">A</p><p id="x">B</p><p id="x-2">C</p><p id="x">D</p><p id="x-2">E</p>"#)
            == ["id-x", "id-x-2", "id-x-2-2", "id-x-3", "id-x-2-3"])
        #expect(ids(#"<p id="x-2">A</p><p id="x">B</p><p id="x">C</p><p id="x">D</p>"#) == ["id-x-2", "id-x", "id-x-3", "id-x-4"])
        #expect(ids(#"<p id="x">A</p><p id="x">B</p><p id="x">C</p>"#) == ["id-x", "id-x-2", "id-x-3"])
    }

    @Test func mergeWithoutTargetsIsByteIdentical() {
        let merged = PageAssembler().assemble(extracted, targets: [:], language: nil)
        #expect(merged == Array(Self.page.utf8))
    }

    @Test func pseudoMergeKeepsMarkupAndEscapesText() throws {
        var targets = Dictionary(uniqueKeysWithValues: extracted.units.map { ($0.id, PseudoLocalizer(style: .accented).translate($0.source)) })
        let first = try #require(extracted.units.first)
        targets[first.id] = Content(text: "<script>alert(1)</script> \"quoted\"")
        let merged = String(decoding: PageAssembler().assemble(extracted, targets: targets, language: try TargetLanguage("en-XA")), as: UTF8.self)
        #expect(merged.contains("<html lang=\"en-XA\">"))
        #expect(merged.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; \"quoted\"</title>"))
        #expect(merged.contains("<span translate=\"no\">MiSO</span>"))
        #expect(merged.contains("<div translate=\"no\"><p>Nicht übersetzen</p></div>"))
        #expect(merged.contains("alt='[Ĺöĝö đéŕ Ĺàñđéšĥàûþŧšŧàđŧ"))
        #expect(merged.contains("<script>if (a < b) { document.write(\"<p>nein</p>\"); }</script>"))
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
