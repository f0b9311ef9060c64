/// Writes XML text: elements, attributes and escaped text, indented for readability where the
/// caller asks for it. Text and attribute values are escaped over Unicode scalars.
struct XMLWriter {
    private(set) var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var openElements: [String] = []

    /// Starts an element; `attributes` with a nil value are left out.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], indent: Bool = true) {
        if indent { newline() }
        output += "<"
        output += name
        appendAttributes(attributes)
        output += ">"
        openElements.append(name)
    }

    mutating func close(indent: Bool = true) {
        let name = openElements.removeLast()
        if indent { newline() }
        output += "</"
        output += name
        output += ">"
    }

    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], indent: Bool = true) {
        if indent { newline() }
        output += "<"
        output += name
        appendAttributes(attributes)
        output += "/>"
    }

    /// An element holding only text.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) {
        open(name, attributes)
        self.text(text)
        close(indent: false)
    }

    mutating func text(_ text: String) {
        output += Self.escape(text, attribute: false)
    }

    /// Drops the last character written (the `>` of a start tag, to add to it).
    mutating func removeLastCharacter() {
        output.removeLast()
    }

    /// Raw markup that the caller has built from escaped parts.
    mutating func raw(_ markup: String) {
        output += markup
    }

    mutating func finish() -> String {
        precondition(openElements.isEmpty, "unclosed XML elements: \(openElements)")
        return output + "\n"
    }

    // Pieces are appended one by one: interpolated strings would be built and copied first,
    // for every element of every job.
    private mutating func newline() {
        output += "\n"
        for _ in 0 ..< openElements.count { output += "  " }
    }

    private mutating func appendAttributes(_ attributes: KeyValuePairs<String, String?>) {
        for (name, value) in attributes {
            guard let value else { continue }
            output += " "
            output += name
            output += "=\""
            output += Self.escape(value, attribute: true)
            output += "\""
        }
    }

    /// Escapes for XML 1.0; characters XML cannot carry at all must be dealt with by the caller
    /// (see `isXMLCharacter`).
    ///
    /// Works on UTF-8 bytes: everything escaped is ASCII, so a byte below 0x80 is a whole
    /// character and every other byte is copied as it is. Most text has nothing to escape and
    /// is returned unchanged without building a new string.
    static func escape(_ text: String, attribute: Bool) -> String {
        var text = text
        // Contiguous UTF-8 (native strings are; this makes bridged ones so) for one fast scan.
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { needsEscape($0, attribute: attribute) }) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + bytes.count / 8 + 8)
            result.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\"") where attribute: result.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "\n") where attribute: result.append(contentsOf: "&#10;".utf8)
                case UInt8(ascii: "\t") where attribute: result.append(contentsOf: "&#9;".utf8)
                case UInt8(ascii: "\r"): result.append(contentsOf: "&#13;".utf8)
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    /// Whether `escape` replaces the byte.
    private static func needsEscape(_ byte: UInt8, attribute: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\r"): true
        case UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\t"): attribute
        default: false
        }
    }

    /// Whether XML 1.0 can carry every character of the text. Scans UTF-8: only C0 controls
    /// and U+FFFE/U+FFFF can be such characters, and the latter start with the byte 0xEF, so
    /// scalars are looked at only in text that has one.
    static func canCarry(_ text: String) -> Bool {
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 ? byte != 0xEF : byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
        return plain || text.unicodeScalars.allSatisfy(isXMLCharacter)
    }

    /// The text with each character XML cannot carry replaced by U+FFFD.
    static func replacingNonXMLCharacters(_ text: String) -> String {
        guard !canCarry(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isXMLCharacter($0) ? $0 : "\u{FFFD}" }))
    }

    /// Whether XML 1.0 can carry the scalar as a character.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20 ... 0xD7FF, 0xE000 ... 0xFFFD, 0x10000 ... 0x10FFFF: true
        default: false
        }
    }
}
