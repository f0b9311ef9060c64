import Testing
@testable import LocalizationCore

/// The check skips code comparisons for text without codes and decodes only text whose bytes
/// may hold a forbidden character: held to the check's definition on generated contents.
@Suite struct TargetCheckPropertyTests {
    /// The definition: the forbidden character looked for in the whole plain text, every code
    /// comparison made.
    static func reference(target: Content, source: Content, isAttribute: Bool) -> [TargetCheck.Problem] {
        var problems: [TargetCheck.Problem] = []
        if let scalar = target.plainText.unicodeScalars.first(where: TargetCheck.isForbidden) {
            problems.append(.forbiddenCharacter(scalar))
        }
        if isAttribute {
            if !target.codes.isEmpty { problems.append(.codesInAttribute) }
            return problems
        }
        struct Placement: Hashable {
            var id: String
            var kind: String
        }
        func placements(_ content: Content) -> [Placement] {
            content.fragments.compactMap { fragment in
                switch fragment {
                case .text: nil
                case .opening(let code): Placement(id: code.id, kind: "opening")
                case .closing(let code): Placement(id: code.id, kind: "closing")
                case .standalone(let code, let half): Placement(id: code.id, kind: "standalone \(String(describing: half))")
                }
            }
        }
        func unique(_ ids: [String]) -> [String] {
            var seen: Set<String> = []
            return ids.filter { seen.insert($0).inserted }
        }
        let expected = placements(source)
        let found = placements(target)
        var seen: Set<Placement> = []
        var duplicated: [String] = []
        var unknown: [String] = []
        for placement in found {
            if !expected.contains(placement) {
                if !expected.contains(where: { $0.id == placement.id }) { unknown.append(placement.id) }
            } else if !seen.insert(placement).inserted {
                duplicated.append(placement.id)
            }
        }
        let missing = expected.filter { !found.contains($0) }.map(\.id)
        if !missing.isEmpty { problems.append(.missingCodes(unique(missing))) }
        if !unknown.isEmpty { problems.append(.unknownCodes(unique(unknown))) }
        if !duplicated.isEmpty { problems.append(.duplicatedCodes(unique(duplicated))) }
        var open: [String] = []
        var badlyNested: [String] = []
        for fragment in target.fragments {
            if case .opening(let code) = fragment { open.append(code.id) }
            if case .closing(let code) = fragment {
                if open.last == code.id {
                    open.removeLast()
                } else {
                    badlyNested.append(code.id)
                    open.removeAll { $0 == code.id }
                }
            }
        }
        let misplaced = badlyNested + open + found.filter { placement in
            !expected.contains(placement) && expected.contains { $0.id == placement.id }
        }.map(\.id)
        if !misplaced.isEmpty { problems.append(.misplacedCodes(unique(misplaced))) }
        return problems
    }

    @Test func problemsMatchTheDefinition() {
        var generator = SplitMix64(seed: 11)
        let codes = (1 ... 3).map { InlineCode(id: "\($0)", kind: .formatting, elementName: "b", originalData: "<b>") }
        let texts = ["Rat ", "ü", "\t", "\n", "\r", "\u{0}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "\u{202A}", "\u{202E}", "\u{2066}",
                     "„“–", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "😀", "e\u{301}",
                     // Neighbours of the forbidden ones in UTF-8: same lead bytes, other scalars.
                     "\u{1F}", "\u{7E}", "\u{A0}\u{B7}", "\u{2000}", "\u{2029}", "\u{202F}", "\u{20AC}", "\u{FEFF}", "\u{FFBF}", "\u{FFEE}"]
        func content() -> Content {
            Content((0 ..< Int(generator.next() % 6)).map { _ in
                let code = codes[Int(generator.next() % 3)]
                switch generator.next() % 7 {
                case 0: return .opening(code)
                case 1: return .closing(code)
                case 2: return .standalone(code)
                default: return .text(texts[Int(generator.next() % UInt64(texts.count))])
                }
            })
        }
        for _ in 0 ..< 5000 {
            let (target, source, isAttribute) = (content(), content(), generator.next() % 4 == 0)
            #expect(TargetCheck.problems(target: target, source: source, isAttribute: isAttribute)
                == Self.reference(target: target, source: source, isAttribute: isAttribute), "\(target) \(source)")
        }
    }
}
