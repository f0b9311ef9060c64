internal import CICU

/// Lists joined the way a locale joins them (ICU `ulistfmt`): "A, B und C", "A، وB وC".
public struct ListFormatting: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case and, or, units
    }

    public let locale: String

    public init(locale: String) {
        self.locale = locale
    }

    public func format(_ items: [String], style: Style = .and) throws(ICUError) -> String {
        let type: Int32 = switch style {
        case .and: Int32(CICU_LIST_AND)
        case .or: Int32(CICU_LIST_OR)
        case .units: Int32(CICU_LIST_UNITS)
        }
        let locale = self.locale
        return try ICUCall.withCStrings(items) { pointers in
            Result { () throws(ICUError) -> String in
                try ICUCall.string("list format (\(locale))") { out, capacity, status in
                    cicu_list_format(locale, pointers, Int32(items.count), type, out, capacity, status)
                }
            }
        }.get()
    }
}
