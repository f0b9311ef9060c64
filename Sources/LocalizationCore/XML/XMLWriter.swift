/// Writes XML text: elements, attributes and escaped text, indented for readability where the
/// caller asks for it.
///
/// The document is built as UTF-8 bytes in one buffer, handed over as an array by
/// `finishBytes()` (for a file) or made a `String` once by `finish()`:
/// appending thousands of small pieces to a `String` costs more than the escaping itself
/// (every append checks uniqueness and capacity and updates the string's flags), and escaped
/// text is written straight into the buffer instead of into a string of its own first. For the
/// same reason a single ASCII character of markup is appended as a byte, not as a string.
/// The buffer is memory of its own (`Bytes`), not an array, whose every append checks that the
/// array is not shared and goes through a generic copy: a job's some forty pieces per unit
/// cost more that way than the escaping.
struct XMLWriter: ~Copyable {
    private var output: Bytes
    private var openElements: [String] = []

    init() {
        // A job of one page is some ten kilobytes; larger documents grow the buffer.
        output = Bytes(capacity: 16 << 10)
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// Markup built with a writer's methods, without the XML declaration: a part of a document
    /// that its caller places itself.
    static func fragment(_ build: (inout XMLWriter) -> Void) -> String {
        var writer = XMLWriter(fragment: ())
        build(&writer)
        precondition(writer.openElements.isEmpty, "unclosed XML elements: \(writer.openElements)")
        return writer.output.string
    }

    private init(fragment: Void) {
        output = Bytes(capacity: 256)
    }

    /// Starts an element; `attributes` with a nil value are left out.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], indent: Bool = true) {
        startTag(name, indent: indent)
        for (name, value) in attributes { attribute(name, value) }
        endStartTag()
    }

    /// Starts a start tag whose attributes the caller adds one by one (`attribute`) before it
    /// ends it (`endStartTag`): for the elements written once per unit, where the list `open`
    /// takes was an array made, retained and destroyed for every element.
    mutating func startTag(_ name: String, indent: Bool = true) {
        if indent { newline() }
        output.append(UInt8(ascii: "<"))
        raw(name)
        openElements.append(name)
    }

    /// An attribute of the start tag begun last; left out when `value` is nil.
    mutating func attribute(_ name: String, _ value: String?) {
        guard let value else { return }
        output.append(UInt8(ascii: " "))
        raw(name)
        raw("=\"")
        attributeValue(value)
        output.append(UInt8(ascii: "\""))
    }

    /// Ends the start tag begun last: of an element whose content follows or, when
    /// `isEmpty`, of an element without content, which is then closed.
    mutating func endStartTag(isEmpty: Bool = false) {
        if isEmpty {
            openElements.removeLast()
            raw("/>")
        } else {
            output.append(UInt8(ascii: ">"))
        }
    }

    mutating func close(indent: Bool = true) {
        let name = openElements.removeLast()
        if indent { newline() }
        raw("</")
        raw(name)
        output.append(UInt8(ascii: ">"))
    }

    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], indent: Bool = true) {
        startTag(name, indent: indent)
        for (name, value) in attributes { attribute(name, value) }
        endStartTag(isEmpty: true)
    }

    /// An element holding only text.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) {
        open(name, attributes)
        self.text(text)
        close(indent: false)
    }

    /// Text, escaped for element content.
    mutating func text(_ text: String) {
        Self.appendEscaped(text, attribute: false, to: &output)
    }

    /// Text, escaped for element content, each character XML cannot carry replaced by U+FFFD:
    /// `text(replacingNonXMLCharacters(text))` in one pass over the bytes, not two. Only text
    /// with a byte that may start such a character (a control, or 0xEF, the lead byte of
    /// U+FFFE and U+FFFF) is written again, after its characters are checked.
    mutating func textReplacingNonXMLCharacters(_ text: String) {
        let start = output.count
        let carried = Self.appendEscaped(text, attribute: false, stoppingAtNonXML: true, to: &output)
        guard !carried else { return }
        output.truncate(to: start)
        self.text(Self.replacingNonXMLCharacters(text))
    }

    /// An attribute's value, escaped for a double-quoted attribute (the quotes are the
    /// caller's, who writes the attribute as raw markup around it).
    mutating func attributeValue(_ value: String) {
        Self.appendEscaped(value, attribute: true, to: &output)
    }

    /// Drops the last character written (the `>` of a start tag, to add to it).
    mutating func removeLastCharacter() {
        // A character is its lead byte and the continuation bytes (10xxxxxx) after it.
        while let last = output.popLast(), last & 0xC0 == 0x80 {}
    }

    /// Raw markup that the caller has built from escaped parts.
    mutating func raw(_ markup: String) {
        // From the contiguous bytes: appending the UTF-8 view copies through its iterator.
        markup.withContiguousUTF8 { output.append($0) }
    }

    /// The finished document as UTF-8, what a file holds: no `String` is made of it only to be
    /// turned back into bytes by the caller who writes it.
    mutating func finishBytes() -> [UInt8] {
        precondition(openElements.isEmpty, "unclosed XML elements: \(openElements)")
        raw("\n")
        return output.array
    }

    /// The finished document as text.
    mutating func finish() -> String {
        String(decoding: finishBytes(), as: UTF8.self)
    }

    private mutating func newline() {
        output.append(UInt8(ascii: "\n"))
        output.append(UInt8(ascii: " "), count: 2 * openElements.count)
    }

    /// Escapes for XML 1.0; characters XML cannot carry at all must be dealt with by the caller
    /// (see `isXMLCharacter`). Most text has nothing to escape and is returned unchanged
    /// without building a new string.
    static func escape(_ text: String, attribute: Bool) -> String {
        let count = text.utf8.count
        guard text.withContiguousUTF8({ $0.contains { escaped($0, attribute: attribute) != nil } }) else { return text }
        var result = Bytes(capacity: count + count / 8 + 8)
        appendEscaped(text, attribute: attribute, to: &result)
        return result.string
    }

    /// Appends `text` escaped for XML 1.0 to `output` (see `escape`). With `stoppingAtNonXML`,
    /// stops at the first byte that may start a character XML cannot carry (see `canCarry`)
    /// and returns false, part of the text appended.
    ///
    /// Works on UTF-8 bytes: everything escaped is ASCII, so a byte below 0x80 is a whole
    /// character and every other byte is copied as it is, in runs between the bytes replaced.
    /// Eight bytes at a time are tested for a byte that needs a look (`ByteWord`): a word
    /// without one (most of a text: letters, spaces, digits, punctuation) is passed over with
    /// a handful of operations instead of a comparison or two per byte.
    @discardableResult
    private static func appendEscaped(_ text: String, attribute: Bool, stoppingAtNonXML: Bool = false, to output: inout Bytes) -> Bool {
        text.withContiguousUTF8 { bytes in
            var runStart = 0
            let carried = ByteWord.scan(bytes) { word in
                // Every byte escaped is `&`, `<`, `>`, `"` or a control; 0xEF may start U+FFFE or U+FFFF.
                var suspect = word.matches(UInt8(ascii: "&")) | word.matches(UInt8(ascii: "<")) | word.matches(UInt8(ascii: ">"))
                    | word.matches(below: 0x20)
                if attribute { suspect |= word.matches(UInt8(ascii: "\"")) }
                if stoppingAtNonXML { suspect |= word.matches(0xEF) }
                return suspect
            } look: { index in
                let byte = bytes[index]
                if stoppingAtNonXML, byte == 0xEF || byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                guard let replacement = escaped(byte, attribute: attribute) else { return true }
                output.append(UnsafeBufferPointer(rebasing: bytes[runStart ..< index]))
                output.append(UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
                return true
            }
            guard carried else { return false }
            output.append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return true
        }
    }

    /// What `escape` replaces the byte with; nil for a byte kept as it is.
    private static func escaped(_ byte: UInt8, attribute: Bool) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\r"): "&#13;"
        case UInt8(ascii: "\"") where attribute: "&quot;"
        case UInt8(ascii: "\n") where attribute: "&#10;"
        case UInt8(ascii: "\t") where attribute: "&#9;"
        default: nil
        }
    }

    /// Whether XML 1.0 can carry every character of the text. Scans UTF-8: only C0 controls
    /// and U+FFFE/U+FFFF can be such characters, and the latter start with the byte 0xEF, so
    /// scalars are looked at only in text that has one.
    static func canCarry(_ text: String) -> Bool {
        let plain = text.withContiguousUTF8 { bytes in
            bytes.allSatisfy { byte in byte >= 0x20 ? byte != 0xEF : byte == 0x09 || byte == 0x0A || byte == 0x0D }
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

    /// UTF-8 bytes appended to memory of their own, grown by doubling.
    struct Bytes: ~Copyable {
        private var start: UnsafeMutablePointer<UInt8>
        private var capacity: Int
        private(set) var count = 0

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            start = .allocate(capacity: self.capacity)
        }

        deinit {
            start.deallocate()
        }

        mutating func append(_ byte: UInt8) {
            reserve(1)
            start[count] = byte
            count += 1
        }

        mutating func append(_ byte: UInt8, count repeats: Int) {
            reserve(repeats)
            (start + count).initialize(repeating: byte, count: repeats)
            count += repeats
        }

        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress else { return }
            reserve(bytes.count)
            (start + count).initialize(from: source, count: bytes.count)
            count += bytes.count
        }

        mutating func popLast() -> UInt8? {
            guard count > 0 else { return nil }
            count -= 1
            return start[count]
        }

        /// Drops the bytes after the first `count`.
        mutating func truncate(to count: Int) {
            self.count = min(self.count, count)
        }

        /// The bytes as an array (a copy: the memory is the buffer's).
        var array: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

        /// The bytes as text.
        var string: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

        private mutating func reserve(_ extra: Int) {
            guard count + extra > capacity else { return }
            let grown = max(capacity * 2, count + extra)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            moved.moveInitialize(from: start, count: count)
            start.deallocate()
            start = moved
            capacity = grown
        }
    }
}
