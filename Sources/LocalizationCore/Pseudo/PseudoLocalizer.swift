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
        let letters = source.plainText.unicodeScalars.filter { $0.properties.isAlphabetic }.count
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
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let table = style == .accented ? Self.accented : Self.arabic
            if scalar.isASCII, let replacement = table[Character(scalar)] {
                output.append(contentsOf: replacement.unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    private static let accented: [Character: String] = {
        let plain = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let marked = Array("àƀçđéƒĝĥîĵķĺɱñöþʠŕšŧûṽŵẋýžÀßÇÐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŦÛṼŴẊÝŽ")
        return Dictionary(uniqueKeysWithValues: zip(plain, marked.map(String.init)))
    }()

    /// A rough Latin-to-Arabic letter mapping; upper and lower case map alike.
    private static let arabic: [Character: String] = {
        let plain = Array("abcdefghijklmnopqrstuvwxyz")
        let letters = ["ا", "ب", "ك", "د", "ي", "ف", "غ", "ه", "ى", "ج", "ك", "ل", "م", "ن", "و", "پ", "ق", "ر", "س", "ت", "ؤ", "ڤ", "و", "كس", "ي", "ز"]
        var table: [Character: String] = [:]
        for (letter, arabic) in zip(plain, letters) {
            table[letter] = arabic
            table[Character(letter.uppercased())] = arabic
        }
        return table
    }()
}
