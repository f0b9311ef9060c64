import Foundation
@testable import LocalizationCore

/// Every file under a folder, by path relative to it, with its bytes: what crash and
/// disk-full tests compare before and after.
struct ProjectSnapshot: Equatable {
    var files: [String: [UInt8]]

    init(_ root: URL, excluding excluded: Set<String> = []) throws {
        files = [:]
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        for case let url as URL in enumerator {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
            // The lock file holds the pid of the last command, the file digest cache device and
            // inode numbers: process and machine state, not project state.
            guard !excluded.contains(relative), relative != ProjectLock.fileName, relative != "jobs/state/file-digests.tsv" else { continue }
            files[relative] = [UInt8](try Data(contentsOf: url))
        }
    }

    /// Temporary files of `ProjectFiles.writeAtomically` (`.NAME.tmp-PID`).
    var temporaryFiles: [String] {
        files.keys.filter { ($0.split(separator: "/").last ?? "").contains(".tmp-") }.sorted()
    }

    /// Files whose bytes are neither those in `old` nor those in `new` (missing counts as a
    /// version: a file may not exist yet before a run).
    func filesNeither(_ old: ProjectSnapshot, nor new: ProjectSnapshot) -> [String] {
        Set(files.keys).union(old.files.keys).union(new.files.keys).filter { path in
            files[path] != old.files[path] && files[path] != new.files[path]
        }.sorted()
    }
}
