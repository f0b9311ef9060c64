internal import CICU
import Synchronization

/// A calendar date as a page states it: a year, a month, maybe a day ("November 2020",
/// "1. Januar 2020"). No time and no time zone: it is shown as written.
public struct CalendarDate: Sendable, Hashable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int?

    public init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Milliseconds since 1970-01-01 at noon UTC of the day (days from the civil calendar).
    var millisecondsSince1970: Double {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + (day ?? 1) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return (Double(days) * 86_400 + 43_200) * 1000
    }
}

/// Dates written the way a locale writes them, from CLDR skeletons (ICU `udatpg` + `udat`):
/// the skeleton says which fields ("yMMMM": year and full month name), the locale decides
/// their order, words and digits.
public struct DateFormatting: Sendable, Hashable {
    public let locale: String

    public init(locale: String) {
        self.locale = locale
    }

    /// The date by a skeleton; by default "yMMMMd" for a day, "yMMMM" for a month.
    public func format(_ date: CalendarDate, skeleton: String? = nil) throws(ICUError) -> String {
        let skeleton = skeleton ?? (date.day == nil ? "yMMMM" : "yMMMMd")
        let operation = "date format '\(skeleton)' (\(locale))"
        let formatter = try OpenedDateFormat.shared(locale: locale, skeleton: skeleton, operation: operation)
        return try formatter.format(date.millisecondsSince1970, operation: operation)
    }
}

/// An ICU date format opened once per locale and skeleton for the whole process: opening one
/// (the CLDR pattern generator, the symbols) costs about a millisecond, formatting with it a
/// few microseconds, and a site formats thousands of distinct dates in every locale.
///
/// Owns its ICU handle; formatting sets the format's calendar, so calls are serialised by a
/// mutex.
final class OpenedDateFormat: @unchecked Sendable {
    private let handle: Mutex<OpaquePointer>

    private init(handle: sending OpaquePointer) {
        self.handle = Mutex(handle)
    }

    deinit {
        handle.withLock { cicu_date_formatter_close($0) }
    }

    private struct Key: Hashable {
        var locale: String
        var skeleton: String
    }

    /// Opened formats by locale and skeleton; a handful per run (locales × two skeletons).
    private static let opened = Mutex<[Key: OpenedDateFormat]>([:])

    static func shared(locale: String, skeleton: String, operation: String) throws(ICUError) -> OpenedDateFormat {
        let key = Key(locale: locale, skeleton: skeleton)
        return try opened.withLock { (opened) throws(ICUError) -> OpenedDateFormat in
            if let known = opened[key] { return known }
            var status: Int32 = 0
            guard let handle = cicu_date_formatter_open(locale, skeleton, &status), status <= 0 else {
                throw ICUError(operation, code: status)
            }
            let format = OpenedDateFormat(handle: handle)
            opened[key] = format
            return format
        }
    }

    func format(_ millisecondsSince1970: Double, operation: String) throws(ICUError) -> String {
        try handle.withLock { (handle) throws(ICUError) -> String in
            try ICUCall.string(operation) { out, capacity, status in
                cicu_date_formatter_format(handle, millisecondsSince1970, out, capacity, status)
            }
        }
    }
}
