/// The word-level edit distance from one query to many word sequences, on word numbers: what
/// a fuzzy search computes for every candidate of a sentence.
///
/// A query of at most 64 words is one bit per word: Myers's bit-vector algorithm (in Hyyrö's
/// formulation for the edit distance) takes one step of a dozen machine-word operations per
/// word of the other sequence, where the table takes a row of the query's length. The
/// candidates' distances were a third of finding a sentence's candidates. A longer query takes
/// the table (`FuzzyIndex.distance`).
struct WordDistance {
    private let query: [Int32]
    /// The query's word numbers in an open-addressing table (`slotWords[s]` is -1 when slot `s`
    /// is free), each with the bits of the query positions that hold it. Words the memory has
    /// not seen (numbers below zero) are left out: no sequence of the memory has them.
    private var slotWords: [Int32]
    private var slotMasks: [UInt64]
    private let slotShift: Int
    /// The table's row, for a query too long for the bit vectors.
    private var row: [Int32] = []

    init(_ query: [Int32]) {
        self.query = query
        // At least twice as many slots as words, so that probes stay short.
        var bits = 4
        while 1 << bits < 2 * min(query.count, 64) { bits += 1 }
        slotShift = 32 - bits
        slotWords = [Int32](repeating: -1, count: 1 << bits)
        slotMasks = [UInt64](repeating: 0, count: 1 << bits)
        guard query.count <= 64 else { return }
        for (position, word) in query.enumerated() where word >= 0 {
            var slot = Self.slot(of: word, shift: slotShift)
            while slotWords[slot] != -1, slotWords[slot] != word { slot = (slot + 1) & (slotWords.count - 1) }
            slotWords[slot] = word
            slotMasks[slot] |= 1 << UInt64(position)
        }
    }

    /// Fibonacci hashing: the top bits of the number times 2³²/φ.
    private static func slot(of word: Int32, shift: Int) -> Int {
        Int((UInt32(bitPattern: word) &* 0x9E37_79B9) >> UInt32(shift))
    }

    /// The Levenshtein distance between the query and `words`.
    mutating func distance(to words: UnsafeBufferPointer<Int32>) -> Int {
        let m = query.count
        if m == 0 { return words.count }
        if words.isEmpty { return m }
        guard m <= 64 else { return FuzzyIndex.distance(query, words, row: &row) }
        // Bit i of `plus`/`minus`: the table's column steps by +1/−1 from row i to row i + 1.
        var plus = UInt64.max
        var minus: UInt64 = 0
        var score = m
        let lastRow: UInt64 = 1 << UInt64(m - 1)
        let shift = slotShift
        slotWords.withUnsafeBufferPointer { slotWords in
            slotMasks.withUnsafeBufferPointer { slotMasks in
                let slotMask = slotWords.count - 1
                for word in words {
                    var slot = Self.slot(of: word, shift: shift)
                    var equal: UInt64 = 0
                    while slotWords[slot] != -1 {
                        if slotWords[slot] == word {
                            equal = slotMasks[slot]
                            break
                        }
                        slot = (slot + 1) & slotMask
                    }
                    let vertical = equal | minus
                    let horizontal = (((equal & plus) &+ plus) ^ plus) | equal
                    var horizontalPlus = minus | ~(horizontal | plus)
                    var horizontalMinus = plus & horizontal
                    if horizontalPlus & lastRow != 0 {
                        score += 1
                    } else if horizontalMinus & lastRow != 0 {
                        score -= 1
                    }
                    // Row 0 of the table counts the sequence's words: it steps by +1.
                    horizontalPlus = horizontalPlus << 1 | 1
                    horizontalMinus <<= 1
                    plus = horizontalMinus | ~(vertical | horizontalPlus)
                    minus = horizontalPlus & vertical
                }
            }
        }
        return score
    }
}
