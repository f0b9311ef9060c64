import Foundation
import Testing
@testable import LocalizationCore

/// XLIFF 1.2 as a real tool writes it: the Okapi Tikal extractions shipped with the W3C ITS
/// 2.0 test suite (extension namespaces, ITS attributes, `<seg-source>`, `<mrk mtype="seg">`
/// targets, `<g>`, `<x>`, `<bx>`/`<ex>`). Every file is read, with its units and text.
@Suite(.enabled(if: TestPaths.hasConformance, "../shared/conformance is missing"))
struct XLIFF12ToolOutputTests {
    static let folder = TestPaths.conformance.appendingPathComponent("its-2.0-testsuite/xliffsamples")

    static var files: [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "xlf" }.sorted { $0.path < $1.path }
    }

    @Test func everyOkapiFileIsRead() throws {
        let files = Self.files
        #expect(files.count >= 40, "expected the Okapi samples, found \(files.count)")
        var failures: [String] = []
        var units = 0
        for url in files {
            do {
                let document = try XLIFFReader().read(try ProjectFiles.read(url), file: url.lastPathComponent)
                units += document.files.reduce(0) { $0 + $1.units.count }
                for unit in document.files.flatMap(\.units) where unit.source.plainText.isEmpty && unit.source.codes.isEmpty {
                    failures.append("\(url.lastPathComponent): unit \(unit.id) has an empty source")
                }
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(units > 200)
    }

    @Test func segmentedTargetsAreJoinedAndCodesKept() throws {
        let url = Self.folder.appendingPathComponent("Example1_HTML5.html.xlf")
        let document = try XLIFFReader().read(try ProjectFiles.read(url), file: "Example1_HTML5.html.xlf")
        let unit = try #require(document.files.first?.units.first { $0.id == "2" })
        #expect(unit.source.shape.hasPrefix("Have you ever dreamed of stepping on each of the six continents around the planet during a single, amazing trip? Our {1}Around the World in 80 Days{/1} travel package"))
        // Two segments (<mrk mtype="seg">), the second left untranslated by the tool.
        let target = try #require(unit.target?.shape)
        #expect(target.hasPrefix("N’avez-vous jamais rêvé de marcher sur les six continents"))
        #expect(target.hasSuffix(" Our {1}Around the World in 80 Days{/1} travel package is specifically designed for this."))
    }
}
