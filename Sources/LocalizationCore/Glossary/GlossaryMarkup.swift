/// Glossary terms in XLIFF jobs, kept out of the writers: XLIFF 1.2 gets `<mrk mtype="term">`
/// around each term in the source and a note per concept; XLIFF 2 gets the Glossary module
/// (`<gls:glossary>` with `glossEntry`, `term`, `translation`, `definition`) at the start of the unit.
enum GlossaryMarkup {
    static let namespace = "urn:oasis:names:tc:xliff:glossary:2.0"

    /// The 1.2 source markup with each term wrapped in `<mrk mtype="term">`. A term that
    /// crosses an inline code is left unmarked (its note still names it).
    static func xliff12Source(_ content: Content, terms: [UnitTerm]) -> String {
        var markup = ""
        var offset = 0
        var pending = terms.sorted { $0.start < $1.start }[...]
        for fragment in content.fragments {
            guard case .text(let text) = fragment else {
                markup += XLIFF12Writer.inline(Content([fragment]))
                continue
            }
            let scalars = Array(text.unicodeScalars)
            let end = offset + scalars.count
            var position = 0
            while let term = pending.first, term.start < end {
                pending = pending.dropFirst()
                guard term.start >= offset + position, term.end <= end else { continue }
                markup += XLIFF12Writer.text(GermanWord.string(scalars[position ..< term.start - offset]))
                markup += "<mrk mtype=\"term\">"
                markup += XLIFF12Writer.text(GermanWord.string(scalars[term.start - offset ..< term.end - offset]))
                markup += "</mrk>"
                position = term.end - offset
            }
            markup += XLIFF12Writer.text(GermanWord.string(scalars[position...]))
            offset = end
        }
        return markup
    }

    /// One note per concept found in the unit.
    static func xliff12Notes(_ terms: [UnitTerm], to xml: inout XMLWriter) {
        for term in uniqueConcepts(terms) {
            xml.element("note", ["priority": term.doNotTranslate || term.sourceStatus.isForbidden ? "2" : "3", "from": "glossary", "annotates": "source"], text: term.noteText)
        }
    }

    /// The Glossary module element, indented for a unit at `depth`.
    static func xliff2Glossary(_ terms: [UnitTerm], depth: Int) -> String {
        let pad = "\n" + String(repeating: "  ", count: depth)
        var markup = pad + "<gls:glossary xmlns:gls=\"\(namespace)\">"
        for term in uniqueConcepts(terms) {
            markup += pad + "  <gls:glossEntry>"
            markup += pad + "    <gls:term source=\"glossary/termbase.tbx#\(escape(term.conceptID))\">\(escape(term.sourceTerm))</gls:term>"
            if let translation = term.translation {
                markup += pad + "    <gls:translation source=\"\(term.doNotTranslate ? "do-not-translate" : term.reviewDecision?.rawValue ?? "proposed")\">\(escape(translation))</gls:translation>"
            }
            if let definition = term.definition {
                markup += pad + "    <gls:definition>\(escape(definition))</gls:definition>"
            }
            markup += pad + "  </gls:glossEntry>"
        }
        return markup + pad + "</gls:glossary>"
    }

    static func uniqueConcepts(_ terms: [UnitTerm]) -> [UnitTerm] {
        var seen: Set<String> = []
        return terms.filter { seen.insert($0.conceptID).inserted }
    }

    private static func escape(_ text: String) -> String {
        XMLWriter.escape(String(String.UnicodeScalarView(text.unicodeScalars.filter(XMLWriter.isXMLCharacter))), attribute: true)
    }
}
