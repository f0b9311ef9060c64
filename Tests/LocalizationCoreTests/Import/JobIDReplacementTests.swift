import Foundation
import Testing
@testable import LocalizationCore

/// `send` places the job id by replacing its stand-in in the serialized job's bytes: the bytes
/// must be those Foundation's text replacement gave.
@Suite struct JobIDReplacementTests {
    /// Generated texts with the patterns whole, cut short, next to each other and among
    /// multi-byte characters, replaced as bytes and as text.
    @Test func replacingBytesGivesWhatReplacingTextGives() {
        var random = SplitMix64(seed: 11)
        let standIn = "ar-0000000000000000"
        let patterns = ["job-id=\"\(standIn)\"", ">\(standIn)</mda:meta>"]
        let pieces = patterns + ["job-id=\"ar-000", ">ar-0000000000000000<", "\"", ">", "ä", "مرحبا", "e\u{301}", " ", "<phase ", "0", "\n"]
        for _ in 0 ..< 300 {
            let text = (0 ..< Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            for pattern in patterns {
                let replacement = pattern.replacingOccurrences(of: standIn, with: "ar-0123456789abcdef")
                let expected = Array(text.replacingOccurrences(of: pattern, with: replacement).utf8)
                #expect(JobRecords.replacing(Array(pattern.utf8), with: Array(replacement.utf8), in: Array(text.utf8)) == expected, "\(text)")
            }
        }
    }

    /// A job as `send` writes it carries the real id where the writers put the stand-in, in
    /// XLIFF 1.2 and 2.1, and reads back with it.
    @Test(arguments: [XLIFFDocument.Version.v1_2, .v2_1]) func aSentJobCarriesItsID(version: XLIFFDocument.Version) throws {
        let root = try temporaryFolder("job-id-\(version.rawValue)")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try Project(root: root)
        let unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: Content(text: "Der Rat tagt."))
        let document = XLIFFDocument(version: version, sourceLanguage: "de", targetLanguage: "ar", files: [XLIFFFile(original: "seite.html", units: [unit])])
        let url = root.appendingPathComponent("ar-0001.xlf")
        let id = try JobRecords(project: project).send(document, to: url, memory: TranslationMemory(sourceLanguage: "de", targetLanguage: "ar"), memoryRevision: 0)
        let text = String(decoding: try ProjectFiles.read(url), as: UTF8.self)
        #expect(!text.contains("ar-0000000000000000"))
        #expect(text.contains(id))
        #expect(try XLIFFReader().read(try ProjectFiles.read(url), file: url.path).jobID == id)
    }
}
