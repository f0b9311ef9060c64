internal import CICU
internal import CLibXML2

/// The bytes of one source page with what is needed to read text out of them: the page's
/// character encoding, character references, and line numbers for diagnostics.
public struct HTMLPage: Sendable {
    /// The page's name in the project (its path under the content folder), used in every
    /// diagnostic and as the `original` of its XLIFF file.
    public let name: String
    public let bytes: [UInt8]
    /// The character encoding the page declares or, failing that, the one its bytes show.
    public let encoding: String
    /// Byte offsets at which lines start.
    private let lineStarts: [Int]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        self.encoding = Self.detectEncoding(bytes)
        var starts = [0]
        // Line feeds found with memchr: looking at every byte of the page took longer.
        while let lineFeed = bytes.firstIndex(of: 0x0A, from: starts[starts.count - 1]) { starts.append(lineFeed + 1) }
        self.lineStarts = starts
    }

    public var isUTF8: Bool { encoding == "utf-8" }

    /// 1-based line of a byte offset.
    public func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count
        while low + 1 < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle }
        }
        return low + 1
    }

    /// The raw bytes of a range as text, in the page's encoding, without resolving references.
    public func rawText(_ range: Range<Int>) -> String {
        let slice = bytes[range]
        if isUTF8 || slice.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: slice, as: UTF8.self)
        }
        return Self.convert(Array(slice), from: encoding) ?? String(decoding: slice, as: UTF8.self)
    }

    /// Text with character references resolved (`&auml;` → "ä", `&#8211;` → "–").
    public func text(_ range: Range<Int>) -> String {
        HTMLCharacterReferences.resolve(rawText(range))
    }

    /// Text as a browser shows it: references resolved, whitespace collapsed
    /// (`collapsingWhitespace(text(range))`).
    ///
    /// Most text has no reference to resolve and no whitespace to collapse, and one look at
    /// its bytes in the page says so: it is made a string at once, instead of made one and
    /// then read twice more (for references, then for whitespace) only to come back unchanged.
    func collapsedText(_ range: Range<Int>) -> String {
        let isUnchanged = isUTF8 && bytes.withUnsafeBufferPointer { buffer in
            var previousWasSpace = false
            for byte in UnsafeBufferPointer(rebasing: buffer[range]) {
                // Most bytes are above '&' and every whitespace byte: one comparison each.
                if byte > UInt8(ascii: "&") {
                    previousWasSpace = false
                    continue
                }
                // A reference, whitespace other than a space, or a second space in a row.
                if byte == UInt8(ascii: "&") || byte.isHTMLWhitespace && (byte != 0x20 || previousWasSpace) { return false }
                previousWasSpace = byte == 0x20
            }
            return true
        }
        return isUnchanged ? rawText(range) : Self.collapsingWhitespace(text(range))
    }

    /// Runs of HTML whitespace become one space, as a browser renders them.
    ///
    /// Works on UTF-8: the whitespace is ASCII, so every other byte is copied as it is; text
    /// with nothing to change (most of it) is returned without building a new string.
    static func collapsingWhitespace(_ text: String) -> String {
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
        }
        return text.withContiguousUTF8 { bytes -> String? in
            // Unchanged unless some whitespace is not a lone space.
            var needsChange = false
            var previousWasSpace = false
            for byte in bytes {
                // Most bytes are above the space: one comparison each.
                if byte > 0x20 {
                    previousWasSpace = false
                    continue
                }
                let space = isSpace(byte)
                if space, byte != 0x20 || previousWasSpace {
                    needsChange = true
                    break
                }
                previousWasSpace = space
            }
            guard needsChange else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if isSpace(byte) {
                    pendingSpace = true
                    continue
                }
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
            if pendingSpace { result.append(0x20) }
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    // MARK: - Encoding

    private static func detectEncoding(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "utf-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "utf-16le" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "utf-16be" }
        if let declared = declaredCharset(in: bytes.prefix(2048)) {
            let normalized = declared.lowercased()
            if normalized == "utf-8" || normalized == "utf8" { return "utf-8" }
            // HTML5 treats a declared Latin-1 as windows-1252, and so do browsers.
            if ["iso-8859-1", "latin1", "us-ascii", "ascii"].contains(normalized) { return "windows-1252" }
            if cicu_charset_is_known(normalized) != 0 { return normalized }
        }
        return looksLikeUTF8(bytes) ? "utf-8" : "windows-1252"
    }

    /// Undeclared pages: UTF-8 when valid, or when valid multi-byte sequences outnumber the
    /// invalid bytes (a UTF-8 page with a few corrupt bytes is still UTF-8).
    private static func looksLikeUTF8(_ bytes: [UInt8]) -> Bool {
        if String(validating: bytes, as: UTF8.self) != nil { return true }
        var valid = 0
        var invalid = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars where !scalar.isASCII {
            if scalar == "\u{FFFD}" { invalid += 1 } else { valid += 1 }
        }
        return valid > invalid
    }

    /// The charset of `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">`.
    private static func declaredCharset(in prefix: ArraySlice<UInt8>) -> String? {
        let head = prefix.map { $0.isASCIILetter ? $0 | 0x20 : $0 }
        let pattern = Array("charset=".utf8)
        guard head.count >= pattern.count,
              let start = (0 ... head.count - pattern.count).first(where: { head[$0 ..< $0 + pattern.count].elementsEqual(pattern) })
        else { return nil }
        var position = start + pattern.count
        while position < head.count, head[position] == UInt8(ascii: "\"") || head[position] == UInt8(ascii: "'") || head[position] == 0x20 {
            position += 1
        }
        let value = head[position...].prefix { byte in
            byte.isASCIILetter || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
        }
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }

    static func convert(_ bytes: [UInt8], from charset: String) -> String? {
        var status: Int32 = 0
        let capacity = bytes.count * 4 + 4
        var output = [UInt8](repeating: 0, count: capacity)
        let written = bytes.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                source.withMemoryRebound(to: CChar.self) { source in
                    target.withMemoryRebound(to: CChar.self) { target in
                        cicu_convert_to_utf8(charset, source.baseAddress, Int32(source.count), target.baseAddress, Int32(capacity), &status)
                    }
                }
            }
        }
        guard status <= 0 else { return nil }
        return String(decoding: output.prefix(Int(written)), as: UTF8.self)
    }
}

/// Resolves HTML character references with libxml2's entity table.
enum HTMLCharacterReferences {
    /// Windows-1252 meanings of numeric references 0x80–0x9F, as HTML5 reads them.
    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// Works on UTF-8: a reference is ASCII (`&`, letters, digits, `#`, `;`), so every other
    /// byte is copied as it is; text without `&` (most of it) is returned without building a
    /// new string.
    static func resolve(_ text: String) -> String {
        return text.withContiguousUTF8 { bytes -> String? in
            guard let firstAmpersand = bytes.firstIndex(of: UInt8(ascii: "&")) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            result.append(contentsOf: bytes[..<firstAmpersand])
            var index = firstAmpersand
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "&"), let (scalar, length) = reference(in: bytes, at: index) {
                    UTF8.encode(scalar) { result.append($0) }
                    index += length
                } else {
                    result.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    /// The scalar a reference at `start` stands for and how many bytes it spans; nil when
    /// the `&` does not start a reference (it is then a literal ampersand).
    private static func reference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < bytes.count, end - start <= 40, bytes[end] != UInt8(ascii: ";") {
            let byte = bytes[end]
            guard byte.isASCIILetter || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "#") else { return nil }
            end += 1
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > start + 1 else { return nil }
        let body = String(decoding: bytes[start + 1 ..< end], as: UTF8.self)
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value else { return nil }
            let mapped = windows1252[value] ?? value
            let scalar = (mapped == 0 ? nil : Unicode.Scalar(mapped)) ?? "\u{FFFD}"
            return (scalar, end - start + 1)
        }
        guard let entity = htmlEntityLookup(body), let scalar = Unicode.Scalar(entity.pointee.value) else { return nil }
        return (scalar, end - start + 1)
    }
}
