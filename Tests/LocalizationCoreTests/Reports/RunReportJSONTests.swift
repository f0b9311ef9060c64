import Foundation
import Testing
@testable import LocalizationCore

/// `RunReport.json()` writes the coverage itself and the rest through `JSONEncoder`: the
/// result must be the encoder's own, byte for byte, whatever the report holds.
struct RunReportJSONTests {
    static func encoderJSON(_ report: RunReport) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(report)) + [0x0A]
    }

    @Test func theDashboardsSampleRunIsWrittenAsTheEncoderWritesIt() throws {
        let report = SampleRun.report()
        #expect(report.coverage?.entries.isEmpty == false)
        #expect(try report.json() == Self.encoderJSON(report))
    }

    @Test func reportsWithoutCoverageOrWithNoEntriesToo() throws {
        var report = SampleRun.report()
        report.coverage = nil
        #expect(try report.json() == Self.encoderJSON(report))
        report.changes.units = []
        report.written = []
        #expect(try report.json() == Self.encoderJSON(report))
        report.coverage = CoverageReport()
        #expect(try report.json() == Self.encoderJSON(report))
        #expect(try RunReport().json() == Self.encoderJSON(RunReport()))
    }

    /// Names and texts with every character JSON escapes, fractions of every size, optional
    /// members present and absent, lists empty and full.
    @Test func generatedReportsMatchTheEncoder() throws {
        var generator = SplitMix64(seed: 7)
        let alphabet: [String] = ["a", "ß", "/", "\\", "\"", "\t", "\n", "\r", "\u{8}", "\u{C}", "\u{1}", "\u{1F}", "\u{7F}", "ع", "😀", " ", "<", "&"]
        for round in 0 ..< 20 {
            var report = round.isMultiple(of: 2) ? SampleRun.report() : RunReport()
            // The last rounds' lists are long enough to be written a slice per core.
            let entryCount = round >= 18 ? 4_096 + Int(generator.next() % 3_000) : Int(generator.next() % 40)
            report.coverage = CoverageReport(entries: (0 ..< entryCount).map { _ in
                let units = Int(generator.next() % 200)
                let reviewed = units == 0 ? 0 : Int(generator.next() % UInt64(units + 1))
                let page = (0 ..< Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined() + ".html"
                return CoverageReport.Entry(
                    page: page, locale: ["ar", "fa", "de-CH", "ckb"][Int(generator.next() % 4)], units: units, reviewed: reviewed, translated: 0,
                    automatic: 0, pending: units - reviewed, fallback: Int(generator.next() % 3), threshold: Double(generator.next() % 101) / 100,
                    published: generator.next() % 2 == 0
                )
            })
            func text() -> String {
                (0 ..< Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            }
            let kinds = RunReport.UnitChange.Kind.allCases
            report.changes.units += (0 ..< Int(generator.next() % 30)).map { _ in
                RunReport.UnitChange(kind: kinds[Int(generator.next() % UInt64(kinds.count))], page: text() + ".html", unitID: "u" + text(),
                                     previousUnitID: generator.next() % 2 == 0 ? nil : "u" + text(),
                                     fromPage: generator.next() % 3 == 0 ? text() : nil, text: text())
            }
            report.written += (0 ..< Int(generator.next() % 20)).map { _ in "site/ar/" + text() }
            report.coverage?.entries.append(.init(page: "whole.html", locale: "en", units: 3, reviewed: 1, translated: 1, automatic: 0,
                                                  threshold: 1, published: false))
            #expect(try report.json() == Self.encoderJSON(report), "round \(round)")
        }
    }
}
