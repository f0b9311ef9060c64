import Foundation
import Testing
@testable import LocalizationCore

@Suite struct BatchRunTests {
    /// A small project: a good page, a malformed one, and a page that cannot be read.
    func makeProject() async throws -> URL {
        let root = try temporaryFolder("batch")
        let content = root.appendingPathComponent("content/themen")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data(#"{"targetLocales": ["fa", "uk"], "xliffVersion": "2.1"}"#.utf8).write(to: root.appendingPathComponent(Project.fileName))
        try Data("<html lang=\"de\"><body><h1>Teilhabe</h1><p>Der <b>WIR 2.0</b> gilt.</p></body></html>".utf8)
            .write(to: root.appendingPathComponent("content/index.html"))
        try Data(Array("<p>Offen <b>fett</div> und ".utf8) + [0xFF, 0xFE] + Array("</p></p>".utf8))
            .write(to: content.appendingPathComponent("kaputt.html"))
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("weg.html").path, withDestinationPath: "/nonexistent/weg.html")
        return root
    }

    @Test func runWritesJobsAndPseudoPagesAndReportsBadPages() async throws {
        let root = try await makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try await BatchRun(project: try Project(root: root)).run()

        #expect(report.pages == 2)
        #expect(report.jobs.map(\.path) == ["jobs/outgoing/fa-0001.xlf", "jobs/outgoing/uk-0001.xlf"])
        #expect(report.outputs.map(\.folder) == ["site/en-XA", "site/ar-XB"])
        #expect(report.diagnostics.contains { $0.file == "themen/weg.html" && $0.severity == .error && $0.message.hasPrefix("page skipped: cannot read") })

        let job = try XLIFFReader().read(try ProjectFiles.read(root.appendingPathComponent("jobs/outgoing/fa-0001.xlf")), file: "fa.xlf")
        #expect(job.version == .v2_1)
        #expect(job.targetLanguage == "fa")
        #expect(job.files.map(\.original) == ["index.html", "themen/kaputt.html"])

        let arabic = String(decoding: try ProjectFiles.read(root.appendingPathComponent("site/ar-XB/index.html")), as: UTF8.self)
        #expect(arabic == "<html lang=\"ar-XB\" dir=\"rtl\"><body><h1>تيىلهابي</h1><p>دير <b>وىر 2.0</b> غىلت.</p></body></html>")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/en-XA/themen/kaputt.html").path))
    }

    @Test func translatedUnitsStayOutOfJobsAndTheAnalysis() async throws {
        let root = try await makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try Project(root: root)
        let provenance = MemoryEntry.Provenance(origin: .sample, date: "2026-11-26T12:00:00Z")
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "fa")
        memory.add(MemoryEntry(source: Content(text: "Teilhabe"), target: Content(text: "مشارکت"), provenance: provenance))
        memory.add(MemoryEntry(source: Content(text: "Offen fett und"), target: Content(text: "باز"), provenance: provenance))
        try MemoryStore(project: project).save(memory, for: try TargetLanguage("fa"))

        let report = try await BatchRun(project: project).run()
        // "Teilhabe" is translated: it needs no translator and stays out of the job.
        let analysis = try #require(report.analyses.first { $0.locale == "fa" })
        #expect(analysis.total.segments == report.units - 1)
        #expect(analysis.bands[.exact] == nil)

        let job = try XLIFFReader().read(try ProjectFiles.read(root.appendingPathComponent("jobs/outgoing/fa-0001.xlf")), file: "fa.xlf")
        #expect(!job.files.flatMap(\.units).contains { $0.source.plainText == "Teilhabe" })
        #expect(job.files.flatMap(\.units).count == report.units - 1)
        #expect(report.analyses.first { $0.locale == "uk" }?.bands[.noMatch]?.segments == report.units)
    }

    @Test func jobsAreLeveragedSentenceBySentence() async throws {
        let root = try temporaryFolder("batch")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data(#"{"targetLocales": ["en"], "pseudoLocales": []}"#.utf8).write(to: root.appendingPathComponent(Project.fileName))
        try Data("<p>Der Rat tagt am 3. Oktober. Die Sitzung ist öffentlich. Alle sind eingeladen.</p>".utf8)
            .write(to: root.appendingPathComponent("content/rat.html"))
        let project = try Project(root: root)
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en")
        let provenance = MemoryEntry.Provenance(origin: .translator, date: "2026-11-26T12:00:00Z")
        memory.add(MemoryEntry(source: Content(text: "Die Sitzung ist öffentlich."), target: Content(text: "The meeting is public."), provenance: provenance))
        memory.add(MemoryEntry(source: Content(text: "Alle sind herzlich eingeladen."), target: Content(text: "All are cordially invited."), provenance: provenance))
        try MemoryStore(project: project).save(memory, for: try TargetLanguage("en"))

        let report = try await BatchRun(project: project).run()
        let analysis = try #require(report.analyses.first)
        #expect(analysis.total.segments == 3)
        #expect(analysis.bands[.exact]?.segments == 1)
        #expect(analysis.bands[.low]?.segments == 1, "\"Alle sind eingeladen.\" is 75% of the stored sentence")
        #expect(analysis.bands[.noMatch]?.segments == 1)

        let text = String(decoding: try ProjectFiles.read(root.appendingPathComponent("jobs/outgoing/en-0001.xlf")), as: UTF8.self)
        let unit = try #require(try XLIFFReader().read(Array(text.utf8), file: "en.xlf").files.first?.units.first)
        #expect(unit.segments.map { $0.source.expandingAutoTranslatables().plainText } == ["Der Rat tagt am 3. Oktober.", "Die Sitzung ist öffentlich.", "Alle sind eingeladen."])
        #expect(unit.segments[0].source.autoTranslatables.map(\.placeholderText) == ["3"], "the number travels as a placeholder")
        #expect(unit.segments.map { $0.target?.plainText } == [nil, "The meeting is public.", nil])
        #expect(unit.target == nil)
        #expect(text.contains(#"<alt-trans mid="s3" match-quality="75%" origin="memory/translator">"#))
    }

    /// Pseudo pages get the bidi lint of published pages: an override hidden in a source page
    /// shows up against the right-to-left pseudo page.
    @Test func pseudoPagesAreLinted() async throws {
        let root = try temporaryFolder("batch")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data(#"{"targetLocales": [], "pseudoLocales": ["rtl"]}"#.utf8).write(to: root.appendingPathComponent(Project.fileName))
        try Data("<html lang=\"de\"><body><p>Teilhabe</p><pre>Code \u{202E}fedcba</pre></body></html>".utf8)
            .write(to: root.appendingPathComponent("content/seite.html"))
        let report = try await BatchRun(project: try Project(root: root)).run()
        #expect(report.diagnostics.contains { $0.file == "site/ar-XB/seite.html" && $0.line == 1 && $0.message.hasPrefix("bidi lint:") })
    }

    @Test func rerunWritesTheSameBytes() async throws {
        let root = try await makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await BatchRun(project: try Project(root: root)).run()
        let first = try ProjectFiles.read(root.appendingPathComponent("jobs/outgoing/uk-0001.xlf"))
        _ = try await BatchRun(project: try Project(root: root)).run()
        #expect(try ProjectFiles.read(root.appendingPathComponent("jobs/outgoing/uk-0001.xlf")) == first)
    }

    @Test func unknownTargetLocaleStopsTheRunWithItsName() async throws {
        let root = try await makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(#"{"targetLocales": ["xx-Klingon!"]}"#.utf8).write(to: root.appendingPathComponent(Project.fileName))
        await #expect(throws: ProjectError.invalidProjectFile("translate-pipeline.json", reason: "target locale: 'xx-Klingon!' is not a well-formed BCP 47 language tag (e.g. 'ar', 'fa-IR', 'sr-Latn')")) {
            try await BatchRun(project: try Project(root: root)).run()
        }
    }
}
