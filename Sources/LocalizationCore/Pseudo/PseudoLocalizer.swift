/// Fake translations for testing a page's localizability without translators: every letter
/// visibly changed, codes kept where they are.
///
/// - `accented` (`en-XA`): Latin letters with diacritics and about 35% more length, in
///   brackets, so truncation, hard-coded strings and encoding faults show at a glance.
/// - `rightToLeft` (`ar-XB`): Latin letters replaced by Arabic-script letters, so the page
///   renders right to left and every direction fault (numbers, names, punctuation) shows.
public struct PseudoLocalizer: Sendable {
    public enum Style: String, Sendable, CaseIterable {
        case accented
        case rightToLeft = "rtl"

        /// The pseudo-locale's language tag (the conventional `XA`/`XB` private regions).
        public var languageTag: String {
            switch self {
            case .accented: "en-XA"
            case .rightToLeft: "ar-XB"
            }
        }
    }

    public let style: Style

    public init(style: Style) {
        self.style = style
    }

    /// The pseudo-translation of `source`, with its codes in place.
    public func translate(_ source: Content) -> Content {
        var letters = 0
        for case .text(let text) in source.fragments {
            // The only alphabetic ASCII characters are the Latin letters: a property lookup
            // only for the others.
            for scalar in text.unicodeScalars where scalar.isASCII
                ? (0x41 ... 0x5A).contains(scalar.value) || (0x61 ... 0x7A).contains(scalar.value)
                : scalar.properties.isAlphabetic {
                letters += 1
            }
        }
        var fragments = source.fragments.map { fragment -> Content.Fragment in
            guard case .text(let text) = fragment else { return fragment }
            return .text(transform(text))
        }
        switch style {
        case .accented:
            // About 35% longer: German is already long, but translations into other languages
            // can be longer still, and layouts must hold them.
            fragments.insert(.text("["), at: 0)
            fragments.append(.text(Self.padding(max(1, (letters * 35 + 99) / 100))))
        case .rightToLeft:
            break
        }
        return Content(fragments)
    }

    /// " ··…·]": `count` middle dots, written as bytes (a `String` built `Character` by
    /// `Character` costs more than the rest of a sentence's pseudo-translation).
    static func padding(_ count: Int) -> String {
        var bytes: [UInt8] = [UInt8(ascii: " ")]
        bytes.reserveCapacity(2 * count + 2)
        for _ in 0 ..< count {
            bytes.append(0xC2)
            bytes.append(0xB7)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private func transform(_ text: String) -> String {
        let table = style == .accented ? Self.accented : Self.arabic
        // Replacements are for ASCII letters, whose byte never occurs inside a multi-byte
        // sequence: the other bytes are copied as they are.
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 2)
        table.bytes.withUnsafeBufferPointer { replacements in
            table.bounds.withUnsafeBufferPointer { bounds in
                for byte in text.utf8 {
                    if byte < 128 {
                        let replacement = bounds[Int(byte)]
                        if !replacement.isEmpty {
                            output.append(contentsOf: UnsafeBufferPointer(rebasing: replacements[replacement]))
                            continue
                        }
                    }
                    output.append(byte)
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Replacements (UTF-8) for ASCII codes, built once: all in one buffer, each at its
    /// code's bounds (empty: the byte stays), so that a letter is replaced without an array
    /// of its own to retain.
    private struct Table: Sendable {
        var bytes: [UInt8] = []
        var bounds = [Range<Int>](repeating: 0 ..< 0, count: 128)
    }

    private static let accented: Table = table(
        zip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "àƀçđéƒĝĥîĵķĺɱñöþʠŕšŧûṽŵẋýžÀßÇÐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŦÛṼŴẊÝŽ").map { ($0, String($1)) }
    )

    /// A rough Latin-to-Arabic letter mapping; upper and lower case map alike.
    private static let arabic: Table = {
        let letters = ["ا", "ب", "ك", "د", "ي", "ف", "غ", "ه", "ى", "ج", "ك", "ل", "م", "ن", "و", "پ", "ق", "ر", "س", "ت", "ؤ", "ڤ", "و", "كس", "ي", "ز"]
        let pairs = zip("abcdefghijklmnopqrstuvwxyz", letters).flatMap { letter, arabic in
            [(letter, arabic), (Character(letter.uppercased()), arabic)]
        }
        return table(pairs)
    }()

    private static func table(_ pairs: [(Character, String)]) -> Table {
        var table = Table()
        for (letter, replacement) in pairs {
            let start = table.bytes.count
            table.bytes += replacement.utf8
            table.bounds[Int(letter.asciiValue!)] = start ..< table.bytes.count
        }
        return table
    }
}
