/// One thing a check found in a returned target, in the shape the QA library will report
/// (`QAFinding`: check, severity, message, segment) so that `ImportChecks` can hand over to it.
public struct ImportFinding: Sendable, Hashable, Encodable {
    /// Which check found it (`inline-codes`, `bidi-control`, `terminology`, …).
    public var check: String
    /// `.error` refuses the sentence; warnings and notes are reported with it.
    public var severity: Diagnostic.Severity
    /// What is wrong, in words a translator understands.
    public var message: String
    public var segmentID: String?

    public init(check: String, severity: Diagnostic.Severity, message: String, segmentID: String? = nil) {
        self.check = check
        self.severity = severity
        self.message = message
        self.segmentID = segmentID
    }
}
