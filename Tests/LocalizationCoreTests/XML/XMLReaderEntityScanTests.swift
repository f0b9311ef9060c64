import Foundation
import Testing
@testable import LocalizationCore

/// `XMLReader` looks for `<!ENTITY` with `memchr` before parsing; these tests hold it to the
/// byte-by-byte scan it replaced (`referenceLine`): the same files refused, at the same line.
struct XMLReaderEntityScanTests {
    private static let message = "entity declarations are refused (<!ENTITY …>)"

    /// The scan as it was: every byte looked at, lines counted on the way.
    private static func referenceLine(_ bytes: [UInt8]) -> Int? {
        let pattern = Array("<!ENTITY".utf8)
        let folded = bytes.count > 1 && (bytes[0] == 0 || bytes[1] == 0) ? bytes.filter { $0 != 0 } : bytes
        var line = 1
        for index in folded.indices {
            if folded[index] == 0x0A { line += 1 }
            if folded[index...].starts(with: pattern) { return line }
        }
        return nil
    }

    /// The line `XMLReader` refused the bytes at for an entity declaration, nil when it did not.
    private static func refusedLine(_ bytes: [UInt8]) -> Int?? {
        do {
            _ = try XMLReader().parse(bytes, file: "scan.xml")
            return .none
        } catch {
            return error.message == message ? .some(error.line) : .none
        }
    }

    @Test(arguments: [
        "<!ENTITY x \"y\">",
        "<!DOCTYPE a [<!ENTITY x \"y\">]><a/>",
        "<!DOCTYPE a [\n\n<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<a>&x;</a>",
        "<a>Hallo! Wirklich!</a>\n<!--!-->\n<!DOCTYPE a [<!ENTITY % p \"\">]>",
        "<a>!<!ENTITY</a>",
        "<a><<!ENTITY</a>",
        "<a>\n</a>\n<!ENTIT",
        "<a>\n</a>\n<!ENTITY",
        "!",
        "<!",
        "<a>no declaration!</a>",
        "<a><!ENTITy x \"y\"></a>",
    ])
    func refusesWhereTheByteByByteScanRefused(document: String) {
        let bytes = Array(document.utf8)
        #expect(Self.refusedLine(bytes) == Self.referenceLine(bytes).map { .some($0) }, "\(document)")
    }

    @Test func utf16FilesAreScannedWithoutTheirNULBytes() {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-16LE\"?>\n<!DOCTYPE a [\n<!ENTITY x \"y\">]>\n<a/>"
        // No byte order mark: the scan drops the NUL bytes of a file whose first two bytes hold one.
        let bytes: [UInt8] = Array(document.utf8).flatMap { [$0, 0] }
        #expect(Self.referenceLine(bytes) == 3)
        #expect(Self.refusedLine(bytes) == .some(3))
    }

    @Test(.enabled(if: TestPaths.hasConformance, "needs ../shared/conformance"))
    func conformanceFilesAreRefusedAsByTheByteByByteScan() throws {
        let files = FileManager.default.enumerator(at: TestPaths.conformance, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { ["xml", "xlf", "xliff", "tmx", "tbx", "srx", "sch", "dtd"].contains($0.pathExtension) }
        var refused = 0
        for url in files {
            let bytes = try ProjectFiles.read(url)
            let expected = Self.referenceLine(bytes)
            if expected != nil { refused += 1 }
            #expect(Self.refusedLine(bytes) == expected.map { .some($0) }, "\(url.path)")
        }
        #expect(files.count > 900)
        // The Schematron files and DTDs declare entities: refusals are compared too.
        #expect(refused > 5)
    }
}
