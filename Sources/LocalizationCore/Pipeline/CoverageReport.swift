/// What each page has in each locale: how many units are reviewed, translated, written
/// automatically (numbers, dates, chrome strings), still pending with translators, and shown
/// in German; whether the page passed the publish gate.
public struct CoverageReport: Sendable, Encodable, Hashable {
    public struct Entry: Sendable, Encodable, Hashable {
        public var page: String
        public var locale: String
        public var units: Int
        public var reviewed: Int
        public var translated: Int
        /// Units written without a translator: whole numbers or dates, page-chrome strings.
        public var automatic: Int
        /// Units with no usable translation yet (in the outgoing job).
        public var pending: Int
        /// Units shown in German on the output page: the pending ones on a published page,
        /// every unit on a page kept in German.
        public var fallback: Int
        /// (reviewed + translated + automatic) / units.
        public var coverage: Double
        public var threshold: Double
        public var published: Bool
        /// Problems the bidi lint found on the assembled page.
        public var bidiProblems: Int
    }

    public var entries: [Entry] = []

    /// A terminal table: one row per page and locale.
    public func table() -> String {
        let header = ["page", "locale", "units", "reviewed", "translated", "auto", "pending", "fallback", "coverage", "status"]
        let rows = entries.map { entry in
            [entry.page, entry.locale, "\(entry.units)", "\(entry.reviewed)", "\(entry.translated)", "\(entry.automatic)",
             "\(entry.pending)", "\(entry.fallback)", "\(Int((entry.coverage * 100).rounded(.down)))%",
             entry.published ? "published" : "German + notice (needs \(Int((entry.threshold * 100).rounded()))%)"]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }.joined()
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
