import Foundation
import Testing
@testable import LocalizationCore

/// SECURITY.md row 24 at the level of a run: malformed pages (unclosed tags, bad entities,
/// binary junk, a 20 MB page, a page over the size limit) beside a good one. Each is extracted
/// as far as sane or skipped with a diagnostic, and the good page comes out exactly as it does
/// in a project without them.
@Suite struct MalformedPagesInBatchTests {
    static let goodPage = "miso.html"

    static let malformedPages: [(name: String, bytes: [UInt8])] = {
        // Binary junk behind a UTF-8 declaration, the same bytes every run.
        var state: UInt32 = 2_463_534_242
        let junk = (0 ..< 65536).map { _ -> UInt8 in
            state ^= state << 13; state ^= state >> 17; state ^= state << 5
            return UInt8(truncatingIfNeeded: state)
        }
        // 20 MB as pages get that big: an image inlined as a data URI between a few paragraphs
        // (20 MB of text units is MalformedPageTests' case, for the extractor alone).
        let image = "<img alt=\"Karte der Stadtbezirke\" src=\"data:image/png;base64," + String(repeating: "iVBORw0KGgoAAAANSUhEUgAA", count: 20_000_000 / 24) + "\">"
        return [
            ("unclosed.html", Array("<html lang=de><body><div><p>Offener Absatz <b>fett <i>kursiv<p>Noch einer<li>Punkt<span translate=no>MiSO".utf8)),
            ("entities.html", Array("<p title=\"&quot\">&unbekannt; &amp &#xZZ; &#99999999; &#0; &#xD800; &auml&ouml; Ende &</p>".utf8)),
            ("junk.html", Array("<meta charset=\"utf-8\"><p>".utf8) + junk),
            ("gross.html", Array(("<html lang=\"de\"><body>\n<p>Die <b>13 Integrationsbeiräte</b> arbeiten mit <a href=\"/miso\">MiSO</a> zusammen.</p>\n" + image + "\n<p>Ende.</p></body></html>").utf8)),
        ]
    }()

    func project(withMalformedPages: Bool) async throws -> URL {
        let root = try temporaryFolder("malformed-batch")
        try Data(#"{"targetLocales": [], "pseudoLocales": ["rtl"]}"#.utf8).write(to: root.appendingPathComponent(Project.fileName))
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.content.appendingPathComponent(Self.goodPage), to: content.appendingPathComponent(Self.goodPage))
        if withMalformedPages {
            for page in Self.malformedPages {
                try Data(page.bytes).write(to: content.appendingPathComponent(page.name))
            }
            // Over the 64 MB a page may have: skipped, not read into memory.
            let handle = try FileHandle(forWritingTo: { let url = content.appendingPathComponent("riesig.html"); FileManager.default.createFile(atPath: url.path, contents: nil); return url }())
            try handle.truncate(atOffset: 65 << 20)
            try handle.close()
        }
        return root
    }

    @Test func malformedPagesDoNotAffectTheGoodOne() async throws {
        let clean = try await project(withMalformedPages: false)
        defer { try? FileManager.default.removeItem(at: clean) }
        let mixed = try await project(withMalformedPages: true)
        defer { try? FileManager.default.removeItem(at: mixed) }

        let cleanReport = try await BatchRun(project: try Project(root: clean)).run()
        let report = try await BatchRun(project: try Project(root: mixed)).run()

        let good = "site/ar-XB/\(Self.goodPage)"
        #expect(try ProjectFiles.read(mixed.appendingPathComponent(good)) == ProjectFiles.read(clean.appendingPathComponent(good)))
        #expect(report.diagnostics.filter { $0.file == Self.goodPage } == cleanReport.diagnostics.filter { $0.file == Self.goodPage })
        // Every malformed page that could be read is published (as far as it extracted); the
        // one over the limit is skipped with a diagnostic naming it.
        for page in Self.malformedPages {
            #expect(FileManager.default.fileExists(atPath: mixed.appendingPathComponent("site/ar-XB/\(page.name)").path), "\(page.name)")
        }
        #expect(report.pages == Self.malformedPages.count + 1)
        let big = try ProjectFiles.read(mixed.appendingPathComponent("site/ar-XB/gross.html"))
        #expect(big.count > 20_000_000)
        #expect(!String(decoding: big.suffix(100), as: UTF8.self).contains("Ende."), "the paragraph after the image is translated")
        #expect(report.diagnostics.contains { $0.file == "riesig.html" && $0.severity == .error && $0.message.hasPrefix("page skipped:") && $0.message.contains("larger than the limit") })
        #expect(!FileManager.default.fileExists(atPath: mixed.appendingPathComponent("site/ar-XB/riesig.html").path))
        #expect(report.diagnostics.contains { $0.file == "junk.html" && $0.message.hasPrefix("the page is not valid UTF-8") })
    }
}
