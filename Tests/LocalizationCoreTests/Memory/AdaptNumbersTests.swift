import Testing
@testable import LocalizationCore

/// `TranslationMemory.adaptNumbers` searches each text once; the reference below is the
/// search it replaced (does a text have the number, then where).
@Suite struct AdaptNumbersTests {
    static func reference(in target: Content, from old: [String], to new: [String]) -> Content? {
        guard old.count == new.count else { return nil }
        var fragments = target.fragments
        for (before, after) in zip(old, new) where before != after {
            guard let index = fragments.firstIndex(where: { if case .text(let text) = $0 { text.contains(before) } else { false } }),
                  case .text(let text) = fragments[index], let range = text.firstRange(of: before) else { return nil }
            var replaced = text
            replaced.replaceSubrange(range, with: after)
            fragments[index] = .text(replaced)
        }
        return Content(fragments)
    }

    static func bytes(_ content: Content) -> [[UInt8]] {
        content.fragments.map { fragment in
            if case .text(let text) = fragment { Array(text.utf8) } else { Array("\(fragment)".utf8) }
        }
    }

    /// Targets of numbers among letters of several scripts, digits followed by combining marks
    /// or preceded by a prepended mark (where a number is not a whole character), line ends,
    /// and codes between texts.
    @Test func adaptingGivesWhatTheReferenceGives() {
        var random = SplitMix64(seed: 3)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        let numbers = ["5", "44", "2021", "5,5", "1.000", "٤٤", "14.1"]
        let pieces = numbers + [" ", "ä", "مرحبا", "\u{301}", "\u{0600}", "\r\n", "\r", "\n", "x", "4", "\u{200D}", "\u{FE0F}\u{20E3}"]
        var adapted = 0
        for _ in 0 ..< 3000 {
            var fragments: [Content.Fragment] = []
            for _ in 0 ..< Int(1 + random.next() % 3) {
                fragments.append(.text((0 ..< Int(random.next() % 6)).map { _ in pick(pieces) }.joined()))
                if random.next() % 2 == 0 { fragments.append(.standalone(InlineCode(id: "1", kind: .lineBreak, elementName: "br", originalData: "<br>"))) }
            }
            let target = Content(fragments)
            let count = Int(random.next() % 3)
            let old = (0 ..< count).map { _ in pick(numbers) }
            let new = (0 ..< (random.next() % 8 == 0 ? count + 1 : count)).map { _ in pick(numbers) }
            let result = TranslationMemory.adaptNumbers(in: target, from: old, to: new)
            // Compared byte for byte: `==` on text takes canonically equivalent text for equal.
            #expect(result.map(Self.bytes) == Self.reference(in: target, from: old, to: new).map(Self.bytes), "\(target) \(old) → \(new)")
            if result != nil, result != target { adapted += 1 }
        }
        #expect(adapted > 200)
    }
}
