internal import Foundation

/// The checks every returned target goes through before it may reach the memory: the QA
/// library (`QualityChecks`, with the project's severities — inline codes, numbers,
/// placeholders, glossary, length, spacing, punctuation, script, bidi controls, brackets),
/// plus what only an import can see: protected content changed in the file (error) and markup
/// typed as text (a warning: it is published escaped, as visible text).
public struct ImportChecks: Sendable {
    public var qualityChecks: QualityChecks

    public init(qualityChecks: QualityChecks) {
        self.qualityChecks = qualityChecks
    }

    /// Findings for each translated sentence of `unit` (its source is the one that was sent).
    public func findings(for unit: TextUnit, targetLanguage: String) -> [ImportFinding] {
        // Every code of our pages is required exactly once; a returned file cannot make one
        // optional by declaring it deletable or copyable.
        let unit = unit.requiringEveryCode()
        var findings = qualityChecks.findings(for: unit, targetLanguage: targetLanguage).map { finding in
            ImportFinding(check: finding.check.rawValue, severity: finding.severity.diagnosticSeverity, message: finding.message, segmentID: finding.segmentID)
        }
        for segment in unit.segments {
            guard let target = segment.target, !target.isEmpty else { continue }
            let id = unit.isSegmented ? segment.id : nil
            func add(_ check: String, _ severity: Diagnostic.Severity, _ message: String) {
                findings.append(ImportFinding(check: check, severity: severity, message: message, segmentID: id))
            }
            let sourceCodes = Dictionary(segment.source.codes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for code in target.codes {
                guard let original = sourceCodes[code.id], original.kind == .protected else { continue }
                if code.kind != .protected || (code.displayText != nil && original.displayText != nil && code.displayText != original.displayText) {
                    add("protected-content", .error, "the protected (translate=\"no\") content \"\(original.displayText ?? code.id)\" was changed; "
                        + "it must stay exactly as in the source")
                }
            }
            if Self.looksLikeMarkup(target.plainText), !Self.looksLikeMarkup(segment.source.plainText) {
                add("markup-as-text", .warning, "the target text contains something that looks like an HTML tag; it will be shown on the page "
                    + "as typed, not as markup — use the source's codes for formatting and links")
            }
        }
        return findings
    }

    static func looksLikeMarkup(_ text: String) -> Bool {
        text.range(of: #"<\s*/?\s*[A-Za-z][A-Za-z0-9-]*[\s>/]"#, options: .regularExpression) != nil
    }
}

extension QASeverity {
    /// `.off` never reaches a finding.
    var diagnosticSeverity: Diagnostic.Severity {
        switch self {
        case .error: .error
        case .warning: .warning
        case .note, .off: .note
        }
    }
}

extension TextUnit {
    /// The unit with every code of its source and sentences marked required and single.
    func requiringEveryCode() -> TextUnit {
        func required(_ content: Content) -> Content {
            Content(content.fragments.map { fragment in
                func strict(_ code: InlineCode) -> InlineCode {
                    var code = code
                    code.canDelete = false
                    code.canCopy = false
                    return code
                }
                switch fragment {
                case .text: return fragment
                case .opening(let code): return .opening(strict(code))
                case .closing(let code): return .closing(strict(code))
                case .standalone(let code, let half): return .standalone(strict(code), isolated: half)
                }
            })
        }
        var unit = self
        unit.source = required(source)
        unit.parts = parts.map { part in
            guard case .segment(var segment) = part else { return part }
            segment.source = required(segment.source)
            return .segment(segment)
        }
        return unit
    }
}
