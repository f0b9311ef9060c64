public import Foundation

/// Term QA on returned translations: for each glossary term in a unit's source, the target
/// must use the glossary's translation (or a declared form of it, or a form the target
/// language's Snowball stemmer joins with it), keep a do-not-translate name unchanged, and
/// avoid forbidden terms. Problems are warnings naming the unit and the term; a recorded
/// waiver for the unit and concept silences one.
///
/// Approved translations are required (warning); translations still `proposed` are only
/// reminded of (note), since no organisation has confirmed them yet; rejected ones are not checked.
public struct TermCheck: Sendable {
    public let annotator: TermAnnotator
    public let waivers: [TermWaiver]
    let stemmer: Stemmer?

    public init(termbase: Termbase, targetLanguage: String, waivers: [TermWaiver] = []) {
        self.annotator = TermAnnotator(termbase: termbase, targetLanguage: targetLanguage)
        self.waivers = waivers.filter { $0.locale.lowercased() == targetLanguage.lowercased() }
        self.stemmer = Stemmer(language: targetLanguage)
    }

    /// Diagnostics for one unit's target (nothing when it has none).
    public func check(_ unit: TextUnit, file: String) -> [Diagnostic] {
        guard let target = unit.target else { return [] }
        let targetText = target.displayText
        var diagnostics: [Diagnostic] = []
        for term in GlossaryMarkup.uniqueConcepts(annotator.terms(in: unit.source)) {
            if waivers.contains(where: { $0.unitID == unit.id && $0.conceptID == term.conceptID }) { continue }
            func report(_ severity: Diagnostic.Severity, _ message: String) {
                diagnostics.append(Diagnostic(severity, file: file, line: unit.line == 0 ? nil : unit.line, unitID: unit.id,
                                              "term \"\(term.sourceTerm)\" [\(term.conceptID)]: \(message)"))
            }
            if term.doNotTranslate {
                if !targetText.contains(term.surface) && !targetText.contains(term.sourceTerm) {
                    report(.warning, "do-not-translate name \"\(term.surface)\" is not in the target unchanged")
                }
                continue
            }
            for forbidden in term.forbiddenTranslations where contains(targetText, forbidden) {
                report(.warning, "the target uses the forbidden term \"\(forbidden)\"")
            }
            guard let translation = term.translation, term.reviewDecision != .rejected else { continue }
            let accepted = [translation] + term.acceptedTranslations
            if !accepted.contains(where: { contains(targetText, $0) }) {
                let approved = term.reviewDecision == .approved
                report(approved ? .warning : .note, "the target does not use the \(approved ? "approved" : "proposed") term \"\(translation)\"")
            }
        }
        return diagnostics
    }

    /// Whether `phrase` occurs in `text` as words: exactly, or word by word with the same
    /// stem (Snowball), or — for languages without a stemmer — with only the last letters
    /// different (Ukrainian, Persian endings).
    func contains(_ text: String, _ phrase: String) -> Bool {
        let words = Self.words(text.lowercased())
        let wanted = Self.words(phrase.lowercased())
        guard !wanted.isEmpty, words.count >= wanted.count else { return false }
        let stems = words.map { stemmer?.stem($0) ?? $0 }
        let wantedStems = wanted.map { stemmer?.stem($0) ?? $0 }
        for start in 0 ... (words.count - wanted.count) {
            if (0 ..< wanted.count).allSatisfy({ Self.same(words[start + $0], stems[start + $0], wanted[$0], wantedStems[$0], stemmed: stemmer != nil) }) {
                return true
            }
        }
        return false
    }

    static func same(_ word: String, _ stem: String, _ wanted: String, _ wantedStem: String, stemmed: Bool) -> Bool {
        if word == wanted || stem == wantedStem { return true }
        if stemmed { return false }
        let a = Array(word.unicodeScalars), b = Array(wanted.unicodeScalars)
        let common = zip(a, b).prefix { $0 == $1 }.count
        return common >= max(3, b.count - 2) && a.count - common <= 3
    }

    /// Words: runs of letters, marks and digits (ZWNJ stays inside Persian words).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark
                || scalar == "\u{200C}" || scalar == "-" {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }
}

/// A recorded decision that a unit may deviate from the glossary for one concept.
public struct TermWaiver: Sendable, Hashable, Codable {
    public var locale: String
    public var unitID: String
    public var conceptID: String
    public var reason: String
    public var by: String
    public var date: String

    public init(locale: String, unitID: String, conceptID: String, reason: String, by: String, date: String) {
        self.locale = locale
        self.unitID = unitID
        self.conceptID = conceptID
        self.reason = reason
        self.by = by
        self.date = date
    }
}

extension GlossaryStore {
    /// `glossary/waivers.json`: the recorded term waivers, sorted.
    public var waiversURL: URL { folder.appendingPathComponent("waivers.json") }

    public func loadWaivers() throws(GlossaryError) -> [TermWaiver] {
        guard FileManager.default.fileExists(atPath: waiversURL.path) else { return [] }
        let bytes = try Self.read(waiversURL)
        do {
            return try JSONDecoder().decode([TermWaiver].self, from: Data(bytes))
        } catch {
            throw GlossaryError(file: waiversURL.path, "not a list of waivers: \(error)")
        }
    }

    public func saveWaivers(_ waivers: [TermWaiver]) throws(GlossaryError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let sorted = waivers.sorted { ($0.locale, $0.unitID, $0.conceptID) < ($1.locale, $1.unitID, $1.conceptID) }
        do {
            try ProjectFiles.writeAtomically(Array(try encoder.encode(sorted)) + [0x0A], to: waiversURL)
        } catch let error as ProjectError {
            throw GlossaryError(file: waiversURL.path, error.description)
        } catch {
            throw GlossaryError(file: waiversURL.path, "\(error)")
        }
    }
}
