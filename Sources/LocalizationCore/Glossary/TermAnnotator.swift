internal import Synchronization

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
    /// Hits found before, by any annotator sharing them (nil: found for each text anew).
    let sharedHits: SharedTermHits?

    public init(termbase: Termbase, targetLanguage: String) {
        self.termbase = termbase
        self.targetLanguage = targetLanguage
        self.recognizer = TermRecognizer(termbase: termbase, language: termbase.sourceLanguage)
        sharedHits = nil
    }

    /// An annotator whose source-side work, the hits in each text, is shared with the
    /// annotators of other jobs and languages (made for `sharedHits.termbase`).
    init(sharing sharedHits: SharedTermHits, targetLanguage: String) {
        termbase = sharedHits.termbase
        self.targetLanguage = targetLanguage
        recognizer = sharedHits.recognizer
        self.sharedHits = sharedHits
    }

    public func terms(in source: Content) -> [UnitTerm] {
        let text = source.plainText
        return (sharedHits?.hits(in: text) ?? recognizer.hits(in: text)).compactMap { hit in
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

/// The glossary's hits in each source text, found once for the jobs of every target language:
/// finding them (stemming every word, trying the patterns) does not depend on the language,
/// and a site's texts repeat across pages and across the languages' jobs.
///
/// Sendable: the hits are behind a `Mutex`, held only to look up and to store. Two jobs meeting
/// a new text at once may both find its hits; they find the same.
final class SharedTermHits: Sendable {
    let termbase: Termbase
    let recognizer: TermRecognizer
    private let hitsByText = Mutex<[ExactText: [TermRecognizer.Hit]]>([:])

    init(termbase: Termbase) {
        self.termbase = termbase
        recognizer = TermRecognizer(termbase: termbase, language: termbase.sourceLanguage)
    }

    /// `recognizer.hits(in: text)`, found on the text's first request.
    func hits(in text: String) -> [TermRecognizer.Hit] {
        let key = ExactText(text)
        if let known = hitsByText.withLock({ $0[key] }) { return known }
        let found = recognizer.hits(in: text)
        hitsByText.withLock { $0[key] = found }
        return found
    }

    /// A text compared by its bytes: hits are found on Unicode scalars, so texts that Swift
    /// takes for equal (canonically equivalent) can have hits at other offsets.
    private struct ExactText: Hashable {
        let text: String

        init(_ text: String) {
            self.text = text
        }

        static func == (a: Self, b: Self) -> Bool {
            a.text.utf8.elementsEqual(b.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if hashed == nil {
                for byte in text.utf8 { hasher.combine(byte) }
            }
        }
    }
}
