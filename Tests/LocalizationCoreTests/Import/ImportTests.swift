import Foundation
import Testing
@testable import LocalizationCore

/// `import` end to end on a small project: what is accepted, refused, kept aside, and that
/// nothing else changes (SECURITY.md cases 8–14, 16, 17, 21–23 as they concern import).
@Suite struct ImportTests {
    @Test func aTranslatedJobLandsInTheMemoryWithProvenanceAndIsArchived() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let job = try test.job("ar")
        let jobID = try #require(job.jobID)
        #expect(jobID.hasPrefix("ar-"))
        let text = try test.translatedJob("ar")
        let path = try test.returnedFile(text)
        let reports = try test.importFiles([path])
        let report = try #require(reports.first)
        #expect(report.outcome == .imported)
        #expect(report.jobID == jobID)
        let sentences = job.files.flatMap(\.units).reduce(0) { $0 + $1.segments.count }
        #expect(report.accepted == sentences)
        #expect(report.refused == 0 && report.conflicts == 0 && report.alternatives == 0)

        // Archived byte for byte under its SHA-256, before anything else.
        let sha = SHA256.hex(Array(text.utf8))
        #expect(report.archivedAs == "jobs/received/\(sha).xlf")
        #expect(try ProjectFiles.read(test.root.appendingPathComponent(report.archivedAs)) == Array(text.utf8))
        // Every sentence in the memory, with translator, job, file and date.
        let memory = try test.memory("ar")
        let entries = memory.entries.filter { $0.provenance.origin == .translator }
        #expect(entries.count == sentences)
        #expect(entries.allSatisfy { $0.provenance.creator == "Amal" && $0.provenance.date == "2026-11-27T10:00:00Z" })
        #expect(entries.allSatisfy { $0.provenance.job == "\(jobID) jobs/received/\(sha).xlf" })
        let state = try test.state()
        #expect(state.imported.map(\.sha256) == [sha])
        #expect(state.revision(of: "ar") == 1)
        // Reports in JSON and HTML.
        #expect(report.reportFiles == ["jobs/reports/\(sha.prefix(16)).json", "jobs/reports/\(sha.prefix(16)).html"])
        for file in report.reportFiles { #expect(FileManager.default.fileExists(atPath: test.root.appendingPathComponent(file).path)) }
    }

    /// XLIFF 2.1 jobs carry the job id in the file-level Metadata module; a translated one imports.
    @Test func xliff21JobsImportByTheirJobID() async throws {
        let test = try await ImportTestProject(xliffVersion: "2.1")
        defer { test.remove() }
        let job = try test.job("fa")
        #expect(job.version == .v2_1)
        let jobID = try #require(job.jobID)
        let text = try test.translatedJob("fa")
        #expect(text.contains("<mda:meta type=\"job-id\">\(jobID)</mda:meta>"))
        let report = try #require(try test.importFiles([try test.returnedFile(text)]).first)
        #expect(report.outcome == .imported && report.jobID == jobID)
        #expect(report.accepted == job.files.flatMap(\.units).reduce(0) { $0 + $1.segments.count })
        #expect(report.refused == 0)
    }

    /// SECURITY.md case 22: the same file twice is a no-op, byte for byte.
    @Test func importingTheSameFileTwiceChangesNothing() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let path = try test.returnedFile(try test.translatedJob("ar"))
        _ = try test.importFiles([path])
        let before = try test.stateSnapshot()
        let again = try #require(try test.importFiles([path], translator: "Someone else", now: "2026-12-01T00:00:00Z").first)
        #expect(again.outcome == .alreadyImported)
        #expect(again.importedOn == "2026-11-27T10:00:00Z")
        #expect(again.summary.contains("already imported on 2026-11-27T10:00:00Z"))
        #expect(try test.stateSnapshot() == before)
    }

    /// SECURITY.md case 11: an edited source, an unknown unit id, a unit of another job.
    @Test func editedSourcesUnknownUnitsAndOtherJobsUnitsAreRefused() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let contact = try test.unitID("Kontakt")
        let network = try test.unitID("Das Netzwerk")
        let oldJob = try test.job("ar")
        // The page gains a paragraph: the next run makes a new job with a unit the old one lacks.
        let page = test.root.appendingPathComponent("content/teilhabe.html")
        try Data(ImportTestProject.secondPage.replacingOccurrences(of: "</p></body>", with: "</p><p>Neu im Netz.</p></body>").utf8).write(to: page)
        _ = try await BatchRun(project: test.project).run()
        let newUnit = try #require(try test.job("ar").files.flatMap(\.units).first { $0.source.plainText == "Neu im Netz." })

        var document = Job.pseudoTranslated(oldJob, style: .rightToLeft)
        document.editUnit(contact) { $0.source = Content(text: "Kontakt per Fax.") }
        document.editUnit(network) { $0.id = "u0000000000000000" }
        var stray = newUnit
        stray.target = Content(text: "جديد")
        stray.state = .translated
        if let index = document.files.firstIndex(where: { $0.original == "teilhabe.html" }) { document.files[index].units.append(stray) }
        let report = try #require(try test.importFiles([try test.returnedFile(Job.serialize(document))]).first)

        #expect(report.outcome == .imported)
        let refused = Dictionary(report.entries.filter { $0.disposition == .refused }.map { ($0.unitID, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(refused[contact]?.findings.first?.check == "source-changed")
        #expect(refused[contact]?.findings.first?.message.contains("differs from the text that was sent") == true)
        #expect(refused[contact]?.line != nil)
        #expect(refused["u0000000000000000"]?.findings.first?.message == "job \(oldJob.jobID!) has no unit \"u0000000000000000\" on page \"beirat.html\"; refused")
        #expect(refused[newUnit.id]?.findings.first?.message.contains("belongs to job ar-") == true)
        let targets = try test.memory("ar").entries.map(\.source.plainText)
        #expect(!targets.contains("Kontakt per Fax."))
        #expect(!targets.contains("Neu im Netz."))
        #expect(targets.contains("Teilhabe für alle."), "the good units are imported")
    }

    @Test func aFileForAnotherLocaleThanItsJobIsRefusedWhole() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let text = try test.translatedJob("ar").replacingOccurrences(of: "target-language=\"ar\"", with: "target-language=\"fa\"")
        let before = try test.stateSnapshot()
        let report = try #require(try test.importFiles([try test.returnedFile(text)]).first)
        #expect(report.outcome == .refused)
        #expect(report.error?.contains("was sent for ar, but the file is for fa") == true)
        #expect(try test.stateSnapshot() == before)
    }

    /// SECURITY.md cases 11 and 23: a changed page makes a conflict; a sentence another
    /// translator delivered first makes an alternative. Both are kept, neither is applied.
    @Test func changedPagesMakeConflictsAndEarlierDeliveriesMakeAlternatives() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let contact = try test.unitID("Kontakt")
        let job = try test.job("ar")
        // Translator B returns the same job first (accented letters), at memory revision 0.
        let first = try test.returnedFile(Job.serialize(Job.pseudoTranslated(job, style: .accented)), name: "b.xlf")
        _ = try test.importFiles([first], translator: "B")
        #expect(try test.state().revision(of: "ar") == 1)
        let memoryAfterB = try test.memoryBytes("ar")
        // The contact paragraph changes on the page.
        let page = test.root.appendingPathComponent("content/beirat.html")
        try Data(ImportTestProject.page.replacingOccurrences(of: "Kontakt per Telefon.", with: "Kontakt per E-Mail.").utf8).write(to: page)

        let second = try test.returnedFile(try test.translatedJob("ar"), name: "a.xlf")
        let report = try #require(try test.importFiles([second], translator: "A").first)
        #expect(report.conflicts == 1)
        #expect(report.entries.first { $0.disposition == .conflict }?.unitID == contact)
        let sentences = job.files.flatMap(\.units).reduce(0) { $0 + $1.segments.count }
        #expect(report.alternatives == sentences - 1)
        #expect(report.accepted == 0)
        #expect(try test.memoryBytes("ar") == memoryAfterB, "B's translations stay; A's are candidates")
        let candidates = try test.state().candidates
        #expect(candidates.count == sentences)
        #expect(candidates.filter { $0.kind == .conflict }.map(\.unitID) == [contact])
        #expect(candidates.allSatisfy { $0.translator == "A" && !$0.target.isEmpty })
        #expect(candidates.first { $0.kind == .alternative }?.reason.contains("reached the memory after the job was sent") == true)
    }

    /// SECURITY.md case 10: missing, duplicated and unknown inline codes.
    @Test func brokenInlineCodesRefuseTheSentenceAndNameTheCodes() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let council = try test.unitID("Der Integrationsbeirat")
        let network = try test.unitID("Das Netzwerk")
        let before = try test.memoryBytes("ar")
        let text = try test.translatedJob("ar") { document in
            document.editUnit(council) { unit in
                unit.updateSegments { segment in
                    var segment = segment
                    if segment.id == "s1" { segment.target = Content(text: "المجلس بلا رموز.") }
                    if segment.id == "s2", let target = segment.target { segment.target = Content(target.fragments + target.fragments) }
                    return segment
                }
            }
            document.editUnit(network) { unit in
                unit.target = Content((unit.target?.fragments ?? []) + [.standalone(InlineCode(id: "99", kind: .other, elementName: "x", originalData: ""))])
            }
        }
        let report = try #require(try test.importFiles([try test.returnedFile(text)]).first)
        let refused = report.entries.filter { $0.disposition == .refused }
        let messages = refused.map { "\($0.unitID) \($0.segmentID ?? "-"): \($0.findings.map(\.message).joined(separator: " | "))" }
        #expect(refused.count == 3, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("\(council) s1: code 1 (") && $0.contains("missing from the target") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("\(council) s2: code 2 (") && $0.contains("used more than once in the target") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("\(network) -: the target has code 99 that the source does not have") }, "\(messages)")
        let memory = try test.memory("ar")
        #expect(!memory.entries.contains { $0.target.plainText.contains("بلا رموز") })
        #expect(memory.entries.contains { $0.source.plainText == "Kontakt per Telefon." && $0.provenance.origin == .translator })
        #expect(try test.memoryBytes("ar") != before, "the good sentences are stored")
    }

    /// SECURITY.md cases 9 and 12: markup added to a target, a target for translate="no", a
    /// protected name changed.
    @Test func addedMarkupAndTranslateNoTargetsAreRefused() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let council = try test.unitID("Der Integrationsbeirat")
        let contact = try test.unitID("Kontakt")
        let network = try test.unitID("Das Netzwerk")
        let title = try test.unitID("Teilhabe", locale: "ar")
        var text = try test.translatedJob("ar")
        text = try editXLIFF(text, unit: council, after: "<target", replacing: "ctype=\"link\"", with: "ctype=\"link\" href=\"javascript:alert(1)\"")
        text = try editXLIFF(text, unit: contact, after: "<target", replacing: "</target>",
                             with: "<html:script xmlns:html=\"http://www.w3.org/1999/xhtml\">alert(1)</html:script></target>")
        text = try editXLIFF(text, unit: network, after: "<target", replacing: "equiv-text=\"MiSO\"", with: "equiv-text=\"HACK\"")
        text = text.replacingOccurrences(of: "<trans-unit id=\"\(title)\"", with: "<trans-unit id=\"\(title)\" translate=\"no\"")
        let report = try #require(try test.importFiles([try test.returnedFile(text)]).first)
        #expect(report.outcome == .imported)
        let checks = Dictionary(report.entries.filter { $0.disposition == .refused }.map { ($0.unitID, $0.findings.map(\.check)) }, uniquingKeysWith: { a, _ in a })
        #expect(checks[council] == ["markup"])
        #expect(checks[contact] == ["markup"])
        #expect(checks[network]?.contains("protected-content") == true, "\(checks)")
        #expect(checks[title] == ["translate-no"])
        let councilEntry = try #require(report.entries.first { $0.unitID == council })
        #expect(councilEntry.findings[0].message.contains("href=\"javascript:alert(1)\""))
        #expect(councilEntry.line != nil)
        let stored = Set(try test.memory("ar").entries.filter { $0.provenance.origin == .translator }.map(\.source.plainText))
        #expect(stored == ["Integrationsbeirat", "Teilhabe für alle."], "only the untouched units are stored")
    }

    /// SECURITY.md case 13: `original` is only ever compared with page names.
    @Test func pathsInOriginalAreNeverUsed() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let text = try test.translatedJob("ar").replacingOccurrences(of: "original=\"beirat.html\"", with: "original=\"../../etc/x\"")
        let report = try #require(try test.importFiles([try test.returnedFile(text)]).first)
        let refused = report.entries.filter { $0.disposition == .refused }
        #expect(!refused.isEmpty && refused.allSatisfy { $0.page == "../../etc/x" })
        #expect(!FileManager.default.fileExists(atPath: test.root.deletingLastPathComponent().appendingPathComponent("etc/x").path))
        #expect(!FileManager.default.fileExists(atPath: "/etc/x"))
    }

    /// SECURITY.md case 14: job ids that are not names we write.
    @Test(arguments: ["../x", "a/b", String(repeating: "a", count: 300), "ar-\u{202E}0123"])
    func unsafeJobIDsRefuseTheFile(jobID: String) async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let real = try #require(try test.job("ar").jobID)
        let text = try test.translatedJob("ar").replacingOccurrences(of: "job-id=\"\(real)\"", with: "job-id=\"\(XMLWriter.escape(jobID, attribute: true))\"")
        let before = try test.stateSnapshot()
        let report = try #require(try test.importFiles([try test.returnedFile(text)]).first)
        #expect(report.outcome == .refused)
        #expect(report.error?.contains("is not one this project writes; refused") == true, "\(report.error ?? "")")
        #expect(try test.stateSnapshot() == before)
    }

    /// SECURITY.md case 16: RLO refused, RLM accepted.
    @Test func bidiOverridesAreRefusedAndMarksAccepted() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let contact = try test.unitID("Kontakt")
        let title = try test.unitID("Teilhabe")
        let text = try test.translatedJob("ar") { document in
            document.editUnit(contact) { $0.target = Content(text: "اتصل \u{202E}فاكس\u{202C} بالهاتف.") }
            document.editUnit(title) { $0.target = Content(text: "المشاركة\u{200F} للجميع.") }
        }
        let report = try #require(try test.importFiles([try test.returnedFile(text)]).first)
        let refused = try #require(report.entries.first { $0.unitID == contact })
        #expect(refused.disposition == .refused)
        #expect(refused.findings.allSatisfy { $0.check == "bidi-controls" && $0.severity == .error })
        #expect(refused.findings[0].message.contains("U+202E RIGHT-TO-LEFT OVERRIDE"))
        let memory = try test.memory("ar")
        #expect(memory.entries.contains { $0.target.plainText == "المشاركة\u{200F} للجميع." })
        #expect(!memory.entries.contains { $0.target.plainText.unicodeScalars.contains { (0x202A ... 0x202E).contains($0.value) } })
    }

    /// SECURITY.md case 17: a target that differs only by NFD from the stored one is stored
    /// once, and exact matches still hit with a decomposed source.
    @Test func nfdDuplicatesAreStoredOnce() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let title = try test.unitID("Teilhabe")
        func file(_ target: String, name: String) throws -> String {
            try test.returnedFile(try test.translatedJob("ar") { document in
                document.editUnit(title) { $0.target = Content(text: target) }
            }, name: name)
        }
        _ = try test.importFiles([try file("Teilhabe für alle — ü", name: "nfc.xlf")])
        let before = try test.memoryBytes("ar")
        let count = try test.memory("ar").entries.count
        let decomposed = "Teilhabe fu\u{0308}r alle — u\u{0308}"
        let report = try #require(try test.importFiles([try file(decomposed, name: "nfd.xlf")]).first)
        #expect(report.outcome == .imported && report.alternatives == 0)
        #expect(try test.memory("ar").entries.count == count)
        #expect(try test.memoryBytes("ar") == before)
        let match = try test.memory("ar").matches(for: Content(text: "Teilhabe fu\u{0308}r alle."), context: .init(), threshold: 75, limit: 1).first
        #expect(match?.score == 100)
    }

    /// SECURITY.md case 8: script typed as text is published as visible text.
    @Test func scriptAsTextIsPublishedEscaped() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let contact = try test.unitID("Kontakt")
        let text = try test.translatedJob("ar") { document in
            document.editUnit(contact) { $0.target = Content(text: "<script>alert(document.cookie)</script> اتصل بالهاتف.") }
        }
        let report = try #require(try test.importFiles([try test.returnedFile(text)]).first)
        let entry = try #require(report.entries.first { $0.unitID == contact })
        #expect(entry.disposition == .accepted)
        #expect(entry.findings.contains { $0.check == "markup-as-text" && $0.severity == .warning }, "\(entry.findings)")
        #expect(entry.findings.allSatisfy { $0.severity == .warning }, "\(entry.findings)")
        _ = try await BatchRun(project: test.project).run()
        let page = String(decoding: try ProjectFiles.read(test.root.appendingPathComponent("site/ar/beirat.html")), as: UTF8.self)
        // Escaped text (left-to-right runs isolated with <bdi>, which adds no text).
        let visible = page.replacingOccurrences(of: "<bdi dir=\"ltr\">", with: "").replacingOccurrences(of: "</bdi>", with: "")
        #expect(visible.contains("<p>&lt;script&gt;alert(document.cookie)&lt;/script&gt; اتصل بالهاتف.</p>"), "\(page)")
        #expect(!page.contains("<script"))
    }

    /// A file not made from our jobs (translate-toolkit from the same pages): matched by page
    /// name and source text; what matches nothing is refused.
    @Test func filesNotFromOurJobsMatchByPageAndSource() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let contact = try test.unitID("Kontakt")
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
        <file original="beirat.html" source-language="de" target-language="ar" datatype="plaintext"><body>
        <trans-unit id="1"><source>Kontakt per Telefon.</source><target state="translated">اتصل بالهاتف.</target></trans-unit>
        <trans-unit id="2"><source>Gibt es nicht.</source><target state="translated">غير موجود.</target></trans-unit>
        </body></file>
        <file original="../../etc/passwd" source-language="de" target-language="ar" datatype="plaintext"><body>
        <trans-unit id="1"><source>Teilhabe für alle.</source><target state="translated">مشاركة.</target></trans-unit>
        </body></file>
        </xliff>
        """
        let report = try #require(try test.importFiles([try test.returnedFile(text)]).first)
        #expect(report.jobID == nil)
        #expect(report.accepted == 1)
        #expect(report.refused == 2)
        #expect(report.entries.contains { $0.findings.first?.message == "the source \"Gibt es nicht.\" matches no current unit of page beirat.html; refused" })
        #expect(report.entries.contains { $0.findings.first?.message == "\"../../etc/passwd\" is not a page of this project; refused" })
        let entry = try #require(try test.memory("ar").entries.first { $0.target.plainText == "اتصل بالهاتف." })
        #expect(entry.context.unit == "beirat.html#\(contact)")
    }

    /// SECURITY.md case 21: a second command waits for the lock, or gives up naming the holder.
    @Test func theProjectLockMakesASecondImportWaitOrGiveUp() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        let path = try test.returnedFile(try test.translatedJob("ar"))
        let lock = try ProjectLock(project: test.project)
        var importer = Importer(project: test.project, translator: nil, now: "2026-11-27T10:00:00Z")
        importer.lockTimeout = 0.3
        #expect(throws: ProjectError.busy(holder: getpid())) { try importer.importPaths([path]) }
        #expect(ProjectError.busy(holder: 42).description == "another translate-pipeline run/import is running (pid 42); try again when it has finished")
        #expect(try test.state().imported.isEmpty)
        // Released while the next one waits: it goes ahead.
        nonisolated(unsafe) let held = lock
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { held.release() }
        importer.lockTimeout = 10
        #expect(try importer.importPaths([path]).first?.outcome == .imported)
    }

    /// Numbers and dates come back as placeholders and are stored as the locale writes them;
    /// a number typed over its placeholder is refused with the placeholder named.
    @Test func placeholdersAreStoredTheLocalesWayAndTypingOverThemIsRefused() async throws {
        let test = try await ImportTestProject()
        defer { test.remove() }
        try Data("<html lang=\"de\"><body><p>Der Beirat hat 44 Mitglieder (Stand: November 2020).</p></body></html>".utf8)
            .write(to: test.root.appendingPathComponent("content/zahlen.html"))
        _ = try await BatchRun(project: test.project).run()
        let id = try test.unitID("Der Beirat hat")
        func returned(_ target: @escaping ([InlineCode]) -> Content, name: String) throws -> ImportReport {
            let text = try test.translatedJob("ar") { document in
                document.editUnit(id) { unit in
                    unit.target = target(unit.source.autoTranslatables)
                    unit.state = .translated
                }
            }
            return try #require(try test.importFiles([try test.returnedFile(text, name: name)]).first)
        }
        let placed = try returned({ codes in
            Content([.text("للمجلس "), .standalone(codes[0]), .text(" عضوًا (حتى "), .standalone(codes[1]), .text(").")])
        }, name: "placed.xlf")
        #expect(!placed.entries.contains { $0.unitID == id && $0.disposition != .accepted }, "\(placed.entries)")
        let stored = try test.memory("ar").entries.filter { $0.context.unit == "zahlen.html#\(id)" }
        #expect(stored.map(\.source.plainText) == ["Der Beirat hat 44 Mitglieder (Stand: November 2020)."])
        #expect(stored.map(\.target.plainText) == ["للمجلس ٤٤ عضوًا (حتى نوفمبر ٢٠٢٠)."])

        let typed = try returned({ codes in Content([.text("للمجلس 44 عضوًا (حتى "), .standalone(codes[1]), .text(").")]) }, name: "typed.xlf")
        let refused = try #require(typed.entries.first { $0.unitID == id })
        #expect(refused.disposition == .refused)
        #expect(refused.findings.contains { $0.check == "inline-codes" && $0.message.hasPrefix("placeholder a1 (the number \"44\") missing from the target") },
                "\(refused.findings)")
    }
}

@Suite struct SHA256Tests {
    /// FIPS 180-4 examples, and a length around the padding boundary against sha256sum.
    @Test func knownDigests() throws {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
