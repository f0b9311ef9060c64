import Foundation
import Testing
@testable import LocalizationCore

/// `run` on the sample project: every job carries the glossary's terms, with a TBX beside it.
@Suite struct GlossaryBatchRunTests {
    func sampleProject() throws -> URL {
        let root = try temporaryFolder("glossary-run")
        for item in ["content", "glossary", Project.fileName] {
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        return root
    }

    @Test func jobsOfTheSampleProjectCarryTermsAndATBX() async throws {
        let root = try sampleProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try await BatchRun(project: try Project(root: root)).run()
        #expect(!report.diagnostics.contains { $0.message.contains("glossary") })
        let project = try Project(root: root)
        for locale in project.settings.targetLocales {
            let job = try String(contentsOf: root.appendingPathComponent("jobs/outgoing/\(locale)-0001.xlf"), encoding: .utf8)
            #expect(job.contains("<mrk mtype=\"term\">Teilhabechancen</mrk>"), "\(locale)")
            #expect(job.contains("from=\"glossary\""), "\(locale)")
            let tbx = try TBXReader().read(try ProjectFiles.read(root.appendingPathComponent("jobs/outgoing/\(locale)-0001.tbx")), file: "\(locale).tbx")
            #expect(tbx.concepts.contains { $0.id == "integrationsbeirat" }, "\(locale)")
            #expect(tbx.concepts.allSatisfy { $0.preferredTerm(locale) != nil }, "\(locale)")
        }
        let arabic = try String(contentsOf: root.appendingPathComponent("jobs/outgoing/ar-0001.xlf"), encoding: .utf8)
        #expect(arabic.contains("Glossary: Integrationsbeirat → المجلس الاستشاري للاندماج [proposed]"))
    }

    @Test func anUnreadableGlossaryIsReportedAndJobsStillGoOut() async throws {
        let root = try sampleProject()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("<tbx".utf8).write(to: root.appendingPathComponent("glossary/termbase.tbx"))
        let report = try await BatchRun(project: try Project(root: root)).run()
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("jobs written without glossary terms") })
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("jobs/outgoing/ar-0001.xlf").path))
    }
}
