/// A problem a run survives: reported with a severity and a location, never printed by the
/// library (ARCHITECTURE.md, decision 7).
public struct Diagnostic: Sendable, Hashable, Encodable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Encodable, Comparable {
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// The file the problem is in, as the user named it.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// The unit the problem concerns, when there is one.
    public var unitID: String?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, unitID: String? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.unitID = unitID
        self.message = message
    }

    /// `file:line: severity: [unit u1] message`, the form compilers and editors understand.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        let unit = unitID.map { "unit \($0): " } ?? ""
        return "\(location): \(severity.rawValue): \(unit)\(message)"
    }
}
