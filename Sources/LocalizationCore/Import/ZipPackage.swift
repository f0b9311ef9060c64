public import Foundation
// The fuzz binaries (Fuzz/build.sh) compile the library's sources without SwiftPM's packages:
// there, packages are refused (their targets never import).
#if canImport(ZIPFoundation)
internal import ZIPFoundation
#endif

/// A ZIP package of returned jobs, unpacked for import under SECURITY.md's rules: every entry
/// is checked before anything is written (no `..`, no absolute path, no links, at most
/// `maximumEntries`), files are written under names of our own into a fresh temporary folder,
/// the bytes really written are counted against `maximumBytes` (a zip bomb stops at the cap,
/// whatever its headers claim), and the folder is removed on every error.
public struct ZipPackage: Sendable {
    public struct Limits: Sendable, Hashable {
        public var maximumEntries = 1_000
        public var maximumBytes = 64 << 20

        public init(maximumEntries: Int = 1_000, maximumBytes: Int = 64 << 20) {
            self.maximumEntries = maximumEntries
            self.maximumBytes = maximumBytes
        }
    }

    /// One XLIFF file of the package: its path in the package (for messages only) and where
    /// it was unpacked.
    public struct Member: Sendable, Hashable {
        public var path: String
        public var url: URL
    }

    /// Why a package was refused; nothing of it is imported.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        public var package: String
        public var message: String
        public var description: String { "\(package): package refused: \(message)" }
    }

    public static let importedExtensions: Set<String> = ["xlf", "xliff", "sdlxliff", "mqxliff"]

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Unpacks the XLIFF files of the package at `url` into a new folder under `temporaryRoot`;
    /// the caller removes `folder` when done.
    public func unpack(_ url: URL, name: String, temporaryRoot: URL = FileManager.default.temporaryDirectory) throws(Refusal) -> (folder: URL, members: [Member]) {
        func refuse(_ message: String) -> Refusal { Refusal(package: name, message: message) }
        #if canImport(ZIPFoundation)
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw refuse("not a readable ZIP file (\(error))")
        }
        var entries: [Entry] = []
        for entry in archive {
            entries.append(entry)
            guard entries.count <= limits.maximumEntries else { throw refuse("more than \(limits.maximumEntries) entries") }
            let path = entry.path
            guard entry.type != .symlink else { throw refuse("entry \"\(path)\" is a link; links are refused") }
            let components = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.hasPrefix("/"), !path.hasPrefix("\\"), !path.contains("\\"), !path.contains("\0"), !path.contains(":"),
                  !components.contains("..") else {
                throw refuse("entry \"\(path)\" points outside the package (absolute path or \"..\")")
            }
        }
        let folder = temporaryRoot.appendingPathComponent("translate-pipeline-import-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw refuse("cannot create a temporary folder: \(error)")
        }
        var members: [Member] = []
        var total = 0
        do {
            for entry in entries where entry.type == .file {
                let ext = (entry.path as NSString).pathExtension.lowercased()
                guard Self.importedExtensions.contains(ext) else { continue }
                // Our own name: nothing of the entry's path reaches the file system.
                let target = folder.appendingPathComponent(String(format: "entry-%04d.%@", members.count + 1, ext))
                guard FileManager.default.createFile(atPath: target.path, contents: nil), let handle = FileHandle(forWritingAtPath: target.path) else {
                    throw refuse("cannot write into the temporary folder")
                }
                defer { try? handle.close() }
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    total += chunk.count
                    guard total <= limits.maximumBytes else {
                        throw Refusal(package: name, message: "unpacks to more than \(limits.maximumBytes) bytes (a zip bomb?)")
                    }
                    try handle.write(contentsOf: chunk)
                }
                members.append(Member(path: entry.path, url: target))
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            if let refusal = error as? Refusal { throw refusal }
            throw refuse("cannot unpack: \(error)")
        }
        return (folder, members)
        #else
        throw refuse("this build of translate-pipeline reads no ZIP packages")
        #endif
    }
}
