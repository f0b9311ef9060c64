import Testing
@testable import LocalizationCore

/// The bit-vector edit distance against the table it replaces, on random word sequences of
/// every length around the 64 words the bit vectors hold.
@Suite struct WordDistanceTests {
    /// Sequences from a few numbers (many repeats and many ties), with words the memory has not
    /// seen (below zero) in queries.
    static func sequence(_ random: inout SplitMix64, length: Int, unknown: Bool) -> [Int32] {
        (0 ..< length).map { _ in
            let word = Int32(random.next() % 7)
            return unknown && random.next() % 6 == 0 ? -1 - word : word
        }
    }

    @Test(arguments: [0, 1, 2, 3, 7, 20, 63, 64, 65, 90])
    func bitVectorsGiveTheTablesDistance(queryLength: Int) {
        var random = SplitMix64(seed: UInt64(queryLength) + 1)
        var row: [Int32] = []
        for _ in 0 ..< 200 {
            let query = Self.sequence(&random, length: queryLength, unknown: true)
            var distance = WordDistance(query)
            for _ in 0 ..< 5 {
                let words = Self.sequence(&random, length: Int(random.next() % 80), unknown: false)
                let expected = words.withUnsafeBufferPointer { FuzzyIndex.distance(query, $0, row: &row) }
                #expect(words.withUnsafeBufferPointer { distance.distance(to: $0) } == expected, "\(query) to \(words)")
            }
        }
    }

    @Test func distancesOfKnownSequences() {
        var distance = WordDistance([1, 2, 3, 4])
        #expect([Int32]([1, 2, 3, 4]).withUnsafeBufferPointer { distance.distance(to: $0) } == 0)
        #expect([Int32]([2, 3, 4]).withUnsafeBufferPointer { distance.distance(to: $0) } == 1)
        #expect([Int32]([4, 3, 2, 1]).withUnsafeBufferPointer { distance.distance(to: $0) } == 4)
        #expect([Int32]([]).withUnsafeBufferPointer { distance.distance(to: $0) } == 4)
        #expect([Int32]([1, 9, 3, 4, 5]).withUnsafeBufferPointer { distance.distance(to: $0) } == 2)
    }
}
