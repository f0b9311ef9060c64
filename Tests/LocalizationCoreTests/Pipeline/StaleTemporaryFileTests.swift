import Foundation
import Glibc
import Testing
@testable import LocalizationCore

/// A writer killed between creating its temporary file and renaming it leaves
/// `.NAME.tmp-PID` behind; the next run removes those whose process is gone, and only those.
@Suite struct StaleTemporaryFileTests {
    /// The id of a process that has exited (and been reaped).
    static func deadProcessID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func temporaryFileNamesAreRecognised() {
        #expect(ProjectFiles.temporaryFileOwner(".index.html.tmp-4711") == 4711)
        #expect(ProjectFiles.temporaryFileOwner(".tr.xlf.tmp-12") == 12)
        #expect(ProjectFiles.temporaryFileOwner("index.html.tmp-4711") == nil)
        #expect(ProjectFiles.temporaryFileOwner(".tmp-4711") == nil)
        #expect(ProjectFiles.temporaryFileOwner(".index.html.tmp-") == nil)
        #expect(ProjectFiles.temporaryFileOwner(".index.html.tmp-47a1") == nil)
        #expect(ProjectFiles.temporaryFileOwner(".hidden") == nil)
    }

    @Test func sweepRemovesOnlyFilesOfProcessesThatAreGone() throws {
        let root = try temporaryFolder("sweep")
        defer { try? FileManager.default.removeItem(at: root) }
        let dead = try Self.deadProcessID()
        let names = [
            "site/ar/.index.html.tmp-\(dead)",      // left by a killed run: removed
            "site/ar/.about.html.tmp-\(getpid())",  // a write in progress: kept
            "site/ar/index.html",
            "memory/.tr.xlf.tmp-\(dead)",           // removed
            "memory/.gitkeep",
            "content/.page.html.tmp-\(dead)",       // outside the folders swept: kept
        ]
        for name in names {
            try ProjectFiles.writeAtomically(Array(name.utf8), to: root.appendingPathComponent(name))
        }
        let removed = ProjectFiles.sweepStaleTemporaryFiles(in: [root.appendingPathComponent("site"), root.appendingPathComponent("memory"), root.appendingPathComponent("jobs")])
        #expect(removed.map { String($0.dropFirst(root.path.count + 1)) } == ["memory/.tr.xlf.tmp-\(dead)", "site/ar/.index.html.tmp-\(dead)"])
        let left = try ProjectSnapshot(root).files.keys.sorted()
        #expect(left == [
            "content/.page.html.tmp-\(dead)", "memory/.gitkeep", "site/ar/.about.html.tmp-\(getpid())", "site/ar/index.html",
        ])
    }

    @Test func batchRunSweepsStaleTemporaryFilesWhenItStarts() async throws {
        let root = try temporaryFolder("sweep-run")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(#"{"targetLocales": [], "pseudoLocales": ["accented"]}"#.utf8).write(to: root.appendingPathComponent(Project.fileName))
        try ProjectFiles.writeAtomically(Array("<p>Der Rat tagt.</p>".utf8), to: root.appendingPathComponent("content/index.html"))
        let dead = try Self.deadProcessID()
        let stale = ["site/en-XA/.index.html.tmp-\(dead)", "jobs/pseudo/.en-xa.xlf.tmp-\(dead)", "memory/.en.xlf.tmp-\(dead)"]
        for name in stale {
            try ProjectFiles.writeAtomically(Array("part of a page".utf8), to: root.appendingPathComponent(name))
        }
        let report = try await BatchRun(project: try Project(root: root)).run()
        #expect(try ProjectSnapshot(root).temporaryFiles == [])
        #expect(report.diagnostics.filter { $0.severity == .note }.map(\.description).sorted() == stale.sorted().map {
            "\($0): note: removed a temporary file an interrupted run left behind"
        })
    }
}
