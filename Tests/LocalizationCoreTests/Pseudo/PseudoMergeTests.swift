import Foundation
import Testing
@testable import LocalizationCore

/// Pseudo pages are merged without a job document: bytes, applied units and diagnostics must be
/// those of the job path (`Job.document`, `Job.pseudoTranslated`, `PageMerge`).
@Suite struct PseudoMergeTests {
    static func jobPath(_ page: ExtractedPage, style: PseudoLocalizer.Style, language: TargetLanguage, version: XLIFFDocument.Version) -> PageMerge.Result {
        var jobPage = page
        jobPage.units = page.units.map { $0.withAutoTranslatablePlaceholders() }
        let document = Job.pseudoTranslated(Job.document(pages: [jobPage], sourceLanguage: "de", targetLanguage: language, version: version), style: style)
        return PageMerge().merge(page, units: document.files.first?.units ?? [], language: language, jobFile: "pseudo-locale \(language.tag)")
    }

    static func expectSame(_ page: ExtractedPage) throws {
        let merge = PseudoMerge(page)
        for style in PseudoLocalizer.Style.allCases {
            let language = try TargetLanguage(style.languageTag)
            let fast = merge.merge(style: style, language: language, jobFile: "pseudo-locale \(language.tag)")
            let expected = jobPath(page, style: style, language: language, version: .v1_2)
            #expect(fast.bytes == expected.bytes, "\(page.page.name) \(style)")
            #expect(fast.applied == expected.applied)
            #expect(fast.diagnostics == expected.diagnostics)
        }
    }

    @Test func samplePagesMergeAsThroughAJob() throws {
        let segmenter = try Segmenter.shipped(language: "de")
        for (name, bytes) in try TestPaths.samplePages() {
            var page = HTMLExtractor().extract(HTMLPage(name: name, bytes: bytes))
            page.units = page.units.map { $0.segmented(by: segmenter) }
            try Self.expectSame(page)
        }
    }

    /// Pages whose units hold numbers, dates and references (placeholders), split into
    /// sentences at their edges, control characters (refused targets), repeated units and
    /// badly nested markup.
    @Test func generatedPagesMergeAsThroughAJob() throws {
        let segmenter = try Segmenter.shipped(language: "de")
        let pieces = ["Der Rat tagt. ", "Am 1. Januar 2020 ", "zählt MiSO 44 Mitglieder. ", "Stand: November 2020", "(Nr. 0108/2021) ",
                      "<b>fett</b> ", "<i>kursiv <b>beides</i></b> ", "<a href=\"/x\" title=\"Titel 2021\">Link</a> ", "70 Prozent. ",
                      "\u{1}", "WIR 2.0 ", "<br>", "<img alt=\"Bild 44\">", "1.234,5 ", "Ärger. ", "<span translate=\"no\">MiSO</span> "]
        var generator = SplitMix64(seed: 21)
        for index in 0 ..< 150 {
            let paragraphs = (0 ..< Int(1 + generator.next() % 5)).map { _ in
                "<p>" + (0 ..< Int(1 + generator.next() % 6)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined() + "</p>"
            }
            let html = "<html lang=\"de\"><head><title>Seite \(index)</title></head><body>" + (paragraphs + paragraphs.prefix(1)).joined(separator: "\n") + "</body></html>"
            var page = HTMLExtractor().extract(HTMLPage(name: "p\(index).html", bytes: Array(html.utf8)))
            page.units = page.units.map { $0.segmented(by: segmenter) }
            try Self.expectSame(page)
        }
    }
}
