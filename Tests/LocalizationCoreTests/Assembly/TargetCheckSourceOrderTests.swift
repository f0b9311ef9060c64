import Testing
@testable import LocalizationCore

/// A target that places the source's codes in the source's order (most do) is checked without
/// sets: held to the check's definition (`TargetCheckPropertyTests.reference`) on sources that
/// repeat codes, nest them badly or leave pairs open, with the target's texts changed.
@Suite struct TargetCheckSourceOrderTests {
    @Test func targetsWithTheSourcesCodesInOrderMatchTheDefinition() {
        var generator = SplitMix64(seed: 29)
        let codes = (1 ... 3).map { InlineCode(id: "\($0)", kind: .formatting, elementName: "b", originalData: "<b>") }
        let texts = ["Rat ", "Council ", "\u{202E}", "\u{85}", " "]
        func text() -> Content.Fragment { .text(texts[Int(generator.next() % UInt64(texts.count))]) }
        func code() -> Content.Fragment {
            let code = codes[Int(generator.next() % 3)]
            switch generator.next() % 5 {
            case 0: return .opening(code)
            case 1: return .closing(code)
            case 2: return .standalone(code)
            case 3: return .standalone(code, isolated: .opening)
            default: return .standalone(code, isolated: .closing)
            }
        }
        var checked = Set<String>()
        for _ in 0 ..< 5000 {
            let sourceFragments = (0 ..< Int(generator.next() % 7)).map { _ in generator.next() % 3 == 0 ? text() : code() }
            // The same codes in the same order, each text kept, replaced or dropped, and text
            // added between codes.
            var targetFragments: [Content.Fragment] = []
            for fragment in sourceFragments {
                if generator.next() % 3 == 0 { targetFragments.append(text()) }
                if case .text = fragment {
                    switch generator.next() % 3 {
                    case 0: targetFragments.append(fragment)
                    case 1: targetFragments.append(text())
                    default: break
                    }
                } else {
                    targetFragments.append(fragment)
                }
            }
            let (target, source, isAttribute) = (Content(targetFragments), Content(sourceFragments), generator.next() % 8 == 0)
            let problems = TargetCheck.problems(target: target, source: source, isAttribute: isAttribute)
            #expect(problems == TargetCheckPropertyTests.reference(target: target, source: source, isAttribute: isAttribute), "\(target) \(source)")
            checked.formUnion(problems.map { "\($0)".prefix(24).description })
        }
        // The sources held repeats and bad nesting, so the definition had them to report.
        #expect(checked.contains { $0.hasPrefix("inline codes used more") })
        #expect(checked.contains { $0.hasPrefix("inline codes closed befo") })
    }
}
