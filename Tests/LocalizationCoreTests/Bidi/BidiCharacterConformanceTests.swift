import Foundation
import Testing
@testable import LocalizationCore

/// The bidi layer against Unicode's BidiCharacterTest.txt (read from ../shared/conformance,
/// never copied): every case's resolved levels and visual order must match.
@Suite("BidiCharacterTest conformance")
struct BidiCharacterConformanceTests {
    static let file = TestPaths.conformance.appendingPathComponent("unicode/BidiCharacterTest.txt")

    struct Case {
        var line: Int
        var scalars: [Unicode.Scalar]
        var direction: BidiParagraph.Direction
        var paragraphLevel: Int
        var levels: [Int?]
        var order: [Int]
    }

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var cases: [Case] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            guard fields.count == 5 else { continue }
            let scalars = fields[0].split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            let direction: BidiParagraph.Direction = switch fields[1] { case "0": .leftToRight; case "1": .rightToLeft; default: .auto }
            cases.append(Case(
                line: number + 1, scalars: scalars, direction: direction, paragraphLevel: Int(fields[2]) ?? -1,
                levels: fields[3].split(separator: " ").map { $0 == "x" ? nil : Int($0) },
                order: fields[4].split(separator: " ").compactMap { Int($0) }
            ))
        }
        return cases
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: file.path), "needs ../shared/conformance/unicode/BidiCharacterTest.txt"))
    func everyCaseMatchesLevelsAndVisualOrder() throws {
        let cases = try Self.cases()
        #expect(cases.count == 91_707)
        var passed = 0
        var passedByICU = 0
        var failures: [String] = []
        for testCase in cases {
            let paragraph = BidiParagraph(scalars: testCase.scalars, direction: testCase.direction)
            let icu = try BidiParagraph.resolvedByICU(scalars: testCase.scalars, direction: testCase.direction)
            if icu.paragraphLevel == testCase.paragraphLevel, icu.levels == testCase.levels, icu.visualOrder == testCase.order {
                passedByICU += 1
            }
            if paragraph.paragraphLevel == testCase.paragraphLevel, paragraph.levels == testCase.levels, paragraph.visualOrder == testCase.order {
                passed += 1
            } else if failures.count < 10 {
                failures.append("line \(testCase.line): levels \(paragraph.levels.map { $0.map(String.init) ?? "x" }) order \(paragraph.visualOrder)")
            }
        }
        print("BidiCharacterTest: \(passed) of \(cases.count) cases pass (levels and visual order); ICU ubidi alone: \(passedByICU)")
        #expect(passed == cases.count, "\(failures.joined(separator: "\n"))")
    }
}

@Suite("Bidi paragraph")
struct BidiParagraphTests {
    @Test func latinAcronymInArabicStaysLeftToRight() {
        let paragraph = BidiParagraph("شبكة MiSO في", direction: .rightToLeft)
        #expect(paragraph.paragraphLevel == 1)
        #expect(paragraph.levels == [1, 1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1])
        #expect(paragraph.visualOrder == [11, 10, 9, 5, 6, 7, 8, 4, 3, 2, 1, 0])
    }

    @Test func autoDirectionFollowsTheFirstStrongCharacter() {
        #expect(BidiParagraph("123 سلام", direction: .auto).paragraphLevel == 1)
        #expect(BidiParagraph("WIR 2.0 سلام", direction: .auto).paragraphLevel == 0)
        #expect(BidiParagraph.firstStrongDirection(of: "  0108/2021 شبكة") == .rightToLeft)
        #expect(BidiParagraph.firstStrongDirection(of: "2021") == nil)
    }

    @Test func embeddingsHaveNoLevel() {
        let paragraph = BidiParagraph("a\u{202B}b\u{202C}", direction: .leftToRight)
        #expect(paragraph.levels == [0, nil, 2, nil])
        #expect(paragraph.visualOrder == [0, 2])
    }
}
