/// Text made safe for the static HTML reports: escaped for element content and attribute
/// values alike, so the output is well-formed both as HTML5 and as XML (the tests parse it
/// with libxml2's XML parser).
enum HTML {
    /// Escapes `& < > " '` and replaces characters an HTML page must not carry (C0 controls other
    /// than tab and newline, C1 controls, U+FFFE/U+FFFF) with U+FFFD; a carriage return becomes a space.
    static func escape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "\r": result += " "
            default:
                switch scalar.value {
                case 0 ..< 0x20, 0x7F ... 0x9F, 0xFFFE, 0xFFFF: result += "\u{FFFD}"
                default: result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Text people wrote (page names, terms, messages), isolated so that Arabic or Persian in
    /// it cannot reorder the English around it: `<bdi>…</bdi>`.
    static func isolated(_ text: String) -> String {
        "<bdi>\(escape(text))</bdi>"
    }

    /// A page name or file path, isolated left to right: `<bdi dir="ltr">…</bdi>`.
    static func isolatedPath(_ text: String) -> String {
        "<bdi dir=\"ltr\">\(escape(text))</bdi>"
    }

    /// `12,345`: counts grouped by thousands, the same on every machine.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A share as a whole percentage rounded down (as the coverage table does: a page at 79.9%
    /// with a threshold of 80% must not read "80%").
    static func percent(_ share: Double) -> String {
        // The epsilon keeps 0.29 (28.999… in binary) at 29%.
        "\(Int((max(0, share) * 100 + 1e-9).rounded(.down)))%"
    }

    /// A non-negative number with two decimals, for SVG coordinates: no locale, no exponent.
    static func fixed(_ value: Double) -> String {
        let hundredths = Int((max(0, value) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
