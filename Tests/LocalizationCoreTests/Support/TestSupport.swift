import Foundation
import Testing
@testable import LocalizationCore

/// Where things are for tests: the package, its sample content, and the shared conformance
/// material (read from `../shared/conformance`, never copied into the repository).
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = packageRoot.appendingPathComponent("content")
    static let conformance = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")
    static let xliffSchemas = conformance.appendingPathComponent("xliff-schemas")

    static var hasConformance: Bool {
        FileManager.default.fileExists(atPath: conformance.path)
    }

    /// The sample pages, as (name, bytes).
    static func samplePages() throws -> [(name: String, bytes: [UInt8])] {
        try ProjectFiles.pages(in: content).map { name in
            (name, try ProjectFiles.read(content.appendingPathComponent(name)))
        }
    }
}

/// External programs tests use, found on PATH; a test that needs a missing one is disabled
/// with a visible reason rather than passing silently.
enum ExternalTool {
    static func path(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program; returns its exit status and combined output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data((input ?? "").utf8))
        try stdin.fileHandleForWriting.close()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A fresh folder under the system's temporary folder, removed by the caller.
func temporaryFolder(_ label: String = "tp") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

extension Content {
    /// Compact rendering for assertions: text with `{id}`, `{/id}`, `{id/}` markers.
    var shape: String {
        fragments.map { fragment in
            switch fragment {
            case .text(let text): text
            case .opening(let code): "{\(code.id)}"
            case .closing(let code): "{/\(code.id)}"
            case .standalone(let code, nil): "{\(code.id)/}"
            case .standalone(let code, .opening?): "{\(code.id)>}"
            case .standalone(let code, .closing?): "{<\(code.id)}"
            }
        }.joined()
    }
}

/// A German sentence with a protected name, a date, a reference and (in the target) an
/// e-mail address, assembled as Arabic with left-to-right runs isolated: the page the bidi
/// tests look at, as text.
func assembledArabicSentence() throws -> String {
    let html = #"<html lang="de"><body><p>Der Rat hat <span translate="no">WIR 2.0</span> im Februar 2021 beschlossen (Nr. 0108/2021).</p></body></html>"#
    let extracted = HTMLExtractor().extract(HTMLPage(name: "rat.html", bytes: Array(html.utf8)))
    let unit = try #require(extracted.units.first)
    let code = try #require(unit.source.codes.first)
    let target = Content([.text("اعتمد المجلس "), .standalone(code), .text(" في فبراير 2021 (رقم 0108/2021، info@hannover.de).")])
    var options = PageAssembler.Options()
    options.isolateLeftToRightRuns = true
    let bytes = PageAssembler().assemble(extracted, targets: [unit.id: target], language: try TargetLanguage("ar"), options: options)
    return String(decoding: bytes, as: UTF8.self)
}
