#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import Foundation

/// The lock `run` and `import` hold on a project (SECURITY.md case 21): `flock` on
/// `.translate-pipeline.lock` at the project root, with the holder's process id written into
/// it so a second command can say who is running. The kernel drops the lock when the holder
/// exits, even by `kill -9`, so a crashed run never leaves the project locked.
///
/// Not `Sendable`: it owns an open file descriptor until `release()` or `deinit`.
public final class ProjectLock {
    public static let fileName = ".translate-pipeline.lock"

    private var descriptor: Int32

    /// Takes the lock, waiting up to `timeout` seconds for another holder to finish. The
    /// default wait can be changed with `TRANSLATE_PIPELINE_LOCK_TIMEOUT` (seconds).
    public init(project: Project, timeout: Double? = nil) throws(ProjectError) {
        let url = project.root.appendingPathComponent(Self.fileName)
        let wait = timeout ?? ProcessInfo.processInfo.environment["TRANSLATE_PIPELINE_LOCK_TIMEOUT"].flatMap(Double.init) ?? 30
        descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(url.path, reason: String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(wait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                let holder = Self.holder(of: descriptor)
                close(descriptor)
                descriptor = -1
                throw .busy(holder: holder)
            }
            usleep(50_000)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Gives the lock up; the lock file stays (removing it would race with a waiting command).
    public func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    private static func holder(of descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
