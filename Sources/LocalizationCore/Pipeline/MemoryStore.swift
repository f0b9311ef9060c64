public import Foundation

/// Where a project keeps its memories: `memory/<locale>.xlf`, one XLIFF 2.1 file per target
/// locale, written atomically.
public struct MemoryStore: Sendable {
    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    public var folder: URL { project.root.appendingPathComponent("memory") }

    public func url(for language: TargetLanguage) throws(ProjectError) -> URL {
        let name = language.tag.lowercased() + ".xlf"
        guard ProjectFiles.isSafeName(name) else { throw .unsafeName(name) }
        return folder.appendingPathComponent(name)
    }

    /// The memory for a locale; empty when the project has none yet. `checked` is the digest
    /// (`BatchState.digest`) of the file's bytes when a run last read them: the same bytes are
    /// not checked against XLIFF 2's constraints again (half the time of reading a large
    /// memory), any other bytes are.
    public func load(_ language: TargetLanguage, checked: String? = nil) throws(ProjectError) -> TranslationMemory {
        let url = try url(for: language)
        guard FileManager.default.fileExists(atPath: url.path) else {
            return TranslationMemory(sourceLanguage: project.settings.sourceLocale, targetLanguage: language.tag)
        }
        do {
            let bytes = try ProjectFiles.read(path: url.path, limit: 2 << 30)
            return try MemoryFile.read(bytes, file: url.path, validating: checked == nil || BatchState.digest(bytes) != checked)
        } catch let error as ProjectError {
            throw error
        } catch {
            throw .invalidProjectFile(url.path, reason: "\(error)")
        }
    }

    /// Where `run` keeps a snapshot of a locale's memory (`MemorySnapshot`).
    func snapshotURL(for language: TargetLanguage) throws(ProjectError) -> URL {
        let name = "memory-" + language.tag.lowercased() + ".snapshot"
        guard ProjectFiles.isSafeName(name) else { throw .unsafeName(name) }
        return project.jobsFolder.appendingPathComponent("state").appendingPathComponent(name)
    }

    /// The memory for a run, whose file has `digest` (`BatchState.digest`, "none" for no
    /// file): from the snapshot made from those bytes when there is one, else from the XLIFF
    /// file (see `load(_:checked:)`), leaving a snapshot for the next run unless `dryRun`.
    func loadForRun(_ language: TargetLanguage, digest: String, checked: String?, dryRun: Bool) throws(ProjectError) -> TranslationMemory {
        let snapshot = try snapshotURL(for: language)
        guard digest != "none" else { return try load(language) }
        if let bytes = try? ProjectFiles.read(path: snapshot.path, limit: 2 << 30),
           let memory = MemorySnapshot.decode(bytes, madeFrom: digest) {
            return memory
        }
        let encoded = MemorySnapshot.encode(try load(language, checked: checked), madeFrom: digest)
        // A cache: a run that cannot write it (a full disk) reads the XLIFF file next time.
        if !dryRun { try? ProjectFiles.writeAtomically(encoded, to: snapshot) }
        // The run keeps the memory read back from its snapshot, not the one built from the
        // file's XML tree: that one's strings lie scattered among the tree's freed blocks, and
        // on a 10,000-page site the eight memories held 1.4 GB instead of 0.6 GB until the
        // jobs were written (the cold run's peak). The freed blocks are not given back to the
        // system first (`ReturnedMemory`): since the tree is built without libxml2's, the
        // copy fits among them, and giving them back cost a second of CPU in page faults for
        // 15 MB less at the peak.
        guard let memory = MemorySnapshot.decode(encoded, madeFrom: digest) else { return try load(language, checked: checked) }
        return memory
    }

    public func save(_ memory: TranslationMemory, for language: TargetLanguage) throws(ProjectError) {
        try ProjectFiles.writeAtomically(Array(MemoryFile.write(memory).utf8), to: try url(for: language))
    }
}
