import Foundation
import Glibc
import Testing
@testable import LocalizationCore

/// SECURITY.md row 20: a disk that fills up while project state is written. Each test runs on
/// a small tmpfs of its own (root only; skipped, with the reason shown, where mounting fails):
/// the write fails with the file's name, the old files keep every byte, no temporary file stays.
@Suite("Disk full", .serialized, .enabled(if: SmallDisk.canMount, "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): disk-full tests not run"))
struct DiskFullTests {
    @Test func atomicWriteOnAFullDiskKeepsTheOldFile() throws {
        let disk = try SmallDisk(megabytes: 1)
        defer { disk.unmount() }
        let file = disk.root.appendingPathComponent("memory/tr.xlf")
        let old = Array("<old memory/>\n".utf8)
        try ProjectFiles.writeAtomically(old, to: file)
        let new = [UInt8](repeating: UInt8(ascii: "n"), count: 200_000)

        // Completely full: not even the first block of the temporary file can be written.
        try disk.fill(leavingFree: 0)
        #expect(throws: ProjectError.cannotWrite(file.path, reason: "No space left on device")) {
            try ProjectFiles.writeAtomically(new, to: file)
        }
        #expect(try ProjectFiles.read(file) == old)
        #expect(try disk.files() == ["filler", "memory/tr.xlf"])

        // Room for part of the new file: the write fails midway, the part is removed.
        try disk.fill(leavingFree: 64 << 10)
        #expect(throws: ProjectError.cannotWrite(file.path, reason: "No space left on device")) {
            try ProjectFiles.writeAtomically(new, to: file)
        }
        #expect(try ProjectFiles.read(file) == old)
        #expect(try disk.files() == ["filler", "memory/tr.xlf"])

        // Room again: the same write goes through.
        try disk.fill(leavingFree: 1 << 20)
        try ProjectFiles.writeAtomically(new, to: file)
        #expect(try ProjectFiles.read(file) == new)
    }

    @Test func memorySaveOnAFullDiskKeepsTheOldMemory() throws {
        let disk = try SmallDisk(megabytes: 2)
        defer { disk.unmount() }
        try FileManager.default.createDirectory(at: disk.root.appendingPathComponent("memory"), withIntermediateDirectories: true)
        let original = TestPaths.packageRoot.appendingPathComponent("memory/tr.xlf")
        try FileManager.default.copyItem(at: original, to: disk.root.appendingPathComponent("memory/tr.xlf"))
        try Data(#"{"targetLocales": ["tr"], "pseudoLocales": []}"#.utf8).write(to: disk.root.appendingPathComponent(Project.fileName))
        let store = MemoryStore(project: try Project(root: disk.root))
        let language = try TargetLanguage("tr")
        var memory = try store.load(language)
        let added = memory.add(MemoryEntry(source: Content(text: "Der Rat tagt im Rathaus."), target: Content(text: "Konsey belediye binasında toplanır."),
                                           provenance: .init(origin: .translator, creator: "test", date: "2026-11-27T00:00:00Z")))
        #expect(added)
        let before = try ProjectSnapshot(disk.root)

        for free in [0, 16 << 10] {
            try disk.fill(leavingFree: free)
            #expect(throws: ProjectError.cannotWrite(try store.url(for: language).path, reason: "No space left on device")) {
                try store.save(memory, for: language)
            }
            #expect(try ProjectSnapshot(disk.root, excluding: ["filler"]) == before, "free bytes: \(free)")
        }
        try disk.fill(leavingFree: 1 << 20)
        try store.save(memory, for: language)
        #expect(try store.load(language).entries.count == memory.entries.count)
    }

    /// A whole batch publishing pages into a disk that fills up at its first write or midway: every file is its old or its new version, never a part; the error names a file
    /// of the project; with room again the batch completes as if nothing had happened.
    @Test func batchRunOnAFullDiskLeavesEveryFileOldOrNew() async throws {
        // What an uninterrupted run writes, on an ordinary disk.
        let reference = try SiteAssemblyTests.sampleProject()
        defer { try? FileManager.default.removeItem(at: reference) }
        _ = try await BatchRun(project: try Project(root: reference)).run()
        try DiskFullTests.changeContent(in: reference)
        _ = try await BatchRun(project: try Project(root: reference)).run()
        let new = try ProjectSnapshot(reference, excluding: KillDuringPublishingTests.runReports)

        let disk = try SmallDisk(megabytes: 24)
        defer { disk.unmount() }
        let root = disk.root.appendingPathComponent("project")
        try FileManager.default.copyItem(at: try SiteAssemblyTests.sampleProject(), to: root)
        _ = try await BatchRun(project: try Project(root: root)).run()
        try DiskFullTests.changeContent(in: root)
        let old = try ProjectSnapshot(root, excluding: KillDuringPublishingTests.runReports)
        #expect(old != new)

        // Every file is replaced (temporary file, rename), so a run needs room for the largest
        // file in flight plus the growth of what it has written so far (tmpfs counts 4 KB
        // pages): no room, room for less than the largest file, and room that runs out midway.
        let pages = { (snapshot: ProjectSnapshot) in snapshot.files.values.map { ($0.count + 4095) / 4096 } }
        let largest = pages(new).max() ?? 0
        let growth = pages(new).reduce(0, +) - pages(old).reduce(0, +)
        #expect(growth > 2, "the content change must make the published files grow")
        var failures = 0
        var mixed = 0
        for free in [0, largest / 2, largest, largest + growth / 3, largest + growth * 2 / 3].map({ $0 * 4096 }) {
            try disk.fill(leavingFree: free)
            do {
                _ = try await BatchRun(project: try Project(root: root)).run()
            } catch {
                failures += 1
                guard case .cannotWrite(let path, let reason) = error else {
                    Issue.record("free bytes \(free): expected cannotWrite, got \(error)")
                    continue
                }
                #expect(path.hasPrefix(root.path + "/"), "free bytes: \(free)")
                #expect(reason == "No space left on device", "free bytes: \(free)")
            }
            let state = try ProjectSnapshot(root, excluding: KillDuringPublishingTests.runReports)
            #expect(state.filesNeither(old, nor: new) == [], "free bytes: \(free)")
            #expect(state.temporaryFiles == [], "free bytes: \(free)")
            if state != old, state != new { mixed += 1 }
        }
        #expect(failures > 0, "the disk never filled up: the test proved nothing")
        #expect(mixed > 0, "no run failed midway (some files new, others old)")
        try disk.fill(leavingFree: 16 << 20)
        _ = try await BatchRun(project: try Project(root: root)).run()
        #expect(try ProjectSnapshot(root, excluding: KillDuringPublishingTests.runReports) == new)
    }

    /// Edits two sample pages so that their units, jobs and published pages change, each by
    /// several kilobytes (more than a 4 KB page of the file system).
    static func changeContent(in root: URL) throws {
        let added = (1 ... 40).map { "<p>Der Rat hat am \($0). Oktober 2026 den Beschluss Nr. \($0)/2026 zur Teilhabe gefasst.</p>\n" }.joined()
        for page in ["content/miso.html", "content/index.html"] {
            let url = root.appendingPathComponent(page)
            var text = String(decoding: try ProjectFiles.read(url), as: UTF8.self)
            let marker = try #require(text.range(of: "</body>"))
            text.replaceSubrange(marker, with: added + "</body>")
            try ProjectFiles.writeAtomically(Array(text.utf8), to: url)
        }
    }
}

/// A tmpfs of a few megabytes mounted on a fresh folder, and a file that fills it.
struct SmallDisk {
    let root: URL

    /// Whether this process may mount a tmpfs (checked once, with a mount of its own).
    static let canMount: Bool = {
        guard let disk = try? SmallDisk(megabytes: 1) else {
            print("Disk full: SKIPPED — mount -t tmpfs failed (\(String(cString: strerror(errno)))); needs root")
            return false
        }
        disk.unmount()
        return true
    }()

    init(megabytes: Int) throws {
        root = try temporaryFolder("tmpfs")
        guard mount("tmpfs", root.path, "tmpfs", 0, "size=\(megabytes)m,mode=0755") == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: root)
            throw SmallDiskError(message: "mount -t tmpfs on \(root.path): \(reason)")
        }
    }

    /// Grows or shrinks `filler` until the disk has about `bytes` free (whole 4 KB pages).
    func fill(leavingFree bytes: Int) throws {
        let filler = root.appendingPathComponent("filler")
        let descriptor = open(filler.path, O_WRONLY | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw SmallDiskError(message: "cannot open the filler") }
        defer { close(descriptor) }
        // First grow until nothing more fits, then give back what should stay free.
        let chunk = [UInt8](repeating: 0x2E, count: 4096)
        lseek(descriptor, 0, SEEK_END)
        while chunk.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        let size = lseek(descriptor, 0, SEEK_END)
        guard ftruncate(descriptor, max(0, size - off_t(bytes))) == 0 else { throw SmallDiskError(message: "cannot truncate the filler") }
    }

    /// Files on the disk, relative paths, sorted.
    func files() throws -> [String] {
        try ProjectSnapshot(root, excluding: KillDuringPublishingTests.runReports).files.keys.sorted()
    }

    func unmount() {
        umount2(root.path, Int32(MNT_DETACH))
        try? FileManager.default.removeItem(at: root)
    }
}

struct SmallDiskError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
