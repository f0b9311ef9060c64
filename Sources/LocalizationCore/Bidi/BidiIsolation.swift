/// Left-to-right runs inside right-to-left text that UAX #9 would let neighbouring neutrals
/// and numbers rearrange: Latin names and acronyms ("WIR 2.0", "MiSO e.V"), numbers with
/// separators ("0108/2021", "1.234,5"), e-mail addresses and URLs. Assembly isolates each one
/// (`<bdi dir="ltr">` in markup, LRI…PDI where markup cannot go), so it reads left to right
/// as one piece and cannot pull punctuation or digits around it into its direction.
public enum BidiIsolation {
    /// Runs (in Unicode scalars) that start and end with a left-to-right letter or a European
    /// digit, hold no right-to-left letter or Arabic digit and no space except between two
    /// words, when they contain a letter or are a number with separators; a plain "44" needs
    /// no isolation.
    public static func leftToRightRuns(in text: String) -> [Range<Int>] {
        leftToRightRuns(classes: BidiClass.classes(of: text))
    }

    /// The runs of a text given the bidi class of each of its scalars.
    static func leftToRightRuns(classes: [BidiClass]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < classes.count {
            guard classes[index] == .leftToRight || classes[index] == .europeanNumber else { index += 1; continue }
            var last = index
            var cursor = index + 1
            scan: while cursor < classes.count {
                switch classes[cursor] {
                case .rightToLeft, .arabicLetter, .arabicNumber, .paragraphSeparator, .segmentSeparator,
                     .leftToRightIsolate, .rightToLeftIsolate, .firstStrongIsolate, .popDirectionalIsolate:
                    break scan
                case .leftToRight, .europeanNumber:
                    last = cursor
                case .nonspacingMark where last == cursor - 1:
                    last = cursor
                case .whitespace:
                    // Words of one name ("MiSO e.V", "WIR 2.0") stay together; items set
                    // apart by punctuation and spaces ("WIR 2.0 & 0108/2021") are isolated
                    // one by one, so the sentence orders them right to left.
                    let joinsWords = last == cursor - 1 && cursor + 1 < classes.count
                        && (classes[cursor + 1] == .leftToRight || classes[cursor + 1] == .europeanNumber)
                    if !joinsWords { break scan }
                default:
                    break
                }
                cursor += 1
            }
            let run = classes[index ... last]
            let hasLetter = run.contains(.leftToRight)
            let isNumberWithSeparators = run.count > 1 && run.contains { $0 != .europeanNumber }
            if hasLetter || isNumberWithSeparators { runs.append(index ..< last + 1) }
            index = last + 1
        }
        return runs
    }

    /// The text with each run wrapped in LRI (U+2066) … PDI (U+2069), for places that hold
    /// text but no markup (`<title>`).
    public static func isolatedWithControls(_ text: String) -> String {
        let runs = leftToRightRuns(in: text)
        guard !runs.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count + 2 * runs.count)
        var cursor = 0
        for run in runs {
            result += scalars[cursor ..< run.lowerBound]
            result.append("\u{2066}")
            result += scalars[run]
            result.append("\u{2069}")
            cursor = run.upperBound
        }
        result += scalars[cursor...]
        return String(scalars: result)
    }

    /// The text escaped for element content, each run in `<bdi dir="ltr">`.
    static func html(_ text: String, asciiOnly: Bool) -> [UInt8] {
        var output: [UInt8] = []
        html(text, asciiOnly: asciiOnly, into: &output)
        return output
    }

    /// `html(_:asciiOnly:)` appended to `output`.
    static func html(_ text: String, asciiOnly: Bool, into output: inout [UInt8]) {
        let runs = leftToRightRuns(in: text)
        // Most right-to-left sentences hold no left-to-right run: escaped as they are.
        guard !runs.isEmpty else {
            HTMLEscaping.escape(text, inAttribute: false, asciiOnly: asciiOnly, into: &output)
            return
        }
        let scalars = Array(text.unicodeScalars)
        var cursor = 0
        func escaped(_ range: Range<Int>) {
            HTMLEscaping.escape(String(scalars: scalars[range]), inAttribute: false, asciiOnly: asciiOnly, into: &output)
        }
        for run in runs {
            escaped(cursor ..< run.lowerBound)
            output += #"<bdi dir="ltr">"#.utf8
            escaped(run)
            output += "</bdi>".utf8
            cursor = run.upperBound
        }
        escaped(cursor ..< scalars.count)
    }
}
