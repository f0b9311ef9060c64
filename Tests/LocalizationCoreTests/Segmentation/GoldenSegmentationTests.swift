import Foundation
import Testing
@testable import LocalizationCore

/// pySBD's German golden rules (ported from Pragmatic Segmenter) with the shipped German rules.
///
/// Justified difference: the three `DE_PDF_CLEAN_RULES_TEST_CASES` expect pySBD's PDF text
/// cleaning (`clean=True`), which rewrites the text — it unwraps hard line breaks and respaces
/// "z.B." as "z. B." — before segmenting. Our segmenter never changes text (its segments join
/// back to the input byte for byte, so translations can be put back), and the text it gets
/// from pages has its line breaks collapsed by extraction. For those cases we check that.
@Suite(.enabled(if: TestPaths.hasConformance, "../shared/conformance is missing"))
struct GoldenSegmentationTests {
    struct Case: Sendable, CustomStringConvertible {
        var group: String
        var text: String
        var expected: [String]
        var description: String { "\(group): \(text.prefix(50))" }
    }

    static let cases: [Case] = {
        let url = TestPaths.conformance.appendingPathComponent("segmentation/pysbd_golden.json")
        guard let data = try? Data(contentsOf: url),
              let groups = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else { return [] }
        return groups.sorted { $0.key < $1.key }.flatMap { name, group -> [Case] in
            guard group["lang"] as? String == "de", let cases = group["cases"] as? [[String: Any]] else { return [] }
            return cases.compactMap { item in
                guard let text = item["text"] as? String, let expected = item["expected"] as? [String] else { return nil }
                return Case(group: name, text: text, expected: expected)
            }
        }
    }()

    @Test func allGermanCasesAreLoaded() {
        #expect(Self.cases.count == 35)
    }

    static let rewritingCases = "DE_PDF_CLEAN_RULES_TEST_CASES"

    @Test(arguments: cases.filter { $0.group != rewritingCases })
    func germanCase(_ test: Case) throws {
        let segments = try Segmenter.german().segments(of: test.text)
            .map { $0.trimmingCharacters(in: " \n\t") }.filter { !$0.isEmpty }
        #expect(segments == test.expected)
    }

    @Test(arguments: cases.filter { $0.group == rewritingCases })
    func pdfCleaningCaseKeepsTheText(_ test: Case) throws {
        #expect(try Segmenter.german().segments(of: test.text).joined() == test.text)
    }
}
