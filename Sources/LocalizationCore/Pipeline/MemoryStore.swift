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

    /// The memory for a locale; empty when the project has none yet.
    public func load(_ language: TargetLanguage) throws(ProjectError) -> TranslationMemory {
        let url = try url(for: language)
        guard FileManager.default.fileExists(atPath: url.path) else {
            return TranslationMemory(sourceLanguage: project.settings.sourceLocale, targetLanguage: language.tag)
        }
        do {
            return try MemoryFile.read(try ProjectFiles.read(url, limit: 2 << 30), file: url.path)
        } catch let error as ProjectError {
            throw error
        } catch {
            throw .invalidProjectFile(url.path, reason: "\(error)")
        }
    }

    public func save(_ memory: TranslationMemory, for language: TargetLanguage) throws(ProjectError) {
        try ProjectFiles.writeAtomically(Array(MemoryFile.write(memory).utf8), to: try url(for: language))
    }
}
