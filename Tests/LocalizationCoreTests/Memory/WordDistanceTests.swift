import Testing
@testable import LocalizationCore

/// The bit-vector edit distance and the table it replaces, both against the textbook
/// definition, on random word sequences of every length around the 64 words the bit vectors
/// hold (a longer query takes the table).
@Suite struct WordDistanceTests {
    /// Sequences from a few numbers (many repeats and many ties), with words the memory has not
    /// seen (below zero) in queries.
    static func sequence(_ random: inout SplitMix64, length: Int, unknown: Bool) -> [Int32] {
        (0 ..< length).map { _ in
            let word = Int32(random.next() % 7)
            return unknown && random.next() % 6 == 0 ? -1 - word : word
        }
    }

    /// Levenshtein's distance as defined: the whole matrix, nothing kept from one query to the next.
    static func definedDistance(_ a: [Int32], _ b: [Int32]) -> Int {
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0 ... a.count { matrix[i][0] = i }
        for j in 0 ... b.count { matrix[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = matrix[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                matrix[i][j] = min(substitution, matrix[i - 1][j] + 1, matrix[i][j - 1] + 1)
            }
        }
        return matrix[a.count][b.count]
    }

    @Test(arguments: [0, 1, 2, 3, 7, 20, 63, 64, 65, 90])
    func bitVectorsAndTableGiveTheDefinedDistance(queryLength: Int) {
        var random = SplitMix64(seed: UInt64(queryLength) + 1)
        var row: [Int32] = []
        for _ in 0 ..< 200 {
            let query = Self.sequence(&random, length: queryLength, unknown: true)
            var distance = WordDistance(query)
            for _ in 0 ..< 5 {
                let words = Self.sequence(&random, length: Int(random.next() % 80), unknown: false)
                let expected = Self.definedDistance(query, words)
                #expect(words.withUnsafeBufferPointer { FuzzyIndex.distance(query, $0, row: &row) } == expected, "table: \(query) to \(words)")
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
