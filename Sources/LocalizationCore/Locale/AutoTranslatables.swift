/// Numbers, dates and references in German source text that need no translator: recognised in
/// a unit's source, and at assembly written the target locale's way with ICU (numbers and
/// dates) or kept verbatim (references such as the council paper "0108/2021").
///
/// ```swift
/// AutoTranslatables.recognize(in: "44 Mitgliedsorganisationen (Stand: November 2020)")
/// // [number 44, date 2020-11]
/// ```
public struct AutoTranslatable: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A German number ("44", "1.234,5"); `fractionDigits` as written.
        case number(Double, fractionDigits: Int)
        /// A four-digit year on its own ("2014"): written without grouping.
        case year(Int)
        /// A percentage ("70 Prozent", "70 %"), as a fraction of one (0.7).
        case percent(Double, fractionDigits: Int)
        /// A date: a month ("November 2020") or a day ("1. Januar 2020").
        case date(CalendarDate)
        /// A reference number ("0108/2021"), never changed.
        case reference
    }

    public var kind: Kind
    /// The text as the source writes it.
    public var text: String
    /// Where it is in the text, in Unicode scalars.
    public var range: Range<Int>

    /// How the target locale writes it.
    public func formatted(for locale: LocaleDefinition) throws(ICUError) -> String {
        // A reference is its own text and is not formatted: the locale's table, keyed by the
        // kind alone (which has no text), must not give one reference another's.
        if case .reference = kind { return text }
        return try LocaleFormTable.shared(for: locale).form(of: kind)
    }

    /// The kind written the locale's way by ICU, without any table; a reference (which has
    /// no form of its own) as `text`.
    static func format(_ kind: Kind, text: String, for locale: LocaleDefinition) throws(ICUError) -> String {
        switch kind {
        case .number(let value, let digits): try locale.numbers.format(value, fractionDigits: digits)
        case .year(let year): try locale.numbers.format(Double(year), grouping: false)
        case .percent(let value, let digits): try locale.numbers.percent(value, fractionDigits: digits)
        case .date(let date): try locale.dates.format(date, skeleton: date.day == nil ? locale.monthSkeleton : locale.daySkeleton)
        case .reference: text
        }
    }
}

public enum AutoTranslatables {
    static let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                         "September", "Oktober", "November", "Dezember"]

    /// Every auto-translatable in German text, left to right, not overlapping.
    public static func recognize(in text: String) -> [AutoTranslatable] {
        mayHoldItems(text) ? scanning(text) : []
    }

    /// `recognize(in:)` by looking for an item at every scalar.
    static func scanning(_ text: String) -> [AutoTranslatable] {
        let scalars = Array(text.unicodeScalars)
        var found: [AutoTranslatable] = []
        var index = 0
        while index < scalars.count {
            if let item = match(scalars, at: index) {
                found.append(item)
                index = item.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether the text has a digit: every item holds one (a month name only with its year),
    /// and most texts of a page hold none; they are passed over without being decoded.
    static func mayHoldItems(_ text: String) -> Bool {
        var utf8 = text
        return utf8.withUTF8 { bytes in bytes.contains { (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains($0) } }
    }

    /// A unit whose whole text is one number or date ("Februar 2021", "44") needs no
    /// translator: its target for the locale, or nil.
    public static func wholeTarget(for source: Content, locale: LocaleDefinition) -> Content? {
        guard let (text, item) = wholeItem(source), let formatted = try? item.formatted(for: locale) else { return nil }
        return Content(text: text.replacingTrimmedText(with: formatted))
    }

    /// The content's text and its one number or date, when that is all it holds.
    /// `recognized`: the auto-translatables of the content's `plainText`, for a caller that
    /// has them already (assembly needs a unit's items anyway).
    ///
    /// The items are those of the untrimmed text: recognition never starts or ends an item on
    /// white space and reads white space around an item as a boundary, so the untrimmed text
    /// holds the trimmed text's items (at other offsets, which the result does not use) and no
    /// others.
    static func wholeItem(_ content: Content, recognized: [AutoTranslatable]? = nil) -> (text: String, item: AutoTranslatable)? {
        guard content.fragments.count == 1, case .text(let text) = content.fragments[0] else { return nil }
        let items = recognized ?? recognize(in: text)
        guard items.count == 1, items[0].kind != .reference, items[0].text == text.trimmingWhitespace else { return nil }
        return (text, items[0])
    }

    /// The translator's target with the source's numbers and dates written the locale's way:
    /// where the target still has the German form ("44", "November 2020", "1.234,5"), or a
    /// date's year in Western digits, it is replaced by ICU's form for the locale. References
    /// and everything else stay as the translator wrote them.
    public static func localize(_ target: Content, source: Content, locale: LocaleDefinition) -> Content {
        // A table of the source's items alone, read from the locale's table of the process.
        var table = PageAutoTranslatables()
        let items = table.localizable(recognize(in: source.plainText))
        var formatted = table.formatted(in: LocaleFormTable.shared(for: locale))
        return localize(target, items: items, formatted: &formatted)
    }

    /// `localize(_:source:locale:)` for a unit whose items have slots in its page's table
    /// (`PageAutoTranslatables`), whose forms in the locale are `formatted`: each number and
    /// date of a page is formatted at most once per locale, and only when a target holds it.
    ///
    /// Each German form a text fragment holds, and that the locale writes differently, is
    /// replaced, longest first (so "November 2020" goes before "2020"), whole occurrences
    /// only (`replace(_:in:)`).
    static func localize(_ target: Content, items: LocalizableItems, formatted: inout PageAutoTranslatables.Formatted) -> Content {
        guard !items.forms.isEmpty else { return target }
        var fragments = target.fragments
        var replaced = false
        for index in fragments.indices {
            guard case .text(let text) = fragments[index] else { continue }
            // Forms the text does not hold are never replaced, and need no formatting.
            var utf8 = text
            let held = utf8.withUTF8 { bytes in items.forms.filter { occurs($0.bytes, in: bytes) } }
            var replacements: [(from: String, to: String)] = []
            for form in held {
                if let to = formatted[form.slot], to != form.text { replacements.append((form.text, to)) }
            }
            guard !replacements.isEmpty else { continue }
            fragments[index] = .text(replace(replacements, in: text))
            replaced = true
        }
        return replaced ? Content(fragments) : target
    }

    /// Whether `bytes` (UTF-8) hold `pattern`: a whole occurrence of a text's scalars is one
    /// of its bytes too, and bytes are compared without decoding.
    private static func occurs(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first, pattern.count <= bytes.count else { return pattern.isEmpty }
        for start in 0 ... bytes.count - pattern.count where bytes[start] == first {
            if pattern.indices.allSatisfy({ bytes[start + $0] == pattern[$0] }) { return true }
        }
        return false
    }

    /// Replaces whole occurrences only: "44" is not replaced inside "2044" or "4.44".
    static func replace(_ replacements: [(from: String, to: String)], in text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var done: [Range<Int>] = []
        for (from, to) in replacements {
            let pattern = Array(from.unicodeScalars)
            let replacement = Array(to.unicodeScalars)
            var index = 0
            while index + pattern.count <= scalars.count {
                let range = index ..< index + pattern.count
                if scalars[range].elementsEqual(pattern), isBoundary(scalars, before: index), isBoundary(scalars, after: range.upperBound),
                   !done.contains(where: { $0.overlaps(range) }) {
                    scalars.replaceSubrange(range, with: replacement)
                    let delta = replacement.count - pattern.count
                    done = done.map { $0.lowerBound >= range.upperBound ? ($0.lowerBound + delta) ..< ($0.upperBound + delta) : $0 }
                    done.append(index ..< index + replacement.count)
                    index += replacement.count
                } else {
                    index += 1
                }
            }
        }
        return String(scalars: scalars)
    }

    // MARK: Recognition

    /// The month names as scalars, compared at every digit-or-capital of every text.
    private static let monthScalars = months.map { Array($0.unicodeScalars) }

    private static func match(_ s: [Unicode.Scalar], at start: Int) -> AutoTranslatable? {
        // Runs at every scalar of the text: an item starts with a digit or a month's capital,
        // so anything else is passed over before any property lookup.
        guard start < s.count, isDigit(s[start]) || monthScalars.contains(where: { $0.first == s[start] }) else { return nil }
        guard isBoundary(s, before: start) else { return nil }
        func item(_ kind: AutoTranslatable.Kind, _ end: Int) -> AutoTranslatable {
            AutoTranslatable(kind: kind, text: String(scalars: s[start ..< end]), range: start ..< end)
        }
        // "November 2020"
        if let (month, afterMonth) = monthName(s, at: start), let (year, end) = yearAfterSpace(s, at: afterMonth) {
            return item(.date(CalendarDate(year: year, month: month)), end)
        }
        guard start < s.count, isDigit(s[start]) else { return nil }
        let digitsEnd = digitRun(s, from: start)
        // "1. Januar 2020"
        if digitsEnd - start <= 2, digitsEnd < s.count, s[digitsEnd] == ".", let day = Int(string(s[start ..< digitsEnd])), (1 ... 31).contains(day) {
            var cursor = digitsEnd + 1
            if cursor < s.count, isSpace(s[cursor]) { cursor += 1 }
            if let (month, afterMonth) = monthName(s, at: cursor), let (year, end) = yearAfterSpace(s, at: afterMonth) {
                return item(.date(CalendarDate(year: year, month: month, day: day)), end)
            }
        }
        // "0108/2021": a reference, kept as it is.
        if digitsEnd < s.count, s[digitsEnd] == "/", digitsEnd + 1 < s.count, isDigit(s[digitsEnd + 1]) {
            let end = digitRun(s, from: digitsEnd + 1)
            guard isBoundary(s, after: end) else { return nil }
            return item(.reference, end)
        }
        // German number: optional groups of three after dots, optional decimal comma.
        var end = digitsEnd
        var grouped = false
        if digitsEnd - start <= 3 {
            while end + 3 < s.count, s[end] == ".", digitRun(s, from: end + 1) == end + 4 {
                end += 4
                grouped = true
            }
        }
        var fractionDigits = 0
        if end + 1 < s.count, s[end] == ",", isDigit(s[end + 1]) {
            let fractionEnd = digitRun(s, from: end + 1)
            fractionDigits = fractionEnd - end - 1
            end = fractionEnd
        }
        guard isBoundary(s, after: end) else { return nil }
        // German digits: "." groups, "," separates the fraction.
        let plain = String(string(s[start ..< end]).unicodeScalars.compactMap { $0 == "." ? nil : $0 == "," ? "." : Character($0) })
        let value = Double(plain) ?? 0
        // "70 Prozent", "70 %", "70%"
        var cursor = end
        if cursor < s.count, isSpace(s[cursor]) { cursor += 1 }
        if cursor < s.count, s[cursor] == "%" {
            return item(.percent(value / 100, fractionDigits: fractionDigits), cursor + 1)
        }
        if hasWord(s, percentWord, at: cursor) {
            return item(.percent(value / 100, fractionDigits: fractionDigits), cursor + 7)
        }
        if !grouped, fractionDigits == 0, end - start == 4, (1000 ... 2999).contains(Int(value)) {
            return item(.year(Int(value)), end)
        }
        return item(.number(value, fractionDigits: fractionDigits), end)
    }

    private static func monthName(_ s: [Unicode.Scalar], at index: Int) -> (Int, Int)? {
        for (number, name) in monthScalars.enumerated() where hasWord(s, name, at: index) {
            return (number + 1, index + name.count)
        }
        return nil
    }

    private static func yearAfterSpace(_ s: [Unicode.Scalar], at index: Int) -> (Int, Int)? {
        guard index < s.count, isSpace(s[index]) else { return nil }
        let end = digitRun(s, from: index + 1)
        guard end - index - 1 == 4, isBoundary(s, after: end), let year = Int(string(s[index + 1 ..< end])) else { return nil }
        return (year, end)
    }

    private static let percentWord = Array("Prozent".unicodeScalars)

    private static func hasWord(_ s: [Unicode.Scalar], _ pattern: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + pattern.count <= s.count, s[index ..< index + pattern.count].elementsEqual(pattern) else { return false }
        let end = index + pattern.count
        return end == s.count || !s[end].properties.isAlphabetic
    }

    private static func digitRun(_ s: [Unicode.Scalar], from index: Int) -> Int {
        var end = index
        while end < s.count, isDigit(s[end]) { end += 1 }
        return end
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0" ... "9").contains(scalar) }
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\u{A0}" || scalar == "\u{202F}" }

    /// No letter, digit or number punctuation just before: "WIR 2.0" has no number "0".
    static func isBoundary(_ s: [Unicode.Scalar], before index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = s[index - 1]
        if previous.properties.isAlphabetic || previous.properties.numericType != nil { return false }
        if [".", ",", "/", "-"].contains(previous), index >= 2, s[index - 2].properties.numericType != nil || s[index - 2].properties.isAlphabetic { return false }
        return true
    }

    /// No letter or digit just after, nor number punctuation followed by a digit or letter.
    static func isBoundary(_ s: [Unicode.Scalar], after index: Int) -> Bool {
        guard index < s.count else { return true }
        let next = s[index]
        if next.properties.isAlphabetic || next.properties.numericType != nil { return false }
        if [".", ",", "/", "-"].contains(next), index + 1 < s.count, s[index + 1].properties.numericType != nil || s[index + 1].properties.isAlphabetic { return false }
        return true
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(scalars: scalars)
    }
}

/// A unit's numbers and dates as `AutoTranslatables.localize(_:items:formatted:)` reads them
/// in every locale: each German form it may replace (an item's text, and a date's year), with
/// its bytes counted once and its slot in the page's ``PageAutoTranslatables``.
struct LocalizableItems: Sendable {
    struct Form: Sendable {
        var text: String
        var bytes: [UInt8]
        var slot: Int
    }

    /// In the order of replacement: the items in the source's order, each item's text before
    /// a date's year, then longest first (in Unicode scalars; a stable sort), so that
    /// "November 2020" is replaced before "2020". The same in every locale, so sorted once.
    /// References, never replaced, are left out.
    var forms: [Form] = []
}

/// The distinct numbers and dates of a page's units, formatted once per locale for all of
/// them: a page repeats its numbers and dates in many units, and an array read costs less
/// than a lookup in the locale's table (``LocaleFormTable``, a hashed kind behind a lock).
struct PageAutoTranslatables: Sendable {
    private(set) var kinds: [AutoTranslatable.Kind] = []
    private var slots: [AutoTranslatable.Kind: Int] = [:]

    /// The unit's items, given slots in the page's table.
    mutating func localizable(_ items: [AutoTranslatable]) -> LocalizableItems {
        var forms: [(form: LocalizableItems.Form, length: Int)] = []
        for item in items {
            if case .reference = item.kind { continue }
            forms.append((form(item.text, kind: item.kind), item.text.unicodeScalars.count))
            if case .date(let date) = item.kind {
                let year = String(date.year)
                forms.append((form(year, kind: .year(date.year)), year.unicodeScalars.count))
            }
        }
        return LocalizableItems(forms: forms.sorted { $0.length > $1.length }.map(\.form))
    }

    /// The slot of a number or date (not a reference: its form is its own text, which the
    /// kind does not hold).
    mutating func slot(for kind: AutoTranslatable.Kind) -> Int {
        if let known = slots[kind] { return known }
        slots[kind] = kinds.count
        kinds.append(kind)
        return kinds.count - 1
    }

    private mutating func form(_ text: String, kind: AutoTranslatable.Kind) -> LocalizableItems.Form {
        .init(text: text, bytes: Array(text.utf8), slot: slot(for: kind))
    }

    /// The page's forms in the locale of `table`, each formatted when first asked for: most of
    /// a page's numbers and dates stand in units without a target, or in targets that do not
    /// hold them.
    func formatted(in table: LocaleFormTable) -> Formatted {
        Formatted(kinds: kinds, table: table)
    }

    /// The page's forms in one locale.
    struct Formatted {
        let kinds: [AutoTranslatable.Kind]
        let table: LocaleFormTable
        /// Per slot: nil while not asked for; then the form, or nil where ICU cannot format it.
        private var forms: [String??]

        init(kinds: [AutoTranslatable.Kind], table: LocaleFormTable) {
            self.kinds = kinds
            self.table = table
            forms = Array(repeating: nil, count: kinds.count)
        }

        /// The slot's form. A number's or date's form depends on its kind alone, never on its
        /// text (references, formatted as their own text, have no slot).
        subscript(slot: Int) -> String? {
            mutating get {
                if let known = forms[slot] { return known }
                let form = try? table.form(of: kinds[slot])
                forms[slot] = .some(form)
                return form
            }
        }
    }
}

extension String {
    /// The string with its text between leading and trailing whitespace replaced.
    func replacingTrimmedText(with replacement: String) -> String {
        let scalars = Array(unicodeScalars)
        let leading = scalars.prefix { $0.properties.isWhitespace }
        let trailing = scalars.dropFirst(leading.count).reversed().prefix { $0.properties.isWhitespace }.reversed()
        return String(scalars: leading) + replacement + String(scalars: trailing)
    }

    var trimmingWhitespace: String {
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars: scalars[first ... last])
    }
}
