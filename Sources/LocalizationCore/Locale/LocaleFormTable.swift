internal import Synchronization

/// How one locale writes numbers and dates, each formatted with ICU once and remembered for
/// the process: a site repeats its numbers and dates on every page and in every locale, and
/// formatting one, even with its ICU format already open, costs more than looking it up.
///
/// One table per way of formatting (the locale's formatting locale and date skeletons): a
/// caller that formats for one locale many times takes its table once (`shared(for:)`) and
/// looks up by the kind alone, not by the locale's strings.
final class LocaleFormTable: Sendable {
    /// What a form depends on besides its kind.
    private struct Style: Hashable, Sendable {
        var formattingLocale: String
        var monthSkeleton: String
        var daySkeleton: String

        init(_ locale: LocaleDefinition) {
            formattingLocale = locale.formattingLocale
            monthSkeleton = locale.monthSkeleton
            daySkeleton = locale.daySkeleton
        }
    }

    /// Forms a shared table remembers before it starts afresh. The 10,000-page benchmark site
    /// has about 5,000 distinct numbers and dates; at some 100 bytes a form, a table stays
    /// under 2 MB, and a site with more numbers than this formats some of them again.
    static let defaultLimit = 1 << 14

    /// A handful per process: one per target locale.
    private static let tables = Mutex<[Style: LocaleFormTable]>([:])

    /// The process's table for `locale`'s way of formatting.
    static func shared(for locale: LocaleDefinition) -> LocaleFormTable {
        let style = Style(locale)
        return tables.withLock { tables in
            if let table = tables[style] { return table }
            let table = LocaleFormTable(locale: locale, limit: defaultLimit)
            tables[style] = table
            return table
        }
    }

    /// Formats for the table's style (any locale of that style formats alike).
    let locale: LocaleDefinition
    let limit: Int
    private let forms = Mutex<[AutoTranslatable.Kind: String]>([:])

    /// A table of its own, not shared (for tests).
    init(locale: LocaleDefinition, limit: Int = defaultLimit) {
        self.locale = locale
        self.limit = limit
    }

    /// How the locale writes a number or date; not for a reference (its form is its text,
    /// which the kind does not hold). A kind ICU cannot format throws every time it is asked.
    func form(of kind: AutoTranslatable.Kind) throws(ICUError) -> String {
        if let known = forms.withLock({ $0[kind] }) { return known }
        // Formatted outside the lock: two callers may both format a new kind, and store the
        // same form.
        let form = try AutoTranslatable.format(kind, text: "", for: locale)
        forms.withLock { forms in
            if forms.count >= limit { forms.removeAll() }
            forms[kind] = form
        }
        return form
    }

    /// Forms held (for tests).
    var count: Int { forms.withLock { $0.count } }
}
