@testable import LocalizationCore

extension FuzzyIndex {
    /// `init(vocabulary:words:wordStart:)` with entry `i`'s word numbers given as
    /// `entryWords[i]`: how the tests write an index's layout by hand.
    init?(vocabulary: [String], entryWords: [[Int32]]) {
        var wordStart: [Int32] = [0]
        for entry in entryWords { wordStart.append(wordStart.last! + Int32(entry.count)) }
        self.init(vocabulary: vocabulary, words: Array(entryWords.joined()), wordStart: wordStart)
    }
}
