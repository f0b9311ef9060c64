import Foundation
import Testing
@testable import LocalizationCore

/// The LISA TMX compliance kit and samples: import with exact counts and text, DTD-valid
/// export, lossless import → export → import.
@Suite(.enabled(if: TestPaths.hasConformance, "../shared/conformance is missing"))
struct TMXTests {
    static let folder = TestPaths.conformance.appendingPathComponent("tmx")

    /// TU and TUV counts per file (counted with Python's ElementTree, an independent parser).
    static let counts: [(file: String, units: Int, variants: Int)] = [
        ("compkit/ExportTest1A.tmx", 4, 8), ("compkit/ExportTest1B.tmx", 2, 4), ("compkit/ExportTest2A.tmx", 6, 12),
        ("compkit/ImportTest1A.tmx", 2, 4), ("compkit/ImportTest1B.tmx", 1, 2), ("compkit/ImportTest1C.tmx", 3, 15),
        ("compkit/ImportTest1D.tmx", 3, 6), ("compkit/ImportTest1H.tmx", 3, 6), ("compkit/ImportTest1I.tmx", 1, 2),
        ("compkit/ImportTest1L.tmx", 1, 3), ("compkit/ImportTest2A.tmx", 7, 14), ("compkit/ImportTest2B.tmx", 7, 14),
        ("samples/ImportTest2C.tmx", 1, 3), ("samples/Paragraph_TM.tmx", 7, 14), ("samples/html_test.tmx", 11, 22),
        ("samples/sample14b.tmx", 25, 50),
    ]

    func read(_ file: String) throws -> TMXDocument {
        try TMXReader().read(try ProjectFiles.read(Self.folder.appendingPathComponent(file)), file: file)
    }

    @Test(arguments: counts.map(\.file))
    func importsWithExactCounts(file: String) throws {
        let document = try read(file)
        let expected = try #require(Self.counts.first { $0.file == file })
        #expect(document.units.count == expected.units)
        #expect(document.units.reduce(0) { $0 + $1.variants.count } == expected.variants)
    }

    @Test func importsTextEncodingsAndWhitespaceExactly() throws {
        let utf16 = try read("compkit/ImportTest1A.tmx")
        #expect(utf16.units[0].variants.map(\.content.plainText) == ["First segment with [\t\t   ]", "Premier segment avec [\t\t   ]"])
        let references = try read("compkit/ImportTest1D.tmx")
        #expect(references.units[0].variants[0].content.plainText == "à=agrave, é=eacute, æ=aelig")
        #expect(references.units[2].variants[1].content.plainText == "\u{201C}=U+201C, –=U+2013, ¤=U+00A4")
        let oddCase = try read("compkit/ImportTest2A.tmx")
        #expect(oddCase.units[5].variants.map(\.language) == ["En-uS", "FR-CA"])
    }

    @Test func importsInlineCodes() throws {
        let document = try read("compkit/ImportTest2A.tmx")
        #expect(document.units[0].variants[0].content.shape == "The big {i1}black{/i1} {i2}cat{/i2} sleeps.")
        #expect(document.units[0].variants[1].content.shape == "Le gros {i2}chat{/i2} {i1}noir{/i1} dors.")
        #expect(document.units[0].variants[0].content.codes.map(\.originalData) == ["<b>", "<u>"])
        #expect(document.units[1].variants[0].content.plainText == "Test for special characters = <=lt, >=gt, &=amp, \"=quot.")
        #expect(document.units[3].variants[0].content.shape == "First {x1>}sentence.")
        #expect(document.units[4].variants[0].content.shape == "Second{<x1} sentence.")
    }

    @Test(arguments: counts.map(\.file))
    func importExportImportIsLossless(file: String) throws {
        let first = try read(file)
        let exported = TMXWriter().write(first)
        let second = try TMXReader().read(Array(exported.utf8), file: "\(file) (exported)")
        #expect(second == first)
    }

    @Test(.enabled(if: ExternalTool.path("xmllint") != nil, "xmllint is not installed (apt-get install libxml2-utils)"))
    func exportIsValidAgainstTheDTD() throws {
        let folder = try temporaryFolder("tmx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dtd = Self.folder.appendingPathComponent("dtd/tmx14.dtd").path
        for (file, _, _) in Self.counts {
            let url = folder.appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent)
            try Data(TMXWriter().write(try read(file)).utf8).write(to: url)
            let (status, output) = try ExternalTool.run(ExternalTool.path("xmllint")!, ["--noout", "--nonet", "--dtdvalid", dtd, url.path])
            #expect(status == 0, "\(file) exported is not DTD-valid:\n\(output.prefix(2000))")
        }
    }
}
