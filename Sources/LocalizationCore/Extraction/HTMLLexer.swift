/// Splits an HTML page into tokens that keep their exact byte ranges.
///
/// libxml2's HTML parser builds a tree but cannot say which bytes each node came from, and it
/// rewrites what it read (ARCHITECTURE.md, decision 3). The skeleton must be byte-exact, so
/// this lexer follows the HTML5 tokenizer's rules for where tags, comments and raw text begin
/// and end, and reports every byte as part of exactly one token. It never fails: anything it
/// cannot read as markup is text.
struct HTMLLexer {
    struct Attribute: Hashable {
        /// Lower-cased attribute name.
        var name: String
        /// The value's bytes, without quotes; `nil` for an attribute without `=`.
        var valueRange: Range<Int>?
        /// The quote byte around the value, or `nil` for an unquoted value.
        var quote: UInt8?
    }

    struct Token: Hashable {
        enum Kind: Hashable {
            case text
            /// Text inside `<script>`, `<style>` and the other raw-text elements.
            case rawText
            case startTag
            case endTag
            case comment
            /// `<!DOCTYPE …>`, `<?…>`, `<![CDATA[…]]>` and other declarations.
            case declaration
        }

        var kind: Kind
        var range: Range<Int>
        /// Lower-cased tag name for start and end tags.
        var name: String = ""
        var attributes: [Attribute] = []
        var selfClosing = false
    }

    /// Elements whose content is raw text up to the matching end tag.
    static let rawTextElements: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"]
    /// Of those, the ones whose content is text with character references (RCDATA).
    static let escapableRawTextElements: Set<String> = ["textarea", "title"]

    let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func tokens() -> [Token] {
        var tokens: [Token] = []
        var position = 0
        var textStart = 0
        let count = bytes.count

        func flushText(upTo end: Int) {
            if textStart < end { tokens.append(Token(kind: .text, range: textStart ..< end)) }
        }

        while position < count {
            guard bytes[position] == UInt8(ascii: "<"), position + 1 < count else {
                // Text runs to the next '<': found with memchr, not byte by byte.
                position = bytes.firstIndex(of: UInt8(ascii: "<"), from: position + 1) ?? count
                continue
            }
            let next = bytes[position + 1]
            var token: Token?
            if next.isASCIILetter {
                token = tag(at: position, isEnd: false)
            } else if next == UInt8(ascii: "/"), position + 2 < count, bytes[position + 2].isASCIILetter {
                token = tag(at: position, isEnd: true)
            } else if next == UInt8(ascii: "!") {
                token = markupDeclaration(at: position)
            } else if next == UInt8(ascii: "?") || next == UInt8(ascii: "/") {
                // `<?…>` and `</…>` not followed by a letter are bogus comments in HTML5.
                let end = bytes.firstIndex(of: UInt8(ascii: ">"), from: position + 2).map { $0 + 1 } ?? count
                token = Token(kind: .declaration, range: position ..< end)
            }
            guard let found = token else {
                position += 1
                continue
            }
            flushText(upTo: position)
            tokens.append(found)
            position = found.range.upperBound
            textStart = position

            if found.kind == .startTag, Self.rawTextElements.contains(found.name), !found.selfClosing {
                let end = rawTextEnd(after: position, elementName: found.name)
                if position < end {
                    let kind: Token.Kind = Self.escapableRawTextElements.contains(found.name) ? .text : .rawText
                    tokens.append(Token(kind: kind, range: position ..< end))
                }
                position = end
                textStart = end
            } else if found.kind == .startTag, found.name == "plaintext" {
                position = count
            }
        }
        flushText(upTo: count)
        return tokens
    }

    // MARK: - Tags

    private func tag(at start: Int, isEnd: Bool) -> Token? {
        let count = bytes.count
        var position = start + (isEnd ? 2 : 1)
        let nameStart = position
        while position < count, !bytes[position].isTagNameTerminator { position += 1 }
        let name = lowercasedName(nameStart ..< position)
        var attributes: [Attribute] = []
        var selfClosing = false

        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") {
                return Token(kind: isEnd ? .endTag : .startTag, range: start ..< position + 1, name: name,
                             attributes: isEnd ? [] : attributes, selfClosing: selfClosing)
            }
            if byte.isHTMLWhitespace {
                position += 1
                continue
            }
            if byte == UInt8(ascii: "/") {
                selfClosing = position + 1 < count && bytes[position + 1] == UInt8(ascii: ">")
                position += 1
                continue
            }
            selfClosing = false
            // An attribute name runs to whitespace, '/', '>' or '=' (a leading '=' belongs to it).
            let attributeStart = position
            position += 1
            while position < count, !bytes[position].isAttributeNameTerminator { position += 1 }
            let attributeName = lowercasedName(attributeStart ..< position)
            var afterName = position
            while afterName < count, bytes[afterName].isHTMLWhitespace { afterName += 1 }
            guard afterName < count, bytes[afterName] == UInt8(ascii: "=") else {
                attributes.append(Attribute(name: attributeName, valueRange: nil, quote: nil))
                continue
            }
            position = afterName + 1
            while position < count, bytes[position].isHTMLWhitespace { position += 1 }
            guard position < count else { break }
            let quote = bytes[position]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = bytes.firstIndex(of: quote, from: position + 1) else { return nil }
                attributes.append(Attribute(name: attributeName, valueRange: position + 1 ..< close, quote: quote))
                position = close + 1
            } else {
                let valueStart = position
                while position < count, !bytes[position].isHTMLWhitespace, bytes[position] != UInt8(ascii: ">") { position += 1 }
                attributes.append(Attribute(name: attributeName, valueRange: valueStart ..< position, quote: nil))
            }
        }
        // End of file inside a tag: HTML5 drops the token; we keep its bytes as text.
        return nil
    }

    private func markupDeclaration(at start: Int) -> Token {
        let count = bytes.count
        if hasPrefix("<!--", at: start) {
            // `<!-->` and `<!--->` are complete (empty) comments in HTML5.
            for shortEnd in ["<!-->", "<!--->"] where hasPrefix(shortEnd, at: start) {
                return Token(kind: .comment, range: start ..< start + shortEnd.utf8.count)
            }
            var position = start + 4
            while position + 2 < count {
                if bytes[position] == UInt8(ascii: "-"), bytes[position + 1] == UInt8(ascii: "-"), bytes[position + 2] == UInt8(ascii: ">") {
                    return Token(kind: .comment, range: start ..< position + 3)
                }
                position += 1
            }
            return Token(kind: .comment, range: start ..< count)
        }
        if hasPrefix("<![CDATA[", at: start) {
            var position = start + 9
            while position + 2 < count {
                if bytes[position] == UInt8(ascii: "]"), bytes[position + 1] == UInt8(ascii: "]"), bytes[position + 2] == UInt8(ascii: ">") {
                    return Token(kind: .declaration, range: start ..< position + 3)
                }
                position += 1
            }
            return Token(kind: .declaration, range: start ..< count)
        }
        let end = bytes.firstIndex(of: UInt8(ascii: ">"), from: start + 2).map { $0 + 1 } ?? count
        return Token(kind: .declaration, range: start ..< end)
    }

    /// Where raw text ends: at `</name` followed by whitespace, '/' or '>', case-insensitive.
    private func rawTextEnd(after start: Int, elementName: String) -> Int {
        let name = Array(elementName.utf8)
        let count = bytes.count
        var position = start
        while position + 2 + name.count <= count {
            if bytes[position] == UInt8(ascii: "<"), bytes[position + 1] == UInt8(ascii: "/") {
                var matches = true
                for (offset, letter) in name.enumerated() where bytes[position + 2 + offset] | 0x20 != letter {
                    matches = false
                    break
                }
                let after = position + 2 + name.count
                if matches, after == count || bytes[after].isTagNameTerminator {
                    return position
                }
            }
            position += 1
        }
        return count
    }

    /// A tag or attribute name, lower-cased. Names are nearly always lower-case ASCII already,
    /// and then need no case mapping.
    private func lowercasedName(_ range: Range<Int>) -> String {
        let name = String(decoding: bytes[range], as: UTF8.self)
        let isLowercaseASCII = bytes[range].allSatisfy { $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
        return isLowercaseASCII ? name : name.lowercased()
    }

    private func hasPrefix(_ prefix: String, at start: Int) -> Bool {
        let pattern = Array(prefix.utf8)
        guard start + pattern.count <= bytes.count else { return false }
        for (offset, byte) in pattern.enumerated() {
            let actual = bytes[start + offset]
            // Keywords such as DOCTYPE and CDATA are matched case-insensitively, as in HTML5.
            if actual != byte && !(byte.isASCIILetter && (actual | 0x20) == (byte | 0x20)) { return false }
        }
        return true
    }
}

extension UInt8 {
    var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }

    /// HTML's ASCII whitespace: tab, LF, FF, CR, space.
    var isHTMLWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D }

    var isTagNameTerminator: Bool { isHTMLWhitespace || self == UInt8(ascii: "/") || self == UInt8(ascii: ">") }

    var isAttributeNameTerminator: Bool { isTagNameTerminator || self == UInt8(ascii: "=") }
}
