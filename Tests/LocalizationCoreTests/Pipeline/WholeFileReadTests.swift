import Foundation
import Testing
@testable import LocalizationCore

/// `ProjectFiles.read(path:limit:)` reads a file into a buffer of the size `fstat` gives;
/// every size around its boundaries, and the limit, must give the file's bytes or the error.
@Suite struct WholeFileReadTests {
    @Test func everySizeIsReadWhole() throws {
        let folder = try temporaryFolder("whole-file-read")
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 4095, 4096, 4097, 65_535, 65_536, 65_537, 1_000_003] {
            let bytes = (0 ..< size).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
            let url = folder.appendingPathComponent("file-\(size)")
            try Data(bytes).write(to: url)
            #expect(try ProjectFiles.read(path: url.path, limit: 2 << 20) == bytes, "size \(size)")
            #expect(try ProjectFiles.read(path: url.path, limit: size) == bytes, "size \(size) at the limit")
        }
    }

    @Test func aFileOverTheLimitIsRefusedWithItsPath() throws {
        let folder = try temporaryFolder("whole-file-read")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("large")
        try Data(count: 10_000).write(to: url)
        #expect(throws: ProjectError.tooLarge(url.path, limit: 9_999)) { try ProjectFiles.read(path: url.path, limit: 9_999) }
    }

    /// Files whose size `fstat` does not know (the kernel's) are read to their end.
    @Test func aFileLargerThanItsStatedSizeIsReadToItsEnd() throws {
        let status = try ProjectFiles.read(path: "/proc/self/status")
        #expect(String(decoding: status, as: UTF8.self).contains("Name:"))
        #expect(try ProjectFiles.read(path: "/proc/self/status").count > 64)
    }

    @Test func aMissingFileNamesItsPath() {
        #expect(throws: ProjectError.self) { try ProjectFiles.read(path: "/nonexistent/file") }
        do {
            _ = try ProjectFiles.read(path: "/nonexistent/file")
        } catch {
            #expect("\(error)".contains("/nonexistent/file"))
        }
    }
}
