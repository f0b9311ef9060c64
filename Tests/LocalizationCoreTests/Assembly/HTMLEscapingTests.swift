import Testing
@testable import LocalizationCore

/// Escaping copies UTF-8 bytes and escapes the few ASCII ones; held here to the scalar-wise
/// definition on generated text (combining marks after quotes, every script the site uses).
@Suite("HTML escaping")
struct HTMLEscapingTests {
    /// Escaping as first written: scalar by scalar.
    static func reference(_ text: String, inAttribute: Bool, asciiOnly: Bool) -> [UInt8] {
        var output: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += Array("&amp;".utf8)
            case "<": output += Array("&lt;".utf8)
            case ">": output += Array("&gt;".utf8)
            case "\"" where inAttribute: output += Array("&quot;".utf8)
            case "'" where inAttribute: output += Array("&#39;".utf8)
            default:
                if scalar.isASCII {
                    output.append(UInt8(scalar.value))
                } else if asciiOnly {
                    output += Array("&#x\(String(scalar.value, radix: 16, uppercase: true));".utf8)
                } else {
                    output += Array(String(scalar).utf8)
                }
            }
        }
        return output
    }

    @Test func escapingMatchesTheScalarWiseDefinition() {
        var generator = SplitMix64(seed: 4417)
        let pieces = ["&", "<", ">", "\"", "'", "\"\u{0301}", "'\u{0308}", "a", "Z", " ", "\n", "ä", "ß", "€", "中", "😀", "👩🏽‍💻",
                      "منظمة", "٤٤", "Київ", "\u{2066}", "\u{200F}", "&amp;", "\u{FFFD}", "\u{0}", "\r\n", "ሰላም"]
        for _ in 0 ..< 5000 {
            let text = (0 ..< Int(generator.next() % 10)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            for inAttribute in [false, true] {
                for asciiOnly in [false, true] {
                    #expect(HTMLEscaping.escape(text, inAttribute: inAttribute, asciiOnly: asciiOnly)
                        == Self.reference(text, inAttribute: inAttribute, asciiOnly: asciiOnly), "\(text.debugDescription)")
                }
            }
        }
    }
}
