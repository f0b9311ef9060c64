internal import CICU

/// Names of locales in a language (ICU `uldn`), capitalised for a menu, and sorting by a
/// locale's collation (ICU `ucol`) — together, a language switcher's entries.
public struct DisplayNames: Sendable, Hashable {
    /// The language the names are written in.
    public let locale: String

    public init(locale: String) {
        self.locale = locale
    }

    /// The name of `tag` in this language, e.g. `DisplayNames(locale: "de").name(of: "uk")`
    /// is "Ukrainisch".
    public func name(of tag: String) throws(ICUError) -> String {
        let locale = self.locale
        return try ICUCall.string("display name of '\(tag)' in \(locale)") { out, capacity, status in
            cicu_locale_display_name(locale, tag, out, capacity, status)
        }
    }

    /// A locale's name in its own language ("العربية", "فارسی", "Türkçe").
    public static func nativeName(of tag: String) throws(ICUError) -> String {
        try DisplayNames(locale: tag).name(of: tag)
    }

    /// `strings` in this locale's collation order (stable for strings that compare equal).
    public func sorted(_ strings: [String]) throws(ICUError) -> [String] {
        var failure: ICUError?
        let locale = self.locale
        let sorted = strings.enumerated().sorted { a, b in
            var status: Int32 = 0
            let order = cicu_strings_compare_for_locale(locale, a.element, Int32(a.element.utf8.count), b.element, Int32(b.element.utf8.count), &status)
            if status > 0 { failure = ICUError("collation (\(locale))", code: status) }
            return order != 0 ? order < 0 : a.offset < b.offset
        }.map(\.element)
        if let failure { throw failure }
        return sorted
    }
}
