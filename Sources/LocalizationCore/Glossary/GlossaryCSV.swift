import Foundation

/// The termbase as a spreadsheet: one row per term, UTF-8 with a byte order mark (so
/// spreadsheet programs read it as UTF-8), RFC 4180 quoting. Reading what was written gives
/// back the same termbase: lists (inflected forms, notes, reviews) are one item per line in
/// their cell, a review as `date | decision | organisation | reason`.
public enum GlossaryCSV {
    public static let columns = [
        "concept", "subject", "concept_notes", "language", "definition", "term", "status", "translate",
        "term_type", "part_of_speech", "gender", "number", "usage_note", "context", "inflected_forms", "notes", "reviews",
    ]

    public static func write(_ termbase: Termbase) -> [UInt8] {
        var rows = [columns]
        for concept in termbase.concepts {
            for section in concept.languages {
                for term in section.terms {
                    rows.append([
                        concept.id, concept.subject ?? "", concept.notes.joined(separator: "\n"), section.language,
                        section.definition ?? "", term.text, term.status.rawValue, term.doNotTranslate ? "no" : "",
                        term.termType?.rawValue ?? "", term.partOfSpeech?.rawValue ?? "", term.gender?.rawValue ?? "",
                        term.number?.rawValue ?? "", term.usageNote ?? "", term.context ?? "",
                        term.inflectedForms.joined(separator: "\n"), term.notes.joined(separator: "\n"),
                        term.reviews.map(reviewCell).joined(separator: "\n"),
                    ])
                }
            }
        }
        return [0xEF, 0xBB, 0xBF] + Array(CSV.write(rows).utf8)
    }

    /// Reads a sheet written by `write` (or edited in a spreadsheet program); columns may be in
    /// any order and missing optional columns are empty.
    public static func read(_ bytes: [UInt8], file: String, sourceLanguage: String = "de") throws(GlossaryError) -> Termbase {
        let records = try CSV.read(bytes, file: file)
        guard let header = records.first else { throw GlossaryError(file: file, "the file is empty") }
        let index = Dictionary(header.fields.enumerated().map { ($1.trimmingCharacters(in: .whitespaces).lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for required in ["concept", "language", "term"] where index[required] == nil {
            throw GlossaryError(file: file, line: header.line, "the header has no \"\(required)\" column")
        }
        var termbase = Termbase(sourceLanguage: sourceLanguage)
        var positions: [String: Int] = [:]
        for record in records.dropFirst() where !record.fields.allSatisfy({ $0.isEmpty }) {
            func cell(_ name: String) -> String {
                guard let column = index[name], column < record.fields.count else { return "" }
                return record.fields[column].trimmingCharacters(in: .whitespacesAndNewlines).nfc
            }
            func list(_ name: String) -> [String] {
                cell(name).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            func value<T: RawRepresentable>(_ name: String, _ type: T.Type) throws(GlossaryError) -> T? where T.RawValue == String {
                let text = cell(name)
                if text.isEmpty { return nil }
                guard let value = T(rawValue: text) else {
                    throw GlossaryError(file: file, line: record.line, entry: cell("concept"), "\(name) \"\(text)\" is not one of the allowed values")
                }
                return value
            }
            let id = cell("concept"), language = cell("language"), text = cell("term")
            guard Self.isConceptID(id) else {
                throw GlossaryError(file: file, line: record.line, "concept id \"\(id)\" must be a letter followed by letters, digits, '-', '_' or '.'")
            }
            guard !language.isEmpty, !text.isEmpty else {
                throw GlossaryError(file: file, line: record.line, entry: id, "a row needs a language and a term")
            }
            var reviews: [Review] = []
            for line in list("reviews") {
                reviews.append(try review(line, file: file, line: record.line, concept: id))
            }
            let translate = cell("translate").lowercased()
            guard ["", "yes", "no"].contains(translate) else {
                throw GlossaryError(file: file, line: record.line, entry: id, "translate must be empty, yes or no")
            }
            let term = Term(
                text, status: try value("status", Term.Status.self) ?? .admitted, doNotTranslate: translate == "no",
                termType: try value("term_type", Term.TermType.self), partOfSpeech: try value("part_of_speech", Term.PartOfSpeech.self),
                gender: try value("gender", Term.Gender.self), number: try value("number", Term.Number.self),
                usageNote: cell("usage_note").nilIfEmpty, context: cell("context").nilIfEmpty,
                inflectedForms: list("inflected_forms"), notes: list("notes"), reviews: reviews
            )
            let position: Int
            if let existing = positions[id] {
                position = existing
            } else {
                position = termbase.concepts.count
                positions[id] = position
                termbase.concepts.append(Concept(id: id, subject: cell("subject").nilIfEmpty, notes: list("concept_notes")))
            }
            termbase.concepts[position].setTerm(term, language: language)
            if let definition = cell("definition").nilIfEmpty,
               let section = termbase.concepts[position].languages.firstIndex(where: { $0.language == language }),
               termbase.concepts[position].languages[section].definition == nil {
                termbase.concepts[position].languages[section].definition = definition
            }
        }
        return termbase
    }

    static func reviewCell(_ review: Review) -> String {
        [review.date, review.decision.rawValue, review.organisation, review.reason ?? ""].joined(separator: " | ")
    }

    static func review(_ text: String, file: String, line: Int, concept: String) throws(GlossaryError) -> Review {
        let parts = text.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 3, let decision = Review.Decision(rawValue: parts[1]), !parts[2].isEmpty, isISODate(parts[0]) else {
            throw GlossaryError(file: file, line: line, entry: concept, "review \"\(text)\" is not \"YYYY-MM-DD | proposed/approved/rejected | organisation | reason\"")
        }
        return Review(decision, by: parts[2], date: parts[0], reason: parts.count > 3 ? parts[3].nilIfEmpty : nil)
    }

    static func isISODate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else { return false }
        return scalars.enumerated().allSatisfy { index, scalar in index == 4 || index == 7 || ("0" ... "9").contains(scalar) }
    }

    /// Concept ids become XML ids in TBX and XLIFF: an NCName without ':'.
    static func isConceptID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic, id.unicodeScalars.count <= 64 else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0" ... "9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
