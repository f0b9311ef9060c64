/// Writes a termbase as TBX v3 in the TBX-Basic dialect (DCA style), valid against
/// `TBXcoreStructV03.rng` and `TBX-Basic_DCA.sch`.
///
/// What TBX-Basic has no data category for is written as `note`s with a fixed label
/// (`usage:`, `grammaticalNumber:`, `translate: no`, `inflectedForm:`), and each review
/// decision as a `transacGrp`: origination (proposal) or modification (approval, rejection),
/// its date, the organisation as `responsibility`, and `decision: reason` as its note.
/// `TBXReader` reads all of it back.
public struct TBXWriter: Sendable {
    public static let namespace = "urn:iso:std:iso:30042:ed-2"

    public init() {}

    public func write(_ termbase: Termbase) -> String {
        var xml = XMLWriter()
        xml.open("tbx", ["type": "TBX-Basic", "style": "dca", "xml:lang": termbase.sourceLanguage, "xmlns": Self.namespace], indent: false)
        xml.open("tbxHeader")
        xml.open("fileDesc")
        xml.open("titleStmt")
        xml.element("title", text: termbase.title)
        xml.close()
        xml.open("sourceDesc")
        xml.element("p", text: "Written by \(ToolInfo.name) \(ToolInfo.version)")
        xml.close()
        xml.close()
        xml.close()
        xml.open("text")
        xml.open("body")
        for concept in termbase.concepts {
            write(concept, to: &xml)
        }
        xml.close()
        xml.close()
        xml.close()
        return xml.finish()
    }

    private func write(_ concept: Concept, to xml: inout XMLWriter) {
        xml.open("conceptEntry", ["id": concept.id])
        if let subject = concept.subject { xml.element("descrip", ["type": "subjectField"], text: subject) }
        for note in concept.notes { xml.element("note", text: note) }
        for section in concept.languages where !section.terms.isEmpty {
            xml.open("langSec", ["xml:lang": section.language])
            if let definition = section.definition { xml.element("descrip", ["type": "definition"], text: definition) }
            for term in section.terms { write(term, to: &xml) }
            xml.close()
        }
        xml.close()
    }

    private func write(_ term: Term, to xml: inout XMLWriter) {
        xml.open("termSec")
        xml.element("term", text: term.text)
        if let partOfSpeech = term.partOfSpeech { xml.element("termNote", ["type": "partOfSpeech"], text: partOfSpeech.rawValue) }
        if let gender = term.gender { xml.element("termNote", ["type": "grammaticalGender"], text: gender.rawValue) }
        if let termType = term.termType { xml.element("termNote", ["type": "termType"], text: termType.rawValue) }
        xml.element("termNote", ["type": "administrativeStatus"], text: term.status.rawValue + "Term-admn-sts")
        if let context = term.context { xml.element("descrip", ["type": "context"], text: context) }
        if let number = term.number { xml.element("note", text: "\(TBXNoteLabel.number) \(number.rawValue)") }
        if term.doNotTranslate { xml.element("note", text: TBXNoteLabel.doNotTranslate) }
        if let usage = term.usageNote { xml.element("note", text: "\(TBXNoteLabel.usage) \(usage)") }
        for form in term.inflectedForms { xml.element("note", text: "\(TBXNoteLabel.inflectedForm) \(form)") }
        for note in term.notes { xml.element("note", text: note) }
        for review in term.reviews {
            xml.open("transacGrp")
            xml.element("transac", ["type": "transactionType"], text: review.decision == .proposed ? "origination" : "modification")
            xml.element("date", text: review.date)
            xml.element("note", text: review.decision.rawValue + (review.reason.map { ": \($0)" } ?? ""))
            xml.element("transacNote", ["type": "responsibility"], text: review.organisation)
            xml.close()
        }
        xml.close()
    }
}

/// The labels of the notes that carry what TBX-Basic has no data category for.
enum TBXNoteLabel {
    static let usage = "usage:"
    static let number = "grammaticalNumber:"
    static let doNotTranslate = "translate: no"
    static let inflectedForm = "inflectedForm:"
}
