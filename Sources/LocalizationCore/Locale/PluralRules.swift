internal import CICU

/// CLDR plural rules of a locale (ICU `uplrules`): which category a number falls in.
public struct PluralRules: Sendable, Hashable {
    public let locale: String
    /// The locale's categories, e.g. ["few", "many", "one", "other", "two", "zero"] for Arabic.
    public let categories: Set<String>

    public init(locale: String) throws(ICUError) {
        self.locale = locale
        let keywords = try ICUCall.string("plural rules (\(locale))") { out, capacity, status in
            cicu_plural_keywords(locale, out, capacity, status)
        }
        self.categories = Set(keywords.split(separator: " ").map(String.init))
    }

    /// The category of `value` written with `fractionDigits` visible fraction digits.
    public func category(for value: Double, fractionDigits: Int = 0) throws(ICUError) -> String {
        try ICUCall.string("plural select (\(locale))") { out, capacity, status in
            cicu_plural_select(locale, value, Int32(fractionDigits), out, capacity, status)
        }
    }
}
