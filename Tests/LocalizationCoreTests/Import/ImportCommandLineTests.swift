import Foundation
import Testing
@testable import LocalizationCore

/// `translate-pipeline import` as a user runs it: the issue's "done when" scenario on the
/// sample project, `kill -9` at random points (SECURITY.md case 18), and the lock (case 21).
@Suite(.enabled(if: BuiltExecutable.path != nil, "the translate-pipeline executable was not built next to the tests"))
struct ImportCommandLineTests {
    static let now = ["TRANSLATE_PIPELINE_NOW": "2026-11-27T10:00:00Z"]

    func run(_ arguments: [String], environment: [String: String] = now) throws -> (status: Int32, output: String) {
        try ExternalTool.run(BuiltExecutable.path!, arguments, environment: environment)
    }

    /// A copy of the sample project (pages, glossary, locales, memories).
    func sampleProject() throws -> URL {
        let root = try temporaryFolder("import-sample")
        for item in ["content", "glossary", "locales", "memory", Project.fileName] {
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        return root
    }

    func job(_ root: URL, _ locale: String) throws -> XLIFFDocument {
        let bytes = try ProjectFiles.read(root.appendingPathComponent("jobs/outgoing/\(locale)-0001.xlf"))
        // The reader keeps the job id the file was sent with.
        return try XLIFFReader().read(bytes, file: "\(locale).xlf")
    }

    func entries(_ root: URL, _ locale: String) throws -> [String: String] {
        let memory = try MemoryStore(project: try Project(root: root)).load(try TargetLanguage(locale))
        return Dictionary(memory.entries.map { ($0.identity, MemoryEntry.key(for: $0.target) + "|" + $0.state.rawValue) }, uniquingKeysWith: { _, last in last })
    }

    @Test func doneWhenGoodUnitsLandInMemoryAndPagesAndBadUnitsAreReported() async throws {
        let root = try sampleProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let project = ["--project", root.path]
        #expect(try run(["run"] + project).status != 1)

        // Arabic: the whole job pseudo-translated.
        let arabicJob = try job(root, "ar")
        let arabic = root.appendingPathComponent("ar-returned.xlf")
        try Data(Job.serialize(Job.pseudoTranslated(arabicJob, style: .rightToLeft)).utf8).write(to: arabic)
        // Persian: some units translated; one with a code removed, one with markup added.
        var persianJob = try job(root, "fa")
        let units = persianJob.files.flatMap(\.units)
        let withCodes = units.filter { $0.source.fragments.contains { if case .opening = $0 { true } else { false } } && !$0.isSegmented }
        let broken = try #require(withCodes.first)
        let injected = try #require(withCodes.dropFirst().first)
        let plain = units.filter { $0.source.codes.isEmpty && $0.id != broken.id && $0.id != injected.id }.prefix(5)
        let translatedIDs = Set(plain.map(\.id) + [broken.id, injected.id])
        for index in persianJob.files.indices {
            persianJob.files[index].units = persianJob.files[index].units.map { unit in
                guard translatedIDs.contains(unit.id) else { return unit }
                var unit = unit
                unit.updateSegments { segment in
                    var segment = segment
                    segment.target = PseudoLocalizer(style: .rightToLeft).translate(segment.source)
                    segment.state = .translated
                    return segment
                }
                return unit
            }
        }
        // Codes broken by hand: the target keeps the text and drops the markup.
        persianJob.editUnit(broken.id) { $0.target = Content(text: $0.target?.plainText ?? "") }
        var persianText = Job.serialize(persianJob)
        persianText = try editXLIFF(persianText, unit: injected.id, after: "<target", replacing: "</target>",
                                    with: "<img xmlns=\"http://www.w3.org/1999/xhtml\" src=\"x\" onerror=\"alert(1)\"/></target>")
        let persian = root.appendingPathComponent("fa-returned.xlf")
        try Data(persianText.utf8).write(to: persian)

        let arabicBefore = try entries(root, "ar")
        let persianBefore = try entries(root, "fa")
        let result = try run(["import", arabic.path, persian.path, "--translator", "Test"] + project)
        #expect(result.status == 3, "\(result.output)")
        #expect(result.output.contains("\(arabic.path): \(arabicJob.files.flatMap(\.units).reduce(0) { $0 + $1.segments.count }) accepted"), "\(result.output)")
        // Shared units (the site's header and footer) have one id on every page: each is translated everywhere.
        let plainIDs = Set(plain.map(\.id))
        let goodSentences = units.filter { plainIDs.contains($0.id) }.reduce(0) { $0 + $1.segments.count }
        #expect(result.output.contains("\(persian.path): \(goodSentences) accepted"), "\(result.output)")
        #expect(result.output.range(of: #"fa-returned\.xlf:[0-9]+: error: [^ ]+ unit \#(broken.id): .*code [0-9]+ \(<[a-z]+>\) missing from the target"#, options: .regularExpression) != nil, "\(result.output)")
        #expect(result.output.range(of: #"fa-returned\.xlf:[0-9]+: error: [^ ]+ unit \#(injected.id): the target contains the element <img>"#, options: .regularExpression) != nil,
                "\(result.output)")
        #expect(result.output.contains("report: jobs/reports/"))

        // The memories change only by the good units.
        let arabicAfter = try entries(root, "ar")
        let persianAfter = try entries(root, "fa")
        let arabicChanged = Set(arabicAfter.filter { arabicBefore[$0.key] != $0.value }.keys)
        let persianChanged = Set(persianAfter.filter { persianBefore[$0.key] != $0.value }.keys)
        #expect(Set(arabicBefore.keys).isSubset(of: Set(arabicAfter.keys)), "nothing lost")
        #expect(Set(persianBefore.keys).isSubset(of: Set(persianAfter.keys)), "nothing lost")
        let goodPlaces = Set(plain.map { "#\($0.id)" })
        #expect(!persianChanged.isEmpty)
        #expect(persianChanged.allSatisfy { identity in goodPlaces.contains { identity.hasSuffix($0) } }, "\(persianChanged)")
        #expect(!persianChanged.contains { $0.hasSuffix("#\(broken.id)") || $0.hasSuffix("#\(injected.id)") })
        #expect(!arabicChanged.isEmpty)

        // And the next run publishes them.
        #expect(try run(["run"] + project).status != 1)
        // A unit without numbers (which published pages isolate in right-to-left text).
        let page = try #require(arabicJob.files.first)
        let title = try #require(page.units.first { !$0.isAttribute && !$0.source.plainText.contains(where: \.isNumber) })
        let published = String(decoding: try ProjectFiles.read(root.appendingPathComponent("site/ar/\(page.original)")), as: UTF8.self)
        let expected = PseudoLocalizer(style: .rightToLeft).translate(title.segments[0].source).plainText
        #expect(published.contains(expected), "\(expected) in site/ar/\(page.original)")
    }

    /// SECURITY.md case 18: `kill -9` at random points; each file is all or nothing, a rerun
    /// completes, and the final state equals an uninterrupted run's.
    @Test func killedImportsLeaveWholeFilesAndTheRerunEqualsAnUninterruptedRun() async throws {
        let reference = try await ImportTestProject()
        let killed = try await ImportTestProject()
        defer {
            reference.remove()
            killed.remove()
        }
        for test in [reference, killed] {
            let contact = try test.unitID("Kontakt")
            // Files are named by the folder the user gives, so both projects import the same names.
            _ = [
                try test.returnedFile(try test.translatedJob("ar"), name: "1-ar.xlf"),
                try test.returnedFile(Job.serialize(Job.pseudoTranslated(try test.job("fa"), style: .accented)), name: "2-fa.xlf"),
                try test.returnedFile(try test.translatedJob("fa") { $0.editUnit(contact) { $0.target = Content(text: "\u{202E}x") } }, name: "3-fa.xlf"),
                try test.returnedFile(Array("<xliff".utf8), name: "4-broken.xlf"),
            ]
        }
        // The same files (byte for byte) in both projects' inboxes.
        for name in ["1-ar.xlf", "2-fa.xlf", "3-fa.xlf", "4-broken.xlf"] {
            #expect(try ProjectFiles.read(reference.root.appendingPathComponent("inbox/\(name)")) == ProjectFiles.read(killed.root.appendingPathComponent("inbox/\(name)")))
        }
        // Run from the project folder with the folder "inbox": the ledger records that name.
        func importProcess(_ root: URL) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: BuiltExecutable.path!)
            process.arguments = ["import", "inbox"]
            process.currentDirectoryURL = root
            process.environment = ProcessInfo.processInfo.environment.merging(Self.now) { _, new in new }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let start = Date()
        let uninterrupted = try importProcess(reference.root)
        uninterrupted.waitUntilExit()
        let duration = Date().timeIntervalSince(start)
        #expect(uninterrupted.terminationStatus == 3)
        let expected = try reference.stateSnapshot()

        // 25 trials from the initial state: one to three imports killed at random points, then a
        // rerun to completion; each must end where the uninterrupted run ended.
        var generator = SystemRandomNumberGenerator()
        var killedCount = 0
        var committedAfterKills: [Int] = []
        for _ in 0 ..< 25 {
            for folder in ["memory", "jobs/state", "jobs/received", "jobs/reports"] {
                try? FileManager.default.removeItem(at: killed.root.appendingPathComponent(folder))
            }
            for _ in 0 ..< Int.random(in: 1 ... 3, using: &generator) {
                let process = try importProcess(killed.root)
                usleep(UInt32(Double.random(in: 0 ... duration * 1.1, using: &generator) * 1_000_000))
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    killedCount += 1
                }
                process.waitUntilExit()
                // Whatever was committed is whole: the memories read (a journal left behind is
                // finished by the next command).
                for path in ["memory/ar.xlf", "memory/fa.xlf"] where FileManager.default.fileExists(atPath: killed.root.appendingPathComponent(path).path) {
                    _ = try MemoryFile.read(try ProjectFiles.read(killed.root.appendingPathComponent(path)), file: path)
                }
                committedAfterKills.append(try killed.state().imported.count)
            }
            let rerun = try importProcess(killed.root)
            rerun.waitUntilExit()
            #expect(rerun.terminationStatus != 1)
            #expect(try killed.stateSnapshot() == expected, "final state equals the uninterrupted run's")
        }
        #expect(killedCount > 0, "some runs were killed")
        print("kill -9: \(killedCount) runs killed (uninterrupted run \(String(format: "%.2f", duration)) s); files committed after each: \(committedAfterKills)")
        #expect(!FileManager.default.fileExists(atPath: killed.root.appendingPathComponent("jobs/state/transaction.journal").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: killed.root.appendingPathComponent("memory").path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "stale temporary files are swept")
    }

    /// SECURITY.md case 21 from the command line: `import` and `run` give up naming the holder.
    @Test func aSecondCommandGivesUpNamingTheHolder() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let path = try test.returnedFile(try test.translatedJob("ar"))
        let lock = try ProjectLock(project: test.project)
        defer { lock.release() }
        let environment = ["TRANSLATE_PIPELINE_LOCK_TIMEOUT": "0.3"]
        let imported = try run(["import", "--project", test.root.path, path], environment: environment)
        #expect(imported.status == 1)
        #expect(imported.output.contains("error: another translate-pipeline run/import is running (pid \(getpid()))"), "\(imported.output)")
        let batch = try run(["run", "--project", test.root.path], environment: environment)
        #expect(batch.status == 1)
        #expect(batch.output.contains("another translate-pipeline run/import is running (pid \(getpid()))"), "\(batch.output)")
        #expect(try test.state().imported.isEmpty)
    }
}
