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
        var spaced: [UInt8] = []
        spaced.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        Self.scan(text) { token, bytes, first in
            switch token {
            case .number:
                numbers.append(String(decoding: bytes, as: UTF8.self))
                words.append("#")
                cased.append("#")
            case .word:
                let word = String(decoding: bytes, as: UTF8.self)
                cased.append(word)
                words.append(word.lowercased())
            case .other:
                if !Self.isWhitespace(first) { punctuation.append(Character(first)) }
            }
            // The text with runs of white space made one space, trimmed.
            if token == .other, Self.isWhitespace(first) {
                pendingSpace = !spaced.isEmpty
            } else {
                if pendingSpace { spaced.append(UInt8(ascii: " ")) }
                pendingSpace = false
                spaced.append(contentsOf: bytes)
            }
        }
        spacedText = String(decoding: spaced, as: UTF8.self)
        self.words = words
        self.casedWords = cased
        self.numbers = numbers
        self.punctuation = punctuation
    }

    /// The case-folded words alone (numbers as `#`): what the memory's index needs.
    static func words(of content: Content) -> [String] {
        var words: [String] = []
        scan(content.plainText) { token, bytes, _ in
            switch token {
            case .number: words.append("#")
            case .word: words.append(String(decoding: bytes, as: UTF8.self).lowercased())
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

    /// Splits text into numbers, words and single other characters, in order, and passes each
    /// with its UTF-8 bytes and its first scalar. Works on the UTF-8 of the text (memory text
    /// is NFC), decoding scalars as it goes, with the ASCII cases decided without a property
    /// lookup: this runs for every entry when a memory is loaded and for every segment looked up.
    static func scan(_ text: String, _ visit: (Token, ArraySlice<UInt8>, Unicode.Scalar) -> Void) {
        let bytes = Array(text.utf8)
        /// The scalar at byte `position` and its length in bytes (the bytes are valid UTF-8).
        func scalar(at position: Int) -> (Unicode.Scalar, Int) {
            let lead = bytes[position]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1 ..< length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }
        /// The scalar starting at byte `position`, if any.
        func scalar(startingAt position: Int) -> Unicode.Scalar? {
            position < bytes.count ? scalar(at: position).0 : nil
        }
        var index = 0
        while index < bytes.count {
            let (first, length) = scalar(at: index)
            var end = index + length
            if isNumber(first) {
                // Digits with inner separators are one number: 1.000.000, 5,5, 0108/2021, 14.1.
                while end < bytes.count {
                    let (next, nextLength) = scalar(at: end)
                    if isNumber(next) {
                        end += nextLength
                    } else if ".,:/".unicodeScalars.contains(next), scalar(startingAt: end + 1).map(isNumber) == true {
                        end += 1
                    } else {
                        break
                    }
                }
                visit(.number, bytes[index ..< end], first)
            } else if isLetter(first) {
                // Word characters include combining marks, hyphens between letters and gender
                // marks inside words: Expert*innen, Migrant:innen.
                while end < bytes.count {
                    let (next, nextLength) = scalar(at: end)
                    if isLetter(next) || isMark(next) {
                        end += nextLength
                    } else if next == "-", scalar(startingAt: end + 1).map(isLetter) == true {
                        end += 1
                    } else if "*:_".unicodeScalars.contains(next), scalar(startingAt: end + 1).map(isLowercase) == true {
                        end += 1
                    } else {
                        break
                    }
                }
                visit(.word, bytes[index ..< end], first)
            } else {
                visit(.other, bytes[index ..< end], first)
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
