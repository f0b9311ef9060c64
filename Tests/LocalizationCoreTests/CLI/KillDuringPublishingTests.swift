import Foundation
import Glibc
import Testing
@testable import LocalizationCore

/// SECURITY.md row 19: `translate-pipeline run` killed with SIGKILL while it publishes, many
/// times, at random moments. After every kill each file of the project is its old or its new
/// version, byte for byte; the next run sweeps the temporary files the killed one left and
/// ends exactly where a run that was never interrupted ends.
@Suite("kill -9 while publishing", .serialized, .enabled(if: BuiltExecutable.path != nil, "the translate-pipeline executable was not built next to the tests"))
struct KillDuringPublishingTests {
    static let kills = 20
    /// What a run reports about itself (the temporary files it swept, the files it wrote)
    /// differs after a kill by design; everything it publishes and records may not.
    static let runReports: Set<String> = ["jobs/reports/run.json", "jobs/reports/dashboard.html"]

    @Test func everyFileIsOldOrNewAfterEachKillAndTheRerunMatchesAnUninterruptedRun() throws {
        let executable = try #require(BuiltExecutable.path)
        let root = try SiteAssemblyTests.sampleProject()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.run(executable, root) == 0)
        try DiskFullTests.changeContent(in: root)
        let old = try ProjectSnapshot(root, excluding: Self.runReports)

        // The uninterrupted run, on a copy: the new version of every file, and how long it takes.
        let reference = try temporaryFolder("reference")
        defer { try? FileManager.default.removeItem(at: reference) }
        try FileManager.default.removeItem(at: reference)
        try FileManager.default.copyItem(at: root, to: reference)
        let started = Date()
        #expect(try Self.run(executable, reference) == 0)
        let duration = Date().timeIntervalSince(started)
        let new = try ProjectSnapshot(reference, excluding: Self.runReports)
        let changed = new.files.keys.filter { old.files[$0] != new.files[$0] }.sorted()
        #expect(changed.contains { $0.hasPrefix("site/") }, "the content change must change published pages")

        var generator = SystemRandomNumberGenerator()
        var killedMidway = 0
        for attempt in 1 ... Self.kills {
            let delay = Double.random(in: 0 ... duration, using: &generator)
            let status = try Self.run(executable, root, killAfter: delay)
            if status == nil { killedMidway += 1 }
            let state = try ProjectSnapshot(root, excluding: Self.runReports)
            let stateFiles = ProjectSnapshot(files: state.files.filter { !state.temporaryFiles.contains($0.key) })
            #expect(stateFiles.filesNeither(old, nor: new) == [], "attempt \(attempt), killed after \(delay) s")
        }
        #expect(killedMidway > 0, "no run was killed before it finished: the test proved nothing")

        #expect(try Self.run(executable, root) == 0)
        let final = try ProjectSnapshot(root, excluding: Self.runReports)
        #expect(final.temporaryFiles == [])
        #expect(final == new)
        if final != new {
            let differing = Set(final.files.keys).union(new.files.keys).filter { final.files[$0] != new.files[$0] }.sorted()
            Issue.record("files differing from the uninterrupted run: \(differing.prefix(10))")
        }
    }

    /// Runs `translate-pipeline run` on `project`; with `killAfter`, sends SIGKILL after that
    /// many seconds. The exit status, or nil when the process was killed.
    static func run(_ executable: String, _ project: URL, killAfter delay: Double? = nil) throws -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["run", "--project", project.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal { return nil }
        return process.terminationStatus
    }
}

extension ProjectSnapshot {
    init(files: [String: [UInt8]]) {
        self.files = files
    }
}
