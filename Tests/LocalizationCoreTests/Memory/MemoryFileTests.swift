import Foundation
import Testing
@testable import LocalizationCore

@Suite struct MemoryFileTests {
    static let memory = LeverageTests.memory

    @Test func writesAndReadsBackEveryEntry() throws {
        let text = MemoryFile.write(Self.memory)
        let read = try MemoryFile.read(Array(text.utf8), file: "en.xlf")
        #expect(read.sourceLanguage == "de")
        #expect(read.targetLanguage == "en")
        #expect(read.entries.count == Self.memory.entries.count)
        for (original, copy) in zip(Self.memory.entries, read.entries) {
            #expect(copy.source.shape == original.source.shape)
            #expect(copy.target.shape == original.target.shape)
            #expect(copy.provenance == original.provenance)
            #expect(copy.context == original.context)
        }
        #expect(MemoryFile.write(read) == text, "writing is deterministic")
    }

    @Test(.enabled(if: TestPaths.hasConformance && ExternalTool.path("jing") != nil, "jing or ../shared/conformance is missing"))
    func memoryFileValidatesAgainstTheXLIFF21NVDL() throws {
        let folder = try temporaryFolder("memory")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("en.xlf")
        try Data(MemoryFile.write(Self.memory).utf8).write(to: file)
        let nvdl = TestPaths.xliffSchemas.appendingPathComponent("xliff-2.1/xliff_2_advanced_validation.nvdl").path
        let (status, output) = try ExternalTool.run(ExternalTool.path("jing")!, [nvdl, file.path])
        #expect(status == 0, "\(output.prefix(2000))")
    }

    /// Provenance and context are read back byte for byte, whichever values entries share
    /// (equal ASCII values share storage; canonically equivalent spellings stay apart).
    @Test func provenanceAndContextKeepTheirBytesWhenValuesRepeat() throws {
        let creators = ["Jos\u{E9}", "Jose\u{0301}", "K", "\u{212A}", "batch-benchmark", nil]
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en")
        for index in 0 ..< 24 {
            let creator = creators[index % creators.count]
            memory.add(MemoryEntry(source: Content(text: "Satz \(index)."), target: Content(text: "Sentence \(index)."),
                                   provenance: .init(origin: index % 2 == 0 ? .translator : .import, creator: creator,
                                                     job: index % 3 == 0 ? "ar-0001.xlf" : "Jo\u{0308}b", date: "2026-11-2\(index % 3)T00:00:00Z"),
                                   context: .init(unit: "p.html#u\(index % 4)", previous: index % 5 == 0 ? nil : "Davor \u{212A}.", next: "Danach.")))
        }
        let read = try MemoryFile.read(Array(MemoryFile.write(memory).utf8), file: "en.xlf")
        #expect(read.entries.count == memory.entries.count)
        for (original, copy) in zip(memory.entries, read.entries) {
            #expect(Array((copy.provenance.creator ?? "").utf8) == Array((original.provenance.creator ?? "").utf8))
            #expect(Array((copy.provenance.job ?? "").utf8) == Array((original.provenance.job ?? "").utf8))
            #expect(copy.provenance.date == original.provenance.date)
            #expect(copy.provenance.origin == original.provenance.origin)
            #expect(Array((copy.context.previous ?? "-").utf8) == Array((original.context.previous ?? "-").utf8))
            #expect(copy.context == original.context)
        }
    }

    @Test func nfdAndNfcDuplicatesAreStoredOnce() {
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "tr")
        let provenance = LeverageTests.provenance
        memory.add(MemoryEntry(source: Content(text: "Integrationsbeira\u{0308}te"), target: Content(text: "Uyum kurulları"), provenance: provenance))
        memory.add(MemoryEntry(source: Content(text: "Integrationsbeiräte"), target: Content(text: "Uyum kurulları"), provenance: provenance))
        #expect(memory.entries.count == 1)
        #expect(memory.matches(for: Content(text: "Integrationsbeira\u{0308}te")).first?.score == 100)
    }
}
