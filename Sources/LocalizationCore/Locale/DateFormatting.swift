internal import CICU

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
        let milliseconds = date.millisecondsSince1970
        return try Self.formats.with(FormatKey(locale: locale, skeleton: skeleton), operation: operation) { (handle) throws(ICUError) -> String in
            try ICUCall.string(operation) { out, capacity, status in
                cicu_date_formatter_format(handle, milliseconds, out, capacity, status)
            }
        }
    }

    private struct FormatKey: Hashable, Sendable {
        var locale: String
        var skeleton: String
    }

    private static let formats = OpenedICUFormats<FormatKey>(
        open: { key, status in cicu_date_formatter_open(key.locale, key.skeleton, &status) },
        close: { cicu_date_formatter_close($0) }
    )
}
