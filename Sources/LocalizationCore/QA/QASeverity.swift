/// What a QA finding does to the unit: `error` refuses it (the import keeps the translator's
/// text in its report, never in the memory); `warning` and `note` accept it and report;
/// `off` does not run the check at all.
public enum QASeverity: String, Sendable, Codable, CaseIterable, Comparable {
    case off
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .off: 0
        case .note: 1
        case .warning: 2
        case .error: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
