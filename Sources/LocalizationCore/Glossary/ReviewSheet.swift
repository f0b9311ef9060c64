import Foundation

/// What a community organisation reviews, for one target language: an HTML page listing each
/// concept with its German term and definition, the current translations with status and
/// review history, and every sentence of the site where the term occurs (surface form
/// highlighted, page named); and a CSV sheet to fill in decisions, applied by `ReviewDecisions`.
///
/// Rows are sorted by ICU collation of the reviewed language; target text carries its `lang`
/// and `dir`, so Arabic and Persian terms show right to left inside the German page.
public struct ReviewSheet: Sendable {
    public var termbase: Termbase
    public var language: TargetLanguage
    public var organisation: String
    public var occurrences: TermOccurrences

    public init(termbase: Termbase, language: TargetLanguage, organisation: String, occurrences: TermOccurrences) {
        self.termbase = termbase
        self.language = language
        self.organisation = organisation
        self.occurrences = occurrences
    }

    /// Concepts in the order of the reviewed language's collation of their preferred term
    /// (concepts without a term in that language last, by German term).
    public var orderedConcepts: [Concept] {
        let source = termbase.sourceLanguage
        let withTerm = termbase.concepts.filter { $0.preferredTerm(language.tag) != nil }
        let without = termbase.concepts.filter { $0.preferredTerm(language.tag) == nil }
        let target = Collator(locale: language.tag)
        let german = Collator(locale: source)
        let sorted = target?.sorted(withTerm) { $0.preferredTerm(language.tag)?.text ?? "" } ?? withTerm
        return sorted + (german?.sorted(without) { $0.preferredTerm(source)?.text ?? $0.id } ?? without)
    }

    public func html() -> String {
        let tag = language.tag
        let direction = language.direction.rawValue
        var html = """
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Glossar-Prüfung \(e(tag)) – \(e(organisation))</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.5; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #bbb; padding: .4rem .6rem; vertical-align: top; text-align: start; }
        th { background: #eee; }
        [dir="rtl"] { font-size: 1.15em; }
        .status { font-size: .85em; color: #444; }
        mark { background: #ffe066; }
        cite { font-style: normal; font-weight: bold; }
        ul { margin: 0; padding-inline-start: 1.2rem; }
        </style>
        </head>
        <body>
        <h1>Glossar-Prüfung: <span lang="\(e(tag))" dir="\(direction)">\(e(tag))</span> – \(e(organisation))</h1>
        <p>Bitte prüfen Sie jede Übersetzung und tragen Sie Ihre Entscheidung (approved, rejected oder proposed mit neuem Begriff) mit Begründung in die CSV-Datei ein, die mit dieser Seite kommt. Alle Übersetzungen sind Vorschläge, bis eine Organisation sie bestätigt.</p>
        <table>
        <thead><tr><th>Begriff (\(e(termbase.sourceLanguage)))</th><th>Definition</th><th>Übersetzung (\(e(tag)))</th><th>Status und Prüfung</th><th>Vorkommen auf den Seiten</th></tr></thead>
        <tbody>

        """
        for concept in orderedConcepts {
            html += "<tr id=\"\(e(concept.id))\">\n"
            html += "<td lang=\"\(e(termbase.sourceLanguage))\">" + concept.terms(termbase.sourceLanguage).map { term in
                "\(e(term.text))<br><span class=\"status\">\(e(Self.describe(term)))</span>"
            }.joined(separator: "<br>") + "<br><span class=\"status\">\(e(concept.id))</span></td>\n"
            html += "<td lang=\"\(e(termbase.sourceLanguage))\">\(e(concept.definition(termbase.sourceLanguage) ?? ""))</td>\n"
            let targets = concept.terms(tag)
            html += "<td>" + (targets.isEmpty ? "—" : targets.map { term in
                "<div lang=\"\(e(tag))\" dir=\"\(direction)\">\(e(term.text))</div><span class=\"status\">\(e(Self.describe(term)))</span>"
                    + (term.usageNote.map { "<div lang=\"\(e(tag))\" dir=\"\(direction)\" class=\"status\">\(e($0))</div>" } ?? "")
            }.joined(separator: "<br>")) + "</td>\n"
            html += "<td>" + targets.map { term in
                "<bdi lang=\"\(e(tag))\" dir=\"\(direction)\">\(e(term.text))</bdi>: " + (term.reviews.isEmpty ? "proposed" : term.reviews.map { review in
                    e("\(review.decision.rawValue), \(review.date), \(review.organisation)\(review.reason.map { ": \($0)" } ?? "")")
                }.joined(separator: "<br>"))
            }.joined(separator: "<br>") + "</td>\n"
            let found = occurrences.occurrences(of: concept.id)
            html += "<td>" + (found.isEmpty ? "—" : "<ul>" + found.map { occurrence in
                "<li lang=\"\(e(termbase.sourceLanguage))\"><cite>\(e(occurrence.page))</cite>: \(highlighted(occurrence))</li>"
            }.joined() + "</ul>") + "</td>\n</tr>\n"
        }
        html += "</tbody>\n</table>\n</body>\n</html>\n"
        return html
    }

    /// The decisions sheet: one row per term of the reviewed language, decision columns empty.
    public func decisionsCSV() -> [UInt8] {
        var rows = [ReviewDecisions.columns]
        for concept in orderedConcepts {
            let german = concept.preferredTerm(termbase.sourceLanguage)?.text ?? ""
            let terms = concept.terms(language.tag)
            for term in terms {
                rows.append([concept.id, german, language.tag, term.text, term.status.rawValue, term.reviewDecision.rawValue, "", "", "", organisation, ""])
            }
            if terms.isEmpty {
                rows.append([concept.id, german, language.tag, "", "", "", "", "", "", organisation, ""])
            }
        }
        return [0xEF, 0xBB, 0xBF] + Array(CSV.write(rows).utf8)
    }

    static func describe(_ term: Term) -> String {
        var parts = [term.status.rawValue]
        if term.doNotTranslate { parts.append("nicht übersetzen") }
        if let type = term.termType, type != .fullForm { parts.append(type.rawValue) }
        parts.append(term.reviewDecision.rawValue)
        return parts.joined(separator: ", ")
    }

    /// The sentence escaped, with each hit in `<mark>`.
    func highlighted(_ occurrence: Occurrence) -> String {
        let scalars = Array(occurrence.sentence.unicodeScalars)
        var result = ""
        var position = 0
        for hit in occurrence.hits.sorted(by: { $0.start < $1.start }) where hit.start >= position && hit.end <= scalars.count {
            result += e(String(String.UnicodeScalarView(scalars[position ..< hit.start])))
            result += "<mark>" + e(String(String.UnicodeScalarView(scalars[hit.start ..< hit.end]))) + "</mark>"
            position = hit.end
        }
        return result + e(String(String.UnicodeScalarView(scalars[position...])))
    }

    typealias Occurrence = TermOccurrences.Occurrence

    private func e(_ text: String) -> String {
        XMLWriter.escape(text, attribute: true)
    }
}
