import Foundation
import Testing
@testable import LocalizationCore

/// `translate-pipeline glossary …` as a user runs it.
@Suite(.enabled(if: BuiltExecutable.path != nil, "the translate-pipeline executable was not built next to the tests"))
struct GlossaryCommandLineTests {
    func run(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
        try ExternalTool.run(BuiltExecutable.path!, arguments, input: input)
    }

    var project: [String] { ["--project", TestPaths.packageRoot.path] }

    @Test func matchPrintsEachHitWithConceptTermSurfaceAndOffsets() throws {
        let result = try run(["glossary", "match"] + project, input: "Die Integrationsbeiratswahl und gleiche Teilhabechancen.\n")
        #expect(result.status == 0)
        #expect(result.output == "1:4-27\tintegrationsbeirat\tIntegrationsbeirat\tIntegrationsbeiratswahl\n1:40-55\tteilhabe\tTeilhabe\tTeilhabechancen\n")
        let json = try run(["glossary", "match", "--json"] + project, input: "Der LIP der LHH.\n")
        #expect(json.output == #"{"hits":[{"conceptID":"lokaler-integrationsplan","end":7,"start":4,"status":"preferred","surface":"LIP","term":"LIP"},{"conceptID":"landeshauptstadt-hannover","end":15,"start":12,"status":"preferred","surface":"LHH","term":"LHH"}],"line":1,"text":"Der LIP der LHH."}"# + "\n")
    }

    @Test func spreadsheetRoundTripThroughExportAndImport() throws {
        let folder = try temporaryFolder("cli-glossary")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("glossar.csv").path
        #expect(try run(["glossary", "export", "--csv", "-o", csv] + project).status == 0)
        let fresh = folder.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
        let imported = try run(["glossary", "import", csv, "--project", fresh.path])
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.contains("47 concepts added, 0 replaced"))
        let original = try GlossaryExchangeTests.projectTermbase()
        var again = try GlossaryStore(project: try Project(root: fresh)).load()
        again.title = original.title
        #expect(again == original)
    }

    @Test func reviewSheetIsWrittenForArabic() throws {
        let folder = try temporaryFolder("cli-review")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["glossary", "review", "sheet", "--language", "ar", "--organisation", "Beispielverein", "-o", folder.path] + project)
        #expect(result.status == 0, "\(result.output)")
        let html = try String(contentsOf: folder.appendingPathComponent("review-ar.html"), encoding: .utf8)
        #expect(html.contains("dir=\"rtl\""))
        #expect(try ProjectFiles.read(folder.appendingPathComponent("review-ar.csv")).starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func importErrorsNameFileAndLineAndChangeNothing() throws {
        let folder = try temporaryFolder("cli-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("bad.csv")
        try Data("concept,language,term\r\n1abc,de,Wort\r\n".utf8).write(to: csv)
        let result = try run(["glossary", "import", csv.path, "--project", folder.path])
        #expect(result.status == 1)
        #expect(result.output.contains("bad.csv:2: concept id \"1abc\" must be a letter"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("glossary/termbase.tbx").path))
    }
}

extension GlossaryCommandLineTests {
    @Test func checkWarnsWithUnitAndTermAndAWaiverSilencesIt() throws {
        let folder = try temporaryFolder("cli-check")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("glossary"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("glossary/termbase.tbx"),
                                         to: folder.appendingPathComponent("glossary/termbase.tbx"))
        let job = folder.appendingPathComponent("en.xlf")
        try Data("""
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.html" source-language="de" target-language="en" datatype="html"><body>
        <trans-unit id="u7"><source>Der WIR 2.0 ist der neue Plan.</source><target>The WE 2.0 is the new plan.</target></trans-unit>
        </body></file></xliff>
        """.utf8).write(to: job)
        let project = ["--project", folder.path]
        let check = try run(["glossary", "check", job.path] + project)
        #expect(check.status == 0)
        #expect(check.output.contains("en.xlf:2: warning: unit u7: term \"WIR 2.0\" [wir-2-0]: do-not-translate name \"WIR 2.0\" is not in the target unchanged"))
        #expect(check.output.contains("1 term warnings"))
        let waive = try run(["glossary", "waive", "--locale", "en", "--unit", "u7", "--concept", "wir-2-0", "--reason", "Test", "--by", "Redaktion"] + project)
        #expect(waive.status == 0, "\(waive.output)")
        #expect(try run(["glossary", "check", job.path] + project).output.contains("0 term warnings"))
    }
}
