import Foundation
import Testing
@testable import LocalizationCore

/// The read-back check the client tests rely on finds what a client could break: a lost unit,
/// a changed source, a broken code, a translation that is not the one it was given.
struct ReturnedFileCheckTests {
    static let page = #"<html lang="de"><body><p>Der <b>Rat</b> tagt.</p><p>Die <a href="x.html">Stadt</a> lädt ein.</p></body></html>"#

    /// A two-unit job and the returned file `edit` makes of it (as XLIFF 1.2 text).
    static func check(_ edit: (inout XLIFFDocument) -> Void, expected: (XLIFFDocument) -> [String: Content]) throws -> ReturnedFileCheck.Report {
        let extracted = HTMLExtractor().extract(HTMLPage(name: "rat.html", bytes: Array(page.utf8)))
        let job = Job.document(pages: [extracted], sourceLanguage: "de", targetLanguage: try TargetLanguage("ar"), version: .v1_2)
        var returned = job
        edit(&returned)
        return try ReturnedFileCheck.verify(returned: Array(XLIFF12Writer().write(returned).utf8), file: "returned.xlf",
                                            job: job, expectedTargets: expected(job))
    }

    static func translation(_ unit: TextUnit) -> Content {
        Content(unit.source.fragments.map { if case .text = $0 { .text("نص") } else { $0 } })
    }

    static var translateFirst: (inout XLIFFDocument) -> Void {
        { $0.files[0].units[0].target = translation($0.files[0].units[0]) }
    }

    static func expectFirst(_ job: XLIFFDocument) -> [String: Content] {
        ["rat.html#\(job.files[0].units[0].id)": translation(job.files[0].units[0])]
    }

    @Test func intactFileWithTheGivenTranslationPasses() throws {
        let report = try Self.check(Self.translateFirst, expected: Self.expectFirst)
        #expect(report.problems.isEmpty)
        #expect(report.units == 2 && report.translated.count == 1 && report.untranslated.count == 1)
    }

    @Test func sourceCopiedIntoTheTargetCountsAsUntranslated() throws {
        let report = try Self.check({ $0.files[0].units[1].target = $0.files[0].units[1].source; Self.translateFirst(&$0) }, expected: Self.expectFirst)
        #expect(report.problems.isEmpty)
        #expect(report.untranslated.count == 1)
    }

    @Test func translationThatDidNotComeBackIsMissed() throws {
        let report = try Self.check({ _ in }, expected: Self.expectFirst)
        #expect(report.problems.isEmpty)
        #expect(report.missed.count == 1)
    }

    @Test func lostUnitChangedSourceBrokenCodeAndWrongTargetAreProblems() throws {
        let lost = try Self.check({ $0.files[0].units.removeLast() }, expected: { _ in [:] })
        #expect(lost.problems.count == 1 && lost.problems[0].hasSuffix(": the unit is missing"))

        let changed = try Self.check({ $0.files[0].units[1].source = Content(text: "Die Stadt lädt ein.") }, expected: { _ in [:] })
        #expect(changed.problems.count == 1 && changed.problems[0].contains("source changed"))

        let broken = try Self.check({ $0.files[0].units[0].target = Content(text: "نص بلا رموز") }, expected: Self.expectFirst)
        #expect(broken.problems.contains { $0.contains("inline codes missing from the target: 1") })

        let wrong = try Self.check({ $0.files[0].units[1].target = Self.translation($0.files[0].units[1]) }, expected: Self.expectFirst)
        #expect(wrong.problems.count == 1 && wrong.problems[0].contains("a target nobody gave the tool"))
        #expect(wrong.missed.count == 1)
    }
}
