/// Words of German text as the term recognizer sees them: a span of the text and keys that
/// make inflected, gendered and hyphenated forms comparable.
struct GermanWord: Sendable, Hashable {
    /// Offsets in Unicode scalars of the text.
    var start: Int
    var end: Int
    /// As written.
    var surface: String
    /// Lower case, umlauts and ß folded (ä→a, ß→ss), gender marks dropped ("Migrant*innen",
    /// "Migrant:innen", "MigrantInnen" → "migrantinnen"), hyphens dropped.
    var folded: String
    /// Whether the word ends in a hyphen: the first half of "Ziel- und Maßnahmenkatalog".
    var isTruncated: Bool
    /// Whether the word starts with a capital letter (German nouns do).
    var isCapitalised: Bool

    /// Splits text into words: runs of letters and digits, joined by a hyphen, a gender mark
    /// (`*`, `:`, `_`, `/`) or a point between digits ("2.0") when a letter or digit follows.
    static func words(in text: String) -> [GermanWord] {
        let scalars = Array(text.unicodeScalars)
        var words: [GermanWord] = []
        var index = 0
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            // ASCII without a property lookup: letters and digits are the only word scalars there.
            if scalar.isASCII { return isASCIILetter(scalar) || ("0" ... "9").contains(scalar) }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark
        }
        while index < scalars.count {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            let start = index
            var end = index
            var truncated = false
            while end < scalars.count {
                let scalar = scalars[end]
                if isWordScalar(scalar) || scalar == "\u{AD}" {
                    end += 1
                } else if "-‐*:_/".unicodeScalars.contains(scalar), end + 1 < scalars.count, isWordScalar(scalars[end + 1]) {
                    end += 1
                } else if scalar == ".", end + 1 < scalars.count, scalars[end + 1].properties.numericType != nil,
                          scalars[end - 1].properties.numericType != nil {
                    end += 1
                } else if (scalar == "-" || scalar == "‐"), end + 1 < scalars.count, scalars[end + 1] == " " || scalars[end + 1] == "\u{A0}" {
                    // "Ziel- und …": a compound whose second part follows later
                    end += 1
                    truncated = true
                    break
                } else {
                    break
                }
            }
            let surface = string(scalars[start ..< end])
            let first = scalars[start]
            words.append(GermanWord(start: start, end: end, surface: surface, folded: fold(scalars[start ..< end]), isTruncated: truncated,
                                    isCapitalised: first.properties.isUppercase || first.properties.numericType != nil))
            index = end
        }
        return words
    }

    /// The comparison key of a word (see `folded`).
    static func fold(_ word: String) -> String {
        fold(Array(word.unicodeScalars)[...])
    }

    /// The comparison key of a word given as scalars. Runs for every word of every text the
    /// recognizer reads, so ASCII is decided without property lookups or a lowercased String.
    static func fold(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        let scalars = Array(scalars)
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var isASCII = true
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let afterLowercase = index > 0 && isLowercase(scalars[index - 1])
            // "Migrant*innen", "Migrant:in", "Migrant_innen", "Migrant/-innen": drop the mark.
            if scalar == "*" || scalar == ":" || scalar == "_" || scalar == "/", afterLowercase {
                var next = index + 1
                if next < scalars.count, scalars[next] == "-" { next += 1 }
                if next < scalars.count, scalars[next] == "i" {
                    index = next
                    continue
                }
            }
            // "MigrantInnen", "MigrantIn": the capital I of the gender form.
            if scalar == "I", afterLowercase, index + 1 < scalars.count, scalars[index + 1] == "n",
               index + 2 == scalars.count || !isLowercase(scalars[index + 2])
               || (index + 4 < scalars.count && scalars[index + 2 ... index + 4].elementsEqual(["n", "e", "n"])) {
                result.append("i")
                index += 1
                continue
            }
            result.append(scalar)
            isASCII = isASCII && scalar.isASCII
            index += 1
        }
        // Lower case: ASCII by hand; anything else as String does it (special mappings included).
        let lowered: [Unicode.Scalar] = isASCII
            ? result.map { isASCIILetter($0) && $0.value < 0x61 ? Unicode.Scalar($0.value + 0x20)! : $0 }
            : Array(String(String.UnicodeScalarView(result)).lowercased().unicodeScalars)
        var folded: [Unicode.Scalar] = []
        folded.reserveCapacity(lowered.count)
        for scalar in lowered {
            switch scalar {
            case "ä": folded.append("a")
            case "ö": folded.append("o")
            case "ü": folded.append("u")
            case "ß": folded += ["s", "s"]
            case "-", "‐", "\u{AD}", ".":
                continue
            default: folded.append(scalar)
            }
        }
        return string(folded[...])
    }

    /// The string of these scalars, encoded to UTF-8 in one buffer: appending to a
    /// `String.UnicodeScalarView` goes scalar by scalar through generic code, and this runs
    /// for every word of every text.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a" ... "z").contains(scalar) || ("A" ... "Z").contains(scalar)
    }

    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a" ... "z").contains(scalar) : scalar.properties.isLowercase
    }
}
