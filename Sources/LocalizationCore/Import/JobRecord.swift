public import Foundation

/// What `run` sent in one job: its id, locale, the memory revision of the locale at export,
/// and per unit its page, id, source and sentences (with the memory's in-context translation
/// of each at export). `import` matches a returned file against it: a unit that is not in it
/// is unknown, a source that differs from it was tampered with, a page that changed since
/// makes a conflict, and a memory translation that changed since makes an alternative.
///
/// Made of the job as a reader sees it (see `init(jobID:sent:memory:memoryRevision:)`), so
/// that hashes compare what a returned file really holds, not what we meant to write.
public struct JobRecord: Sendable, Codable, Hashable {
    public struct Sentence: Sendable, Codable, Hashable {
        public var id: String
        /// The sentence's text, for people reading the record and the reports.
        public var text: String
        /// `JobRecord.hash` of the sentence with its codes.
        public var sourceHash: String
        /// `JobRecord.hash` of the memory's in-context translated or reviewed target at export.
        public var memoryTarget: String?
        /// `JobRecord.hash` of the target the job was sent with (a pre-filled memory match for
        /// review), so that a proposal returned untouched is not taken for a translation.
        public var proposal: String?
    }

    public struct Unit: Sendable, Codable, Hashable {
        public var page: String
        public var id: String
        public var sourceHash: String
        public var sentences: [Sentence]
    }

    public var jobID: String
    public var locale: String
    public var sourceLocale: String
    public var xliffVersion: String
    /// `ImportState.revisions[locale]` when the job was written.
    public var memoryRevision: Int
    public var units: [Unit]

    /// The record of `document` (as read back from the job file) against `memory`.
    public init(jobID: String, document: XLIFFDocument, memory: TranslationMemory, memoryRevision: Int) {
        self.init(jobID: jobID, locale: document.targetLanguage ?? "", sourceLocale: document.sourceLanguage, xliffVersion: document.version.rawValue,
                  memoryRevision: memoryRevision, units: document.files.flatMap { file in
                      file.units.map { unit in Self.unit(page: file.original, id: unit.id, source: unit.source, sentences: unit.segments, memory: memory) }
                  })
    }

    init(jobID: String, locale: String, sourceLocale: String, xliffVersion: String, memoryRevision: Int, units: [Unit]) {
        self.jobID = jobID
        self.locale = locale
        self.sourceLocale = sourceLocale
        self.xliffVersion = xliffVersion
        self.memoryRevision = memoryRevision
        self.units = units
    }

    /// The record of one unit of `page` whose source and sentences are as a reader of the job
    /// finds them. Each key is made and hashed once: a unit of one sentence is its own
    /// sentence, and a sentence without placeholders is looked up in the memory as it is.
    static func unit(page: String, id: String, source: Content, sentences: [Segment], memory: TranslationMemory) -> Unit {
        let place = "\(page)#\(id)"
        let sourceKey = MemoryEntry.key(for: source)
        let sourceHash = hash(key: sourceKey)
        return Unit(page: page, id: id, sourceHash: sourceHash, sentences: sentences.map { segment in
            let key = MemoryEntry.key(for: segment.source)
            // Keys compared by their bytes, as the digest sees them.
            let sentenceHash = key.utf8.elementsEqual(sourceKey.utf8) ? sourceHash : hash(key: key)
            // The memory keeps numbers and dates as text (see AutoTranslatable+Placeholders.swift).
            let expanded = segment.source.expandingAutoTranslatables()
            let hasPlaceholders = segment.source.fragments.contains { $0.code?.isAutoTranslatable == true }
            let memoryTarget = Self.memoryTarget(forKey: hasPlaceholders ? MemoryEntry.key(for: expanded) : key, place: place, in: memory)
            return Sentence(id: segment.id, text: expanded.plainText, sourceHash: sentenceHash, memoryTarget: memoryTarget.map(Self.hash),
                            proposal: segment.target.map(Self.hash))
        })
    }

    public func unit(page: String, id: String) -> Unit? {
        units.first { $0.page == page && $0.id == id }
    }

    /// The job id for a job file's bytes: its locale and a digest of what it says, so that a rerun
    /// with nothing changed writes the same job under the same id (SECURITY.md case 22).
    public static func jobID(locale: String, serializedJob: [UInt8], memoryRevision: Int) -> String {
        let digest = SHA256.hex(Array("\(memoryRevision)\n".utf8) + serializedJob)
        return "\(locale.lowercased())-\(digest.prefix(16))"
    }

    /// A digest of content with its codes (NFC, as memory keys are).
    public static func hash(_ content: Content) -> String {
        hash(key: MemoryEntry.key(for: content))
    }

    /// `hash` of the content whose memory key is `key`: the first 32 hex digits of the key's
    /// SHA-256 (only the digest's first 16 bytes are turned into text).
    static func hash(key: String) -> String {
        let digest = SHA256.digest(Array(key.utf8))
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 32)
        for index in 0 ..< 16 {
            text[2 * index] = digits[Int(digest[index] >> 4)]
            text[2 * index + 1] = digits[Int(digest[index] & 0x0F)]
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The memory's translated or reviewed target for the source with memory key `key` at
    /// `place` (`page#unit`).
    static func memoryTarget(forKey key: String, place: String, in memory: TranslationMemory) -> Content? {
        memory.exactEntries(forKey: key).last { $0.context.unit == place && $0.state >= .translated }?.target
    }

    /// The job id a returned file carries: 1.2 `<header><phase-group><phase job-id>`, 2.x
    /// file-level `<mda:metadata>`; nil when the file has none (not one of our jobs, or a tool
    /// dropped it).
    public static func jobID(in root: XML.Element) -> String? {
        for file in root.elements(named: "file") {
            for phase in file.firstElement(named: "header")?.firstElement(named: "phase-group")?.elements(named: "phase") ?? [] {
                if let id = phase.attribute("job-id") { return id }
            }
            for metadata in file.elements(named: nil) where metadata.namespace == MemoryFile.metadataNamespace && metadata.name == "metadata" {
                for group in metadata.elements(named: nil) where group.name == "metaGroup" && group.attribute("category") == XLIFF21Writer.jobCategory {
                    for meta in group.elements(named: nil) where meta.name == "meta" && meta.attribute("type") == "job-id" {
                        return meta.textContent
                    }
                }
            }
        }
        return nil
    }
}

/// Where job records live: `jobs/records/<job id>.json`, written atomically.
public struct JobRecords: Sendable {
    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    public var folder: URL { project.jobsFolder.appendingPathComponent("records") }

    public func url(for jobID: String) throws(ProjectError) -> URL {
        let name = jobID + ".json"
        guard ProjectFiles.isSafeName(name) else { throw .unsafeName(jobID) }
        return folder.appendingPathComponent(name)
    }

    /// Writes the record unless one with the same id (and so the same content) exists.
    public func save(_ record: JobRecord) throws(ProjectError) {
        let url = try url(for: record.jobID)
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        try ProjectFiles.writeAtomically(record.json(), to: url)
    }

    public func load(_ jobID: String) throws(ProjectError) -> JobRecord? {
        let url = try url(for: jobID)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(JobRecord.self, from: Data(try ProjectFiles.read(url)))
        } catch let error as ProjectError {
            throw error
        } catch {
            throw .invalidProjectFile(url.path, reason: "\(error)")
        }
    }

    /// Every record, oldest id order is not meaningful: sorted by file name for determinism.
    public func all() throws(ProjectError) -> [JobRecord] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var records: [JobRecord] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            if let record = try load(String(name.dropLast(5))) { records.append(record) }
        }
        return records
    }

    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data()) + [0x0A]
    }
}

extension JobRecords {
    /// Writes `document` as the job at `url` with its job id, and the record of what it holds
    /// (`run` calls this for every outgoing job).
    @discardableResult
    public func send(_ document: XLIFFDocument, to url: URL, memory: TranslationMemory, memoryRevision: Int) throws(ProjectError) -> String {
        // Serialized once, with a stand-in id of the real one's shape that the digest covers;
        // the real id then replaces it, on the bytes, where the writers put it (a job of a large
        // site is tens of megabytes: serializing it twice, or replacing in it as a String, cost
        // seconds).
        var document = document
        let locale = (document.targetLanguage ?? "").lowercased()
        let standIn = "\(locale)-" + String(repeating: "0", count: 16)
        document.jobID = standIn
        let draft = Job.serializedBytes(document)
        let id = JobRecord.jobID(locale: locale, serializedJob: draft, memoryRevision: memoryRevision)
        document.jobID = id
        var bytes = Self.replacing(Array("job-id=\"\(standIn)\"".utf8), with: Array("job-id=\"\(id)\"".utf8), in: draft)
        bytes = Self.replacing(Array(">\(standIn)</mda:meta>".utf8), with: Array(">\(id)</mda:meta>".utf8), in: bytes)
        try ProjectFiles.writeAtomically(bytes, to: url)
        // The record describes the job as a reader sees it: made from the document in hand
        // where that is what a reader sees (almost every job), else from the job read back.
        let record: JobRecord
        if let inHand = JobRecord(jobID: id, sent: document, memory: memory, memoryRevision: memoryRevision) {
            record = inHand
        } else {
            record = JobRecord(jobID: id, document: try Self.readBack(bytes, url: url), memory: memory, memoryRevision: memoryRevision)
        }
        // Debug builds (the tests) check it against the job read back.
        assert((try? Self.readBack(bytes, url: url)).map { JobRecord(jobID: id, document: $0, memory: memory, memoryRevision: memoryRevision) } == record,
               "the record of \(url.lastPathComponent) differs from the job's as read back")
        try save(record)
        return id
    }

    /// The job just written, read back; a job we cannot read back is a bug.
    private static func readBack(_ bytes: [UInt8], url: URL) throws(ProjectError) -> XLIFFDocument {
        do {
            return try XLIFFReader().read(bytes, file: url.path)
        } catch {
            throw .cannotWrite(url.path, reason: "the job just written does not read back: \(error)")
        }
    }

    /// `bytes` with every occurrence of `pattern` replaced by `replacement`, left to right, as
    /// `String.replacingOccurrences` replaces them in text whose patterns are ASCII (what the
    /// job id stand-in's are).
    static func replacing(_ pattern: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard let first = pattern.first, bytes.count >= pattern.count else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { bytes in
            pattern.withUnsafeBufferPointer { pattern in
                var copied = 0
                var position = 0
                while position <= bytes.count - pattern.count {
                    // Most positions are ruled out by their first byte.
                    if bytes[position] == first, UnsafeBufferPointer(rebasing: bytes[position ..< position + pattern.count]).elementsEqual(pattern) {
                        result += bytes[copied ..< position]
                        result += replacement
                        position += pattern.count
                        copied = position
                    } else {
                        position += 1
                    }
                }
                result += bytes[copied...]
            }
        }
        return result
    }
}
