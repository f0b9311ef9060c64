/// Numbers in text of any language, read by value: "1.234,5" (German), "1,234.5" (English),
/// "١٬٢٣٤٫٥" (Arabic) and "۱٬۲۳۴٫۵" (Persian) are all 1234.5, so a translator who writes a number
/// the target's way is not told it changed.
///
/// A number is a run of decimal digits of any script (ICU `u_charDigitValue`) with single
/// separators between digits. The sign is not read: "-" between numbers is usually a range
/// ("2014-2020"), and no QA should call that a negative year.
enum NumberScanner {
    /// A number as written, before its separators are interpreted.
    struct Token: Sendable, Hashable {
        var text: String
        /// Unicode-scalar offsets in the scanned text.
        var range: Range<Int>
        /// The digit runs in Western digits ("1", "234", "5").
        var groups: [String]
        /// The separator after each group but the last.
        var separators: [Unicode.Scalar]
    }

    /// A number's exact value as digits, so 1234.5 compares without floating point.
    struct Value: Sendable, Hashable, CustomStringConvertible {
        /// Without leading zeros; "0" for zero.
        var integer: String
        /// Without trailing zeros; empty for integers.
        var fraction: String

        init(integer: String, fraction: String = "") {
            let trimmed = integer.drop { $0 == "0" }
            self.integer = trimmed.isEmpty ? "0" : String(trimmed)
            var fraction = Substring(fraction)
            while fraction.last == "0" { fraction = fraction.dropLast() }
            self.fraction = String(fraction)
        }

        var description: String { fraction.isEmpty ? integer : "\(integer).\(fraction)" }
        var double: Double { Double(description) ?? 0 }
    }

    /// Separators that can stand inside a number: period, comma, the Arabic decimal and
    /// thousands separators, apostrophes (Swiss grouping) and the no-break and thin spaces.
    static let separators: Set<Unicode.Scalar> = [".", ",", "\u{066B}", "\u{066C}", "'", "\u{2019}", "\u{A0}", "\u{202F}", "\u{2009}"]
    /// Separators that only ever group thousands, whatever the locale.
    static let groupingOnly: Set<Unicode.Scalar> = ["\u{066C}", "'", "\u{2019}", "\u{A0}", "\u{202F}", "\u{2009}"]

    /// Every number in `scalars`, left to right. With `spaceGrouping` (locales that group
    /// thousands with a space, like Russian "2 000"), a plain space typed instead of the
    /// no-break space groups too, when exactly three digits follow it.
    static func tokens(in scalars: [Unicode.Scalar], spaceGrouping: Bool = false) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            guard UnicodeScript.digitValue(scalars[index]) != nil else { index += 1; continue }
            let start = index
            var groups: [String] = []
            var separators: [Unicode.Scalar] = []
            var group = ""
            while index < scalars.count {
                if let digit = UnicodeScript.digitValue(scalars[index]) {
                    group += String(digit)
                    index += 1
                } else if Self.separators.contains(scalars[index]) || (spaceGrouping && isSpaceGroup(scalars, at: index, after: group, first: groups.isEmpty)),
                          index + 1 < scalars.count, UnicodeScript.digitValue(scalars[index + 1]) != nil {
                    groups.append(group)
                    separators.append(scalars[index])
                    group = ""
                    index += 1
                } else {
                    break
                }
            }
            groups.append(group)
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[start ..< index])
            tokens.append(Token(text: String(text), range: start ..< index, groups: groups, separators: separators))
        }
        return tokens
    }

    /// A plain space at `index` between a group of one to three digits (three after the first)
    /// and exactly three digits.
    private static func isSpaceGroup(_ scalars: [Unicode.Scalar], at index: Int, after group: String, first: Bool) -> Bool {
        guard scalars[index] == " ", first ? (1 ... 3).contains(group.count) : group.count == 3, index + 3 < scalars.count else { return false }
        let digits = (index + 1 ... index + 3).allSatisfy { UnicodeScript.digitValue(scalars[$0]) != nil }
        let end = index + 4
        return digits && (end == scalars.count || UnicodeScript.digitValue(scalars[end]) == nil)
    }

    /// The values a token stands for in a locale that writes `decimal` and `grouping`: one
    /// number when its separators fit the locale ("1.234,5" in German), otherwise each digit
    /// run on its own ("2.0" in German is not a number but "2" and "0", as in "WIR 2.0").
    static func values(of token: Token, decimal: Unicode.Scalar, grouping: Unicode.Scalar) -> [Value] {
        if let value = value(of: token, decimal: decimal, grouping: grouping) { return [value] }
        return token.groups.map { Value(integer: $0) }
    }

    /// The one value the token has in the locale, or nil when its separators do not fit.
    static func value(of token: Token, decimal: Unicode.Scalar, grouping: Unicode.Scalar) -> Value? {
        guard !token.separators.isEmpty else { return Value(integer: token.groups[0]) }
        var integer = token.groups[0]
        var fraction = ""
        for (offset, separator) in token.separators.enumerated() {
            let next = token.groups[offset + 1]
            let isLast = offset == token.separators.count - 1
            let isDecimal = separator == "\u{066B}" || (separator == decimal && !groupingOnly.contains(separator))
            let isGrouping = groupingOnly.contains(separator) || separator == grouping
                || (grouping.properties.generalCategory == .spaceSeparator && separator.properties.generalCategory == .spaceSeparator)
            if isDecimal, isLast {
                fraction = next
            } else if isGrouping, next.count == 3, token.groups[0].count <= 3, token.separators.allSatisfy({ $0 == separator || $0 == decimal || $0 == "\u{066B}" }) {
                integer += next
            } else {
                return nil
            }
        }
        return Value(integer: integer, fraction: fraction)
    }
}
