import CoreFoundation
import Foundation
import Glibc
import Testing
@testable import LocalizationCore

/// The stat-keyed digest cache a run uses to avoid reading unchanged pages and memories: it
/// must trust only files provably unchanged, and a run must see every real change.
@Suite struct FileDigestsTests {
    /// Sets a file's modification time, as `touch -d` does (its change time moves on anyway).
    static func setModified(_ path: String, seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    /// A cache whose entry for `name` claims `digest`, written after the file was last changed.
    static func cache(claiming digest: String, for name: String, path: String, project: Project) throws -> FileDigests {
        var digests = FileDigests()
        let identity = try #require(FileDigests.Identity(path: path))
        digests.note(.init(name: name, digest: digest, entry: .init(identity: identity, digest: digest)))
        // The cache file must be younger than the file for its entries to be trusted.
        usleep(20_000)
        try ProjectFiles.writeAtomically(digests.encoded(), to: FileDigests.url(project))
        return FileDigests.load(project)
    }

    @Test func anUnchangedFileIsNotReadAgain() throws {
        let root = try temporaryFolder("digests")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try Project(root: root)
        let path = root.appendingPathComponent("memory/ar.xlf").path
        try ProjectFiles.writeAtomically(Array("<xliff/>".utf8), to: URL(fileURLWithPath: path))
        Self.setModified(path, seconds: 1_700_000_000)
        // The cache's claim is returned as it is: proof that the file was not read.
        let digests = try Self.cache(claiming: "claimed", for: "memory/ar.xlf", path: path, project: project)
        #expect(try digests.digest("memory/ar.xlf", path: path, limit: 1 << 20).digest == "claimed")
        // Another name, or a file the cache does not know, is hashed.
        #expect(try digests.digest("memory/fa.xlf", path: path, limit: 1 << 20).digest == BatchState.digest("<xliff/>"))
    }

    @Test func sameSizeAndRestoredModificationTimeAreStillNoticed() throws {
        let root = try temporaryFolder("digests-touch")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try Project(root: root)
        let path = root.appendingPathComponent("memory/ar.xlf").path
        try ProjectFiles.writeAtomically(Array("<xliff/>".utf8), to: URL(fileURLWithPath: path))
        Self.setModified(path, seconds: 1_700_000_000)
        let digests = try Self.cache(claiming: BatchState.digest("<xliff/>"), for: "memory/ar.xlf", path: path, project: project)
        // Rewritten in place with bytes of the same length, then the old time put back: only
        // the change time, which no tool can set, tells.
        usleep(20_000)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data("<XLIFF/>".utf8))
        try handle.close()
        Self.setModified(path, seconds: 1_700_000_000)
        #expect(try digests.digest("memory/ar.xlf", path: path, limit: 1 << 20).digest == BatchState.digest("<XLIFF/>"))
    }

    @Test func aFileChangedNoEarlierThanTheCacheIsHashedAgain() throws {
        let root = try temporaryFolder("digests-racy")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try Project(root: root)
        let path = root.appendingPathComponent("memory/ar.xlf").path
        try ProjectFiles.writeAtomically(Array("<xliff/>".utf8), to: URL(fileURLWithPath: path))
        Self.setModified(path, seconds: 1_700_000_000)
        _ = try Self.cache(claiming: "claimed", for: "memory/ar.xlf", path: path, project: project)
        // The cache written no later than the file changed (same tick): the entry matches the
        // file's stat exactly, yet could be racily clean, so the file is hashed.
        Self.setModified(FileDigests.url(project).path, seconds: 1_700_000_000)
        let digests = FileDigests.load(project)
        #expect(digests.entries["memory/ar.xlf"]?.identity == FileDigests.Identity(path: path), "the stat matches")
        #expect(try digests.digest("memory/ar.xlf", path: path, limit: 1 << 20).digest == BatchState.digest("<xliff/>"))
        // One tick older than the cache, the same entry is trusted.
        Self.setModified(FileDigests.url(project).path, seconds: 1_700_000_001)
        #expect(try FileDigests.load(project).digest("memory/ar.xlf", path: path, limit: 1 << 20).digest == "claimed")
    }

    @Test func aDamagedOrForeignCacheIsIgnored() throws {
        let root = try temporaryFolder("digests-damaged")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try Project(root: root)
        for bytes in ["", "something else\n", FileDigests.header + "\nmemory/ar.xlf\t1\t2\n", FileDigests.header + "\nx\ta\tb\tc\td\te\tf\n"] {
            try ProjectFiles.writeAtomically(Array(bytes.utf8), to: FileDigests.url(project))
            #expect(FileDigests.load(project).entries.isEmpty, "\(bytes)")
        }
    }

    @Test func aRunNoticesAMemoryRewrittenWithItsOldSizeAndTime() async throws {
        let root = try temporaryFolder("digests-run")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(#"{"targetLocales": ["ar"], "pseudoLocales": []}"#.utf8).write(to: root.appendingPathComponent(Project.fileName))
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("locales"), to: root.appendingPathComponent("locales"))
        try ProjectFiles.writeAtomically(Array("<html lang=\"de\"><body><p>Der Rat tagt.</p></body></html>".utf8), to: root.appendingPathComponent("content/index.html"))
        let project = try Project(root: root)
        _ = try await BatchRun(project: project).run()
        let memory = MemoryStore(project: project)
        var entries = TranslationMemory(sourceLanguage: "de", targetLanguage: "ar")
        entries.add(MemoryEntry(source: Content(text: "Der Rat tagt."), target: Content(text: "ينعقد المجلس."),
                                provenance: .init(origin: .translator, date: "2026-11-27T00:00:00Z")))
        try memory.save(entries, for: try TargetLanguage("ar"))
        let path = try memory.url(for: try TargetLanguage("ar")).path
        Self.setModified(path, seconds: 1_700_000_000)
        let first = try await BatchRun(project: project).run()
        #expect(first.written.contains("site/ar/index.html"), "the new memory is used")
        // The same length of bytes, another translation, the old modification time.
        var changed = try ProjectFiles.read(path: path)
        let old = Array("ينعقد المجلس.".utf8), new = Array("يجتمع المجلس.".utf8)
        #expect(old.count == new.count)
        let start = try #require(changed.indices.first { changed[$0...].starts(with: old) })
        changed.replaceSubrange(start ..< start + old.count, with: new)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data(changed))
        try handle.close()
        Self.setModified(path, seconds: 1_700_000_000)
        let second = try await BatchRun(project: project).run()
        #expect(second.written.contains("site/ar/index.html"))
        #expect(try String(decoding: ProjectFiles.read(path: root.appendingPathComponent("site/ar/index.html").path), as: UTF8.self).contains("يجتمع المجلس."))
        let third = try await BatchRun(project: project).run()
        #expect(third.written.isEmpty, "nothing changed since: nothing written, the cache included")
    }

    @Test func theFastListingFindsWhatFoundationsEnumeratorFinds() throws {
        let root = try temporaryFolder("listing")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ["index.html", "a/b/c/deep.HTM", "a/notes.md", ".hidden/page.html", "a/.page.html.tmp-1", "its/rules.xml", "ümlaut/straße.html", "a b/space.html"]
        for file in files { try ProjectFiles.writeAtomically(Array(file.utf8), to: root.appendingPathComponent(file)) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("linked.html").path, withDestinationPath: root.appendingPathComponent("index.html").path)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty/folder"), withIntermediateDirectories: true)
        var expected: [String] = []
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]))
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory != true {
            expected.append(String(url.path.dropFirst(root.path.count + 1)))
        }
        #expect(ProjectFiles.files(below: root.path, skippingHidden: true).sorted() == expected.sorted())
        #expect(Set(ProjectFiles.files(below: root.path)) == Set(files + ["linked.html"]))
        let content = try ProjectFiles.contentFiles(in: root)
        #expect(content.pages == ["a b/space.html", "a/b/c/deep.HTM", "index.html", "linked.html", "ümlaut/straße.html"])
        #expect(content.others == ["a/notes.md", "its/rules.xml"])
        #expect(throws: ProjectError.self) { try ProjectFiles.contentFiles(in: root.appendingPathComponent("missing")) }
    }
}
