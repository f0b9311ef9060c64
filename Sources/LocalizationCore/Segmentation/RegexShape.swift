/// What the segmenter can know about an SRX `beforebreak` pattern without running it, so that
/// it can test a boundary by looking at the text just before it instead of searching the
/// whole text for matches (see `CompiledRules.LocalReach`).
///
/// Three facts that hold for every match the pattern can make:
/// - `maximumLength`: how many UTF-16 units a match can span (nil when a quantifier such as
///   `\s+` makes it unbounded);
/// - `characterPatterns`: for each part of the pattern that consumes one character, its own
///   text (`\p{L}`, `[.!?:]`, `\.`), so that a character none of them matches cannot lie
///   inside a match;
/// - `requiredCharacterPatterns`: those of them that every match consumes (outside groups,
///   with no quantifier that allows zero), so that a text with no character one of them
///   matches has no match at all (`\n` in `\n[^\S\n]*\n`).
///
/// The analysis knows a conservative subset of ICU's syntax (groups, lookaround, classes,
/// escapes, `.`, `^`, `$`, quantifiers); anything else (flags, back references, `\X`, `\Q`…)
/// makes `init` return nil, and the segmenter then searches the whole text as before.
struct RegexShape: Sendable, Hashable {
    var maximumLength: Int?
    var characterPatterns: [String]
    var requiredCharacterPatterns: [String]

    init?(pattern: String) {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let length = try? parser.alternation(inLookaround: false), parser.isAtEnd else { return nil }
        maximumLength = length.value
        characterPatterns = parser.characterPatterns
        // With `a|b` at the top, no part is in every match.
        requiredCharacterPatterns = parser.hasTopLevelAlternation ? [] : parser.requiredCharacterPatterns
    }

    /// A length that may be unbounded.
    private struct Length {
        var value: Int?

        static let zero = Length(value: 0)
        static let unbounded = Length(value: nil)
        /// One code point: one or two UTF-16 units.
        static let character = Length(value: 2)

        static func + (lhs: Length, rhs: Length) -> Length {
            guard let left = lhs.value, let right = rhs.value else { return .unbounded }
            return Length(value: left + right)
        }

        static func max(_ lhs: Length, _ rhs: Length) -> Length {
            guard let left = lhs.value, let right = rhs.value else { return .unbounded }
            return Length(value: Swift.max(left, right))
        }

        func times(_ count: Int?) -> Length {
            guard let value else { return .unbounded }
            if value == 0 { return .zero }
            guard let count else { return .unbounded }
            return Length(value: value * count)
        }
    }

    private struct Unsupported: Error {}

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var characterPatterns: [String] = []
        var requiredCharacterPatterns: [String] = []
        var hasTopLevelAlternation = false
        /// How many groups (lookarounds included) the parser is in.
        private var depth = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        var isAtEnd: Bool { index == scalars.count }

        private var next: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        private mutating func take() throws(Unsupported) -> Unicode.Scalar {
            guard let scalar = next else { throw Unsupported() }
            index += 1
            return scalar
        }

        private mutating func expect(_ scalar: Unicode.Scalar) throws(Unsupported) {
            guard try take() == scalar else { throw Unsupported() }
        }

        /// `a|b|…` up to a `)` or the end: the longest alternative.
        mutating func alternation(inLookaround: Bool) throws(Unsupported) -> Length {
            var longest = try sequence(inLookaround: inLookaround)
            while next == "|" {
                if depth == 0 { hasTopLevelAlternation = true }
                index += 1
                longest = .max(longest, try sequence(inLookaround: inLookaround))
            }
            return longest
        }

        private mutating func sequence(inLookaround: Bool) throws(Unsupported) -> Length {
            var total = Length.zero
            while let scalar = next, scalar != "|", scalar != ")" {
                let start = index
                let (length, consumesOne) = try atom(inLookaround: inLookaround)
                let pattern = String(String.UnicodeScalarView(scalars[start ..< index]))
                let (quantifiedLength, isOptional) = try quantified(length)
                // Characters matched inside a lookaround are not part of the match.
                if consumesOne, !inLookaround {
                    characterPatterns.append(pattern)
                    if depth == 0, !isOptional { requiredCharacterPatterns.append(pattern) }
                }
                total = total + quantifiedLength
            }
            return total
        }

        /// One atom: its length, and whether it is a single-character atom.
        private mutating func atom(inLookaround: Bool) throws(Unsupported) -> (Length, Bool) {
            let scalar = try take()
            switch scalar {
            case "(":
                var isLookaround = false
                if next == "?" {
                    index += 1
                    switch try take() {
                    case ":", ">": break
                    case "=", "!": isLookaround = true
                    case "<":
                        guard let kind = next, kind == "=" || kind == "!" else { throw Unsupported() }
                        index += 1
                        isLookaround = true
                    default: throw Unsupported()  // flags, comments, named groups
                    }
                }
                depth += 1
                let inner = try alternation(inLookaround: inLookaround || isLookaround)
                depth -= 1
                try expect(")")
                return (isLookaround ? .zero : inner, false)
            case "[":
                try skipClass()
                return (.character, true)
            case "\\":
                return try escape()
            case ".":
                return (.character, true)
            case "^", "$":
                return (.zero, false)
            case "*", "+", "?", "{", ")", "|":
                throw Unsupported()
            default:
                return (.character, true)
            }
        }

        /// After `\`.
        private mutating func escape() throws(Unsupported) -> (Length, Bool) {
            let scalar = try take()
            switch scalar {
            case "b", "B", "A", "z", "Z":
                return (.zero, false)
            case "d", "D", "s", "S", "w", "W", "h", "H", "v", "V", "t", "n", "r", "f", "a", "e", ".":
                return (.character, true)
            case "p", "P", "N":
                if next == "{" { try skip(past: "}") } else if scalar == "N" { throw Unsupported() } else { _ = try take() }
                return (.character, true)
            case "x":
                if next == "{" { try skip(past: "}") } else { try skipHexDigits(2) }
                return (.character, true)
            case "u":
                try skipHexDigits(4)
                return (.character, true)
            case "U":
                try skipHexDigits(8)
                return (.character, true)
            case "c":
                _ = try take()
                return (.character, true)
            case "0":
                var digits = 0
                while digits < 3, let digit = next, ("0" ... "7").contains(digit) { index += 1; digits += 1 }
                return (.character, true)
            default:
                // Any other letter or digit is a back reference or an escape the analysis does
                // not know (`\X`, `\R`, `\Q`, `\G`, `\k`…); other characters stand for themselves.
                if scalar.properties.isAlphabetic || ("0" ... "9").contains(scalar) || !scalar.isASCII { throw Unsupported() }
                return (.character, true)
            }
        }

        private mutating func skip(past terminator: Unicode.Scalar) throws(Unsupported) {
            while try take() != terminator {}
        }

        private mutating func skipHexDigits(_ count: Int) throws(Unsupported) {
            for _ in 0 ..< count {
                guard try take().properties.isASCIIHexDigit else { throw Unsupported() }
            }
        }

        /// A bracket expression after its `[`, nested sets and escapes included: it matches one
        /// character. A `{` (set strings) or a `]` right at the start is not analysed.
        private mutating func skipClass() throws(Unsupported) {
            if next == "^" { index += 1 }
            if next == "]" { throw Unsupported() }
            var depth = 1
            while depth > 0 {
                switch try take() {
                case "\\":
                    let escaped = try take()
                    if ["p", "P", "N", "x"].contains(escaped), next == "{" { try skip(past: "}") }
                case "[":
                    depth += 1
                case "]":
                    depth -= 1
                case "{":
                    throw Unsupported()
                default:
                    break
                }
            }
        }

        /// Applies a quantifier that may follow an atom, with its lazy or possessive suffix;
        /// `isOptional` when it lets the atom match zero times.
        private mutating func quantified(_ length: Length) throws(Unsupported) -> (length: Length, isOptional: Bool) {
            let result: Length
            let isOptional: Bool
            switch next {
            case "?":
                index += 1
                result = length
                isOptional = true
            case "*", "+":
                isOptional = next == "*"
                index += 1
                result = length.times(nil)
            case "{":
                index += 1
                let low = try number()
                var high: Int? = low
                if next == "," {
                    index += 1
                    high = next == "}" ? nil : try number()
                }
                try expect("}")
                result = length.times(high)
                isOptional = low == 0
            default:
                return (length, false)
            }
            if next == "?" || next == "+" { index += 1 }
            if let scalar = next, ["?", "*", "+", "{"].contains(scalar) { throw Unsupported() }
            return (result, isOptional)
        }

        private mutating func number() throws(Unsupported) -> Int {
            var value = 0
            var digits = 0
            while let digit = next, ("0" ... "9").contains(digit), digits < 6 {
                value = value * 10 + Int(digit.value - 48)
                index += 1
                digits += 1
            }
            guard digits > 0 else { throw Unsupported() }
            return value
        }
    }
}
