/// What the checks need to know about the target language: its script, direction, how it
/// writes numbers, and how much longer than the German its text may grow.
struct QATargetLocale: Sendable {
    /// Expansion allowed when the locale file sets none (`maxExpansion` in `locales/<tag>.json`).
    static let defaultMaxExpansion = 1.6

    let tag: String
    /// ISO 15924 scripts the language is written in ("Arab"; "Hani", "Hira", "Kana" for "Jpan").
    let scripts: [String]
    let direction: TextDirection
    let maxExpansion: Double
    /// The separators the locale writes with Western digits ("1,234.5" in English, "1.234,5" in
    /// German, "1 234,5" in Russian); Arabic separators (U+066B, U+066C) are read everywhere.
    let decimalSeparator: Unicode.Scalar
    let groupingSeparator: Unicode.Scalar
    /// Numbers in the locale's own digits, for "expected" forms in messages.
    let numbers: NumberFormatting

    init(targetLanguage: String, definition: LocaleDefinition?) {
        let language = try? TargetLanguage(targetLanguage)
        let tag = language?.tag ?? targetLanguage
        let definition = definition.flatMap { $0.tag.lowercased() == tag.lowercased() ? $0 : nil }
        self.tag = tag
        direction = definition?.direction ?? language?.direction ?? .leftToRight
        maxExpansion = definition?.maxExpansion ?? Self.defaultMaxExpansion
        numbers = definition?.numbers ?? NumberFormatting(locale: tag)
        let script = definition?.script ?? LocaleDefinition.likelyScript(of: tag)
        scripts = switch script {
        case "Jpan": ["Hani", "Hira", "Kana"]
        case "Kore": ["Hang", "Hani"]
        case "Hans", "Hant": ["Hani"]
        case "": ["Latn"]
        default: [script]
        }
        (decimalSeparator, groupingSeparator) = Self.separators(of: tag)
    }

    /// The script names as a reader knows them ("Arabic").
    var scriptName: String { scripts.map(UnicodeScript.name).joined(separator: "/") }

    /// Reads the separators off ICU's own formatting of 1234567.5 in Western digits.
    private static func separators(of tag: String) -> (Unicode.Scalar, Unicode.Scalar) {
        guard let text = try? NumberFormatting(locale: "\(tag)-u-nu-latn").format(1_234_567.5, fractionDigits: 1) else { return (".", ",") }
        let marks = text.unicodeScalars.filter { !("0" ... "9").contains($0) && $0.properties.generalCategory != .format }
        guard let decimal = marks.last else { return (".", ",") }
        let grouping = marks.count > 1 ? marks[marks.startIndex] : (decimal == "," ? "." : ",")
        return (decimal, grouping)
    }
}
