internal import Foundation

/// The checks every returned target goes through before it may reach the memory, behind one
/// function so that the QA library (`QualityChecks`) can take its place: inline codes and
/// forbidden characters (`TargetCheck`, errors), bidi embeddings and overrides, invisible
/// characters the source lacks, protected content changed (errors), markup typed as text
/// (a warning: it is published escaped, as visible text), and the glossary (`TermCheck`,
/// warnings and notes).
public struct ImportChecks: Sendable {
    public var termCheck: TermCheck?
    public var locale: String

    public init(termCheck: TermCheck?, locale: String) {
        self.termCheck = termCheck
        self.locale = locale
    }

    /// Findings for each translated sentence of `unit` (its source is the one that was sent).
    public func findings(for unit: TextUnit, targetLanguage: String) -> [ImportFinding] {
        var findings: [ImportFinding] = []
        for segment in unit.segments {
            guard let target = segment.target, !target.isEmpty else { continue }
            let id = unit.isSegmented ? segment.id : nil
            func add(_ check: String, _ severity: Diagnostic.Severity, _ message: String) {
                findings.append(ImportFinding(check: check, severity: severity, message: message, segmentID: id))
            }
            for problem in TargetCheck.problems(target: target, source: segment.source, isAttribute: unit.isAttribute) {
                switch problem {
                case .forbiddenCharacter(let scalar) where (0x202A ... 0x202E).contains(scalar.value):
                    add("bidi-control", .error, "the target contains the bidi control \(Self.name(scalar)), which can make text display differently "
                        + "from what it says (\"Trojan Source\"); use U+200F RIGHT-TO-LEFT MARK or the isolates U+2066–2069 instead")
                case .forbiddenCharacter:
                    add("control-character", .error, "\(problem)")
                default:
                    add("inline-codes", .error, "\(problem); keep every code of the source exactly once, in a valid order")
                }
            }
            let sourceScalars = Set(segment.source.plainText.unicodeScalars)
            let invisible = target.plainText.unicodeScalars.filter { Self.invisible.contains($0.value) && !sourceScalars.contains($0) }
            if let scalar = invisible.first {
                add("invisible-character", .error, "the target contains the invisible character \(Self.name(scalar)), which the source does not have")
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
            if let termCheck {
                let sentence = TextUnit(id: unit.id, placement: unit.placement, name: unit.name, source: segment.source, target: target,
                                        state: segment.state, line: unit.line)
                for diagnostic in termCheck.check(sentence, file: "") {
                    add("terminology", diagnostic.severity, diagnostic.message)
                }
            }
        }
        return findings
    }

    /// Zero-width space, word joiner, the byte-order mark: invisible, so a target may hide
    /// differences with them. (ZWNJ and ZWJ, U+200C/200D, are spelling in Persian and Arabic.)
    static let invisible: Set<UInt32> = [0x200B, 0x2060, 0xFEFF, 0x180E]

    static func looksLikeMarkup(_ text: String) -> Bool {
        text.range(of: #"<\s*/?\s*[A-Za-z][A-Za-z0-9-]*[\s>/]"#, options: .regularExpression) != nil
    }

    static func name(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        return scalar.properties.name.map { "\(code) \($0)" } ?? code
    }
}
