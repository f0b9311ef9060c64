import Foundation
import Testing
@testable import LocalizationCore

/// ZIP packages (SECURITY.md case 15): a good one imports each job in it; one with `..`, an
/// absolute path, a link, or that unpacks beyond the cap is refused whole, its temporary folder
/// removed, nothing changed. Packages are made with Python's zipfile, which writes such entries.
@Suite(.enabled(if: ExternalTool.path("python3") != nil, "python3 is not installed: it makes the test packages"))
struct ImportPackageTests {
    static let maker = """
    import sys, zipfile
    out, mode, job = sys.argv[1], sys.argv[2], sys.argv[3]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        data = open(job, "rb").read()
        if mode in ("good", "mixed"):
            z.writestr("returned/ar.xlf", data)
            z.writestr("notes.txt", "from the translator")
        if mode == "mixed" or mode == "slip":
            z.writestr("../../evil.xlf", data)
        if mode == "absolute":
            z.writestr("/tmp/evil.xlf", data)
        if mode == "link":
            info = zipfile.ZipInfo("link.xlf")
            info.external_attr = 0o120777 << 16
            info.create_system = 3
            z.writestr(info, "/etc/passwd")
        if mode == "bomb":
            z.writestr("bomb.xlf", b"<" * (20 << 20))
        if mode == "many":
            for i in range(30):
                z.writestr("f%d.xlf" % i, data)
    """

    func package(_ test: ImportTestProject, mode: String) throws -> String {
        let job = try test.returnedFile(try test.translatedJob("ar"), name: "for-package.xlf")
        let output = test.root.appendingPathComponent("inbox/\(mode).zip").path
        let result = try ExternalTool.run(ExternalTool.path("python3")!, ["-c", Self.maker, output, mode, job])
        #expect(result.status == 0, "\(result.output)")
        return output
    }

    func importer(_ test: ImportTestProject, temporary: URL) -> Importer {
        var importer = Importer(project: test.project, translator: "Amal", now: "2026-11-27T10:00:00Z")
        importer.temporaryRoot = temporary
        importer.zipLimits = ZipPackage.Limits(maximumEntries: 20, maximumBytes: 8 << 20)
        return importer
    }

    @Test func aGoodPackageImportsItsJobs() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let temporary = test.root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let path = try package(test, mode: "good")
        let reports = try importer(test, temporary: temporary).importPaths([path])
        #expect(reports.map(\.file) == ["\(path):returned/ar.xlf"])
        #expect(reports.first?.outcome == .imported)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty, "temporary folder removed")
        let sha = SHA256.hex(try ProjectFiles.read(URL(fileURLWithPath: path)))
        #expect(FileManager.default.fileExists(atPath: test.root.appendingPathComponent("jobs/received/\(sha).zip").path), "the package itself is archived")
        let before = try test.stateSnapshot()
        let again = try importer(test, temporary: temporary).importPaths([path])
        #expect(again.map(\.outcome) == [.alreadyImported], "the same package again changes nothing")
        #expect(try test.stateSnapshot() == before)
    }

    @Test(arguments: [("slip", "points outside the package"), ("mixed", "points outside the package"), ("absolute", "points outside the package"),
                      ("link", "is a link"), ("bomb", "unpacks to more than 8388608 bytes"), ("many", "more than 20 entries")])
    func hostilePackagesAreRefusedWhole(mode: String, message: String) async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let temporary = test.root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let path = try package(test, mode: mode)
        let before = try test.stateSnapshot()
        let reports = try importer(test, temporary: temporary).importPaths([path])
        #expect(reports.count == 1)
        #expect(reports.first?.outcome == .refused)
        #expect(reports.first?.error?.contains(message) == true, "\(reports.first?.error ?? "")")
        #expect(try test.stateSnapshot() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty, "temporary folder removed")
        #expect(!FileManager.default.fileExists(atPath: test.root.deletingLastPathComponent().appendingPathComponent("evil.xlf").path))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/evil.xlf"))
    }
}
