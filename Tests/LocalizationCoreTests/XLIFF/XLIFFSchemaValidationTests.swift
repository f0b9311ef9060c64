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

    /// Jobs for the sample pages plus a page with every kind of code, segmented into sentences
    /// as `run` writes them: without targets, partly translated, and pseudo-translated.
    static func jobs(version: XLIFFDocument.Version) throws -> [(name: String, text: String)] {
        var pages = try TestPaths.samplePages().map { HTMLExtractor().extract(HTMLPage(name: $0.name, bytes: $0.bytes)) }
        pages.append(HTMLExtractor().extract(HTMLPage(name: "codes.html", bytes: Array(Self.everyCode.utf8))))
        let segmenter = try Segmenter.german()
        for index in pages.indices {
            pages[index].units = pages[index].units.map { $0.segmented(by: segmenter) }
        }
        #expect(pages.flatMap(\.units).contains { $0.segments.count > 2 }, "the test pages have units of several sentences")
        // Memory candidates on some sentences, as `run` writes them.
        for index in pages.indices {
            for unitIndex in pages[index].units.indices where unitIndex % 3 == 0 {
                pages[index].units[unitIndex].updateSegments { segment in
                    var segment = segment
                    segment.candidates = [
                        TranslationCandidate(score: 101, source: segment.source, target: PseudoLocalizer(style: .rightToLeft).translate(segment.source), origin: "memory/sample"),
                        TranslationCandidate(score: 87, source: Content(text: "Ähnlich & <anders>"), target: Content(text: "مشابه"), origin: "memory/translator", isAutoAdapted: true),
                    ]
                    return segment
                }
            }
        }
        let language = try TargetLanguage("ar")
        var document = Job.document(pages: pages, sourceLanguage: "de", targetLanguage: language, version: version)
        // With a job id, as `run` writes it (1.2 <phase-group>, 2.1 file-level Metadata module).
        document.jobID = "ar-0123456789abcdef"
        // Every other sentence translated: targets with empty places for the rest.
        var partial = document
        for fileIndex in partial.files.indices {
            for unitIndex in partial.files[fileIndex].units.indices {
                var count = 0
                partial.files[fileIndex].units[unitIndex].updateSegments { segment in
                    var segment = segment
                    count += 1
                    if count % 2 == 1 {
                        segment.target = PseudoLocalizer(style: .rightToLeft).translate(segment.source)
                        segment.state = .translated
                    }
                    return segment
                }
            }
        }
        return [
            ("empty-\(version.rawValue).xlf", Job.serialize(document)),
            ("partial-\(version.rawValue).xlf", Job.serialize(partial)),
            ("pseudo-\(version.rawValue).xlf", Job.serialize(Job.pseudoTranslated(document, style: .rightToLeft))),
        ]
    }

    static let everyCode = """
    <html lang="de"><body>
    <p>Fett <b>und <i>kursiv</i></b>, ein <a href="x.html" title="Titel">Link</a>,<br>ein Bild <img src="a.png" alt="Bild"> und
    <span translate="no">MiSO</span>; Steuerzeichen \u{1}; ein <a href="y"><div>Block</div> im Link</a> und &amp; &lt; "Zitat".</p>
    <p its-loc-note="Hinweis" its-loc-note-type="alert">Mit Hinweis</p>
    <p>Ein Satz mit <b>fettem Ende. Und ein zweiter</b> Satz. Ein <a href="z">dritter. Und vierter</a> Satz.</p>
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
