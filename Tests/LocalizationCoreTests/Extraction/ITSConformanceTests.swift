import Foundation
import Testing
@testable import LocalizationCore

/// The W3C ITS 2.0 test suite's HTML cases for the categories `ITSProcessor` resolves: each
/// input is processed and dumped in the gold format, which must equal
/// `expected/<category>/html/<name>output.txt` byte for byte.
@Suite(.enabled(if: ITSSuite.isAvailable, "the ITS 2.0 test suite is not at ../shared/conformance/its-2.0-testsuite"))
struct ITSConformanceTests {
    @Test(arguments: ITSSuite.allHTMLCases().filter { $0.category != nil })
    func matchesGoldOutput(_ testCase: ITSSuite.Case) throws {
        let category = try #require(testCase.category)
        let folder = testCase.inputURL.deletingLastPathComponent()
        let processor = ITSProcessor(loader: { href in
            // Rules files sit beside the page; anything else is outside the suite.
            guard !href.contains("/"), !href.contains("..") else { throw CocoaError(.fileReadNoPermission) }
            return Array(try Data(contentsOf: folder.appendingPathComponent(href)))
        })
        let result = processor.process(HTMLPage(name: testCase.input, bytes: Array(try Data(contentsOf: testCase.inputURL))))
        #expect(result.diagnostics.isEmpty, "\(testCase.input): \(result.diagnostics.map(\.description))")

        let expected = try Data(contentsOf: testCase.expected)
        let actual = Data(result.goldOutput(categories: [category]).utf8)
        guard actual != expected else { return }
        Issue.record(Comment(rawValue: ITSSuite.firstDifference(
            name: testCase.input,
            expected: String(decoding: expected, as: UTF8.self),
            actual: String(decoding: actual, as: UTF8.self)
        )))
    }

    /// Every HTML input of every category, including those the processor does not resolve:
    /// the nodes listed (the XPath column) must be the suite's, which checks the tree libxml2
    /// builds and the paths and attribute order written.
    @Test(arguments: ITSSuite.allHTMLCases())
    func listsTheSuitesNodes(_ testCase: ITSSuite.Case) throws {
        // Rules cannot add or remove nodes, so none are read.
        let result = ITSProcessor().process(HTMLPage(name: testCase.input, bytes: Array(try Data(contentsOf: testCase.inputURL))))
        let paths = { (text: String) in
            text.split(separator: "\r\n").map { String($0.prefix { $0 != "\t" }) }.joined(separator: "\n")
        }
        let expected = paths(String(decoding: try Data(contentsOf: testCase.expected), as: UTF8.self))
        let actual = paths(result.goldOutput(categories: []))
        guard actual != expected else { return }
        Issue.record(Comment(rawValue: ITSSuite.firstDifference(name: "\(testCase.folder)/\(testCase.input)", expected: expected, actual: actual)))
    }
}

/// Where the suite is and which of its HTML cases exist.
enum ITSSuite {
    /// One HTML input with its expected output; `category` is nil for categories the
    /// processor does not resolve.
    struct Case: Sendable, CustomTestStringConvertible {
        var category: ITSCategory?
        /// The suite's folder for the category, also for categories not resolved here.
        var folder: String
        var input: String
        var expected: URL

        var inputURL: URL { ITSSuite.root.appendingPathComponent("inputdata/\(folder)/html/\(input)") }
        var testDescription: String { "\(folder)/\(input)" }
    }

    /// The package root: this file is `Tests/LocalizationCoreTests/Extraction/<file>.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/its-2.0-testsuite")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("expected").path)
    }

    /// Every HTML input with an expected output, in every category folder of the suite.
    static func allHTMLCases() -> [Case] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("inputdata").path)) ?? []
        return folders.sorted().flatMap { folder in
            let inputs = root.appendingPathComponent("inputdata/\(folder)/html")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: inputs.path)) ?? []
            return names.filter { $0.hasSuffix(".html") }.sorted().compactMap { name -> Case? in
                let expected = root.appendingPathComponent("expected/\(folder)/html/\(name.dropLast(5))output.txt")
                guard FileManager.default.fileExists(atPath: expected.path) else { return nil }
                return Case(category: ITSCategory(rawValue: folder), folder: folder, input: name, expected: expected)
            }
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
