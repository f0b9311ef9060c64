import Foundation
import Glibc
import Testing
@testable import LocalizationCore

/// Hostile and broken XML through `import` (SECURITY.md cases 1–7): the file is archived,
/// refused with its name (and line where there is one), nothing else changes.
@Suite struct ImportHostileInputTests {
    /// Imports `bytes` and checks the refusal; returns the error message.
    @discardableResult
    func expectRefused(_ test: ImportTestProject, _ bytes: [UInt8], name: String = "hostile.xlf", message: String,
                       line: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = try test.stateSnapshot()
        let report = try #require(try test.importFiles([try test.returnedFile(bytes, name: name)]).first, sourceLocation: sourceLocation)
        let error = report.error ?? ""
        #expect(report.outcome == .refused, sourceLocation: sourceLocation)
        #expect(error.contains(message), "\(error)", sourceLocation: sourceLocation)
        #expect(error.contains(name), "the message names the file: \(error)", sourceLocation: sourceLocation)
        if line {
            #expect(error.range(of: #"\#(name):[0-9]+"#, options: .regularExpression) != nil, "the message names the line: \(error)", sourceLocation: sourceLocation)
        }
        #expect(try test.stateSnapshot() == before, "memory and state unchanged", sourceLocation: sourceLocation)
        #expect(try ProjectFiles.read(test.root.appendingPathComponent(report.archivedAs)) == bytes, "archived byte for byte", sourceLocation: sourceLocation)
        #expect(FileManager.default.fileExists(atPath: test.root.appendingPathComponent("jobs/reports/\(report.sha256.prefix(16)).html").path),
                sourceLocation: sourceLocation)
        return error
    }

    /// The translated job with `doctype` after the XML declaration.
    func withDoctype(_ test: ImportTestProject, _ doctype: String) throws -> [UInt8] {
        let text = try test.translatedJob("ar")
        return Array(text.replacingOccurrences(of: "?>\n", with: "?>\n\(doctype)\n").utf8)
    }

    @Test func externalEntitiesAreRefusedAndNeverRead() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let error = try expectRefused(test, try withDoctype(test, #"<!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>"#),
                                      message: "entity declarations are refused")
        #expect(!error.contains("root:"), "the file was never read")
    }

    @Test func externalDTDsAndParameterEntitiesMakeNoRequest() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let listener = try LoopbackListener()
        defer { listener.close() }
        // An external DTD is tolerated and never loaded: the file imports, nothing connects.
        let report = try test.importFiles([try test.returnedFile(try withDoctype(test, #"<!DOCTYPE xliff SYSTEM "http://127.0.0.1:\#(listener.port)/x.dtd">"#), name: "dtd.xlf")])
        #expect(report.first?.outcome == .imported)
        try expectRefused(test, try withDoctype(test, #"<!DOCTYPE xliff [<!ENTITY % p SYSTEM "http://127.0.0.1:\#(listener.port)/p.dtd"> %p;]>"#),
                          name: "parameter.xlf", message: "entity declarations are refused")
        #expect(!listener.hadConnection, "no request was made to the loopback server")
    }

    @Test func billionLaughsIsRefusedAtOnce() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        var entities = #"<!ENTITY lol "lol">"#
        for level in 1 ... 9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        let bytes = Array("<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\(entities)]>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">&lol9;</xliff>".utf8)
        let start = Date()
        try expectRefused(test, bytes, message: "entity declarations are refused")
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func deepNestingIsRefused() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let contact = try test.unitID("Kontakt")
        let deep = String(repeating: "<g id=\"1\">", count: 5_000) + "x" + String(repeating: "</g>", count: 5_000)
        let text = try editXLIFF(try test.translatedJob("ar"), unit: contact, after: "<target", replacing: "</target>", with: deep + "</target>")
        try expectRefused(test, Array(text.utf8), message: "depth")
    }

    @Test func oversizedFilesAndTargetsAreRefusedByOurLimits() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let text = try test.translatedJob("ar")
        let huge = Array(text.utf8) + Array(repeating: 0x20, count: 50 << 20)
        try expectRefused(test, huge, name: "huge.xlf", message: "more than the limit of 33554432", line: false)
        let contact = try test.unitID("Kontakt")
        // 2 MB: libxml2 would take it; our limit of 1 MB per text node refuses it.
        let bigTarget = try editXLIFF(text, unit: contact, after: "<target", replacing: "</target>", with: String(repeating: "a", count: 2 << 20) + "</target>")
        try expectRefused(test, Array(bigTarget.utf8), name: "big-target.xlf", message: "exceeds the limit of 1048576")
        // 12 MB: refused (by libxml2's own text limit before ours).
        let hugeTarget = try editXLIFF(text, unit: contact, after: "<target", replacing: "</target>", with: String(repeating: "a", count: 12 << 20) + "</target>")
        try expectRefused(test, Array(hugeTarget.utf8), name: "huge-target.xlf", message: "huge-target.xlf", line: false)
    }

    @Test(arguments: [("invalid UTF-8", [UInt8]([0xC3, 0x28, 0xFF])), ("character reference", Array("&#x1F;".utf8)), ("raw control", [UInt8]([0x0B]))])
    func invalidCharactersAreRefusedWithTheirLine(kind: String, bytes: [UInt8]) async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let contact = try test.unitID("Kontakt")
        let text = try editXLIFF(try test.translatedJob("ar"), unit: contact, after: "<target", replacing: "</target>", with: "\u{E000}</target>")
        let marker = Array("\u{E000}".utf8)
        var file = Array(text.utf8)
        let index = try #require(file.indices.first { file[$0...].starts(with: marker) })
        file.replaceSubrange(index ..< index + marker.count, with: bytes)
        let line = file[..<index].count { $0 == 0x0A } + 1
        let error = try expectRefused(test, file, name: "chars.xlf", message: "chars.xlf:\(line)")
        #expect(!error.isEmpty, "\(kind)")
    }

    @Test func truncatedFilesImportNothing() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let bytes = Array(try test.translatedJob("ar").utf8)
        try expectRefused(test, Array(bytes.prefix(bytes.count * 2 / 3)), name: "truncated.xlf", message: "truncated.xlf")
    }
}

/// A TCP listener on 127.0.0.1 that only records whether anything connected (the kernel
/// completes a connection into the backlog even if we never accept it).
final class LoopbackListener {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && listen(descriptor, 8) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        port = UInt16(bigEndian: address.sin_port)
        _ = length
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    var hadConnection: Bool {
        let connection = accept(descriptor, nil, nil)
        if connection >= 0 { Glibc.close(connection) }
        return connection >= 0
    }

    func close() {
        Glibc.close(descriptor)
    }
}
