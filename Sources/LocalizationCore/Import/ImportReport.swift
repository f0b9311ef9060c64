/// What importing one received file did: the terminal summary, and the JSON and HTML report
/// written to `jobs/reports/<sha256 prefix>.json|.html` for the translator and the team.
public struct ImportReport: Sendable, Hashable, Encodable {
    public enum Outcome: String, Sendable, Hashable, Encodable {
        /// Parsed and matched; its good sentences are in the memory.
        case imported
        /// The same bytes were imported before: nothing done.
        case alreadyImported = "already imported"
        /// Nothing imported from the file (it is archived, and the report says why).
        case refused
    }

    /// What became of one sentence with findings, or of a unit refused as a whole.
    public struct Entry: Sendable, Hashable, Encodable {
        public enum Disposition: String, Sendable, Hashable, Encodable {
            case accepted, refused, conflict, alternative
        }

        public var disposition: Disposition
        public var page: String
        public var unitID: String
        public var segmentID: String?
        public var sentence: String?
        public var line: Int?
        public var findings: [ImportFinding]
    }

    /// The file as the user named it (or `package.zip:entry.xlf`).
    public var file: String
    public var sha256: String
    public var archivedAs: String
    public var outcome: Outcome
    /// When the file was first imported, for `alreadyImported`.
    public var importedOn: String?
    public var locale: String?
    public var jobID: String?
    public var translator: String?
    /// Why the whole file was refused (`file:line: message`).
    public var error: String?
    public var accepted = 0
    public var refused = 0
    public var conflicts = 0
    public var alternatives = 0
    public var warnings = 0
    /// Memory matches the job was sent with, returned unchanged and unconfirmed: not counted
    /// as translations.
    public var unchangedProposals = 0
    /// Translated sentences whose memory entry changed (new or different).
    public var memoryChanges = 0
    public var entries: [Entry] = []
    public var reportFiles: [String] = []

    public init(file: String, sha256: String, archivedAs: String, outcome: Outcome) {
        self.file = file
        self.sha256 = sha256
        self.archivedAs = archivedAs
        self.outcome = outcome
    }

    /// Whether a translator or the team has something to look at.
    public var hasProblems: Bool {
        outcome == .refused || refused > 0 || warnings > 0 || conflicts > 0 || alternatives > 0
    }

    /// One line for the terminal.
    public var summary: String {
        switch outcome {
        case .alreadyImported: "\(file): already imported on \(importedOn ?? "an earlier run") (sha256 \(sha256.prefix(12))); nothing to do"
        case .refused: "\(file): refused, nothing imported: \(error ?? "")"
        case .imported:
            "\(file): \(accepted) accepted, \(warnings) warnings, \(refused) refused, \(conflicts) conflicts, \(alternatives) alternatives"
                + " (\(locale ?? "?"), job \(jobID ?? "none"))"
        }
    }

    /// `file:line: severity: unit …: message` lines for every finding, as compilers print them.
    public var diagnostics: [Diagnostic] {
        var result: [Diagnostic] = []
        for entry in entries {
            let place = "\(entry.page) unit \(entry.unitID)" + (entry.segmentID.map { " sentence \($0)" } ?? "")
            for finding in entry.findings {
                result.append(Diagnostic(finding.severity, file: file, line: entry.line, "\(place): \(finding.message)"))
            }
        }
        return result
    }

    /// The report as a standalone HTML page; every value escaped.
    public func html() -> String {
        func escape(_ text: String?) -> String { XMLWriter.escape(text ?? "", attribute: false) }
        var rows = ""
        for entry in entries {
            for finding in entry.findings.isEmpty ? [ImportFinding(check: "", severity: .note, message: "")] : entry.findings {
                rows += "<tr class=\"\(entry.disposition.rawValue)\"><td>\(entry.disposition.rawValue)</td><td>\(escape(entry.page))</td>"
                    + "<td>\(escape(entry.unitID))\(entry.segmentID.map { " / " + escape($0) } ?? "")</td><td>\(entry.line.map(String.init) ?? "")</td>"
                    + "<td>\(escape(entry.sentence))</td><td>\(escape(finding.check))</td><td>\(finding.severity.rawValue)</td>"
                    + "<td>\(escape(finding.message))</td></tr>\n"
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Import report: \(escape(file))</title>
        <style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}table{border-collapse:collapse}\
        tr.refused td:first-child{color:#a00}tr.conflict td:first-child,tr.alternative td:first-child{color:#a60}</style></head>
        <body><h1>Import report</h1>
        <p>File <code>\(escape(file))</code> (sha256 <code>\(sha256)</code>, archived as <code>\(escape(archivedAs))</code>)</p>
        <p>\(escape(summary))</p>
        <table><tr><th>result</th><th>page</th><th>unit / sentence</th><th>line</th><th>source</th><th>check</th><th>severity</th><th>message</th></tr>
        \(rows)</table></body></html>

        """
    }
}
