/// Decides per page and locale whether the translated page goes out: only when the share of
/// units a reader gets in their language reaches the locale's threshold. Below it, readers get
/// the German page with a notice in their language, never a page that is mostly German
/// pretending to be translated.
public struct PublishGate: Sendable, Hashable {
    /// Where one unit stands for one locale.
    public enum UnitStatus: Sendable, Hashable {
        case reviewed
        case translated
        /// Written without a translator (a number or date, a chrome string).
        case automatic
        /// No usable translation yet.
        case pending
    }

    public let threshold: Double

    public init(threshold: Double) {
        self.threshold = threshold
    }

    /// Covered units over all units; a page without units counts as fully covered.
    public func coverage(_ statuses: [UnitStatus]) -> Double {
        guard !statuses.isEmpty else { return 1 }
        return Double(statuses.filter { $0 != .pending }.count) / Double(statuses.count)
    }

    public func publishes(_ statuses: [UnitStatus]) -> Bool {
        coverage(statuses) >= threshold
    }
}
