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
        var spaced = String.UnicodeScalarView()
        var pendingSpace = false
        let scalars = text.unicodeScalars
        Self.scan(text) { token, range in
            let first = scalars[range.lowerBound]
            switch token {
            case .number:
                numbers.append(String(scalars[range]))
                words.append("#")
                cased.append("#")
            case .word:
                let word = String(scalars[range])
                cased.append(word)
                words.append(word.lowercased())
            case .other:
                if !Self.isWhitespace(first) { punctuation.append(Character(first)) }
            }
            // The text with runs of white space made one space, trimmed.
            if token == .other, Self.isWhitespace(first) {
                pendingSpace = !spaced.isEmpty
            } else {
                if pendingSpace { spaced.append(" ") }
                pendingSpace = false
                spaced.append(contentsOf: scalars[range])
            }
        }
        spacedText = String(spaced)
        self.words = words
        self.casedWords = cased
        self.numbers = numbers
        self.punctuation = punctuation
    }

    /// The case-folded words alone (numbers as `#`): what the memory's index needs.
    static func words(of content: Content) -> [String] {
        var words: [String] = []
        let text = content.plainText
        scan(text) { token, range in
            switch token {
            case .number: words.append("#")
            case .word: words.append(String(text.unicodeScalars[range]).lowercased())
            case .other: break
            }
        }
        return words
    }

    enum Token {
        case number
        case word
        /// One character that is neither: punctuation or white space.
        case other
    }

    /// Splits text into numbers, words and single other characters, in order. Works on
    /// Unicode scalars (memory text is NFC), with the ASCII cases decided without a property
    /// lookup: this runs for every entry when a memory is loaded.
    static func scan(_ text: String, _ visit: (Token, Range<String.Index>) -> Void) {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        /// The scalar after `position`, if any.
        func following(_ position: String.Index) -> Unicode.Scalar? {
            let next = scalars.index(after: position)
            return next < scalars.endIndex ? scalars[next] : nil
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            var end = scalars.index(after: index)
            if isNumber(scalar) {
                // Digits with inner separators are one number: 1.000.000, 5,5, 0108/2021, 14.1.
                while end < scalars.endIndex, isNumber(scalars[end])
                    || (".,:/".unicodeScalars.contains(scalars[end]) && following(end).map(isNumber) == true) {
                    end = scalars.index(after: end)
                }
                visit(.number, index ..< end)
            } else if isLetter(scalar) {
                // Word characters include combining marks, hyphens between letters and gender
                // marks inside words: Expert*innen, Migrant:innen.
                while end < scalars.endIndex, isLetter(scalars[end]) || isMark(scalars[end])
                    || scalars[end] == "-" && following(end).map(isLetter) == true
                    || ("*:_".unicodeScalars.contains(scalars[end]) && following(end).map(isLowercase) == true) {
                    end = scalars.index(after: end)
                }
                visit(.word, index ..< end)
            } else {
                visit(.other, index ..< end)
            }
            index = end
        }
    }

    private static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0" ... "9").contains(scalar) : scalar.properties.numericType != nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a" ... "z").contains(scalar) || ("A" ... "Z").contains(scalar) : scalar.properties.isAlphabetic
    }

    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a" ... "z").contains(scalar) : scalar.properties.isLowercase
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || ("\t" ... "\r").contains(scalar) : scalar.properties.isWhitespace
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
