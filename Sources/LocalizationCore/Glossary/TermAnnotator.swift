/// A glossary term found in a unit's source, with what the translator needs: the glossary's
/// term, the translation to use in the job's language, the definition, and what must not be
/// done (leave a do-not-translate name as it is, avoid forbidden translations).
public struct UnitTerm: Sendable, Hashable {
    public var conceptID: String
    /// The glossary's source term that was found.
    public var sourceTerm: String
    /// The source text as written, at `start..<end` (Unicode scalars of `source.plainText`).
    public var surface: String
    public var start: Int
    public var end: Int
    /// The source term's status (a deprecated source term is found and reported too).
    public var sourceStatus: Term.Status
    /// The term to use in the target language, if the glossary has one.
    public var translation: String?
    /// Other accepted target terms and declared inflected forms of the translation.
    public var acceptedTranslations: [String]
    /// Target terms that must not be used (deprecated, superseded).
    public var forbiddenTranslations: [String]
    public var definition: String?
    public var doNotTranslate: Bool
    /// The review decision on the translation (`proposed` until an organisation approves it).
    public var reviewDecision: Review.Decision?

    /// A one-line note for translators: `Teilhabe → participation (definition…)`.
    public var noteText: String {
        var text = "Glossary: \(sourceTerm)"
        if doNotTranslate {
            text += " — do not translate, keep \"\(sourceTerm)\""
        } else if let translation {
            text += " → \(translation)"
            if let reviewDecision, reviewDecision != .approved { text += " [\(reviewDecision.rawValue)]" }
        }
        if !forbiddenTranslations.isEmpty { text += "; not: \(forbiddenTranslations.joined(separator: ", "))" }
        if sourceStatus.isForbidden { text += "; the source uses a \(sourceStatus.rawValue) term" }
        if let definition { text += ". \(definition)" }
        return text
    }
}

/// Finds the glossary's terms in units and attaches what the job's language has for them.
public struct TermAnnotator: Sendable {
    public let termbase: Termbase
    public let targetLanguage: String
    let recognizer: TermRecognizer

    public init(termbase: Termbase, targetLanguage: String) {
        self.termbase = termbase
        self.targetLanguage = targetLanguage
        self.recognizer = TermRecognizer(termbase: termbase, language: termbase.sourceLanguage)
    }

    public func terms(in source: Content) -> [UnitTerm] {
        recognizer.hits(in: source.plainText).compactMap { hit in
            guard let concept = termbase.concept(hit.conceptID) else { return nil }
            let source = termbase.sourceLanguage
            let sourceTerm = concept.terms(source).first { $0.text == hit.term }
            let preferred = concept.preferredTerm(targetLanguage)
            let targets = concept.terms(targetLanguage)
            let doNotTranslate = sourceTerm?.doNotTranslate ?? false
            return UnitTerm(
                conceptID: concept.id, sourceTerm: hit.term, surface: hit.surface, start: hit.start, end: hit.end,
                sourceStatus: hit.status, translation: doNotTranslate ? hit.term : preferred?.text,
                acceptedTranslations: targets.filter { !$0.status.isForbidden }.flatMap { [$0.text] + $0.inflectedForms },
                forbiddenTranslations: targets.filter(\.status.isForbidden).map(\.text),
                definition: concept.definition(source), doNotTranslate: doNotTranslate, reviewDecision: preferred?.reviewDecision
            )
        }
    }

    /// The part of the termbase a job uses: the concepts found, with the source and target
    /// language only — a TBX for CAT tools' term panes.
    public func jobTermbase(units: [TextUnit]) -> Termbase {
        let used = Set(units.flatMap { $0.terms.map(\.conceptID) })
        let keep = Set([termbase.sourceLanguage.lowercased(), targetLanguage.lowercased()])
        var result = Termbase(sourceLanguage: termbase.sourceLanguage, title: "\(termbase.title) (\(termbase.sourceLanguage) → \(targetLanguage))")
        for concept in termbase.concepts where used.contains(concept.id) {
            var copy = concept
            copy.languages = concept.languages.filter { keep.contains($0.language.lowercased()) }
            result.concepts.append(copy)
        }
        return result
    }
}
