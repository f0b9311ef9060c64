/// The curated multilingual glossary: concepts, each with terms per language, as TBX-Basic
/// describes them (`glossary/termbase.tbx` is the canonical, version-controlled form).
///
/// A concept holds the German term(s) and their translations; every term carries its status
/// (preferred, admitted, deprecated…) and the record of organisations' review decisions.
public struct Termbase: Sendable, Hashable {
    /// The language the concepts' source terms are in.
    public var sourceLanguage: String
    /// A title for the TBX header.
    public var title: String
    public var concepts: [Concept]

    public init(sourceLanguage: String = "de", title: String = "Glossary", concepts: [Concept] = []) {
        self.sourceLanguage = sourceLanguage
        self.title = title
        self.concepts = concepts
    }

    /// The concept with an id.
    public func concept(_ id: String) -> Concept? {
        concepts.first { $0.id == id }
    }

    /// Every language that has terms, source language first, then in order of appearance.
    public var languages: [String] {
        var seen: [String] = [sourceLanguage]
        for concept in concepts {
            for section in concept.languages where !seen.contains(section.language) {
                seen.append(section.language)
            }
        }
        return seen
    }
}

/// One concept: what the terms of every language in it name.
public struct Concept: Sendable, Hashable, Identifiable {
    /// A stable id (an XML NCName, e.g. `teilhabe`), used in TBX, CSV, jobs and reports.
    public var id: String
    /// The subject field, e.g. "Integrationspolitik".
    public var subject: String?
    /// Notes on the concept as a whole.
    public var notes: [String]
    /// The terms per language, each with its own definition if given.
    public var languages: [LanguageSection]

    public init(id: String, subject: String? = nil, notes: [String] = [], languages: [LanguageSection] = []) {
        self.id = id
        self.subject = subject
        self.notes = notes
        self.languages = languages
    }

    /// The section of a language (matched on the primary subtag when no exact one exists).
    public func section(_ language: String) -> LanguageSection? {
        let lowered = language.lowercased()
        if let exact = languages.first(where: { $0.language.lowercased() == lowered }) { return exact }
        let primary = lowered.split(separator: "-").first.map(String.init) ?? lowered
        return languages.first { $0.language.lowercased().split(separator: "-").first.map(String.init) == primary }
    }

    /// The terms of a language.
    public func terms(_ language: String) -> [Term] {
        section(language)?.terms ?? []
    }

    /// The term to use in a language: the preferred one, else the first admitted one.
    public func preferredTerm(_ language: String) -> Term? {
        let terms = terms(language)
        return terms.first { $0.status == .preferred } ?? terms.first { $0.status == .admitted }
    }

    /// The definition in a language, if any.
    public func definition(_ language: String) -> String? {
        section(language)?.definition
    }

    /// Whether the concept's source terms must be left untranslated (names, brands).
    public func isDoNotTranslate(sourceLanguage: String) -> Bool {
        terms(sourceLanguage).contains { $0.doNotTranslate }
    }

    /// Adds or replaces a term in a language's section, creating the section if needed.
    public mutating func setTerm(_ term: Term, language: String) {
        if let index = languages.firstIndex(where: { $0.language == language }) {
            if let termIndex = languages[index].terms.firstIndex(where: { $0.text == term.text }) {
                languages[index].terms[termIndex] = term
            } else {
                languages[index].terms.append(term)
            }
        } else {
            languages.append(LanguageSection(language: language, terms: [term]))
        }
    }
}

/// The terms of one language in a concept.
public struct LanguageSection: Sendable, Hashable {
    /// BCP 47 tag, e.g. `de`, `ar`, `uk`.
    public var language: String
    public var definition: String?
    public var terms: [Term]

    public init(language: String, definition: String? = nil, terms: [Term] = []) {
        self.language = language
        self.definition = definition
        self.terms = terms
    }
}

/// One term with its grammar, status, usage and review record.
public struct Term: Sendable, Hashable {
    /// TBX-Basic's administrative status. `deprecated` is forbidden in new text; `superseded`
    /// is an outdated name with the preferred term of the same concept as its replacement.
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        case preferred
        case admitted
        case deprecated
        case superseded

        /// Whether the term must not appear in new translations or source text.
        public var isForbidden: Bool { self == .deprecated || self == .superseded }
    }

    public enum PartOfSpeech: String, Sendable, Hashable, CaseIterable, Codable {
        case noun, verb, adjective, adverb, other
    }

    public enum Gender: String, Sendable, Hashable, CaseIterable, Codable {
        case masculine, feminine, neuter, other
    }

    public enum Number: String, Sendable, Hashable, CaseIterable, Codable {
        case singular, plural
    }

    /// TBX-Basic's term types ("LIP" is the abbreviation of "Lokaler Integrationsplan").
    public enum TermType: String, Sendable, Hashable, CaseIterable, Codable {
        case fullForm, acronym, abbreviation, shortForm, variant, phrase

        /// Short forms are matched as written: "LIP" never matches "lip", "WIR" never "wir".
        public var isShortForm: Bool { self == .acronym || self == .abbreviation || self == .shortForm }
    }

    public var text: String
    public var status: Status
    /// A name or brand kept as it is in every language ("WIR 2.0").
    public var doNotTranslate: Bool
    public var termType: TermType?
    public var partOfSpeech: PartOfSpeech?
    public var gender: Gender?
    public var number: Number?
    public var usageNote: String?
    /// A sentence showing the term in use.
    public var context: String?
    /// Inflected forms the term QA accepts besides the term and what the stemmer finds,
    /// e.g. Arabic "لمجلس الاندماج".
    public var inflectedForms: [String]
    /// Further notes (including data categories read from other TBX files we do not model).
    public var notes: [String]
    /// Review decisions, oldest first; the last one is the term's review status.
    public var reviews: [Review]

    public init(
        _ text: String, status: Status = .preferred, doNotTranslate: Bool = false, termType: TermType? = nil,
        partOfSpeech: PartOfSpeech? = nil, gender: Gender? = nil, number: Number? = nil, usageNote: String? = nil,
        context: String? = nil, inflectedForms: [String] = [], notes: [String] = [], reviews: [Review] = []
    ) {
        self.text = text
        self.status = status
        self.doNotTranslate = doNotTranslate
        self.termType = termType
        self.partOfSpeech = partOfSpeech
        self.gender = gender
        self.number = number
        self.usageNote = usageNote
        self.context = context
        self.inflectedForms = inflectedForms
        self.notes = notes
        self.reviews = reviews
    }

    /// Where the term stands in review: the last decision, `proposed` when none was recorded.
    public var reviewDecision: Review.Decision {
        reviews.last?.decision ?? .proposed
    }
}

/// One organisation's decision on a term, with when and why.
public struct Review: Sendable, Hashable, Codable {
    public enum Decision: String, Sendable, Hashable, CaseIterable, Codable {
        case proposed, approved, rejected
    }

    public var decision: Decision
    /// The organisation (or person for an organisation) responsible.
    public var organisation: String
    /// ISO 8601 date, `YYYY-MM-DD`.
    public var date: String
    public var reason: String?

    public init(_ decision: Decision, by organisation: String, date: String, reason: String? = nil) {
        self.decision = decision
        self.organisation = organisation
        self.date = date
        self.reason = reason
    }
}

/// A glossary file that cannot be used, with the file and the line or entry.
public struct GlossaryError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line (XML, CSV) when known.
    public var line: Int?
    /// The concept or row the problem is in, when known.
    public var entry: String?
    public var message: String

    public init(file: String, line: Int? = nil, entry: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.entry = entry
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        return "\(location): \(entry.map { "entry \($0): " } ?? "")\(message)"
    }
}
