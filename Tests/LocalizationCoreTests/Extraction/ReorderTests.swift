import Testing
@testable import LocalizationCore

/// `Array.reorder(as:)` applies a permutation by swapping along its cycles; extraction puts a
/// page's units in page order with it. Compared with the copy it replaces on every
/// permutation of up to six elements (cycles of every length) and on random longer ones.
@Suite struct ReorderTests {
    static func permutations(of count: Int) -> [[Int]] {
        guard count > 0 else { return [[]] }
        return permutations(of: count - 1).flatMap { shorter in
            (0 ... shorter.count).map { position in
                var longer = shorter
                longer.insert(count - 1, at: position)
                return longer
            }
        }
    }

    @Test func reorderingIsMappingTheOrder() {
        var generator = SplitMix64(seed: 5)
        let random = (0 ..< 200).map { _ in Array(0 ..< Int(generator.next() % 40)).shuffled(using: &generator) }
        for order in (0 ... 6).flatMap(Self.permutations(of:)) + random {
            var elements = order.indices.map { "unit \($0)" }
            let expected = order.map { elements[$0] }
            elements.reorder(as: order)
            #expect(elements == expected, "\(order)")
        }
    }
}
