internal import CICU

/// Numbers written the way a locale writes them, in its numbering system (ICU `unum`).
///
/// The locale is a BCP 47 tag; a numbering system other than the locale's default travels as
/// a Unicode extension: `NumberFormatting(locale: "fa-u-nu-arabext").format(44)` is "۴۴".
public struct NumberFormatting: Sendable, Hashable {
    public let locale: String

    public init(locale: String) {
        self.locale = locale
    }

    /// A decimal number; `fractionDigits` fixes how many digits follow the separator (nil:
    /// as many as the value needs, up to three); `grouping` false for years and codes.
    public func format(_ value: Double, fractionDigits: Int? = nil, grouping: Bool = true) throws(ICUError) -> String {
        try Self.call(locale, value, style: Int32(CICU_NUMBER_DECIMAL), fractionDigits: fractionDigits, grouping: grouping)
    }

    /// A share as a percentage: `percent(0.7)` is "70 %" in German, "٧٠٪؜" in Arabic.
    public func percent(_ fraction: Double, fractionDigits: Int? = nil) throws(ICUError) -> String {
        try Self.call(locale, fraction, style: Int32(CICU_NUMBER_PERCENT), fractionDigits: fractionDigits, grouping: true)
    }

    private static func call(_ locale: String, _ value: Double, style: Int32, fractionDigits: Int?, grouping: Bool) throws(ICUError) -> String {
        let digits = Int32(fractionDigits ?? -1)
        return try ICUCall.string("number format (\(locale))") { out, capacity, status in
            cicu_number_format(locale, value, style, digits, fractionDigits == nil ? -1 : digits, grouping ? 1 : 0, out, capacity, status)
        }
    }
}
