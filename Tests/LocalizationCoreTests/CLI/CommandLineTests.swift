import Foundation
import Testing
@testable import LocalizationCore

/// The commands as a user runs them: exit codes, messages, files written.
@Suite(.enabled(if: BuiltExecutable.path != nil, "the translate-pipeline executable was not built next to the tests"))
struct CommandLineTests {
    func run(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
        try ExternalTool.run(BuiltExecutable.path!, arguments, input: input)
    }

    @Test func segmentPrintsOneSentenceALine() throws {
        let result = try run(["segment", "--locale", "de"], input: "Der Rat tagte am 3. Oktober. Er beschloss z. B. den Plan (Nr. 0108/2021).\nZweiter Absatz.\n")
        #expect(result.status == 0)
        #expect(result.output == "Der Rat tagte am 3. Oktober.\nEr beschloss z. B. den Plan (Nr. 0108/2021).\nZweiter Absatz.\n")
    }

    @Test func extractPseudoMergeFromTheCommandLine() throws {
        let folder = try temporaryFolder("cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = TestPaths.content.appendingPathComponent("miso.html").path
        let job = folder.appendingPathComponent("miso.xlf").path
        let output = folder.appendingPathComponent("miso.ar.html").path
        let project = ["--project", TestPaths.packageRoot.path]

        let extract = try run(["extract", page, "--target", "ar", "--xliff", "2.1", "-o", job] + project)
        #expect(extract.status == 0, "\(extract.output)")
        #expect(extract.output.hasPrefix("miso.html: "))
        #expect(try run(["pseudo", job, "--style", "rtl", "-o", job]).status == 0)
        let merge = try run(["merge", page, job, "-o", output] + project)
        #expect(merge.status == 0, "\(merge.output)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
    }

    @Test func refusedTargetsGiveExitCodeThreeAndNameTheUnit() throws {
        let folder = try temporaryFolder("cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("seite.html")
        try Data("<html lang=\"de\"><body><p>Der <b>Rat</b> tagt.</p></body></html>".utf8).write(to: page)
        let unitID = HTMLExtractor().extract(HTMLPage(name: "seite.html", bytes: try ProjectFiles.read(page))).units[0].id
        let job = folder.appendingPathComponent("job.xlf")
        try Data("""
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="seite.html" source-language="de" target-language="tr" datatype="html"><body>
        <trans-unit id="\(unitID)"><source>Der <g id="1">Rat</g> tagt.</source><target>Meclis toplanıyor.</target></trans-unit>
        </body></file></xliff>
        """.utf8).write(to: job)
        let result = try run(["merge", page.path, job.path, "-o", folder.appendingPathComponent("out.html").path, "--project", folder.path])
        #expect(result.status == 3)
        #expect(result.output.contains("job.xlf:2: error: unit \(unitID): target refused for seite.html: inline codes missing from the target: 1"))
    }

    @Test func memoryImportMatchAndExport() throws {
        let folder = try temporaryFolder("cli-memory")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"sourceLocale": "en-US"}"#.utf8).write(to: folder.appendingPathComponent(Project.fileName))
        guard TestPaths.hasConformance else { return }
        let tmx = TestPaths.conformance.appendingPathComponent("tmx/compkit/ImportTest2A.tmx").path
        let project = ["--project", folder.path, "--locale", "fr-CA"]
        let imported = try run(["memory", "import", tmx] + project)
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.contains("ImportTest2A.tmx: 7 entries added or updated"))
        let again = try run(["memory", "import", tmx] + project)
        #expect(again.output.contains("ImportTest2A.tmx: 0 entries added or updated"), "importing twice changes nothing")

        let match = try run(["memory", "match", "--json"] + project, input: "The big black dog sleeps.\n")
        #expect(match.output == #"{"matches":[{"autoAdapted":false,"kind":"fuzzy","origin":"import","penalties":["inline codes"],"score":78,"source":"The big black cat sleeps.","target":"Le gros chat noir dors."}],"segment":"The big black dog sleeps."}"# + "\n")

        let output = folder.appendingPathComponent("out.tmx").path
        let exported = try run(["memory", "export", "--tmx", "-o", output] + project)
        #expect(exported.status == 0)
        let document = try TMXReader().read(try ProjectFiles.read(URL(fileURLWithPath: output)), file: output)
        #expect(document.units.count == 7)
    }

    @Test func runPrintsItsReportAsJSON() throws {
        let folder = try temporaryFolder("cli-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data(#"{"targetLocales": ["tr"], "pseudoLocales": []}"#.utf8).write(to: folder.appendingPathComponent(Project.fileName))
        try Data("<html lang=\"de\"><body><p>Teilhabe für alle.</p><p>Teilhabe für alle.</p></body></html>".utf8)
            .write(to: folder.appendingPathComponent("content/a.html"))
        let result = try run(["run", "--json", "--project", folder.path])
        #expect(result.status == 0, "\(result.output)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(report["units"] as? Int == 2)
        let analysis = try #require((report["analyses"] as? [[String: Any]])?.first)
        let bands = try #require(analysis["bands"] as? [String: [String: Int]])
        #expect(bands["no match"] == ["segments": 1, "words": 3])
        #expect(bands["repetitions"] == ["segments": 1, "words": 3])
    }

    @Test func badArgumentsAreExplained() throws {
        let result = try run(["extract", "x.html", "--target", "ar", "--xliff", "3.0", "-o", "y.xlf"])
        #expect(result.status != 0)
        #expect(result.output.contains("--xliff must be 1.2 or 2.1"))
        let missing = try run(["merge", "/nonexistent/seite.html", "/nonexistent/job.xlf", "-o", "/tmp/x.html"])
        #expect(missing.status == 1)
        #expect(missing.output.contains("error: cannot read /nonexistent/seite.html"))
    }
}

/// The command-line tool, found in the same build folder as the test bundle.
enum BuiltExecutable {
    static let path: String? = {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("translate-pipeline").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}
