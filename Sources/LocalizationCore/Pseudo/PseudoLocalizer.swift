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
            let padding = String(repeating: "·", count: max(1, (letters * 35 + 99) / 100))
            fragments.insert(.text("["), at: 0)
            fragments.append(.text(" " + padding + "]"))
        case .rightToLeft:
            break
        }
        return Content(fragments)
    }

    private func transform(_ text: String) -> String {
        let table = style == .accented ? Self.accented : Self.arabic
        // Replacements are for ASCII letters, whose byte never occurs inside a multi-byte
        // sequence: the other bytes are copied as they are.
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 2)
        for byte in text.utf8 {
            if byte < 128, let replacement = table[Int(byte)] {
                output += replacement
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Replacements (UTF-8) indexed by ASCII code, built once.
    private typealias Table = [[UInt8]?]

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
        var table = Table(repeating: nil, count: 128)
        for (letter, replacement) in pairs {
            table[Int(letter.asciiValue!)] = Array(replacement.utf8)
        }
        return table
    }
}
