import Foundation
import Testing
@testable import LocalizationCore

/// The sample project's Arabic job in a real OmegaT (Debian's 3.6, headless) and back: every
/// unit comes back with its id and source, inline codes intact, and the translations OmegaT
/// applied from a memory are exactly the memory's.
///
/// What OmegaT 3.6's built-in XLIFF filter does (Debian ships no Okapi plugin): it translates
/// the text of `<target>` elements and leaves `<source>`, `<seg-source>`, `<alt-trans>` and
/// `<note>` as they are. A unit without `<target>` is not offered to the translator, and a
/// pre-filled target is offered as if it were the source text. So the job as `run` writes it
/// opens and comes back intact, but only a job whose targets are copies of their sources
/// (the project setting `copySourceToTarget`) can be translated in it.
@Suite("OmegaT round trip", .serialized,
       .enabled(if: OmegaTProject.executable != nil,
                "SKIPPED: OmegaT is not installed (apt-get install omegat; .ci/run installs it) — jobs not checked in a real CAT tool"))
struct OmegaTRoundTripTests {
    /// The sample project with only Arabic, run once; returns its folder and the job as
    /// written and as read.
    /// Memory translations that `isProposal` picks are made proposals awaiting review, so that
    /// the job carries them pre-filled (translated units need no translator and stay out).
    static func arabicJob(settings: String = "", proposals isProposal: (MemoryEntry) -> Bool = { $0.source.plainText.contains("Integrationsbeir") })
        async throws -> (root: URL, bytes: [UInt8], job: XLIFFDocument) {
        let root = try SiteAssemblyTests.sampleProject(targets: #"["ar"]"#, settings: settings)
        try SiteAssemblyTests.makeProposals(root, locale: "ar", where: isProposal)
        _ = try await BatchRun(project: try Project(root: root)).run()
        let bytes = try ProjectFiles.read(root.appendingPathComponent("jobs/outgoing/ar-0001.xlf"))
        return (root, bytes, try XLIFFReader().read(bytes, file: "ar.xlf"))
    }

    @Test(arguments: ["1.2", "2.1"])
    func jobAsWrittenComesBackIntactWithItsPrefilledTargets(version: String) async throws {
        let (root, bytes, job) = try await Self.arabicJob(settings: #", "xliffVersion": "\#(version)""#)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(job.version.rawValue == version)
        let omegat = try OmegaTProject(root: root.appendingPathComponent("omegat-project"), sourceLanguage: "de", targetLanguage: "ar", sentenceSegmentation: true)
        try omegat.addSource("ar.xlf", bytes)
        // The memory as `memory export --tmx` writes it, for OmegaT to apply what it can.
        let memory = try MemoryStore(project: try Project(root: root)).load(try TargetLanguage("ar"))
        try omegat.addAutoMemory("ar.tmx", TMXWriter().write(memory.tmxDocument()))

        let returned = try omegat.translate("ar.xlf")
        let prefilled = job.targetsByKey
        let report = try ReturnedFileCheck.verify(returned: returned, file: "omegat/ar.xlf", job: job, expectedTargets: prefilled)
        print("OmegaT, job as written (XLIFF \(version)): \(report); \(report.changes.count) tolerated changes\(report.changes.prefix(3).map { "\n  " + $0 }.joined())")
        #expect(report.problems.isEmpty, "\(report)")
        #expect(report.units == job.files.map(\.units.count).reduce(0, +))
        #expect(!prefilled.isEmpty && report.translated.count == prefilled.count, "\(report)")
        #expect(report.missed.isEmpty)
    }

    /// A job written with `copySourceToTarget` (and no pre-filled matches) is translated by
    /// OmegaT from a memory, comes back with codes intact, and imports: exactly the units
    /// OmegaT translated land in the memory, the untouched copies do not.
    @Test(arguments: [false, true])
    func copySourceJobIsTranslatedFromAMemoryAndImportsBack(sentenceSegmentation: Bool) async throws {
        // The memory's translations, as the normal job pre-fills them (all made proposals, so
        // every unit the memory knows is in the job).
        let (root, _, job) = try await Self.arabicJob(proposals: { _ in true })
        defer { try? FileManager.default.removeItem(at: root) }
        // The same project starting afresh with the copy-source setting.
        try FileManager.default.removeItem(at: root.appendingPathComponent("jobs"))
        let settings = root.appendingPathComponent(Project.fileName)
        try Data(#"{"targetLocales": ["ar"], "copySourceToTarget": true, "prefillExactMatches": "none"}"#.utf8).write(to: settings)
        let project = try Project(root: root)
        _ = try await BatchRun(project: project).run()
        let bytes = try ProjectFiles.read(root.appendingPathComponent("jobs/outgoing/ar-0001.xlf"))
        let copyJob = try XLIFFReader().read(bytes, file: "ar.xlf")
        #expect(copyJob.files.flatMap(\.units).allSatisfy { $0.target == $0.source && !$0.isSegmented })

        let omegat = try OmegaTProject(root: root.appendingPathComponent("omegat-project"), sourceLanguage: "de", targetLanguage: "ar",
                                       sentenceSegmentation: sentenceSegmentation)
        try omegat.addSource("ar.xlf", bytes)
        // The memory's translations in OmegaT's form, for the segments OmegaT shows as whole units.
        let segments = try omegat.segments()
        var memory = OmegaTMemory()
        var expected: [String: Content] = [:]
        for file in job.files {
            for unit in file.units {
                guard let target = unit.target, memory.add(source: unit.source, target: target, segments: segments) else { continue }
                expected["\(file.original)#\(unit.id)"] = target
            }
        }
        #expect(expected.count > job.targetsByKey.count / 2, "OmegaT shows \(expected.count) of \(job.targetsByKey.count) translated units as one segment")
        #expect(expected.values.contains { $0.codes.count > 1 }, "some translations carry several inline codes")
        try omegat.addAutoMemory("translations.tmx", memory.tmx(source: "de", target: "ar"))

        let returned = try omegat.translate("ar.xlf")
        let report = try ReturnedFileCheck.verify(returned: returned, file: "omegat/ar.xlf", job: copyJob, expectedTargets: expected)
        print("OmegaT, copy-source job (sentence segmentation \(sentenceSegmentation ? "on" : "off")): \(memory.entries.count) memory entries; \(report); \(report.changes.count) tolerated changes\(report.changes.prefix(3).map { "\n  " + $0 }.joined())")
        #expect(report.problems.isEmpty, "\(report)")
        #expect(report.units == job.files.map(\.units.count).reduce(0, +))
        #expect(report.translated.count == expected.count, "\(report)")
        #expect(report.missed.isEmpty, "\(report.missed)")
        #expect(report.untranslated.count == report.units - expected.count)

        // Back through the importer: OmegaT's translations are accepted, untouched copies are not.
        let path = root.appendingPathComponent("omegat-ar.xlf")
        try Data(returned).write(to: path)
        let before = try MemoryStore(project: project).load(try TargetLanguage("ar")).entries.count
        let imported = try #require(try Importer(project: project, translator: "OmegaT test", now: "2026-11-27T12:00:00Z").importPaths([path.path]).first)
        print("OmegaT output imported: \(imported.accepted) accepted, \(imported.unchangedProposals) untouched copies, \(imported.refused) refused, \(imported.warnings) warnings")
        #expect(imported.outcome == .imported)
        #expect(imported.refused == 0, "\(imported.entries.filter { $0.disposition == .refused })")
        #expect(imported.accepted == expected.count)
        #expect(imported.unchangedProposals == report.untranslated.count)
        let after = try MemoryStore(project: project).load(try TargetLanguage("ar")).entries
        #expect(after.count >= before)
        #expect(after.contains { $0.provenance.creator == "OmegaT test" })
    }

    /// OmegaT 3.6 offers nothing of an XLIFF 2.x file to translate, targets or not (its
    /// statistics count no file): it passes the file through. Translators on OmegaT 3.6 need
    /// XLIFF 1.2 jobs.
    @Test func xliff21JobIsPassedThroughWithoutSegments() async throws {
        let (root, bytes, prepared) = try await Self.arabicJob(settings: #", "xliffVersion": "2.1", "copySourceToTarget": true, "prefillExactMatches": "none""#)
        defer { try? FileManager.default.removeItem(at: root) }
        let job = prepared
        let omegat = try OmegaTProject(root: root.appendingPathComponent("omegat-project"), sourceLanguage: "de", targetLanguage: "ar", sentenceSegmentation: true)
        try omegat.addSource("ar.xlf", bytes)
        #expect(try omegat.segments().isEmpty)
        let report = try ReturnedFileCheck.verify(returned: try omegat.translate("ar.xlf"), file: "omegat/ar.xlf", job: prepared, expectedTargets: [:])
        #expect(report.problems.isEmpty, "\(report)")
        #expect(report.untranslated.count == report.units && report.units == job.files.map(\.units.count).reduce(0, +))
    }
}
