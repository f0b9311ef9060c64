import Foundation
import Testing
@testable import LocalizationCore

/// `translate-pipeline run` on the sample project prints the coverage table; `--json` carries it.
@Suite(.enabled(if: BuiltExecutable.path != nil, "the translate-pipeline executable was not built next to the tests"))
struct RunCoverageCommandTests {
    @Test func runPrintsCoveragePerPageAndLocale() throws {
        let root = try SiteAssemblyTests.sampleProject(targets: #"["ar", "fa"]"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let executable = try #require(BuiltExecutable.path)
        let table = try ExternalTool.run(executable, ["run", "--project", root.path])
        let lines = table.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("page locale units reviewed translated auto pending fallback coverage status"), "\(table.output)")
        #expect(lines.contains("miso.html fa 22 0 22 0 0 0 100% published"))
        #expect(lines.contains("nachhaltigkeitsbericht/unterziel-14-1.html ar 22 0 10 0 12 22 45% German + notice (needs 80%)"))

        let json = try ExternalTool.run(executable, ["run", "--json", "--project", root.path])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let entries = try #require((report["coverage"] as? [String: Any])?["entries"] as? [[String: Any]])
        let miso = try #require(entries.first { $0["page"] as? String == "miso.html" && $0["locale"] as? String == "ar" })
        #expect(miso["published"] as? Bool == true)
        #expect(miso["bidiProblems"] as? Int == 0)
    }
}
