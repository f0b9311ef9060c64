#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
// `struct stat` is declared through CoreFoundation's module map on Linux.
#if canImport(CoreFoundation)
internal import CoreFoundation
#endif
internal import Foundation

/// Content digests of the files a run reads, remembered with what `stat` said about each
/// file, so that a run hashes again only files whose identity, size or times changed — the
/// way git's index spares it from reading the work tree. A rerun of a large site would
/// otherwise read and hash its eight 40 MB memories and every page just to learn that
/// nothing changed.
///
/// It is a cache, not state: `jobs/state/file-digests.tsv` holds device and inode numbers,
/// which differ between two copies of the same project, so it is kept apart from
/// `batch.tsv`; a missing, damaged or foreign file only costs hashing everything again.
///
/// A digest is trusted only when device, inode, size, modification and change times all
/// match, and the file's modification time is older than the cache file itself: a file
/// changed twice within one clock tick of being hashed could otherwise keep its stat and
/// change its bytes (git's "racily clean" entries). The change time cannot be set by
/// `touch`, so copying old bytes over a file is noticed too.
struct FileDigests: Sendable {
    /// What `stat` says about a file, all of which must match for its digest to be trusted.
    struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var changed: Int64

        /// The identity of the file at `path` (symbolic links followed), nil when it cannot
        /// be read.
        init?(path: String) {
            var info = Glibc.stat()
            // `fstatat` rather than `stat`, whose name the struct's initializer shadows.
            guard fstatat(AT_FDCWD, path, &info, 0) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        }

        init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
            self.device = device
            self.inode = inode
            self.size = size
            self.modified = modified
            self.changed = changed
        }
    }

    struct Entry: Hashable, Sendable {
        var identity: Identity
        var digest: String
    }

    static let header = "translate-pipeline file digests\t1"

    /// Path (as the run names it) → the digest recorded for the file.
    private(set) var entries: [String: Entry] = [:]
    /// Entries modified at or after this time (the cache file's own modification time) are
    /// hashed again.
    private var trustedBefore: Int64 = .min
    /// Whether `note` or `forgetUnseen` changed anything since `load`.
    private(set) var changed = false
    /// The names looked up by this run.
    private var seen: Set<String> = []

    init() {}

    static func url(_ project: Project) -> URL {
        project.jobsFolder.appendingPathComponent("state").appendingPathComponent("file-digests.tsv")
    }

    /// The project's cache; empty when there is none or it cannot be read.
    static func load(_ project: Project) -> FileDigests {
        var digests = FileDigests()
        let path = url(project).path
        guard let identity = Identity(path: path), let bytes = try? ProjectFiles.read(path: path, limit: 256 << 20) else { return digests }
        digests.trustedBefore = identity.modified
        var lines = bytes.split(separator: 0x0A)[...]
        guard let first = lines.popFirst(), String(decoding: first, as: UTF8.self) == header else { return FileDigests() }
        for line in lines {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count == 7,
                  let device = UInt64(String(decoding: fields[1], as: UTF8.self)), let inode = UInt64(String(decoding: fields[2], as: UTF8.self)),
                  let size = Int64(String(decoding: fields[3], as: UTF8.self)), let modified = Int64(String(decoding: fields[4], as: UTF8.self)),
                  let changed = Int64(String(decoding: fields[5], as: UTF8.self))
            else { return FileDigests() }
            let identity = Identity(device: device, inode: inode, size: size, modified: modified, changed: changed)
            digests.entries[String(decoding: fields[0], as: UTF8.self)] = Entry(identity: identity, digest: String(decoding: fields[6], as: UTF8.self))
        }
        return digests
    }

    /// A file's digest, and what to record about it (nil when the file changed while read).
    struct Lookup: Sendable {
        var name: String
        var digest: String
        var entry: Entry?
    }

    /// The digest of the file at `path`, known to the cache as `name`: the recorded one when
    /// the file provably is the one hashed, else read and hashed. Does not change the cache,
    /// so that files can be looked up on every core; `note` records the result.
    func digest(_ name: String, path: String, limit: Int) throws(ProjectError) -> Lookup {
        let identity = Identity(path: path)
        if let identity, let entry = entries[name], entry.identity == identity, identity.modified < trustedBefore {
            return Lookup(name: name, digest: entry.digest, entry: entry)
        }
        let digest = BatchState.digest(try ProjectFiles.read(path: path, limit: limit))
        // The file may have changed between the stat and the read: record only a stable one.
        guard let identity, Identity(path: path) == identity else { return Lookup(name: name, digest: digest, entry: nil) }
        return Lookup(name: name, digest: digest, entry: Entry(identity: identity, digest: digest))
    }

    /// Records a lookup's result and that the run still reads the file.
    mutating func note(_ lookup: Lookup) {
        seen.insert(lookup.name)
        guard entries[lookup.name] != lookup.entry else { return }
        entries[lookup.name] = lookup.entry
        changed = true
    }

    /// Forgets files this run did not read (removed pages), so the cache does not grow.
    mutating func forgetUnseen() {
        let before = entries.count
        entries = entries.filter { seen.contains($0.key) }
        if entries.count != before { changed = true }
    }

    func encoded() -> [UInt8] {
        var text = Self.header + "\n"
        for (name, entry) in entries.sorted(by: { $0.key < $1.key }) where !name.contains("\t") && !name.contains("\n") {
            let identity = entry.identity
            text += "\(name)\t\(identity.device)\t\(identity.inode)\t\(identity.size)\t\(identity.modified)\t\(identity.changed)\t\(entry.digest)\n"
        }
        return Array(text.utf8)
    }
}
