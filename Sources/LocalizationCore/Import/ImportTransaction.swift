#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
public import Foundation

/// One atomic change of several project files (a locale's memory and the import state): a
/// redo journal. The new contents of every file are written into one journal file with
/// `ProjectFiles.writeAtomically` — that rename is the commit point — then each file is
/// replaced atomically and the journal removed. A command killed after the commit point
/// leaves a journal that the next `run` or `import` applies (under the project lock) before
/// reading anything; one killed before it leaves the old files. So every reader sees each
/// import whole or not at all (SECURITY.md cases 18 and 20).
public struct ImportTransaction: Sendable {
    /// Files by path relative to the project root, with their new bytes.
    public var files: [(path: String, bytes: [UInt8])]

    public init(files: [(path: String, bytes: [UInt8])]) {
        self.files = files
    }

    static let magic = "translate-pipeline-transaction 1\n"

    public static func journalURL(in project: Project) -> URL {
        project.jobsFolder.appendingPathComponent("state/transaction.journal")
    }

    /// Commits the change: journal, files, journal removed.
    public func commit(in project: Project) throws(ProjectError) {
        let journal = Self.journalURL(in: project)
        try ProjectFiles.writeAtomically(encoded(), to: journal)
        try Self.apply(files, in: project)
        unlink(journal.path)
    }

    /// Finishes a change a killed command committed but did not apply, and removes temporary
    /// files killed writers left behind (returned). Call with the project lock held.
    @discardableResult
    public static func recover(in project: Project) throws(ProjectError) -> [String] {
        let journal = journalURL(in: project)
        let removed = ProjectFiles.sweepStaleTemporaryFiles(in: [journal.deletingLastPathComponent(), project.root.appendingPathComponent("memory"),
                                 project.jobsFolder.appendingPathComponent("records"), project.jobsFolder.appendingPathComponent("received"),
                                 project.jobsFolder.appendingPathComponent("reports")])
        guard FileManager.default.fileExists(atPath: journal.path) else { return removed }
        let bytes = try ProjectFiles.read(journal, limit: 4 << 30)
        guard let files = decode(bytes) else {
            // Journals are renamed into place whole: one that does not decode was not ours.
            throw .invalidProjectFile(journal.path, reason: "unreadable import journal; move it away after checking memory/")
        }
        try apply(files, in: project)
        unlink(journal.path)
        return removed
    }

    private static func apply(_ files: [(path: String, bytes: [UInt8])], in project: Project) throws(ProjectError) {
        for file in files {
            let url = try ProjectFiles.resolve(file.path, in: project.root, within: project.root)
            try ProjectFiles.writeAtomically(file.bytes, to: url)
        }
    }

    /// `magic`, then per file `path\ncount\n` and the bytes, then `end <sha256 of all before>\n`.
    func encoded() -> [UInt8] {
        var bytes = Array(Self.magic.utf8)
        for file in files {
            bytes += Array("\(file.path)\n\(file.bytes.count)\n".utf8)
            bytes += file.bytes
        }
        bytes += Array("end \(SHA256.hex(bytes))\n".utf8)
        return bytes
    }

    static func decode(_ bytes: [UInt8]) -> [(path: String, bytes: [UInt8])]? {
        let trailerLength = 4 + 64 + 1
        guard bytes.count >= magic.utf8.count + trailerLength, bytes.starts(with: Array(magic.utf8)) else { return nil }
        let body = Array(bytes[0 ..< bytes.count - trailerLength])
        guard Array(bytes[body.count...]) == Array("end \(SHA256.hex(body))\n".utf8) else { return nil }
        var files: [(path: String, bytes: [UInt8])] = []
        var index = magic.utf8.count
        func line() -> String? {
            guard let end = body[index...].firstIndex(of: 0x0A) else { return nil }
            defer { index = end + 1 }
            return String(decoding: body[index ..< end], as: UTF8.self)
        }
        while index < body.count {
            guard let path = line(), let countText = line(), let count = Int(countText), count >= 0, index + count <= body.count else { return nil }
            files.append((path, Array(body[index ..< index + count])))
            index += count
        }
        return files
    }
}
