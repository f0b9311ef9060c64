/// The QA checks run on every target a translator returns, with the project's severities
/// (`translate-pipeline.json`, `"qa": {"length": "error", "double-spaces": "off"}`); checks the
/// project does not name run at their `QACheck.defaultSeverity`. See `README.md` here for
/// what each check looks at.
///
/// A unit split into sentences is checked sentence by sentence, each finding naming its
/// sentence; a unit with one target for the whole paragraph is checked whole.
///
/// ```swift
/// let checks = QualityChecks(severities: [.length: .error], locale: arabic)
/// let refused = checks.findings(for: unit, targetLanguage: "ar").contains { $0.severity == .error }
/// ```
public struct QualityChecks: Sendable {
    public let severities: [QACheck: QASeverity]
    public let termCheck: TermCheck?
    public let locale: LocaleDefinition?
    /// The source language, whose way of writing numbers the source's numbers are read in.
    public let sourceLocale: String
    private let sourceNumbers: QATargetLocale
    /// The locale definition's target, prepared once (it asks ICU for separators and script).
    private let definedTarget: QATargetLocale?

    public init(severities: [QACheck: QASeverity] = [:], termCheck: TermCheck? = nil, locale: LocaleDefinition? = nil) {
        self.init(severities: severities, termCheck: termCheck, locale: locale, sourceLocale: "de")
    }

    public init(severities: [QACheck: QASeverity], termCheck: TermCheck?, locale: LocaleDefinition?, sourceLocale: String) {
        self.severities = severities
        self.termCheck = termCheck
        self.locale = locale
        self.sourceLocale = sourceLocale
        self.sourceNumbers = QATargetLocale(targetLanguage: sourceLocale, definition: nil)
        self.definedTarget = locale.map { QATargetLocale(targetLanguage: $0.tag, definition: $0) }
    }

    /// The checks with the project's `qa` severities and source locale.
    public init(project: Project, termCheck: TermCheck? = nil, locale: LocaleDefinition? = nil) {
        self.init(severities: project.settings.qa, termCheck: termCheck, locale: locale, sourceLocale: project.settings.sourceLocale)
    }

    /// The severity a check runs at in this project.
    public func severity(of check: QACheck) -> QASeverity {
        severities[check] ?? check.defaultSeverity
    }

    /// Every finding on the unit's target (or its sentences' targets), in the order of the
    /// checks, then of the sentences; empty when the unit has no target.
    public func findings(for unit: TextUnit, targetLanguage: String) -> [QAFinding] {
        let target = definedTarget.flatMap { $0.tag.lowercased() == targetLanguage.lowercased() ? $0 : nil }
            ?? QATargetLocale(targetLanguage: targetLanguage, definition: locale)
        var sentences: [QASentence] = []
        if unit.isSegmented, unit.segments.contains(where: { $0.target != nil }) {
            for segment in unit.segments {
                guard let segmentTarget = segment.target else { continue }
                sentences.append(QASentence(source: segment.source, target: segmentTarget, isAttribute: unit.isAttribute, segmentID: segment.id))
            }
        } else if let unitTarget = unit.target {
            sentences.append(QASentence(source: unit.source, target: unitTarget, isAttribute: unit.isAttribute, segmentID: nil))
        }
        var findings: [QAFinding] = []
        for check in QACheck.allCases {
            let severity = severity(of: check)
            guard severity != .off else { continue }
            for sentence in sentences {
                for issue in issues(check, sentence, unit: unit, locale: target) {
                    findings.append(QAFinding(check: check, severity: issue.cap.map { min($0, severity) } ?? severity,
                                              message: issue.message, segmentID: sentence.segmentID))
                }
            }
        }
        return findings
    }

    private func issues(_ check: QACheck, _ sentence: QASentence, unit: TextUnit, locale: QATargetLocale) -> [QAIssue] {
        switch check {
        case .inlineCodes: CodeCheck.issues(sentence)
        case .numbers: NumberCheck.issues(sentence, locale, source: sourceNumbers)
        case .placeholders: PlaceholderCheck.issues(sentence, locale)
        case .glossary: glossaryIssues(sentence, unit: unit)
        case .length: LengthCheck.issues(sentence, locale)
        case .whitespace: SpacingCheck.edgeIssues(sentence)
        case .endPunctuation: EndPunctuationCheck.issues(sentence, locale)
        case .untranslated: UntranslatedCheck.issues(sentence)
        case .script: ScriptCheck.issues(sentence, locale)
        case .bidiControls: BidiControlCheck.issues(sentence, locale)
        case .doubleSpaces: SpacingCheck.doubleSpaceIssues(sentence)
        case .brackets: BracketCheck.issues(sentence)
        }
    }

    /// `TermCheck`'s diagnostics for the sentence: its warnings (approved term missing,
    /// forbidden term used, name changed) at the project's severity, its notes (a term only
    /// proposed) at most as notes.
    private func glossaryIssues(_ sentence: QASentence, unit: TextUnit) -> [QAIssue] {
        guard let termCheck else { return [] }
        var single = unit
        single.source = sentence.source
        single.target = sentence.target
        single.parts = []
        return termCheck.check(single, file: "").map { diagnostic in
            QAIssue(diagnostic.message, cap: diagnostic.severity == .note ? .note : nil)
        }
    }
}
