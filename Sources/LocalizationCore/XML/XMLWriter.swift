/// Writes XML text: elements, attributes and escaped text, indented for readability where the
/// caller asks for it. Text and attribute values are escaped over Unicode scalars.
struct XMLWriter {
    private(set) var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var openElements: [String] = []

    /// Starts an element; `attributes` with a nil value are left out.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], indent: Bool = true) {
        if indent { newline() }
        output += "<\(name)"
        appendAttributes(attributes)
        output += ">"
        openElements.append(name)
    }

    mutating func close(indent: Bool = true) {
        let name = openElements.removeLast()
        if indent { newline() }
        output += "</\(name)>"
    }

    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], indent: Bool = true) {
        if indent { newline() }
        output += "<\(name)"
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

    private mutating func newline() {
        output += "\n" + String(repeating: "  ", count: openElements.count)
    }

    private mutating func appendAttributes(_ attributes: KeyValuePairs<String, String?>) {
        for (name, value) in attributes {
            guard let value else { continue }
            output += " \(name)=\"\(Self.escape(value, attribute: true))\""
        }
    }

    /// Escapes for XML 1.0; characters XML cannot carry at all must be dealt with by the caller
    /// (see `isXMLCharacter`).
    static func escape(_ text: String, attribute: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where attribute: result += "&#10;"
            case "\t" where attribute: result += "&#9;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether XML 1.0 can carry the scalar as a character.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20 ... 0xD7FF, 0xE000 ... 0xFFFD, 0x10000 ... 0x10FFFF: true
        default: false
        }
    }
}
