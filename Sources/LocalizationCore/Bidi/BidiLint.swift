/// Checks an assembled page for what breaks bidirectional text: embeddings and overrides
/// (U+202A–U+202E, "Trojan Source"), unbalanced isolates, bidi controls in attribute values,
/// isolation (`<bdi>`) left open across a block, a right-to-left page without `dir="rtl"`, and
/// German fallback blocks without `lang="de" dir="ltr"`.
public enum BidiLint {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    static let blockElements: Set<String> = [
        "p", "li", "ul", "ol", "div", "section", "article", "main", "header", "footer", "nav", "aside",
        "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table", "dd", "dt", "dl", "blockquote",
        "title", "body", "head", "html", "figcaption", "figure", "form", "pre",
    ]

    public static func check(_ bytes: [UInt8], direction: TextDirection) -> [Problem] {
        // Most pages of a left-to-right locale hold nothing the lint looks for there.
        if direction == .leftToRight, !mayHaveLeftToRightProblems(bytes) { return [] }
        // Decoding repairs ill-formed UTF-8 (as U+FFFD); the scan then runs over the repaired
        // bytes. Everything it looks for outside tags is ASCII or a three-byte control, and a
        // UTF-8 continuation byte never equals an ASCII one, so bytes are compared directly and
        // a scalar is decoded only for the letter after a "<" and for a tag's text.
        var text = String(decoding: bytes, as: UTF8.self)
        return text.withUTF8 { check(utf8: $0, direction: direction) }
    }

    private static func check(utf8 bytes: UnsafeBufferPointer<UInt8>, direction: TextDirection) -> [Problem] {
        var problems: [Problem] = []
        var line = 1
        var index = 0
        var isolateDepth = 0
        var isolateLine = 1
        var bdiDepth = 0
        var sawRootDirection = false
        func report(_ message: String) { problems.append(Problem(line: line, message: message)) }
        func closeTextNode() {
            if isolateDepth > 0 { problems.append(Problem(line: isolateLine, message: "isolate (U+2066–U+2068) not closed by U+2069 in the same text")) }
            isolateDepth = 0
        }
        /// Whether the scalar starting at `position` is alphabetic.
        func isAlphabetic(at position: Int) -> Bool {
            let byte = bytes[position]
            if byte < 0x80 { return (0x41 ... 0x5A).contains(byte) || (0x61 ... 0x7A).contains(byte) }
            let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[position ..< min(position + 4, bytes.count)]), as: UTF8.self)
                .unicodeScalars.first
            return scalar?.properties.isAlphabetic == true
        }
        let (less, greater, hyphen, bang, slash) = (UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "!"), UInt8(ascii: "/"))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == less, index + 1 < bytes.count, bytes[index + 1] == slash || bytes[index + 1] == bang || isAlphabetic(at: index + 1) {
                closeTextNode()
                // A comment runs to "-->"; any other tag to ">".
                let isComment = index + 3 < bytes.count && bytes[index + 1] == bang && bytes[index + 2] == hyphen && bytes[index + 3] == hyphen
                var end = index + 1
                while end < bytes.count {
                    if isComment ? (bytes[end] == greater && bytes[end - 1] == hyphen && bytes[end - 2] == hyphen && end > index + 4) : bytes[end] == greater { break }
                    end += 1
                }
                let tagBytes = UnsafeBufferPointer(rebasing: bytes[index ..< min(end + 1, bytes.count)])
                // Every bidi control starts with byte D8 (U+061C) or E2 (the others): a tag
                // without either, as almost every tag is, is not decoded to look for them.
                if tagBytes.contains(where: { $0 == 0xD8 || $0 == 0xE2 }) {
                    for character in String(decoding: tagBytes, as: UTF8.self).unicodeScalars where isBidiControl(character) {
                        report("bidi control U+\(hex(character)) inside a tag or attribute value")
                    }
                }
                if !isComment { inspect(bytes: tagBytes, direction: direction, bdiDepth: &bdiDepth, sawRootDirection: &sawRootDirection, report: report) }
                line += tagBytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                index = end + 1
                continue
            }
            if byte == 0x0A {
                line += 1
            } else if byte == 0xE2, index + 2 < bytes.count {
                // U+2000–U+2FFF is E2 followed by two continuation bytes.
                let scalar = Unicode.Scalar(0x2000 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F))!
                switch scalar.value {
                case 0x202A ... 0x202E:
                    report("embedding or override U+\(hex(scalar)) (refused; use isolates)")
                case 0x2066 ... 0x2068:
                    if isolateDepth == 0 { isolateLine = line }
                    isolateDepth += 1
                case 0x2069:
                    if isolateDepth == 0 { report("U+2069 closes no isolate") } else { isolateDepth -= 1 }
                default:
                    break
                }
                index += 3
                continue
            }
            index += 1
        }
        closeTextNode()
        if bdiDepth > 0 { report("<bdi> not closed at the end of the page") }
        if direction == .rightToLeft, !sawRootDirection { problems.append(Problem(line: 1, message: "right-to-left page without dir=\"rtl\" on <html>")) }
        return problems
    }

    /// What a left-to-right page can be faulted for: a bidi control (in text or in a tag) or a
    /// `<bdi>` (left open, or closed without opening); the rest concerns right-to-left pages.
    /// False when the bytes hold none of them: no control's UTF-8 sequence and no "bdi" in any
    /// letter case. Decoding repairs ill-formed UTF-8 only into U+FFFD, so it cannot make one.
    static func mayHaveLeftToRightProblems(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0xD8:
                    // U+061C
                    if index + 1 < bytes.count, bytes[index + 1] == 0x9C { return true }
                case 0xE2:
                    // U+200E, U+200F, U+202A–U+202E, U+2066–U+2069
                    if index + 2 < bytes.count {
                        let second = bytes[index + 1]
                        let third = bytes[index + 2]
                        if second == 0x80, third == 0x8E || third == 0x8F || (0xAA ... 0xAE).contains(third) { return true }
                        if second == 0x81, (0xA6 ... 0xA9).contains(third) { return true }
                    }
                case UInt8(ascii: "b"), UInt8(ascii: "B"):
                    if index + 2 < bytes.count, lowercasedASCII(bytes[index + 1]) == UInt8(ascii: "d"),
                       lowercasedASCII(bytes[index + 2]) == UInt8(ascii: "i") { return true }
                default:
                    break
                }
                index += 1
            }
            return false
        }
    }

    private static func inspect(bytes: UnsafeBufferPointer<UInt8>, direction: TextDirection, bdiDepth: inout Int,
                                sawRootDirection: inout Bool, report: (String) -> Void) {
        // The lint reads a tag as Characters (`inspectCharacters`); almost every tag reads the
        // same as bytes (see `TagBytes`), and costs no decoding then.
        guard let tag = TagBytes(bytes) else {
            return inspectCharacters(String(decoding: bytes, as: UTF8.self), direction: direction, bdiDepth: &bdiDepth,
                                     sawRootDirection: &sawRootDirection, report: report)
        }
        let isHTML = tag.isNamed(Needle.html)
        if tag.isNamed(Needle.bdi) {
            if tag.isClosing {
                if bdiDepth == 0 { report("</bdi> without <bdi>") } else { bdiDepth -= 1 }
            } else {
                bdiDepth += 1
            }
        } else if bdiDepth > 0, blockElements.contains(tag.lowercasedName) {
            report("<bdi> left open across <\(tag.isClosing ? "/" : "")\(tag.lowercasedName)>: its direction spills into the next block")
            bdiDepth = 0
        }
        guard !tag.isClosing, direction == .rightToLeft else { return }
        var lowered: String?
        func contains(_ needle: Needle) -> Bool {
            if let found = tag.contains(needle.bytes) { return found }
            // A match beside other text: only Characters tell whether it stands on its own.
            if lowered == nil { lowered = String(decoding: bytes, as: UTF8.self).lowercased() }
            return lowered?.contains(needle.text) == true
        }
        if isHTML {
            sawRootDirection = contains(Needle.rightToLeft)
        }
        if !isHTML, Needle.german.contains(where: contains), !Needle.leftToRight.contains(where: contains) {
            report("German block inside a right-to-left page without dir=\"ltr\"")
        }
    }

    /// A tag read as Characters: the definition `TagBytes` must agree with.
    private static func inspectCharacters(_ tag: String, direction: TextDirection, bdiDepth: inout Int,
                                          sawRootDirection: inout Bool, report: (String) -> Void) {
        let body = tag.dropFirst().drop { $0 == "/" }
        let name = String(body.prefix { $0.isLetter || $0.isNumber }).lowercased()
        let isClosing = tag.hasPrefix("</")
        if name == "bdi" {
            if isClosing {
                if bdiDepth == 0 { report("</bdi> without <bdi>") } else { bdiDepth -= 1 }
            } else {
                bdiDepth += 1
            }
        } else if blockElements.contains(name), bdiDepth > 0 {
            report("<bdi> left open across <\(isClosing ? "/" : "")\(name)>: its direction spills into the next block")
            bdiDepth = 0
        }
        guard !isClosing, direction == .rightToLeft else { return }
        let lowered = tag.lowercased()
        if name == "html" {
            sawRootDirection = lowered.contains(Needle.rightToLeft.text)
        }
        if name != "html", Needle.german.contains(where: { lowered.contains($0.text) }), !Needle.leftToRight.contains(where: { lowered.contains($0.text) }) {
            report("German block inside a right-to-left page without dir=\"ltr\"")
        }
    }

    /// A tag (from its "<") read as bytes, where that gives what reading it as Characters gives.
    ///
    /// Characters and bytes differ only where scalars join into one Character: CR with the LF
    /// after it, and a character with the marks (or joiners) after it, which are never ASCII.
    /// So a tag without CR reads the same as bytes wherever what is read, and the byte before
    /// and after it, is ASCII: the name (the init fails otherwise), and an attribute text
    /// found (`contains` cannot tell otherwise). Lower-casing maps a non-ASCII scalar to ASCII
    /// only for "İ" (to "i" and a combining dot) and the Kelvin sign (to "k"): neither can
    /// complete a needle here, which ends with a quote and holds no "k".
    private struct TagBytes {
        let bytes: UnsafeBufferPointer<UInt8>
        let name: Range<Int>
        let isClosing: Bool

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard !bytes.contains(0x0D) else { return nil }
            var start = 1
            while start < bytes.count, bytes[start] == UInt8(ascii: "/") { start += 1 }
            var end = start
            while end < bytes.count, isASCIIAlphanumeric(bytes[end]) { end += 1 }
            // The Character after the name is one ASCII scalar: the byte after the name and
            // the one after that are ASCII.
            guard end == bytes.count || bytes[end] < 0x80 && (end + 1 == bytes.count || bytes[end + 1] < 0x80) else { return nil }
            self.bytes = bytes
            name = start ..< end
            isClosing = bytes.count >= 2 && bytes[1] == UInt8(ascii: "/")
        }

        /// Whether the name is `lowercased` (ASCII, lower case) in any letter case.
        func isNamed(_ lowercased: [UInt8]) -> Bool {
            name.count == lowercased.count && zip(name, lowercased).allSatisfy { lowercasedASCII(bytes[$0]) == $1 }
        }

        var lowercasedName: String {
            String(decoding: bytes[name].map(lowercasedASCII), as: UTF8.self)
        }

        /// Whether the tag, lower-cased, contains `needle` (ASCII, lower case, not starting
        /// with a mark); nil when it is found only beside a non-ASCII byte.
        func contains(_ needle: [UInt8]) -> Bool? {
            guard needle.count <= bytes.count else { return false }
            var besideOtherText = false
            for start in 0 ... bytes.count - needle.count where lowercasedASCII(bytes[start]) == needle[0] {
                guard needle.indices.allSatisfy({ lowercasedASCII(bytes[start + $0]) == needle[$0] }) else { continue }
                let end = start + needle.count
                if (start == 0 || bytes[start - 1] < 0x80) && (end == bytes.count || bytes[end] < 0x80) { return true }
                besideOtherText = true
            }
            return besideOtherText ? nil : false
        }
    }

    /// Attribute text looked for in a lowercased tag, with its bytes, made once.
    private struct Needle {
        let text: String
        let bytes: [UInt8]

        init(_ text: String) {
            self.text = text
            bytes = Array(text.utf8)
        }

        static let rightToLeft = Needle(#"dir="rtl""#)
        /// The attribute after a space, a line feed or a tab.
        static let german = [" ", "\n", "\t"].map { Needle($0 + #"lang="de""#) }
        static let leftToRight = [" ", "\n", "\t"].map { Needle($0 + #"dir="ltr""#) }
        /// Tag names compared as bytes.
        static let html = Array("html".utf8)
        static let bdi = Array("bdi".utf8)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30 ... 0x39).contains(byte) || (0x41 ... 0x5A).contains(byte) || (0x61 ... 0x7A).contains(byte)
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        (0x41 ... 0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// Left-to-right, right-to-left and Arabic letter marks: invisible hints that need no partner.
    static func isBidiMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{200E}" || scalar == "\u{200F}" || scalar == "\u{061C}"
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x061C, 0x202A ... 0x202E, 0x2066 ... 0x2069: true
        default: false
        }
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension Content {
    /// The content without LRM, RLM and ALM.
    func removingBidiMarks() -> Content {
        Content(fragments.map { fragment in
            guard case .text(let text) = fragment, text.unicodeScalars.contains(where: BidiLint.isBidiMark) else { return fragment }
            return .text(String(String.UnicodeScalarView(text.unicodeScalars.filter { !BidiLint.isBidiMark($0) })))
        })
    }
}
