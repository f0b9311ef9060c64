import Foundation
import Testing
@testable import LocalizationCore

/// TBX v3 validity against the official schemas, TBX and CSV round trips, TBX 2008 (martif)
/// import of real exports.
@Suite struct GlossaryExchangeTests {
    static let jing = ExternalTool.path("jing")
    static let schemas = TestPaths.conformance.appendingPathComponent("tbx/schemas")
    static let termbaseURL = TestPaths.packageRoot.appendingPathComponent("glossary/termbase.tbx")

    static func projectTermbase() throws -> Termbase {
        try TBXReader().read(try ProjectFiles.read(termbaseURL), file: termbaseURL.path)
    }

    @Test(.enabled(if: jing != nil && TestPaths.hasConformance, "jing or ../shared/conformance is missing (apt-get install jing)"))
    func exportedTBXPassesTheCoreStructureAndTheTBXBasicSchematron() throws {
        let folder = try temporaryFolder("tbx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("termbase.tbx")
        try Data(TBXWriter().write(try Self.projectTermbase()).utf8).write(to: file)
        for schema in ["TBXcoreStructV03.rng", "TBX-Basic_DCA.sch"] {
            let result = try ExternalTool.run(Self.jing!, [Self.schemas.appendingPathComponent(schema).path, file.path])
            let messages = result.output.split(separator: "\n").filter { !$0.contains("Unable to locate") }
            #expect(result.status == 0 && messages.isEmpty, "\(schema): \(messages.joined(separator: "\n"))")
        }
        // the check itself rejects: the upstream bad samples fail the same schemas
        for (schema, sample) in [("TBX-Basic_DCA.sch", "basic_bad.tbx"), ("TBX-Basic_DCA.sch", "min_bad.tbx"), ("TBXcoreStructV03.rng", "core_structure_bad.tbx")] {
            let bad = try ExternalTool.run(Self.jing!, [Self.schemas.appendingPathComponent(schema).path,
                                                        TestPaths.conformance.appendingPathComponent("tbx/samples/\(sample)").path])
            #expect(bad.status != 0, "\(schema) accepted \(sample)")
        }
    }

    @Test func theCuratedTermbaseMeetsTheIssue() throws {
        let termbase = try Self.projectTermbase()
        #expect(termbase.concepts.count >= 40)
        let project = try Project(root: TestPaths.packageRoot)
        for concept in termbase.concepts {
            #expect(concept.definition("de")?.isEmpty == false, "\(concept.id) has no German definition")
            for locale in project.settings.targetLocales {
                #expect(concept.preferredTerm(locale) != nil, "\(concept.id) has no \(locale) term")
            }
            for section in concept.languages where section.language != "de" {
                for term in section.terms {
                    #expect(term.reviewDecision == .proposed, "\(concept.id) \(section.language) \(term.text) is not marked proposed")
                }
            }
        }
        let forbidden = termbase.concepts.flatMap { $0.terms("de") }.filter { $0.status.isForbidden }
        #expect(forbidden.count >= 3)
        #expect(termbase.concept("wir-2-0")?.isDoNotTranslate(sourceLanguage: "de") == true)
        #expect(termbase.concept("lokaler-integrationsplan")?.terms("de").map(\.termType) == [.fullForm, .abbreviation])
    }

    @Test func tbxRoundTripKeepsEverything() throws {
        let termbase = try Self.projectTermbase()
        let again = try TBXReader().read(Array(TBXWriter().write(termbase).utf8), file: "round-trip.tbx")
        #expect(again == termbase)
    }

    @Test func csvRoundTripKeepsEverythingAndStartsWithABOM() throws {
        var termbase = try Self.projectTermbase()
        // cells a spreadsheet must quote: commas, quotes, semicolons, line breaks
        termbase.concepts[0].notes = ["Erste Zeile, mit Komma; und \"Zitat\"", "zweite Zeile"]
        let bytes = GlossaryCSV.write(termbase)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        var again = try GlossaryCSV.read(bytes, file: "sheet.csv")
        again.title = termbase.title
        #expect(again == termbase)
    }

    /// German spreadsheet programs save with semicolons; quoted cells may hold line breaks.
    @Test func semicolonSheetsFromGermanSpreadsheetProgramsAreRead() throws {
        let sheet = "\u{FEFF}concept;language;term;status;notes\r\nteilhabe;de;Teilhabe;preferred;\"eins; zwei\r\ndrei\"\r\n"
        let termbase = try GlossaryCSV.read(Array(sheet.utf8), file: "sheet.csv")
        #expect(termbase.concepts.first?.terms("de").first?.notes == ["eins; zwei", "drei"])
    }

    @Test func csvErrorsNameTheFileAndTheLine() {
        let sheet = "concept,language,term,status\r\nteilhabe,de,Teilhabe,preferred\r\nteilhabe,en,participation,favourite\r\n"
        #expect(throws: GlossaryError(file: "sheet.csv", line: 3, entry: "teilhabe", "status \"favourite\" is not one of the allowed values")) {
            try GlossaryCSV.read(Array(sheet.utf8), file: "sheet.csv")
        }
        let review = "concept,language,term,reviews\r\nteilhabe,de,Teilhabe,yesterday | ok\r\n"
        #expect(throws: GlossaryError(file: "sheet.csv", line: 2, entry: "teilhabe", "review \"yesterday | ok\" is not \"YYYY-MM-DD | proposed/approved/rejected | organisation | reason\"")) {
            try GlossaryCSV.read(Array(review.utf8), file: "sheet.csv")
        }
    }

    @Test func termsWithBidiOverridesAreRefusedAndPersianZWNJIsKept() throws {
        var termbase = Termbase(concepts: [Concept(id: "x", languages: [LanguageSection(language: "fa", terms: [Term("بین‌فرهنگی")])])])
        try termbase.check(file: "t.tbx")
        termbase.concepts[0].languages[0].terms[0].text = "abc\u{202E}def"
        #expect(throws: GlossaryError(file: "t.tbx", entry: "x", "the fa term \"abc\u{202E}def\" contains U+202E, which terms may not contain")) {
            try termbase.check(file: "t.tbx")
        }
    }

    @Test func mixedScriptTermsAreRefused() {
        let termbase = Termbase(concepts: [Concept(id: "x", languages: [LanguageSection(language: "uk", terms: [Term("Ганнoвер")])])])
        #expect(throws: GlossaryError(file: "t.tbx", entry: "x", "the uk term \"Ганнoвер\" mixes Latin, Cyrillic or Greek letters in one word")) {
            try termbase.check(file: "t.tbx")
        }
    }

    /// The four real TBX 2008 exports: concepts and terms as counted in the files (empty
    /// `<term/>` placeholders of the SDL export are left out and reported).
    @Test(.enabled(if: TestPaths.hasConformance, "../shared/conformance is missing"),
          arguments: [("ibm_tbx.tbx", 5, 11, 0), ("maryland.tbx", 1, 13, 0), ("sdl_tbx.tbx", 223, 472, 44), ("test01.tbx", 1, 2, 0)])
    func readsMartifExports(name: String, concepts: Int, terms: Int, emptyTerms: Int) throws {
        let url = TestPaths.conformance.appendingPathComponent("tbx/tbx2008-martif/\(name)")
        var diagnostics: [Diagnostic] = []
        let termbase = try TBXReader().read(try ProjectFiles.read(url), file: name, diagnostics: &diagnostics)
        #expect(termbase.concepts.count == concepts)
        #expect(termbase.concepts.flatMap(\.languages).flatMap(\.terms).count == terms)
        #expect(diagnostics.filter { $0.message.hasSuffix("an empty <term> left out") }.count == emptyTerms)
    }

    @Test func martifDataCategoriesArriveInTheModel() throws {
        let url = TestPaths.conformance.appendingPathComponent("tbx/tbx2008-martif/test01.tbx")
        let termbase = try TBXReader().read(try ProjectFiles.read(url), file: "test01.tbx")
        let concept = try #require(termbase.concepts.first)
        #expect(concept.id == "eid-Oracle-67")
        #expect(concept.subject == "manufacturing")
        #expect(concept.terms("en").first?.text == "alpha smoothing factor")
        #expect(concept.terms("en").first?.partOfSpeech == .noun)
    }

    @Test(.enabled(if: TestPaths.hasConformance, "../shared/conformance is missing"),
          arguments: ["basic_good.tbx", "Example_Astronomy_DCA_VALID.tbx"])
    func readsTBXv3Samples(name: String) throws {
        let url = TestPaths.conformance.appendingPathComponent("tbx/samples/\(name)")
        let termbase = try TBXReader().read(try ProjectFiles.read(url), file: name)
        #expect(termbase.concepts.count == 45)
    }

    @Test func malformedTBXIsRefusedWithFileAndLine() throws {
        let url = TestPaths.conformance.appendingPathComponent("tbx/samples/poorly_formed_xml.tbx")
        guard TestPaths.hasConformance else { return }
        let bytes = try ProjectFiles.read(url)
        let error = #expect(throws: GlossaryError.self) { try TBXReader().read(bytes, file: "poorly_formed_xml.tbx") }
        #expect(error?.file == "poorly_formed_xml.tbx")
        #expect(error?.line != nil)
    }
}
