import Foundation
import Testing
@testable import LocalizationCore

/// `translate-pipeline run` as the content team sees it: the whole story on one screen (jobs
/// written, pages published per locale, coverage, the dashboard), `--json`, and exit codes
/// that tell success, success with warnings, errors on some pages, and failure apart.
@Suite(.enabled(if: BuiltExecutable.path != nil, "the translate-pipeline executable was not built next to the tests"))
struct RunCommandTests {
    /// Runs the command; its output with runs of spaces made one.
    func run(_ root: URL, _ arguments: [String] = []) throws -> (status: Int32, lines: [String], output: String) {
        let result = try ExternalTool.run(try #require(BuiltExecutable.path), ["run", "--project", root.path] + arguments)
        let lines = result.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        return (result.status, lines, result.output)
    }

    @Test func runTellsTheWholeStory() throws {
        let root = try SiteAssemblyTests.sampleProject(targets: #"["ar", "fa"]"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try run(root)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.lines.contains("job ar jobs/outgoing/ar-0001.xlf (28 units, 311 words)"), "\(first.output)")
        #expect(first.lines.contains("job fa jobs/outgoing/fa-0001.xlf (46 units, 416 words)"))
        #expect(first.lines.contains("pages ar site/ar/ 6 pages, 4 published, 2 German with notice, 6 written"))
        #expect(first.lines.contains("pages fa site/fa/ 6 pages, 3 published, 3 German with notice, 6 written"))
        #expect(first.lines.contains("miso.html 100% 100%"))
        #expect(first.lines.contains("nachhaltigkeitsbericht/unterziel-14-1.html 45%* 45%*"))
        #expect(first.lines.contains("dashboard jobs/reports/dashboard.html"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("jobs/reports/dashboard.html").path))

        let again = try run(root)
        #expect(again.status == 0)
        #expect(again.lines.contains("changes none: no German page changed since the last run"), "\(again.output)")
        #expect(again.lines.contains("jobs no new work for translators"))

        let json = try ExternalTool.run(try #require(BuiltExecutable.path), ["run", "--json", "--project", root.path])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(report["written"] as? [String] == [])
        let entries = try #require((report["coverage"] as? [String: Any])?["entries"] as? [[String: Any]])
        let miso = try #require(entries.first { $0["page"] as? String == "miso.html" && $0["locale"] as? String == "ar" })
        #expect(miso["published"] as? Bool == true)
        #expect(miso["bidiProblems"] as? Int == 0)
        let held = try #require(entries.first { $0["page"] as? String == "nachhaltigkeitsbericht/unterziel-14-1.html" && $0["locale"] as? String == "ar" })
        #expect((held["units"] as? Int, held["pending"] as? Int, held["published"] as? Bool) == (22, 12, false))

        let quiet = try run(root, ["--quiet"])
        #expect(quiet.status == 0 && quiet.output.isEmpty, "\(quiet.output)")
    }

    @Test func exitCodesTellWarningsErrorsAndFailure() throws {
        let root = try SiteAssemblyTests.sampleProject(targets: #"["ar"]"#)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try run(root).status == 0)

        // Returned work with warnings (pseudo-Arabic mixes Latin letters in: wrong script).
        let job = try XLIFFReader().read(try ProjectFiles.read(root.appendingPathComponent("jobs/outgoing/ar-0001.xlf")), file: "ar-0001.xlf")
        let inbox = root.appendingPathComponent("jobs/inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data(Job.serialize(Job.pseudoTranslated(job, style: .rightToLeft)).utf8).write(to: inbox.appendingPathComponent("ar.xlf"))
        let warned = try run(root)
        #expect(warned.status == 2, "\(warned.output)")
        #expect(warned.output.contains("warning:"))

        // A page that cannot be read: the others are published, the run says which failed.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/weg.html").path, withDestinationPath: "/nonexistent/weg.html")
        let failedPage = try run(root)
        #expect(failedPage.status == 3, "\(failedPage.output)")
        #expect(failedPage.output.contains("weg.html: error: page skipped"))

        // A project file that says something impossible: nothing is done.
        try Data(#"{"targetLocales": "ar"}"#.utf8).write(to: root.appendingPathComponent(Project.fileName))
        let failed = try run(root)
        #expect(failed.status == 1)
        #expect(failed.output.contains("translate-pipeline.json"))
    }
}
