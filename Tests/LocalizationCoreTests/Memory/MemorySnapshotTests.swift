import Foundation
import Testing
@testable import LocalizationCore

/// The binary snapshot `run` keeps of each memory must give back exactly the memory read from
/// XLIFF, and nothing when it was made from other bytes or is damaged.
@Suite struct MemorySnapshotTests {
    /// The sample project's memories, as `run` reads them.
    static let sampleMemories = ["ar", "en", "fa", "ru", "tr", "uk"]

    @Test(arguments: sampleMemories) func theSampleMemoryComesBackEqual(locale: String) throws {
        let url = TestPaths.packageRoot.appendingPathComponent("memory/\(locale).xlf")
        let bytes = try ProjectFiles.read(url)
        let memory = try MemoryFile.read(bytes, file: url.path)
        #expect(!memory.entries.isEmpty)
        let digest = BatchState.digest(bytes)
        let snapshot = MemorySnapshot.encode(memory, madeFrom: digest)
        let read = try #require(MemorySnapshot.decode(snapshot, madeFrom: digest))
        #expect(read.entries == memory.entries)
        #expect(read.sourceLanguage == memory.sourceLanguage && read.targetLanguage == memory.targetLanguage)
        #expect(MemorySnapshot.encode(read, madeFrom: digest) == snapshot, "the same bytes for the same memory")
    }

    /// Generated entries with every kind of fragment, code field and optional value.
    @Test(arguments: [1, 2, 3] as [UInt64]) func generatedEntriesComeBackEqual(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        func optional(_ text: String) -> String? { random.next() % 2 == 0 ? nil : text }
        let texts = ["Der Rat tagt.", "", "ä ö ü ß", "\u{1F}\t\n", "مرحبا", "e\u{301}", String(repeating: "lang ", count: 40)]
        func code(_ id: String) -> InlineCode {
            InlineCode(id: id, kind: pick([.formatting, .link, .image, .lineBreak, .protected, .autoTranslatable, .other]),
                       elementName: pick(["b", "a", "number", ""]), originalData: pick(["<b class=\"x\">", "", "<a href='/'>"]),
                       displayText: optional(pick(texts)), canDelete: random.next() % 2 == 0, canCopy: random.next() % 2 == 0,
                       formatAttributes: random.next() % 3 == 0 ? ["x": "1", "type": pick(texts), "pos": "open"] : [:])
        }
        func content() -> Content {
            Content((0 ..< Int(random.next() % 6)).map { index in
                switch random.next() % 6 {
                case 0: .opening(code("c\(index)"))
                case 1: .closing(code("c\(index)"))
                case 2: .standalone(code("s\(index)"))
                case 3: .standalone(code("i\(index)"), isolated: pick([.opening, .closing]))
                default: .text(pick(texts) + "\(index)")
                }
            })
        }
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "ar")
        for number in 0 ..< 500 {
            memory.add(MemoryEntry(
                source: content(), target: content(), state: pick(TranslationState.allCases),
                provenance: .init(origin: pick(MemoryEntry.Origin.allCases), creator: optional("Übersetzerin"), job: optional("ar-0001"), date: "2026-11-\(number % 28 + 1)"),
                context: .init(unit: optional("seite.html#u\(number)"), previous: optional(pick(texts)), next: optional(pick(texts)))
            ))
        }
        let snapshot = MemorySnapshot.encode(memory, madeFrom: "digest")
        let read = try #require(MemorySnapshot.decode(snapshot, madeFrom: "digest"))
        #expect(read.entries == memory.entries)
    }

    /// The fuzzy index a snapshot keeps is the index the entries make: the same words by
    /// number, the same word numbers per entry, and so the same fuzzy matches.
    @Test(arguments: sampleMemories) func theKeptFuzzyIndexIsTheOneTheEntriesMake(locale: String) throws {
        let url = TestPaths.packageRoot.appendingPathComponent("memory/\(locale).xlf")
        let memory = try MemoryFile.read(try ProjectFiles.read(url), file: url.path)
        let read = try #require(MemorySnapshot.decode(MemorySnapshot.encode(memory, madeFrom: "d"), madeFrom: "d"))
        #expect(read.isFuzzyIndexBuilt, "read with the snapshot, not built again")
        let kept = read.fuzzyIndex
        let built = FuzzyIndex(memory.entries)
        #expect(kept.count == built.count)
        #expect(kept.wordsByNumber == built.wordsByNumber)
        #expect((0 ..< built.count).allSatisfy { kept.wordIDs(ofEntry: $0) == built.wordIDs(ofEntry: $0) })
        for entry in memory.entries.prefix(40) {
            var varied = entry.source
            varied.fragments.append(.text(" Neu"))
            #expect(read.fuzzyMatches(for: varied, threshold: 60, limit: 3) == memory.fuzzyMatches(for: varied, threshold: 60, limit: 3))
        }
    }

    /// Word numbers that indexing the entries cannot have made are refused, whatever the
    /// digest says: out of range, not in order of first appearance, a word twice, a word
    /// no entry has.
    @Test func anIndexNoEntriesMakeIsRefused() {
        #expect(FuzzyIndex(vocabulary: ["der", "rat"], entryWords: [[0, 1], [1, 0]]) != nil)
        #expect(FuzzyIndex(vocabulary: ["der", "rat"], entryWords: [[0, 2]]) == nil, "out of range")
        #expect(FuzzyIndex(vocabulary: ["der", "rat"], entryWords: [[0, -1]]) == nil, "negative")
        #expect(FuzzyIndex(vocabulary: ["der", "rat"], entryWords: [[1, 0]]) == nil, "not in order of first appearance")
        #expect(FuzzyIndex(vocabulary: ["der", "der"], entryWords: [[0, 1]]) == nil, "a word twice")
        #expect(FuzzyIndex(vocabulary: ["der", "rat", "tagt"], entryWords: [[0, 1]]) == nil, "a word no entry has")
        let memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en", entries: [
            MemoryEntry(source: Content(text: "Der Rat tagt."), target: Content(text: "x"), provenance: .init(origin: .sample, date: "2026")),
        ])
        let index = FuzzyIndex(vocabulary: ["der"], entryWords: [[0], [0]])!
        #expect(TranslationMemory(sourceLanguage: "de", targetLanguage: "en", uniqueEntries: memory.entries,
                                  keyHashes: [memory.keyHash(at: 0)], fuzzyIndex: index) == nil, "an entry more")
        #expect(TranslationMemory(sourceLanguage: "de", targetLanguage: "en", uniqueEntries: memory.entries,
                                  keyHashes: [], fuzzyIndex: FuzzyIndex(memory.entries)) == nil, "a key hash fewer")
    }

    /// The key hashes and exact index read back find what the memory read from XLIFF finds:
    /// every entry by its key, with the others that share it, in the same order.
    @Test func exactLookupsFindTheSameEntries() throws {
        let url = TestPaths.packageRoot.appendingPathComponent("memory/ar.xlf")
        var memory = try MemoryFile.read(try ProjectFiles.read(url), file: url.path)
        // Entries that share a key, in and out of context, and chain through the exact index.
        for (number, entry) in memory.entries.prefix(30).enumerated() {
            memory.add(MemoryEntry(source: entry.source, target: Content(text: "t\(number)"), provenance: .init(origin: .translator, date: "2026"),
                                   context: .init(unit: "seite.html#u\(number)")))
        }
        let read = try #require(MemorySnapshot.decode(MemorySnapshot.encode(memory, madeFrom: "d"), madeFrom: "d"))
        #expect(read.entries == memory.entries)
        for position in memory.entries.indices {
            #expect(read.keyHash(at: position) == MemoryEntry.keyHash(for: memory.entries[position].source))
            let key = memory.entries[position].key
            #expect(read.exactEntries(forKey: key) == memory.exactEntries(forKey: key))
        }
        // Added to after reading, it replaces and appends as the memory does.
        var added = read
        for entry in memory.entries.suffix(20) {
            var changed = entry
            changed.target = Content(text: "neu")
            #expect(added.add(changed) == memory.add(changed))
        }
        #expect(added.entries == memory.entries)
    }

    /// A snapshot of an earlier version is not read, and the run that finds one reads the
    /// memory's XLIFF file and leaves a snapshot of this version in its place.
    @Test func aSnapshotOfAnEarlierVersionIsReplaced() throws {
        let root = try temporaryFolder("snapshot-version")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["locales", "memory"] {
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(Project.fileName), to: root.appendingPathComponent(Project.fileName))
        let store = MemoryStore(project: try Project(root: root))
        let arabic = try TargetLanguage("ar")
        let digest = BatchState.digest(try ProjectFiles.read(try store.url(for: arabic)))
        let memory = try store.load(arabic)
        let current = MemorySnapshot.encode(memory, madeFrom: digest)
        // This version's bytes under version 2's header: intact but for the version.
        let version3 = Array("translate-pipeline memory snapshot\t3\n".utf8)
        #expect(current.starts(with: version3))
        let earlier = Array("translate-pipeline memory snapshot\t2\n".utf8) + current.dropFirst(version3.count)
        #expect(MemorySnapshot.decode(earlier, madeFrom: digest) == nil)
        let snapshot = try store.snapshotURL(for: arabic)
        try FileManager.default.createDirectory(at: snapshot.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ProjectFiles.writeAtomically(earlier, to: snapshot)
        let loaded = try store.loadForRun(arabic, digest: digest, checked: nil, dryRun: false)
        #expect(loaded.entries == memory.entries)
        #expect(try ProjectFiles.read(snapshot) == current, "replaced by this version's snapshot")
    }

    @Test func aSnapshotOfOtherBytesOrDamagedIsNotUsed() throws {
        let url = TestPaths.packageRoot.appendingPathComponent("memory/ar.xlf")
        let memory = try MemoryFile.read(try ProjectFiles.read(url), file: url.path)
        let snapshot = MemorySnapshot.encode(memory, madeFrom: "abc")
        #expect(MemorySnapshot.decode(snapshot, madeFrom: "abd") == nil, "made from other bytes")
        #expect(MemorySnapshot.decode(Array(snapshot.dropLast()), madeFrom: "abc") == nil, "cut short")
        #expect(MemorySnapshot.decode(snapshot + [0], madeFrom: "abc") == nil, "bytes after the end")
        #expect(MemorySnapshot.decode([], madeFrom: "abc") == nil)
        // Any byte changed anywhere, in the header, the digests or the payload.
        var random = SplitMix64(seed: 9)
        for _ in 0 ..< 200 {
            var damaged = snapshot
            let index = Int(random.next() % UInt64(damaged.count))
            damaged[index] ^= UInt8(1 + random.next() % 255)
            #expect(MemorySnapshot.decode(damaged, madeFrom: "abc") == nil, "byte \(index) changed")
        }
    }

    /// A run leaves a snapshot per memory and uses it next time; the pages it writes are the
    /// same either way.
    @Test func aRunUsesTheSnapshotAndWritesTheSamePages() async throws {
        let root = try temporaryFolder("snapshot-run")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["content", "locales", "memory", "glossary"] {
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(Project.fileName), to: root.appendingPathComponent(Project.fileName))
        let project = try Project(root: root)
        _ = try await BatchRun(project: project).run(.init(now: "2026-11-27T08:00:00Z"))
        let store = MemoryStore(project: project)
        let arabic = try TargetLanguage("ar")
        let snapshot = try store.snapshotURL(for: arabic)
        #expect(FileManager.default.fileExists(atPath: snapshot.path))
        let first = try ProjectSnapshot(root.appendingPathComponent("site"))

        // The pages again, from the snapshot: removed outputs are rebuilt the same.
        try FileManager.default.removeItem(at: root.appendingPathComponent("site"))
        _ = try await BatchRun(project: project).run(.init(now: "2026-11-27T08:00:00Z"))
        #expect(try ProjectSnapshot(root.appendingPathComponent("site")) == first)

        // A snapshot that lies about the memory is not used: it was made from other bytes.
        var memory = try store.load(arabic)
        let stale = MemorySnapshot.encode(TranslationMemory(sourceLanguage: "de", targetLanguage: "ar"), madeFrom: "0123456789abcdef0123456789abcdef")
        try ProjectFiles.writeAtomically(stale, to: snapshot)
        try FileManager.default.removeItem(at: root.appendingPathComponent("site"))
        _ = try await BatchRun(project: project).run(.init(now: "2026-11-27T08:00:00Z"))
        #expect(try ProjectSnapshot(root.appendingPathComponent("site")) == first)
        memory = try store.load(arabic)
        let digest = BatchState.digest(try ProjectFiles.read(try store.url(for: arabic)))
        #expect(MemorySnapshot.decode(try ProjectFiles.read(snapshot), madeFrom: digest)?.entries == memory.entries, "made again from the file")
    }
}
