import Foundation
import Testing
@testable import LocalizationCore

/// A small project for import tests: two pages (codes, a protected name, sentences), Arabic
/// and Persian as target locales with the sample's locale definitions, jobs written by `run`.
struct ImportTestProject {
    let root: URL
    let project: Project

    static let page = """
    <html lang="de"><head><title>Integrationsbeirat</title></head><body>
    <p>Der <b>Integrationsbeirat</b> tagt im Rathaus. Alle sind <a href="termine.html">eingeladen</a>.</p>
    <p>Das Netzwerk <span translate="no">MiSO</span> berät Vereine.</p>
    <p>Kontakt per Telefon.</p>
    </body></html>
    """

    static let secondPage = """
    <html lang="de"><head><title>Teilhabe</title></head><body><p>Teilhabe für alle.</p></body></html>
    """

    /// Creates the project and runs `run` once (jobs and records for ar and fa).
    init(xliffVersion: String = "1.2", targetLocales: [String] = ["ar", "fa"]) async throws {
        root = try temporaryFolder("import")
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let locales = targetLocales.map { "\"\($0)\"" }.joined(separator: ", ")
        try Data(#"{"targetLocales": [\#(locales)], "pseudoLocales": [], "xliffVersion": "\#(xliffVersion)"}"#.utf8)
            .write(to: root.appendingPathComponent(Project.fileName))
        try Data(Self.page.utf8).write(to: content.appendingPathComponent("beirat.html"))
        try Data(Self.secondPage.utf8).write(to: content.appendingPathComponent("teilhabe.html"))
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("locales"), to: root.appendingPathComponent("locales"))
        project = try Project(root: root)
        _ = try await BatchRun(project: project).run()
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// The newest outgoing job of a locale (`run` writes delta jobs `<locale>-NNNN.xlf`) as a
    /// document, with its job id.
    func job(_ locale: String) throws -> XLIFFDocument {
        try #require(try jobs(locale).last)
    }

    /// Every outgoing job of a locale, oldest first.
    func jobs(_ locale: String) throws -> [XLIFFDocument] {
        let folder = root.appendingPathComponent("jobs/outgoing")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("\(locale)-") && $0.hasSuffix(".xlf") }.sorted()
        // The reader keeps the job id the file was sent with.
        return try names.map { try XLIFFReader().read(try ProjectFiles.read(folder.appendingPathComponent($0)), file: $0) }
    }

    /// The job with every sentence pseudo-translated (right-to-left letters), as text.
    func translatedJob(_ locale: String, edit: (inout XLIFFDocument) -> Void = { _ in }) throws -> String {
        var document = Job.pseudoTranslated(try job(locale), style: .rightToLeft)
        edit(&document)
        return Job.serialize(document)
    }

    /// Writes `text` as a returned file outside the project and returns its path.
    func returnedFile(_ text: String, name: String = "returned.xlf") throws -> String {
        try returnedFile(Array(text.utf8), name: name)
    }

    func returnedFile(_ bytes: [UInt8], name: String) throws -> String {
        let folder = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func importFiles(_ paths: [String], translator: String? = "Amal", now: String = "2026-11-27T10:00:00Z") throws -> [ImportReport] {
        try Importer(project: project, translator: translator, now: now).importPaths(paths)
    }

    func memoryBytes(_ locale: String) throws -> [UInt8] {
        let url = root.appendingPathComponent("memory/\(locale).xlf")
        return FileManager.default.fileExists(atPath: url.path) ? try ProjectFiles.read(url) : []
    }

    func memory(_ locale: String) throws -> TranslationMemory {
        try MemoryStore(project: project).load(try TargetLanguage(locale))
    }

    func state() throws -> ImportState {
        try ImportState.load(project)
    }

    /// The id of the unit whose source text starts with `prefix`.
    func unitID(_ prefix: String, locale: String = "ar") throws -> String {
        try #require(try jobs(locale).reversed().flatMap { $0.files.flatMap(\.units) }.first { $0.source.plainText.hasPrefix(prefix) }).id
    }

    /// Everything that import may change, for "nothing changed" checks.
    func stateSnapshot() throws -> [String: [UInt8]] {
        var snapshot: [String: [UInt8]] = [:]
        for path in ["memory/ar.xlf", "memory/fa.xlf", "jobs/state/imports.json"] {
            let url = root.appendingPathComponent(path)
            snapshot[path] = FileManager.default.fileExists(atPath: url.path) ? try ProjectFiles.read(url) : nil
        }
        return snapshot
    }
}

extension XLIFFDocument {
    /// Changes the target of the unit `id` (every file).
    mutating func editUnit(_ id: String, _ edit: (inout TextUnit) -> Void) {
        for fileIndex in files.indices {
            for unitIndex in files[fileIndex].units.indices where files[fileIndex].units[unitIndex].id == id {
                edit(&files[fileIndex].units[unitIndex])
            }
        }
    }
}

/// Replaces the first occurrence of `old` after `anchor` after the start of unit `id` in XLIFF text.
func editXLIFF(_ text: String, unit id: String, after anchor: String = "", replacing old: String, with new: String) throws -> String {
    let unitStart = try #require(text.range(of: "id=\"\(id)\""), "unit \(id) in the file")
    let anchorEnd = anchor.isEmpty ? unitStart.upperBound
        : try #require(text.range(of: anchor, range: unitStart.upperBound ..< text.endIndex), "\(anchor) after unit \(id)").upperBound
    let range = try #require(text.range(of: old, range: anchorEnd ..< text.endIndex), "\(old) after unit \(id)")
    return text.replacingCharacters(in: range, with: new)
}
