import Foundation
import Testing
@testable import LocalizationCore

/// `run` as the content team uses it, again and again: what changed is found, translators get
/// only new work, a unit out with a translator that changed is superseded, a rerun with
/// nothing changed writes nothing.
@Suite struct IncrementalRunTests {
    /// Three pages, Arabic as the only target locale, the sample's locale definitions, an
    /// empty memory (so every unit needs a translator).
    struct Site {
        let root: URL
        var project: Project { get throws { try Project(root: root) } }

        init() throws {
            root = try temporaryFolder("incremental")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
            try Data(#"{"targetLocales": ["ar"], "pseudoLocales": []}"#.utf8).write(to: root.appendingPathComponent(Project.fileName))
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("locales"), to: root.appendingPathComponent("locales"))
            try write("a.html", ["Der Integrationsbeirat tagt im Rathaus.", "Die Sitzung ist öffentlich.", "Alle Vereine sind eingeladen.", "Anmeldung bis Freitag."])
            try write("b.html", ["Das Netzwerk berät Vereine.", "Teilhabe heißt gleiche Chancen für alle."])
            try write("c.html", ["Kontakt per Telefon."])
        }

        func write(_ page: String, _ paragraphs: [String]) throws {
            let body = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
            let html = "<html lang=\"de\"><head><title>Seite</title></head><body>\n\(body)\n</body></html>\n"
            try Data(html.utf8).write(to: root.appendingPathComponent("content").appendingPathComponent(page))
        }

        func run(_ options: BatchRun.Options = .init(now: "2026-11-27T08:00:00Z")) async throws -> RunReport {
            try await BatchRun(project: try project).run(options)
        }

        func state() throws -> BatchState { try BatchState.load(try project) }

        func job(_ path: String) throws -> XLIFFDocument {
            try XLIFFReader().read(try ProjectFiles.read(root.appendingPathComponent(path)), file: path)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func editsInsertionsDeletionsReorderingAndMovesAreTold() async throws {
        let site = try Site()
        defer { site.remove() }
        _ = try await site.run()
        let before = try site.state()
        func id(_ page: String, _ text: String, in state: BatchState) -> String? {
            state.pages[page]?.unitList.first { $0.text == text }?.id
        }
        // a: the third paragraph first, the second edited, the fourth gone, a new one at the end.
        try site.write("a.html", ["Alle Vereine sind eingeladen.", "Der Integrationsbeirat tagt im Rathaus.", "Die Sitzung ist nicht öffentlich.", "Neu: ein Livestream."])
        // b's second paragraph moves to c.
        try site.write("b.html", ["Das Netzwerk berät Vereine."])
        try site.write("c.html", ["Kontakt per Telefon.", "Teilhabe heißt gleiche Chancen für alle."])
        let report = try await site.run()
        let after = try site.state()

        #expect(report.changes.pagesEdited == ["a.html", "b.html", "c.html"])
        #expect(report.changes.pagesAdded.isEmpty && report.changes.pagesRemoved.isEmpty)
        let changes = Dictionary(grouping: report.changes.units, by: \.kind)
        #expect(changes[.edited]?.map(\.text) == ["Die Sitzung ist nicht öffentlich."])
        #expect(changes[.edited]?.first?.previousUnitID == id("a.html", "Die Sitzung ist öffentlich.", in: before))
        #expect(changes[.added]?.map(\.text) == ["Neu: ein Livestream."])
        #expect(changes[.retired]?.map(\.text) == ["Anmeldung bis Freitag."])
        #expect(changes[.reordered]?.map(\.text) == ["Alle Vereine sind eingeladen."])
        let moved = try #require(changes[.moved]?.first)
        #expect((moved.page, moved.fromPage, moved.text) == ("c.html", "b.html", "Teilhabe heißt gleiche Chancen für alle."))
        // Ids stay when other parts of the page change.
        #expect(id("a.html", "Der Integrationsbeirat tagt im Rathaus.", in: after) == id("a.html", "Der Integrationsbeirat tagt im Rathaus.", in: before))
        #expect(id("b.html", "Das Netzwerk berät Vereine.", in: after) == id("b.html", "Das Netzwerk berät Vereine.", in: before))
    }

    @Test func deltaJobsCarryOnlyNewWorkAndNothingTwice() async throws {
        let site = try Site()
        defer { site.remove() }
        let first = try await site.run()
        let firstJob = try #require(first.jobs.first)
        #expect(firstJob.path == "jobs/outgoing/ar-0001.xlf")
        // Every unit needs a translator: the three titles and seven paragraphs.
        #expect(firstJob.units == 10)
        #expect(try site.job(firstJob.path).files.flatMap(\.units).count == 10)

        #expect(!first.outputs.isEmpty && first.outputs.allSatisfy { $0.pagesWritten == $0.pages && $0.pages == 3 }, "a first run writes every page")

        let unchanged = try await site.run()
        #expect(unchanged.jobs.isEmpty, "no new work, no new job")
        #expect(unchanged.outputs.map(\.pagesWritten).allSatisfy { $0 == 0 })

        try site.write("c.html", ["Kontakt per Telefon.", "Sprechzeiten: dienstags."])
        let second = try await site.run()
        let secondJob = try #require(second.jobs.first)
        #expect(secondJob.path == "jobs/outgoing/ar-0002.xlf")
        let units = try site.job(secondJob.path).files.flatMap(\.units)
        #expect(units.map { $0.source.plainText } == ["Sprechzeiten: dienstags."])
        #expect(second.openJobs.map(\.path) == ["jobs/outgoing/ar-0001.xlf", "jobs/outgoing/ar-0002.xlf"])
        #expect(second.openJobs.map(\.pendingUnits) == [10, 1])
        #expect(second.locales.first?.pending == 11)
        #expect(second.outputs.first { $0.locale == "ar" }.map { ($0.pages, $0.pagesWritten) } ?? (0, 0) == (3, 1), "only c.html changed")
    }

    /// A large change is cut into jobs of at most `maxJobUnits` units, whole pages each.
    @Test func largeChangesAreCutIntoSeveralJobs() async throws {
        let site = try Site()
        defer { site.remove() }
        try Data(#"{"targetLocales": ["ar"], "pseudoLocales": [], "maxJobUnits": 4}"#.utf8).write(to: site.root.appendingPathComponent(Project.fileName))
        let report = try await site.run()
        #expect(report.jobs.map(\.path) == ["jobs/outgoing/ar-0001.xlf", "jobs/outgoing/ar-0002.xlf", "jobs/outgoing/ar-0003.xlf"])
        #expect(report.jobs.map(\.units) == [5, 3, 2], "a page is never split; a page larger than the limit is a job alone")
        #expect(try report.jobs.map { try site.job($0.path).files.map(\.original) } == [["a.html"], ["b.html"], ["c.html"]])
        #expect(Set(report.jobs.compactMap(\.jobID)).count == 3)
        #expect(report.analyses.map { $0.total.segments } == [10])
        #expect(report.openJobs.map(\.pendingUnits) == [5, 3, 2])
    }

    @Test func aUnitOutWithATranslatorThatChangesIsSupersededNotDuplicated() async throws {
        let site = try Site()
        defer { site.remove() }
        let first = try await site.run()
        let firstID = try #require(first.jobs.first?.jobID)
        let oldID = try #require(try site.state().pages["b.html"]?.unitList.first { $0.text.hasPrefix("Teilhabe") }?.id)

        try site.write("b.html", ["Das Netzwerk berät Vereine.", "Teilhabe heißt gleiche Rechte und Chancen für alle."])
        let second = try await site.run()
        let secondJob = try #require(second.jobs.first)
        #expect(secondJob.superseding == 1)
        let units = try site.job(secondJob.path).files.flatMap(\.units)
        #expect(units.map { $0.source.plainText } == ["Teilhabe heißt gleiche Rechte und Chancen für alle."])
        let superseded = try #require(second.superseded.first)
        #expect((superseded.page, superseded.unitID, superseded.jobID, superseded.supersededBy) == ("b.html", oldID, firstID, secondJob.jobID))
        let open = Dictionary(uniqueKeysWithValues: second.openJobs.map { ($0.jobID, $0) })
        #expect(open[firstID]?.pendingUnits == 9)
        #expect(open[firstID]?.supersededUnits == 1)
        // Each unit of the site is out once.
        let out = try site.state().out["ar"] ?? [:]
        #expect(out.count == 10)
        #expect(out["b.html#\(oldID)"] == nil)
    }

    /// Units superseded together are reported in the order of page and unit, run after run
    /// (the table they come from has an order of its own in every process).
    @Test func supersededUnitsAreReportedInOrder() async throws {
        let site = try Site()
        defer { site.remove() }
        let paragraphs = (1 ... 8).map { "Der Beirat \($0) tagt öffentlich im Rathaus." }
        try site.write("d.html", paragraphs)
        _ = try await site.run()
        try site.write("d.html", paragraphs.map { $0.replacingOccurrences(of: "tagt", with: "berät") })
        let second = try await site.run()
        let superseded = second.superseded.filter { $0.page == "d.html" }
        #expect(superseded.count == 8)
        #expect(superseded.map(\.unitID) == superseded.map(\.unitID).sorted())
    }

    @Test func returnedWorkInTheInboxIsImportedPublishedAndLeavesTheOpenJob() async throws {
        let site = try Site()
        defer { site.remove() }
        let first = try await site.run()
        let path = try #require(first.jobs.first?.path)
        let translated = Job.serialize(Job.pseudoTranslated(try site.job(path), style: .rightToLeft))
        let inbox = site.root.appendingPathComponent("jobs/inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data(translated.utf8).write(to: inbox.appendingPathComponent("ar-returned.xlf"))

        let second = try await site.run()
        let imported = try #require(second.inbox.first)
        #expect(imported.file == "jobs/inbox/ar-returned.xlf")
        #expect(imported.outcome == "imported")
        #expect(imported.accepted == 10)
        #expect(FileManager.default.fileExists(atPath: inbox.appendingPathComponent("imported/ar-returned.xlf").path))
        #expect(!FileManager.default.fileExists(atPath: inbox.appendingPathComponent("ar-returned.xlf").path))
        #expect(second.openJobs.isEmpty, "every unit came back translated")
        #expect(second.jobs.isEmpty)
        #expect(second.locales.first?.pagesPublished == 3)
        #expect(second.written.contains("site/ar/a.html"))
        let page = String(decoding: try ProjectFiles.read(site.root.appendingPathComponent("site/ar/c.html")), as: UTF8.self)
        #expect(page.contains("dir=\"rtl\""))
        // The same file dropped again is a no-op.
        try Data(translated.utf8).write(to: inbox.appendingPathComponent("again.xlf"))
        let third = try await site.run()
        #expect(third.inbox.first?.outcome == "already imported")
        #expect(!third.written.contains { $0.hasPrefix("site/") })
    }

    @Test func aRerunWithNothingChangedWritesNothing() async throws {
        let site = try Site()
        defer { site.remove() }
        _ = try await site.run()
        let before = try ProjectSnapshot(site.root)
        let times = try modificationTimes(site.root)
        let report = try await site.run()
        #expect(report.written.isEmpty)
        #expect(report.changes.isEmpty && report.changes.pagesUnchanged == 3)
        #expect(try ProjectSnapshot(site.root) == before)
        #expect(try modificationTimes(site.root) == times, "not even rewritten with the same bytes")
    }

    @Test func aDryRunSaysWhatARunWouldWriteAndWritesNothing() async throws {
        let site = try Site()
        defer { site.remove() }
        _ = try await site.run()
        try site.write("c.html", ["Kontakt per Telefon.", "Sprechzeiten: dienstags."])
        let before = try ProjectSnapshot(site.root)
        let dry = try await site.run(.init(dryRun: true, now: "2026-11-27T08:00:00Z"))
        #expect(try ProjectSnapshot(site.root) == before)
        #expect(dry.dryRun)
        #expect(dry.jobs.map(\.path) == ["jobs/outgoing/ar-0002.xlf"])
        let real = try await site.run()
        #expect(dry.written == real.written)
        #expect(real.written.contains("site/ar/c.html") && real.written.contains("jobs/outgoing/ar-0002.xlf"))
    }

    @Test func aRemovedPageLeavesTheSiteAndItsUnitsLeaveTheOpenJobs() async throws {
        let site = try Site()
        defer { site.remove() }
        _ = try await site.run()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/c.html"))
        let report = try await site.run()
        #expect(report.changes.pagesRemoved == ["c.html"])
        #expect(report.changes.units.map(\.kind) == [.retired, .retired])
        for locale in ["de", "ar"] {
            #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site/\(locale)/c.html").path))
            #expect(report.written.contains("site/\(locale)/c.html"))
        }
        #expect(report.openJobs.first?.pendingUnits == 8)
        #expect(report.pages == 2)
    }

    /// Runs over the same inputs give the same bytes, whatever was there before: a state
    /// deleted, or outputs deleted, are rebuilt identically.
    @Test func outputsAreAFunctionOfTheInputs() async throws {
        let site = try Site()
        defer { site.remove() }
        _ = try await site.run()
        let reference = try ProjectSnapshot(site.root, excluding: ["jobs/reports/run.json"])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("site/ar/b.html"))
        let repaired = try await site.run()
        #expect(repaired.written.contains("site/ar/b.html"))
        #expect(try ProjectSnapshot(site.root, excluding: ["jobs/reports/run.json"]) == reference)
    }

    /// The state file reads back as it was written, names with tabs, newlines and backslashes
    /// included; a file from another format version means "rebuild", a damaged one says where.
    @Test func theStateFileReadsBackAsWritten() throws {
        var state = BatchState()
        state.inputs = "0123456789abcdef0123456789abcdef"
        state.memories = ["ar": "none", "fa": "ffff"]
        let units = [BatchState.Unit(id: "u1", hash: "aaaaaaaaaaaaaaaa", words: 5, text: "Der Rat tagt im Rathaus."),
                     BatchState.Unit(id: "a2", hash: "bbbbbbbbbbbbbbbb", words: 0, text: "")]
        state.pages["ordner/seite mit\tTab\\und\nZeile.html"] = BatchState.Page(
            hash: "cccc", units: units,
            outputs: ["ar": .init(bytes: "dddd", counts: [2, 0, 1, 0, 1, 1, 3, 0], published: false), "de": .init(bytes: "eeee")]
        )
        state.out["ar"] = ["ordner/seite mit\tTab\\und\nZeile.html#u1": .init(job: "ar-1234", hash: "aaaaaaaaaaaaaaaa", words: 5)]
        state.jobs["ar-1234"] = .init(locale: "ar", path: "jobs/outgoing/ar-0001.xlf", units: 1, words: 5, superseded: 0)
        let bytes = state.encoded()
        let read = try BatchState.decode(bytes)
        #expect(read == state)
        #expect(read.pages.values.first?.unitList == units)
        #expect(read.encoded() == bytes)

        let older = Array("translate-pipeline batch state\t0\npage\tx\n".utf8)
        #expect(try BatchState.decode(older) == BatchState(), "another version: everything is rebuilt")
        let damaged = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\t2\t", with: "\tzwei\t").utf8)
        #expect(throws: BatchState.FormatError.self) { try BatchState.decode(damaged) }
    }

    /// A memory's bytes are checked against XLIFF 2's constraints when a run first reads them;
    /// bytes a run has read before are not checked again, any others are.
    @Test func aMemoryIsCheckedWheneverItsBytesAreNew() async throws {
        let site = try Site()
        defer { site.remove() }
        let project = try site.project
        let store = MemoryStore(project: project)
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "ar")
        memory.add(MemoryEntry(source: Content(text: "Kontakt per Telefon."), target: Content(text: "الاتصال عبر الهاتف."),
                               provenance: .init(origin: .translator, date: "2026-11-27T00:00:00Z")))
        try store.save(memory, for: try TargetLanguage("ar"))
        _ = try await site.run()
        let url = try store.url(for: try TargetLanguage("ar"))
        let checked = try ProjectFiles.read(url)
        #expect(try site.state().memories["ar"] == BatchState.digest(checked), "the state names the bytes read")

        // Read again unchanged, with a page changed: no need to check.
        try site.write("c.html", ["Kontakt per Telefon.", "Neu."])
        _ = try await site.run()
        // A hand edit XLIFF 2 forbids (a target in another language than the file's) is refused.
        let edited = String(decoding: checked, as: UTF8.self).replacingOccurrences(of: "<target>", with: "<target xml:lang=\"fr\">")
        #expect(edited != String(decoding: checked, as: UTF8.self))
        try ProjectFiles.writeAtomically(Array(edited.utf8), to: url)
        await #expect(throws: ProjectError.self) { _ = try await site.run() }
        do {
            _ = try await site.run()
        } catch {
            #expect("\(error)".contains("ar.xlf") && "\(error)".contains("differs from trgLang"), "\(error)")
        }
    }

    /// A state the size of a large site's is decoded in slices on every core: generated
    /// states of several megabytes (escapes, empty counts, units out) read back equal, and a
    /// damaged record far into the file is reported at its line in the file.
    @Test(arguments: [1, 2]) func aLargeStateReadsBackAsWritten(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var state = BatchState()
        state.inputs = "inputs"
        let tags = ["ar", "fa", "tr", "uk", "de", "en-XA"]
        let odd = ["", "\t", "\n", "\\", " ", ";", "#", "ä"]
        for number in 0 ..< 1_500 {
            let name = "teil-\(random.next() % 50)/seite-\(number)\(odd[Int(random.next() % UInt64(odd.count))]).html"
            let units = (0 ..< Int(random.next() % 40)).map { index in
                BatchState.Unit(id: "u\(index)", hash: String(random.next(), radix: 16), words: Int(random.next() % 30),
                                text: String(repeating: "Wort ", count: Int(random.next() % 12)) + odd[index % odd.count])
            }
            var outputs: [String: BatchState.Output] = [:]
            for tag in tags where random.next() % 5 != 0 {
                let counts = tag == "de" ? [] : (0 ..< 8).map { _ in Int(random.next() % 100) }
                outputs[tag] = .init(bytes: String(random.next(), radix: 16), counts: counts, published: random.next() % 2 == 0)
            }
            state.pages[name] = BatchState.Page(hash: String(random.next(), radix: 16), units: units, outputs: outputs)
            for unit in units where random.next() % 4 == 0 {
                let tag = tags[Int(random.next() % 4)]
                state.out[tag, default: [:]][name + "#" + unit.id] = .init(job: "\(tag)-\(random.next() % 3)", hash: unit.hash, words: unit.words)
            }
        }
        for tag in tags.prefix(4) {
            for job in 0 ..< 3 { state.jobs["\(tag)-\(job)"] = .init(locale: tag, path: "jobs/outgoing/\(tag)-000\(job).xlf", units: job, words: 2 * job, superseded: job % 2) }
        }
        let bytes = state.encoded()
        #expect(bytes.count > 1 << 20, "large enough to be cut into slices: \(bytes.count) bytes")
        let read = try BatchState.decode(bytes)
        #expect(read == state)
        #expect(read.encoded() == bytes)

        // A record near the end made wrong: the error names its line in the whole file.
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let target = lines.indices.last { lines[$0].hasPrefix("page\t") }!
        var fields = lines[target].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        fields[3] = "viele"
        lines[target] = fields.joined(separator: "\t")
        do {
            _ = try BatchState.decode(Array(lines.joined(separator: "\n").utf8))
            Issue.record("a damaged state was read")
        } catch {
            #expect(error.line == target + 1)
            #expect(error.reason == "field 4 is not a number")
        }
    }

    private func modificationTimes(_ root: URL) throws -> [String: Date] {
        var times: [String: Date] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey])
        while let url = enumerator?.nextObject() as? URL {
            guard url.lastPathComponent != ProjectLock.fileName else { continue }
            times[url.path] = try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
        }
        return times
    }
}
