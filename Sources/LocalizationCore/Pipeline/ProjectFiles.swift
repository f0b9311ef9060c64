#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
// `struct stat` is declared through CoreFoundation's module map on Linux.
#if canImport(CoreFoundation)
internal import CoreFoundation
#endif
public import Foundation

/// File access for project state: whole-file reads, atomic writes (temp file, fsync, rename,
/// fsync of the folder), and paths that provably stay inside the project.
public enum ProjectFiles {
    /// The whole file at `url` (see `read(path:limit:)`).
    public static func read(_ url: URL, limit: Int = 64 << 20) throws(ProjectError) -> [UInt8] {
        try read(path: url.path, limit: limit)
    }

    /// The whole file at `path`, at most `limit` bytes, read with the system calls alone: a
    /// run reads every page of a large site, and Foundation's file handle and `Data` cost
    /// more than the reading.
    public static func read(path: String, limit: Int = 64 << 20) throws(ProjectError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotRead(path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        // Into one buffer of the file's size (and a byte more, to notice a file that grew):
        // grown a chunk at a time, a 50 MB state or memory snapshot was copied and faulted
        // in anew at every doubling.
        var status = Glibc.stat()
        let size = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        guard size <= limit else { throw .tooLarge(path, limit: limit) }
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0, errno == EINTR { continue }
                if read < 0 { failure = errno }
                if read <= 0 { return }
                count += read
            }
        }
        if failure != 0 { throw .cannotRead(path, reason: String(cString: strerror(failure))) }
        if bytes.count <= size { return bytes }
        if bytes.count > limit { throw .tooLarge(path, limit: limit) }
        // The file grew since `fstat`: the rest a chunk at a time.
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            if bytes.count > limit { throw .tooLarge(path, limit: limit) }
        }
    }

    /// Replaces `url` with `bytes` so that a reader, or a crash, sees the old file or the new
    /// one and never a part; the parent folder is created when missing.
    ///
    /// `durable: false` leaves out the two `fsync`s (file and folder), for a writer that makes
    /// many files durable at once with `flushFileSystem` before it records them: a killed
    /// process still leaves the old or the new file (the rename is atomic), and only a crash
    /// of the machine needs the flush. At 100,000 pages the `fsync`s took most of a full run.
    public static func writeAtomically(_ bytes: [UInt8], to url: URL, durable: Bool = true) throws(ProjectError) {
        try writeAtomically(bytes, toPath: url.path, durable: durable)
    }

    /// `writeAtomically(_:to:durable:)` for a file's path, given as a string: a cold run
    /// writes 100,000 pages, and building each one's folder and temporary file as URLs, and
    /// their paths from those, cost more than writing the smaller pages.
    public static func writeAtomically(_ bytes: [UInt8], toPath path: String, durable: Bool = true) throws(ProjectError) {
        // `.NAME.tmp-PID` beside the file (see `sweepStaleTemporaryFiles`).
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let nameStart = slash.map { path.utf8.index(after: $0) } ?? path.startIndex
        let temporary = String(path[..<nameStart]) + "." + path[nameStart...] + ".tmp-\(getpid())"
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        // The folder is made only when it is missing: a cold run of a large site writes a
        // hundred thousand pages into a few hundred folders.
        if descriptor < 0, errno == ENOENT {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path, reason: "cannot create folder \(folder): \(Self.reason(error))")
            }
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw .cannotWrite(path, reason: String(cString: strerror(errno))) }
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += result
            }
        }
        if failure == 0, durable, fsync(descriptor) != 0 { failure = errno }
        // Some file systems report a full disk only when the file is closed.
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw .cannotWrite(path, reason: String(cString: strerror(failure)))
        }
        guard durable else { return }
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Makes every file written on the file system that holds `url` durable (`syncfs`), and
    /// reports a write that failed on the way (a full disk found late), so that what a run
    /// records as written is on the disk.
    public static func flushFileSystem(containing url: URL) throws(ProjectError) {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotWrite(url.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard let syncfs = Self.syncfs else {
            sync()
            return
        }
        guard syncfs(descriptor) == 0 else { throw .cannotWrite(url.path, reason: "flushing written files: " + String(cString: strerror(errno))) }
    }

    /// glibc's `syncfs`, which Swift's Glibc module does not declare; nil where the C library
    /// has none (then `sync`, which flushes every file system and reports nothing).
    private static let syncfs: (@convention(c) (Int32) -> Int32)? = dlsym(nil, "syncfs").map {
        unsafeBitCast($0, to: (@convention(c) (Int32) -> Int32).self)
    }

    /// Removes the temporary files that writers killed mid-write left behind
    /// (`.NAME.tmp-PID`, see `writeAtomically`) in `folders` and below, when the process that
    /// wrote them no longer runs; a writer still running keeps its file. Returns the paths
    /// removed. Called when a run starts, so a `kill -9` leaves no litter for long.
    @discardableResult
    public static func sweepStaleTemporaryFiles(in folders: [URL]) -> [String] {
        folders.flatMap { folder in sweepStaleTemporaryFiles(among: files(below: folder.path), in: folder.path) }.sorted()
    }

    /// `sweepStaleTemporaryFiles(in:)` for a folder already listed by `files(below:)`, so that
    /// a run walks its large output folder once for both the sweep and its existence checks.
    static func sweepStaleTemporaryFiles(among files: [String], in folder: String) -> [String] {
        var removed: [String] = []
        for file in files {
            // Bytes, not Characters: this runs for every file of the output folder.
            let name = file.utf8.lastIndex(of: UInt8(ascii: "/")).map { file.utf8[file.utf8.index(after: $0)...] } ?? file.utf8[...]
            guard name.first == UInt8(ascii: "."), let pid = temporaryFileOwner(String(name)!), !isRunning(pid) else { continue }
            let path = folder + "/" + file
            if unlink(path) == 0 { removed.append(path) }
        }
        return removed
    }

    /// The process id in a temporary file's name `.NAME.tmp-PID`, nil for any other name.
    static func temporaryFileOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards),
              marker.lowerBound > name.index(after: name.startIndex) else { return nil }
        let digits = name[marker.upperBound...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return pid_t(digits)
    }

    private static func isRunning(_ pid: pid_t) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// HTML pages under `folder`, as paths relative to it, sorted.
    public static func pages(in folder: URL) throws(ProjectError) -> [String] {
        try contentFiles(in: folder).pages
    }

    /// The files of a content folder, hidden ones left out, split into HTML pages and the rest
    /// (ITS rules and other inputs that shape every page); both sorted, relative to `folder`.
    static func contentFiles(in folder: URL) throws(ProjectError) -> (pages: [String], others: [String]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .cannotRead(folder.path, reason: "not a folder")
        }
        var pages: [String] = []
        var others: [String] = []
        for file in files(below: folder.path, skippingHidden: true) {
            let dot = file.lastIndex(of: ".")
            let suffix = dot.map { file[file.index(after: $0)...].lowercased() } ?? ""
            if suffix == "html" || suffix == "htm" { pages.append(file) } else { others.append(file) }
        }
        return (pages.sorted(), others.sorted())
    }

    /// Every entry below `folder` that is not a folder (files and symbolic links, which are
    /// not followed), as paths relative to it, in no particular order. Empty when `folder` is
    /// missing. With `opendir`/`readdir` alone: Foundation's enumerator built a URL per entry,
    /// and a run lists 100,000 outputs.
    static func files(below folder: String, skippingHidden: Bool = false) -> [String] {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? folder : folder + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name == "." || name == ".." || (skippingHidden && name.hasPrefix(".")) { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    // Some file systems leave the type to `lstat`.
                    var info = Glibc.stat()
                    type = lstat(folder + "/" + path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                if type == UInt8(DT_DIR) { pending.append(path) } else { found.append(path) }
            }
        }
        return found
    }

    /// `relative` resolved against `folder`, refused when it leaves `root` (after symlinks).
    public static func resolve(_ relative: String, in folder: URL, within root: URL) throws(ProjectError) -> URL {
        guard !relative.contains("\0"), !relative.contains(":"), !relative.hasPrefix("/") else {
            throw .outsideProject(relative)
        }
        let candidate = folder.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard candidate.path.hasPrefix(rootPath + "/") else { throw .outsideProject(relative) }
        return candidate
    }

    /// File names we create from names in the project: `^[a-z0-9][a-z0-9._-]{0,63}$`.
    public static func isSafeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64 else { return false }
        let allowed = { (scalar: Unicode.Scalar) in
            ("a" ... "z").contains(scalar) || ("0" ... "9").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-"
        }
        return allowed(first) && first != "." && first != "_" && first != "-" && name.unicodeScalars.allSatisfy(allowed)
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}

/// A failure that stops a command: what, and which file.
public enum ProjectError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotRead(String, reason: String)
    case cannotWrite(String, reason: String)
    case tooLarge(String, limit: Int)
    case outsideProject(String)
    case invalidProjectFile(String, reason: String)
    case unsafeName(String)
    /// Another `run` or `import` holds the project lock (`ProjectLock`).
    case busy(holder: Int32?)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .tooLarge(let path, let limit): "\(path) is larger than the limit of \(limit) bytes"
        case .outsideProject(let path): "\(path) lies outside the project; refused"
        case .invalidProjectFile(let path, let reason): "\(path): \(reason)"
        case .unsafeName(let name): "'\(name)' is not a safe file name (lower-case letters, digits, '.', '_', '-'; at most 64)"
        case .busy(let holder): "another translate-pipeline run/import is running (pid \(holder.map(String.init) ?? "unknown")); try again when it has finished"
        }
    }
}
