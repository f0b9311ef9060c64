internal import CICU

/// An ICU MessageFormat pattern with named arguments, e.g.
/// `"{count, plural, one {# Mitgliedsorganisation} other {# Mitgliedsorganisationen}}"`.
///
/// Compiled once at `init` so a broken pattern is an error where it is read; plural
/// selection uses the locale's CLDR rules and `#` its numbering system.
public struct MessageFormat: Sendable, Hashable {
    /// A value for one argument.
    public enum Argument: Sendable, Hashable {
        case string(String)
        case number(Double)
    }

    public let pattern: String
    public let locale: String
    /// The names of the arguments the pattern uses.
    public let argumentNames: Set<String>

    public init(_ pattern: String, locale: String) throws(ICUError) {
        self.pattern = pattern
        self.locale = locale
        var offset: Int32 = -1
        let names: String
        do {
            names = try ICUCall.string("message format pattern") { out, capacity, status in
                cicu_message_argument_names(locale, pattern, out, capacity, &offset, status)
            }
        } catch {
            throw ICUError("message format pattern '\(pattern)' (\(locale))", code: error.code, offset: offset >= 0 ? Int(offset) : nil)
        }
        self.argumentNames = Set(names.split(separator: " ").map(String.init))
    }

    /// The message with `arguments` in place.
    public func format(_ arguments: [String: Argument] = [:]) throws(ICUError) -> String {
        let entries = arguments.sorted { $0.key < $1.key }
        let names = entries.map(\.key)
        let kinds: [Int32] = entries.map { if case .number = $0.value { 1 } else { 0 } }
        let strings: [String] = entries.map { if case .string(let text) = $0.value { text } else { "" } }
        let numbers: [Double] = entries.map { if case .number(let value) = $0.value { value } else { 0 } }
        let locale = self.locale
        let pattern = self.pattern
        return try ICUCall.withCStrings(names) { namePointers in
            ICUCall.withCStrings(strings) { stringPointers in
                Result { () throws(ICUError) -> String in
                    try ICUCall.string("message format '\(pattern)' (\(locale))") { out, capacity, status in
                        cicu_message_format(locale, pattern, namePointers, kinds, stringPointers, numbers,
                                            Int32(entries.count), out, capacity, nil, status)
                    }
                }
            }
        }.get()
    }
}
