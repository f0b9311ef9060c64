import Foundation
import Testing
@testable import LocalizationCore

/// Matching a foreign file's units to the job's by page and text, as translate-toolkit's
/// files need it: markup as text, `&nbsp;` turned into a space, repetitions, sentences.
struct ForeignUnitMatcherTests {
    static let page = """
    <html lang="de"><body><ul><li>Migration und Teilhabe</li><li>Migration und Teilhabe</li></ul>
    <p>Die <strong>13&nbsp;Integrationsbeiräte</strong>   arbeiten
    eng zusammen.</p><p>Der Rat tagte. Er beschloss den Plan.</p></body></html>
    """

    static func matcher() throws -> (ForeignUnitMatcher, XLIFFFile) {
        var extracted = HTMLExtractor().extract(HTMLPage(name: "rat.html", bytes: Array(page.utf8)))
        let segmenter = try Segmenter.german()
        extracted.units = extracted.units.map { $0.segmented(by: segmenter) }
        let job = Job.document(pages: [extracted], sourceLanguage: "de", targetLanguage: try TargetLanguage("ar"), version: .v1_2)
        return (ForeignUnitMatcher(job: job), job.files[0])
    }

    @Test func markupAsTextReferencesAndReflowedSpacesStillMatch() throws {
        let (matcher, file) = try Self.matcher()
        let unit = try #require(file.units.first { $0.source.plainText.contains("arbeiten") })
        #expect(matcher.matches(page: "rat.html", source: "Die <strong>13 Integrationsbeiräte</strong> arbeiten eng zusammen.")
                == [.unit(page: "rat.html", id: unit.id)])
        #expect(matcher.matches(page: "rat.html", source: "Die &lt;strong&gt;13 Integrationsbeiräte arbeiten eng zusammen.").isEmpty)
        #expect(matcher.matches(page: "other.html", source: "Die 13 Integrationsbeiräte arbeiten eng zusammen.").isEmpty)
    }

    @Test func repetitionsMatchEveryOccurrenceAndSentencesTheirUnit() throws {
        let (matcher, file) = try Self.matcher()
        let links = file.units.filter { $0.source.plainText == "Migration und Teilhabe" }
        #expect(links.count == 2)
        #expect(matcher.matches(page: "rat.html", source: "Migration und Teilhabe") == links.map { .unit(page: "rat.html", id: $0.id) })
        let council = try #require(file.units.first { $0.isSegmented })
        #expect(matcher.matches(page: "rat.html", source: "Er beschloss den Plan.") == [.sentence(page: "rat.html", unit: council.id, segment: "s2")])
    }
}
