/// One problem a QA check found in a target, worded for the translator: it names the code,
/// number, term, character (as U+XXXX) or bracket concerned.
public struct QAFinding: Sendable, Hashable, Encodable, CustomStringConvertible {
    public var check: QACheck
    public var severity: QASeverity
    public var message: String
    /// The sentence (`s1`, `s2`…) the finding concerns when the unit is segmented; nil when the
    /// unit was checked whole.
    public var segmentID: String?

    public init(check: QACheck, severity: QASeverity, message: String, segmentID: String? = nil) {
        self.check = check
        self.severity = severity
        self.message = message
        self.segmentID = segmentID
    }

    /// `severity: [check] (sentence s2) message`.
    public var description: String {
        "\(severity.rawValue): [\(check.rawValue)] " + (segmentID.map { "(sentence \($0)) " } ?? "") + message
    }
}
