import Foundation
import Testing
@testable import LocalizationCore

/// The OASIS XLIFF 2.1 test suite (files in the 2.0 namespace), read by our XLIFF 2 reader:
/// every `valid/` file is read; every `invalid/` file that the official NVDL (XSD +
/// Schematron, run with jing; see `baseline/jing-nvdl_2.1.tsv`) rejects is refused with a
/// message naming the file and the line.
@Suite(.enabled(if: TestPaths.hasConformance, "../shared/conformance is missing"))
struct XLIFF2ConformanceTests {
    struct Case: Sendable, CustomStringConvertible {
        var path: String
        var jingAccepts: Bool
        var isValidFolder: Bool { path.contains("/valid/") }
        var description: String { path }
    }

    static let cases: [Case] = {
        let baseline = TestPaths.conformance.appendingPathComponent("xliff-2-testsuite/baseline/jing-nvdl_2.1.tsv")
        guard let text = try? String(contentsOf: baseline, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2 else { return nil }
            return Case(path: String(columns[1]), jingAccepts: columns[0] == "VALID")
        }
    }()

    func read(_ path: String) throws(XLIFFError) -> XLIFFDocument {
        let url = TestPaths.conformance.appendingPathComponent("xliff-2-testsuite").appendingPathComponent(path)
        let bytes = (try? ProjectFiles.read(url)) ?? []
        return try XLIFFReader().read(bytes, file: path)
    }

    @Test func theSuiteIsComplete() {
        #expect(Self.cases.count == 221)
    }

    @Test func everyValidFileIsRead() {
        var refused: [String] = []
        for test in Self.cases where test.isValidFolder {
            do {
                _ = try read(test.path)
            } catch {
                refused.append("\(error)")
            }
        }
        #expect(refused.isEmpty, "\(refused.count) valid files refused:\n\(refused.joined(separator: "\n"))")
    }

    @Test func everyInvalidFileTheOfficialValidatorRejectsIsRefused() {
        var accepted: [String] = []
        var count = 0
        for test in Self.cases where !test.isValidFolder && !test.jingAccepts {
            count += 1
            do {
                _ = try read(test.path)
                accepted.append(test.path)
            } catch {
                let message = "\(error)"
                #expect(message.hasPrefix(test.path), "the message does not name the file: \(message)")
            }
        }
        #expect(count == 129)
        #expect(accepted.isEmpty, "\(accepted.count) invalid files accepted:\n\(accepted.joined(separator: "\n"))")
    }
}
