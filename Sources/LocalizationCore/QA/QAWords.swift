/// Words, names and addresses in a sentence, for the checks that look at words
/// (`script`, `untranslated`).
enum QAWords {
    /// A word: letters and combining marks, with ZWNJ/ZWJ (Persian half-spaces) and
    /// apostrophes between letters kept inside ("تشکل‌های", "м’ята", "WIR 2.0'ın" → "ın").
    struct Word: Sendable, Hashable {
        var text: String
        var range: Range<Int>
    }

    static func words(in scalars: [Unicode.Scalar]) -> [Word] {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || [.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory)
        }
        var words: [Word] = []
        var index = 0
        while index < scalars.count {
            guard isLetter(scalars[index]) else { index += 1; continue }
            let start = index
            while index < scalars.count {
                if isLetter(scalars[index]) {
                    index += 1
                } else if ["\u{200C}", "\u{200D}", "'", "\u{2019}"].contains(scalars[index]), index + 1 < scalars.count, isLetter(scalars[index + 1]) {
                    index += 1
                } else {
                    break
                }
            }
            words.append(Word(text: String(String.UnicodeScalarView(scalars[start ..< index])), range: start ..< index))
        }
        return words
    }

    /// Ranges of e-mail addresses, URLs and domain names ("info@hannover.de",
    /// "https://…", "hannover.de"): they are written in Latin letters in every language.
    static func addresses(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        let edges: Set<Unicode.Scalar> = ["(", ")", "[", "]", "<", ">", "\"", "'", "„", "“", "”", "«", "»", ",", ";", ":", "،", "؛", "!", "?", "؟"]
        var ranges: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            guard !scalars[index].properties.isWhitespace else { index += 1; continue }
            var start = index
            while index < scalars.count, !scalars[index].properties.isWhitespace { index += 1 }
            var end = index
            while start < end, edges.contains(scalars[start]) { start += 1 }
            while end > start, edges.contains(scalars[end - 1]) || scalars[end - 1] == "." { end -= 1 }
            guard start < end else { continue }
            let token = String(String.UnicodeScalarView(scalars[start ..< end]))
            if isAddress(token) { ranges.append(start ..< end) }
        }
        return ranges
    }

    static func isAddress(_ token: String) -> Bool {
        let lower = token.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") || lower.hasPrefix("mailto:") { return true }
        if let at = lower.firstIndex(of: "@"), at != lower.startIndex, lower[at...].contains(".") { return true }
        // A domain: ASCII labels joined by dots, ending in a top-level domain of letters.
        let labels = lower.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, (2 ... 24).contains(top.count), top.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        } && labels.dropLast().contains { $0.count >= 2 }
    }

    /// Name-like words that need no translation: acronyms and words written with capitals
    /// inside ("MiSO", "WIR", "LHH", "e.V"), and words with digits.
    static func isName(_ word: String) -> Bool {
        let letters = word.unicodeScalars.filter(\.properties.isAlphabetic)
        let inner = letters.dropFirst()
        return inner.contains { $0.properties.isUppercase } || (letters.count == 1 && word.unicodeScalars.first?.properties.isUppercase == true)
    }
}
