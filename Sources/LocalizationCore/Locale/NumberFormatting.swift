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
        let operation = "number format (\(locale))"
        let key = FormatKey(locale: locale, style: style, fractionDigits: Int32(fractionDigits ?? -1), grouping: grouping)
        return try formats.with(key, operation: operation) { (handle) throws(ICUError) -> String in
            try ICUCall.string(operation) { out, capacity, status in
                cicu_number_formatter_format(handle, value, out, capacity, status)
            }
        }
    }

    private struct FormatKey: Hashable, Sendable {
        var locale: String
        var style: Int32
        /// -1: the style's default.
        var fractionDigits: Int32
        var grouping: Bool
    }

    private static let formats = OpenedICUFormats<FormatKey>(
        open: { key, status in
            cicu_number_formatter_open(key.locale, key.style, key.fractionDigits, key.fractionDigits, key.grouping ? 1 : 0, &status)
        },
        close: { cicu_number_formatter_close($0) }
    )
}
