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
