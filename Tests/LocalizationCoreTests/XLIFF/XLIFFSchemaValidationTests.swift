import Foundation
import Testing
@testable import LocalizationCore

/// Every job we write validates against the OASIS schemas: XLIFF 1.2 strict XSD with xmllint,
/// XLIFF 2.1 XSD with xmllint and the official NVDL (XSD + Schematron) with jing.
/// Disabled, with the reason shown, where a validator or the conformance folder is missing;
/// `.ci/run` installs both.
@Suite(.enabled(if: TestPaths.hasConformance, "../shared/conformance is missing"))
struct XLIFFSchemaValidationTests {
    static let xmllint = ExternalTool.path("xmllint")
    static let jing = ExternalTool.path("jing")

    /// Jobs for the sample pages plus a page with every kind of code, with and without targets.
    static func jobs(version: XLIFFDocument.Version) throws -> [(name: String, text: String)] {
        var pages = try TestPaths.samplePages().map { HTMLExtractor().extract(HTMLPage(name: $0.name, bytes: $0.bytes)) }
        pages.append(HTMLExtractor().extract(HTMLPage(name: "codes.html", bytes: Array(Self.everyCode.utf8))))
        // Memory candidates on some units, as `run` writes them.
        for index in pages.indices {
            for unitIndex in pages[index].units.indices where unitIndex % 3 == 0 {
                let source = pages[index].units[unitIndex].source
                pages[index].units[unitIndex].candidates = [
                    TranslationCandidate(score: 101, source: source, target: PseudoLocalizer(style: .rightToLeft).translate(source), origin: "memory/sample"),
                    TranslationCandidate(score: 87, source: Content(text: "Ähnlich & <anders>"), target: Content(text: "مشابه"), origin: "memory/translator", isAutoAdapted: true),
                ]
            }
        }
        let language = try TargetLanguage("ar")
        let document = Job.document(pages: pages, sourceLanguage: "de", targetLanguage: language, version: version)
        return [
            ("empty-\(version.rawValue).xlf", Job.serialize(document)),
            ("pseudo-\(version.rawValue).xlf", Job.serialize(Job.pseudoTranslated(document, style: .rightToLeft))),
        ]
    }

    static let everyCode = """
    <html lang="de"><body>
    <p>Fett <b>und <i>kursiv</i></b>, ein <a href="x.html" title="Titel">Link</a>,<br>ein Bild <img src="a.png" alt="Bild"> und
    <span translate="no">MiSO</span>; Steuerzeichen \u{1}; ein <a href="y"><div>Block</div> im Link</a> und &amp; &lt; "Zitat".</p>
    <p its-loc-note="Hinweis" its-loc-note-type="alert">Mit Hinweis</p>
    </body></html>
    """

    func validate(_ text: String, name: String, arguments: (URL) -> [String], tool: String) throws {
        let folder = try temporaryFolder("xliff-validation")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        let catalog = TestPaths.xliffSchemas.appendingPathComponent("catalog.xml").path
        let (status, output) = try ExternalTool.run(tool, arguments(file), environment: ["XML_CATALOG_FILES": catalog])
        #expect(status == 0, "\(name) does not validate with \(tool):\n\(output.prefix(3000))")
    }

    @Test(.enabled(if: xmllint != nil, "xmllint is not installed (apt-get install libxml2-utils)"))
    func xliff12JobsValidateAgainstStrictSchema() throws {
        let schema = TestPaths.xliffSchemas.appendingPathComponent("xliff-1.2/xliff-core-1.2-strict.xsd").path
        for job in try Self.jobs(version: .v1_2) {
            try validate(job.text, name: job.name, arguments: { ["--nonet", "--noout", "--schema", schema, $0.path] }, tool: Self.xmllint!)
        }
    }

    @Test(.enabled(if: xmllint != nil, "xmllint is not installed (apt-get install libxml2-utils)"))
    func xliff21JobsValidateAgainstSchema() throws {
        let schema = TestPaths.xliffSchemas.appendingPathComponent("xliff-2.1/xliff21_all.xsd").path
        for job in try Self.jobs(version: .v2_1) {
            try validate(job.text, name: job.name, arguments: { ["--nonet", "--noout", "--schema", schema, $0.path] }, tool: Self.xmllint!)
        }
    }

    @Test(.enabled(if: jing != nil, "jing is not installed (apt-get install jing)"))
    func xliff21JobsValidateAgainstNVDL() throws {
        let nvdl = TestPaths.xliffSchemas.appendingPathComponent("xliff-2.1/xliff_2_advanced_validation.nvdl").path
        for job in try Self.jobs(version: .v2_1) {
            try validate(job.text, name: job.name, arguments: { [nvdl, $0.path] }, tool: Self.jing!)
        }
    }
}
