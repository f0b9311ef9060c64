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

    @Test func nfdAndNfcDuplicatesAreStoredOnce() {
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "tr")
        let provenance = LeverageTests.provenance
        memory.add(MemoryEntry(source: Content(text: "Integrationsbeira\u{0308}te"), target: Content(text: "Uyum kurulları"), provenance: provenance))
        memory.add(MemoryEntry(source: Content(text: "Integrationsbeiräte"), target: Content(text: "Uyum kurulları"), provenance: provenance))
        #expect(memory.entries.count == 1)
        #expect(memory.matches(for: Content(text: "Integrationsbeira\u{0308}te")).first?.score == 100)
    }
}
