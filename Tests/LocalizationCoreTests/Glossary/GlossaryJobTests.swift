import Foundation
import Testing
@testable import LocalizationCore

/// Recognised terms travel with every unit: XLIFF 1.2 `<mrk mtype="term">` and notes,
/// XLIFF 2 Glossary module; the jobs stay schema-valid and read back unchanged.
@Suite(.enabled(if: TestPaths.hasConformance, "../shared/conformance is missing"))
struct GlossaryJobTests {
    static let xmllint = ExternalTool.path("xmllint")
    static let jing = ExternalTool.path("jing")

    static func document(_ version: XLIFFDocument.Version, locale: String = "ar") throws -> XLIFFDocument {
        let termbase = try GlossaryExchangeTests.projectTermbase()
        let annotator = TermAnnotator(termbase: termbase, targetLanguage: locale)
        var pages = try TestPaths.samplePages().map { HTMLExtractor().extract(HTMLPage(name: $0.name, bytes: $0.bytes)) }
        for index in pages.indices {
            for unit in pages[index].units.indices {
                pages[index].units[unit].terms = annotator.terms(in: pages[index].units[unit].source)
            }
        }
        return Job.document(pages: pages, sourceLanguage: "de", targetLanguage: try TargetLanguage(locale), version: version)
    }

    static func unit(_ document: XLIFFDocument, page: String, containing text: String) throws -> TextUnit {
        try #require(document.file(original: page)?.units.first { $0.source.plainText.contains(text) })
    }

    @Test func unitsCarryTheTermsWithTranslationAndDefinition() throws {
        let document = try Self.document(.v1_2)
        let unit = try Self.unit(document, page: "integrationsbeiraete.html", containing: "Die Integrationsbeiräte arbeiten")
        let term = try #require(unit.terms.first { $0.conceptID == "integrationsbeirat" })
        #expect(term.surface == "Integrationsbeiräte")
        #expect(term.translation == "المجلس الاستشاري للاندماج")
        #expect(term.definition?.hasPrefix("Beratendes Gremium") == true)
        #expect(term.reviewDecision == .proposed)
        let wir = try Self.unit(document, page: "wir-2-0/index.html", containing: "ist die Aktualisierung")
        #expect(wir.terms.first { $0.conceptID == "wir-2-0" }?.doNotTranslate == true)
    }

    @Test func xliff12MarksTermsAndAddsNotesAndReadsBackUnchanged() throws {
        let document = try Self.document(.v1_2)
        let text = Job.serialize(document)
        #expect(text.contains("Die <mrk mtype=\"term\">Integrationsbeiräte</mrk> arbeiten in den <mrk mtype=\"term\">Stadtbezirken</mrk>."))
        #expect(text.contains("<note priority=\"3\" from=\"glossary\" annotates=\"source\">Glossary: Integrationsbeirat → المجلس الاستشاري للاندماج [proposed]. Beratendes Gremium"))
        #expect(text.contains("Glossary: WIR 2.0 — do not translate, keep \"WIR 2.0\""))
        let back = try XLIFFReader().read(Array(text.utf8), file: "ar.xlf")
        // the marks are read through: same text, same codes (native markup is not in a job)
        for (file, original) in zip(back.files, document.files) {
            #expect(file.units.map(\.source.plainText) == original.units.map(\.source.plainText), "\(file.original)")
            #expect(file.units.map { $0.source.codes.map(\.id) } == original.units.map { $0.source.codes.map(\.id) }, "\(file.original)")
        }
        if let xmllint = Self.xmllint {
            let schema = TestPaths.xliffSchemas.appendingPathComponent("xliff-1.2/xliff-core-1.2-strict.xsd").path
            try Self.validate(text, tool: xmllint) { ["--nonet", "--noout", "--schema", schema, $0] }
        }
    }

    @Test func xliff2CarriesTheGlossaryModuleAndValidates() throws {
        let document = try Self.document(.v2_1)
        let text = Job.serialize(document)
        #expect(text.contains("<gls:glossary xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\">"))
        #expect(text.contains("<gls:term source=\"glossary/termbase.tbx#integrationsbeirat\">Integrationsbeirat</gls:term>"))
        #expect(text.contains("<gls:translation source=\"proposed\">المجلس الاستشاري للاندماج</gls:translation>"))
        let root = try XMLReader().parse(Array(text.utf8), file: "ar.xlf")
        #expect(XLIFF2Validator().validate(root, file: "ar.xlf").isEmpty)
        let back = try XLIFFReader().read(root, file: "ar.xlf")
        #expect(back.files.flatMap(\.units).map(\.source.plainText) == document.files.flatMap(\.units).map(\.source.plainText))
        if let xmllint = Self.xmllint {
            let schema = TestPaths.xliffSchemas.appendingPathComponent("xliff-2.1/xliff21_all.xsd").path
            try Self.validate(text, tool: xmllint) { ["--nonet", "--noout", "--schema", schema, $0] }
        }
        if let jing = Self.jing {
            let nvdl = TestPaths.xliffSchemas.appendingPathComponent("xliff-2.1/xliff_2_advanced_validation.nvdl").path
            try Self.validate(text, tool: jing) { [nvdl, $0] }
        }
    }

    @Test func theJobTermbaseHoldsTheConceptsOfTheJobInTwoLanguages() throws {
        let document = try Self.document(.v1_2, locale: "fa")
        let annotator = TermAnnotator(termbase: try GlossaryExchangeTests.projectTermbase(), targetLanguage: "fa")
        let job = annotator.jobTermbase(units: document.files.flatMap(\.units))
        #expect(job.concepts.contains { $0.id == "teilhabe" })
        #expect(!job.concepts.contains { $0.id == "sprachmittlung" })
        #expect(Set(job.concepts.flatMap(\.languages).map(\.language)) == ["de", "fa"])
    }

    static func validate(_ text: String, tool: String, arguments: (String) -> [String]) throws {
        let folder = try temporaryFolder("glossary-job")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("job.xlf")
        try Data(text.utf8).write(to: file)
        let catalog = TestPaths.xliffSchemas.appendingPathComponent("catalog.xml").path
        let (status, output) = try ExternalTool.run(tool, arguments(file.path), environment: ["XML_CATALOG_FILES": catalog])
        #expect(status == 0, "\(tool): \(output.prefix(2000))")
    }
}
