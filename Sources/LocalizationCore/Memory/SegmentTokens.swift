/// A segment's text as the fuzzy matcher sees it: words (case-folded), numbers as one
/// placeholder, punctuation, and the facts penalties are computed from.
///
/// Similarity (documented in the README): with `d` the word-level Levenshtein distance
/// between the two word sequences (numbers counted as the placeholder `#`) and `n`, `m` their
/// lengths, `score = 100 × (1 − d / max(n, m))`, then minus 1 for differences only in letter
/// case, 1 for differences in white space, 1 per differing punctuation mark (at most 3),
/// 2 when the inline codes differ, 1 when numbers differ (and the target is auto-adapted).
struct SegmentTokens: Sendable, Hashable {
    /// Case-folded words, numbers replaced by `#`.
    var words: [String]
    /// The same words with their case.
    var casedWords: [String]
    /// Numbers as written, in order.
    var numbers: [String]
    var punctuation: [Character]
    /// The text with runs of white space made one space, trimmed.
    var spacedText: String
    var rawText: String
    /// The codes' kinds and placements in order.
    var codeSignature: [String]

    init(_ content: Content) {
        let text = content.plainText
        rawText = text
        spacedText = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        codeSignature = content.fragments.compactMap { fragment in
            switch fragment {
            case .text: nil
            case .opening(let code): "<\(code.kind.rawValue)"
            case .closing(let code): ">\(code.kind.rawValue)"
            case .standalone(let code, _): "|\(code.kind.rawValue)"
            }
        }
        var words: [String] = []
        var cased: [String] = []
        var numbers: [String] = []
        var punctuation: [Character] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isNumber {
                var end = index + 1
                // Digits with inner separators are one number: 1.000.000, 5,5, 0108/2021, 14.1.
                while end < characters.count, characters[end].isNumber
                    || (".,:/".contains(characters[end]) && end + 1 < characters.count && characters[end + 1].isNumber) {
                    end += 1
                }
                numbers.append(String(characters[index ..< end]))
                words.append("#")
                cased.append("#")
                index = end
            } else if character.isLetter {
                var end = index + 1
                // Word characters include gender marks inside words: Expert*innen, Migrant:innen.
                while end < characters.count, characters[end].isLetter || characters[end] == "-" && end + 1 < characters.count && characters[end + 1].isLetter
                    || ("*:_".contains(characters[end]) && end + 1 < characters.count && characters[end + 1].isLowercase) {
                    end += 1
                }
                let word = String(characters[index ..< end])
                cased.append(word)
                words.append(word.lowercased())
                index = end
            } else {
                if !character.isWhitespace { punctuation.append(character) }
                index += 1
            }
        }
        self.words = words
        self.casedWords = cased
        self.numbers = numbers
        self.punctuation = punctuation
    }

    /// Word-level Levenshtein distance (two rows; O(n·m) time, O(m) memory).
    static func distance(_ a: [String], _ b: [String]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0 ... b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1 ... a.count {
            current[0] = i
            for j in 1 ... b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] : 1 + min(previous[j - 1], previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
