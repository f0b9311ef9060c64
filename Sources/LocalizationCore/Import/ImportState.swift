public import Foundation

/// What imports have done to a project, beside the memories: each locale's memory revision,
/// the ledger of imported files (by SHA-256) and the translations kept aside as conflict or
/// alternative candidates. Stored in `jobs/state/imports.json` and changed only together
/// with the memory, in one `ImportTransaction`.
public struct ImportState: Sendable, Codable, Hashable {
    /// One imported file.
    public struct Receipt: Sendable, Codable, Hashable {
        public var sha256: String
        /// The file's name as it was given (for people; never used as a path).
        public var name: String
        public var date: String
        public var translator: String?
        public var locale: String
        public var jobID: String?
        public var accepted: Int
        public var refused: Int
        public var conflicts: Int
        public var alternatives: Int
    }

    /// A translation kept but not applied.
    public struct Candidate: Sendable, Codable, Hashable {
        public enum Kind: String, Sendable, Codable, Hashable {
            /// The page's source changed since the job was made.
            case conflict
            /// Another translator's translation of the sentence reached the memory first.
            case alternative
        }

        public var kind: Kind
        public var locale: String
        public var page: String
        public var unitID: String
        public var segmentID: String
        public var source: String
        /// The target as XLIFF 1.2 inline markup (codes as `<g>`, `<x>`…), so nothing is lost.
        public var target: String
        public var reason: String
        public var translator: String?
        public var jobID: String?
        public var fileSHA256: String
        public var date: String
    }

    public var revisions: [String: Int] = [:]
    public var imported: [Receipt] = []
    public var candidates: [Candidate] = []

    public init() {}

    public static let path = "state/imports.json"

    public static func url(in project: Project) -> URL {
        project.jobsFolder.appendingPathComponent(path)
    }

    public static func load(_ project: Project) throws(ProjectError) -> ImportState {
        let url = url(in: project)
        guard FileManager.default.fileExists(atPath: url.path) else { return ImportState() }
        do {
            return try JSONDecoder().decode(ImportState.self, from: Data(try ProjectFiles.read(url, limit: 1 << 30)))
        } catch let error as ProjectError {
            throw error
        } catch {
            throw .invalidProjectFile(url.path, reason: "\(error)")
        }
    }

    public func encoded() -> [UInt8] {
        JobRecords.encode(self)
    }

    public func revision(of locale: String) -> Int {
        revisions[locale.lowercased()] ?? 0
    }
}
