import Foundation
import Testing
@testable import LocalizationCore

/// The W3C ITS 2.0 test suite's HTML cases for the categories `ITSProcessor` resolves: each
/// input is processed and dumped in the gold format, which must equal
/// `expected/<category>/html/<name>output.txt` byte for byte.
@Suite(.enabled(if: ITSSuite.isAvailable, "the ITS 2.0 test suite is not at ../shared/conformance/its-2.0-testsuite"))
struct ITSConformanceTests {
    static let cases: [ITSSuite.Case] = ITSCategory.allCases.flatMap(ITSSuite.cases)

    @Test(arguments: cases)
    func matchesGoldOutput(_ testCase: ITSSuite.Case) throws {
        let input = testCase.category.inputs.appendingPathComponent(testCase.input)
        let folder = input.deletingLastPathComponent()
        let processor = ITSProcessor(loader: { href in
            // Rules files sit beside the page; anything else is outside the suite.
            guard !href.contains("/"), !href.contains("..") else { throw CocoaError(.fileReadNoPermission) }
            return Array(try Data(contentsOf: folder.appendingPathComponent(href)))
        })
        let result = processor.process(HTMLPage(name: testCase.input, bytes: Array(try Data(contentsOf: input))))
        #expect(result.diagnostics.isEmpty, "\(testCase.input): \(result.diagnostics.map(\.description))")

        let expected = try Data(contentsOf: testCase.expected)
        let actual = Data(result.goldOutput(categories: [testCase.category]).utf8)
        guard actual != expected else { return }
        Issue.record(Comment(rawValue: ITSSuite.firstDifference(
            name: testCase.input,
            expected: String(decoding: expected, as: UTF8.self),
            actual: String(decoding: actual, as: UTF8.self)
        )))
    }
}

/// Where the suite is and which of its HTML cases exist.
enum ITSSuite {
    /// One HTML input with its expected output.
    struct Case: Sendable, CustomTestStringConvertible {
        var category: ITSCategory
        var input: String
        var expected: URL

        var testDescription: String { "\(category.rawValue)/\(input)" }
    }

    /// The package root: this file is `Tests/LocalizationCoreTests/Extraction/<file>.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/its-2.0-testsuite")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("expected").path)
    }

    /// Every HTML input of a category that has an expected output, sorted by name.
    static func cases(_ category: ITSCategory) -> [Case] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: category.inputs.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.sorted().compactMap { name in
            let expected = root.appendingPathComponent("expected/\(category.rawValue)/html/\(name.dropLast(5))output.txt")
            guard FileManager.default.fileExists(atPath: expected.path) else { return nil }
            return Case(category: category, input: name, expected: expected)
        }
    }

    /// The first line where the outputs differ, both versions shown with tabs and line ends
    /// made visible.
    static func firstDifference(name: String, expected: String, actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let visible = { (line: Substring?) in
            line.map { $0.replacingOccurrences(of: "\t", with: "→").replacingOccurrences(of: "\r", with: "␍") } ?? "(no line)"
        }
        for index in 0 ..< max(expectedLines.count, actualLines.count) {
            let expectedLine = index < expectedLines.count ? expectedLines[index] : nil
            let actualLine = index < actualLines.count ? actualLines[index] : nil
            if expectedLine != actualLine {
                return "\(name): line \(index + 1) differs\n- expected: \(visible(expectedLine))\n+ actual:   \(visible(actualLine))"
            }
        }
        return "\(name): outputs differ"
    }
}

extension ITSCategory {
    /// The suite's folder of HTML inputs for this category.
    var inputs: URL {
        ITSSuite.root.appendingPathComponent("inputdata/\(rawValue)/html")
    }
}
