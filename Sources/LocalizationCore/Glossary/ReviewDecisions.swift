import Foundation

/// An organisation's filled-in decisions sheet (from `ReviewSheet.decisionsCSV`), applied to
/// the termbase with who, when and why recorded on each term.
///
/// `approved` and `rejected` name an existing term; `proposed` brings a new term in
/// `new_term` (added as admitted, for others to review). A rejection needs a reason. The whole
/// sheet is checked before anything changes: one bad row, and nothing is applied.
public enum ReviewDecisions {
    public static let columns = [
        "concept", "german_term", "language", "term", "status", "review", "decision", "new_term", "reason", "organisation", "date",
    ]

    /// One change made to the termbase, for the report.
    public struct Change: Sendable, Hashable, CustomStringConvertible {
        public var conceptID: String
        public var language: String
        public var term: String
        public var review: Review

        public var description: String {
            "\(conceptID) [\(language)] \(term): \(review.decision.rawValue) by \(review.organisation) on \(review.date)\(review.reason.map { " (\($0))" } ?? "")"
        }
    }

    /// Applies the sheet; `today` (YYYY-MM-DD) is the date of rows that give none.
    public static func apply(_ bytes: [UInt8], file: String, to termbase: inout Termbase, today: String,
                             organisation defaultOrganisation: String? = nil) throws(GlossaryError) -> [Change] {
        let records = try CSV.read(bytes, file: file)
        guard let header = records.first else { throw GlossaryError(file: file, "the file is empty") }
        let index = Dictionary(header.fields.enumerated().map { ($1.trimmingCharacters(in: .whitespaces).lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for required in ["concept", "language", "term", "decision"] where index[required] == nil {
            throw GlossaryError(file: file, line: header.line, "the header has no \"\(required)\" column")
        }
        var updated = termbase
        var changes: [Change] = []
        for record in records.dropFirst() {
            func cell(_ name: String) -> String {
                guard let column = index[name], column < record.fields.count else { return "" }
                return record.fields[column].trimmingCharacters(in: .whitespacesAndNewlines).nfc
            }
            let decisionText = cell("decision").lowercased()
            if decisionText.isEmpty { continue }
            let id = cell("concept"), language = cell("language")
            guard let decision = Review.Decision(rawValue: decisionText) else {
                throw GlossaryError(file: file, line: record.line, entry: id, "decision \"\(decisionText)\" is not approved, rejected or proposed")
            }
            guard let conceptIndex = updated.concepts.firstIndex(where: { $0.id == id }) else {
                throw GlossaryError(file: file, line: record.line, entry: id, "no concept with this id in the glossary")
            }
            let organisation = cell("organisation").nilIfEmpty ?? defaultOrganisation
            guard let organisation, !organisation.isEmpty else {
                throw GlossaryError(file: file, line: record.line, entry: id, "the decision names no organisation")
            }
            let date = cell("date").nilIfEmpty ?? today
            guard GlossaryCSV.isISODate(date) else {
                throw GlossaryError(file: file, line: record.line, entry: id, "date \"\(date)\" is not YYYY-MM-DD")
            }
            let reason = cell("reason").nilIfEmpty
            let review = Review(decision, by: organisation, date: date, reason: reason)
            var concept = updated.concepts[conceptIndex]
            switch decision {
            case .approved, .rejected:
                if decision == .rejected && reason == nil {
                    throw GlossaryError(file: file, line: record.line, entry: id, "a rejection needs a reason")
                }
                let text = cell("term")
                guard let sectionIndex = concept.languages.firstIndex(where: { $0.language == language }),
                      let termIndex = concept.languages[sectionIndex].terms.firstIndex(where: { $0.text == text }) else {
                    throw GlossaryError(file: file, line: record.line, entry: id, "no \(language) term \"\(text)\" in this concept")
                }
                concept.languages[sectionIndex].terms[termIndex].reviews.append(review)
                changes.append(Change(conceptID: id, language: language, term: text, review: review))
            case .proposed:
                guard let text = cell("new_term").nilIfEmpty else {
                    throw GlossaryError(file: file, line: record.line, entry: id, "a proposal needs the proposed term in new_term")
                }
                if concept.terms(language).contains(where: { $0.text == text }) {
                    throw GlossaryError(file: file, line: record.line, entry: id, "\"\(text)\" is already a \(language) term of this concept")
                }
                let status: Term.Status = concept.terms(language).isEmpty ? .preferred : .admitted
                concept.setTerm(Term(text, status: status, reviews: [review]), language: language)
                changes.append(Change(conceptID: id, language: language, term: text, review: review))
            }
            updated.concepts[conceptIndex] = concept
        }
        try updated.check(file: file)
        termbase = updated
        return changes
    }
}
