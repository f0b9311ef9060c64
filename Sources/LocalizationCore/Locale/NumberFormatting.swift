internal import CICU
import Synchronization

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
        let formatter = try OpenedNumberFormat.shared(
            .init(locale: locale, style: style, fractionDigits: Int32(fractionDigits ?? -1), grouping: grouping), operation: operation)
        return try formatter.format(value, operation: operation)
    }
}

/// An ICU number format opened once per locale, style, fraction digits and grouping for the
/// whole process: opening one costs far more than formatting with it, and a site formats
/// thousands of distinct numbers in every locale.
///
/// Owns its ICU handle; calls are serialised by a mutex.
final class OpenedNumberFormat: @unchecked Sendable {
    struct Key: Hashable {
        var locale: String
        var style: Int32
        /// -1: the style's default.
        var fractionDigits: Int32
        var grouping: Bool
    }

    private let handle: Mutex<OpaquePointer>

    private init(handle: sending OpaquePointer) {
        self.handle = Mutex(handle)
    }

    deinit {
        handle.withLock { cicu_number_formatter_close($0) }
    }

    private static let opened = Mutex<[Key: OpenedNumberFormat]>([:])

    static func shared(_ key: Key, operation: String) throws(ICUError) -> OpenedNumberFormat {
        try opened.withLock { (opened) throws(ICUError) -> OpenedNumberFormat in
            if let known = opened[key] { return known }
            var status: Int32 = 0
            guard let handle = cicu_number_formatter_open(key.locale, key.style, key.fractionDigits, key.fractionDigits,
                                                          key.grouping ? 1 : 0, &status), status <= 0 else {
                throw ICUError(operation, code: status)
            }
            let format = OpenedNumberFormat(handle: handle)
            opened[key] = format
            return format
        }
    }

    func format(_ value: Double, operation: String) throws(ICUError) -> String {
        try handle.withLock { (handle) throws(ICUError) -> String in
            try ICUCall.string(operation) { out, capacity, status in
                cicu_number_formatter_format(handle, value, out, capacity, status)
            }
        }
    }
}
