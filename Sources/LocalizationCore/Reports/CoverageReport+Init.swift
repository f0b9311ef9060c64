extension CoverageReport.Entry {
    /// An entry built by hand (views, tests); `coverage` defaults to the covered share of `units`.
    public init(page: String, locale: String, units: Int, reviewed: Int = 0, translated: Int = 0, automatic: Int = 0,
                pending: Int = 0, fallback: Int = 0, coverage: Double? = nil, threshold: Double, published: Bool, bidiProblems: Int = 0) {
        self.page = page
        self.locale = locale
        self.units = units
        self.reviewed = reviewed
        self.translated = translated
        self.automatic = automatic
        self.pending = pending
        self.fallback = fallback
        self.coverage = coverage ?? (units == 0 ? 1 : Double(reviewed + translated + automatic) / Double(units))
        self.threshold = threshold
        self.published = published
        self.bidiProblems = bidiProblems
    }

    /// Units still to be translated before the page passes its locale's threshold.
    public var unitsShortOfThreshold: Int {
        let covered = reviewed + translated + automatic
        let needed = Int((threshold * Double(units) - 1e-9).rounded(.up))
        return max(0, needed - covered)
    }
}
