import Foundation

/// Reads a termbase from TBX: TBX v3 (`<tbx>`, DCA style, TBX-Basic and similar dialects)
/// and TBX 2008 (`<martif>`, as CAT tools and termbase systems export it).
///
/// Everything `TBXWriter` writes is read back; data categories of other tools that the model
/// has no field for are kept as notes (`relatedConcept: navigation tree`), never dropped.
public struct TBXReader: Sendable {
    public init() {}

    public func read(_ bytes: [UInt8], file: String) throws(GlossaryError) -> Termbase {
        var diagnostics: [Diagnostic] = []
        return try read(bytes, file: file, diagnostics: &diagnostics)
    }

    /// Reads, collecting what was left out: empty `<term/>` placeholders that real exports
    /// contain, and sections or concepts left without any term because of them.
    public func read(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) throws(GlossaryError) -> Termbase {
        let root: XML.Element
        do {
            root = try XMLReader().parse(bytes, file: file)
        } catch {
            throw GlossaryError(file: file, line: error.line, error.message)
        }
        var parser = Parser(file: file, dialect: root.name == "martif" ? .martif : .v3)
        switch root.name {
        case "tbx":
            guard root.namespace == TBXWriter.namespace else {
                throw GlossaryError(file: file, line: root.line, "<tbx> is not in the TBX v3 namespace \(TBXWriter.namespace)")
            }
            if root.attribute("style") == "dct" {
                throw GlossaryError(file: file, line: root.line, "DCT-style TBX is not supported; export DCA style")
            }
        case "martif":
            break
        default:
            throw GlossaryError(file: file, line: root.line, "the root element is <\(root.name)>, not <tbx> (TBX v3) or <martif> (TBX 2008)")
        }
        let termbase = try parser.termbase(root)
        diagnostics += parser.diagnostics
        return termbase
    }

    private struct Parser {
        enum Dialect { case v3, martif }

        let file: String
        let dialect: Dialect
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []

        init(file: String, dialect: Dialect) {
            self.file = file
            self.dialect = dialect
        }

        var names: (concept: String, language: String) {
            dialect == .v3 ? ("conceptEntry", "langSec") : ("termEntry", "langSet")
        }

        mutating func termbase(_ root: XML.Element) throws(GlossaryError) -> Termbase {
            let language = root.attribute("lang", namespace: XML.xmlNamespace).map { $0.lowercased() } ?? "de"
            let header = root.firstElement(named: dialect == .v3 ? "tbxHeader" : "martifHeader")
            let title = header?.firstElement(named: "fileDesc")?.firstElement(named: "titleStmt")?.firstElement(named: "title").map { Self.clean($0.textContent) }
            guard let body = root.firstElement(named: "text")?.firstElement(named: "body") else {
                throw GlossaryError(file: file, line: root.line, "no <text><body>")
            }
            var termbase = Termbase(sourceLanguage: language, title: title ?? "Glossary")
            for entry in body.elements(named: names.concept) {
                if let concept = try concept(entry) { termbase.concepts.append(concept) }
            }
            return termbase
        }

        mutating func concept(_ entry: XML.Element) throws(GlossaryError) -> Concept? {
            guard let id = entry.attribute("id"), !id.isEmpty else {
                throw GlossaryError(file: file, line: entry.line, "<\(names.concept)> without an id")
            }
            guard seen.insert(id).inserted else {
                throw GlossaryError(file: file, line: entry.line, entry: id, "the concept id is used twice")
            }
            var concept = Concept(id: id)
            for child in entry.elements() {
                switch child.name {
                case names.language:
                    if let section = try section(child, concept: id) { concept.languages.append(section) }
                case "descrip" where child.attribute("type") == "subjectField":
                    concept.subject = Self.clean(child.textContent)
                case "note":
                    concept.notes.append(Self.clean(child.textContent))
                case "transacGrp":
                    concept.notes.append(Self.transactionNote(child))
                default:
                    concept.notes += Self.otherNotes(child)
                }
            }
            if concept.languages.isEmpty {
                diagnostics.append(Diagnostic(.warning, file: file, line: entry.line, "concept \(id) left out: it has no term"))
                return nil
            }
            return concept
        }

        mutating func section(_ element: XML.Element, concept: String) throws(GlossaryError) -> LanguageSection? {
            guard let language = element.attribute("lang", namespace: XML.xmlNamespace), !language.isEmpty else {
                throw GlossaryError(file: file, line: element.line, entry: concept, "<\(names.language)> without xml:lang")
            }
            var section = LanguageSection(language: language)
            for child in element.elements() {
                switch child.name {
                case "termSec" where dialect == .v3, "tig" where dialect == .martif, "ntig" where dialect == .martif:
                    if let term = try term(child, concept: concept) { section.terms.append(term) }
                case "descrip" where child.attribute("type") == "definition":
                    section.definition = Self.clean(child.textContent)
                case "descripGrp":
                    if let definition = child.elements(named: "descrip").first(where: { $0.attribute("type") == "definition" }) {
                        section.definition = Self.clean(definition.textContent)
                    }
                default:
                    break  // administrative data of a language section (transactions, sources) is not modelled
                }
            }
            if section.terms.isEmpty {
                diagnostics.append(Diagnostic(.warning, file: file, line: element.line, "concept \(concept): the \(language) section left out: it has no term"))
                return nil
            }
            return section
        }

        mutating func term(_ element: XML.Element, concept: String) throws(GlossaryError) -> Term? {
            // martif's <ntig> keeps the term and its notes in a <termGrp>.
            let group = element.name == "ntig" ? element.firstElement(named: "termGrp") ?? element : element
            guard let termElement = group.firstElement(named: "term") else {
                throw GlossaryError(file: file, line: element.line, entry: concept, "<\(element.name)> without a <term>")
            }
            let text = Self.clean(termElement.textContent)
            guard !text.isEmpty else {
                diagnostics.append(Diagnostic(.warning, file: file, line: termElement.line, "concept \(concept): an empty <term> left out"))
                return nil
            }
            var term = Term(text, status: .admitted)
            var children = group.elements()
            if group.name == "termGrp" { children += element.elements().filter { $0.name != "termGrp" } }
            for child in children {
                switch child.name {
                case "termNote":
                    readTermNote(child, into: &term)
                case "termNoteGrp":
                    child.firstElement(named: "termNote").map { readTermNote($0, into: &term) }
                case "descrip" where child.attribute("type") == "context":
                    term.context = Self.clean(child.textContent)
                case "descripGrp":
                    if let context = child.elements(named: "descrip").first(where: { $0.attribute("type") == "context" }) {
                        term.context = Self.clean(context.textContent)
                    } else {
                        term.notes += child.elements().flatMap(Self.otherNotes)
                    }
                case "note":
                    readNote(Self.clean(child.textContent), into: &term)
                case "transacGrp":
                    if let review = try review(child, concept: concept) {
                        term.reviews.append(review)
                    } else {
                        term.notes.append(Self.transactionNote(child))
                    }
                case "term":
                    break
                default:
                    term.notes += Self.otherNotes(child)
                }
            }
            return term
        }

        func readTermNote(_ note: XML.Element, into term: inout Term) {
            let type = note.attribute("type") ?? ""
            let value = Self.clean(note.textContent)
            switch type {
            case "partOfSpeech" where Term.PartOfSpeech(rawValue: value.lowercased()) != nil:
                term.partOfSpeech = Term.PartOfSpeech(rawValue: value.lowercased())
            case "grammaticalGender" where Term.Gender(rawValue: value.lowercased()) != nil:
                term.gender = Term.Gender(rawValue: value.lowercased())
            case "grammaticalNumber" where Term.Number(rawValue: value.lowercased()) != nil:
                term.number = Term.Number(rawValue: value.lowercased())
            case "termType" where Term.TermType(rawValue: value) != nil:
                term.termType = Term.TermType(rawValue: value)
            case "administrativeStatus" where value.hasSuffix("Term-admn-sts") && Term.Status(rawValue: String(value.dropLast("Term-admn-sts".count))) != nil:
                term.status = Term.Status(rawValue: String(value.dropLast("Term-admn-sts".count)))!
            default:
                term.notes.append("\(type): \(value)")
            }
        }

        func readNote(_ text: String, into term: inout Term) {
            if text == TBXNoteLabel.doNotTranslate {
                term.doNotTranslate = true
            } else if let value = Self.value(of: TBXNoteLabel.usage, in: text) {
                term.usageNote = value
            } else if let value = Self.value(of: TBXNoteLabel.number, in: text), let number = Term.Number(rawValue: value) {
                term.number = number
            } else if let value = Self.value(of: TBXNoteLabel.inflectedForm, in: text) {
                term.inflectedForms.append(value)
            } else {
                term.notes.append(text)
            }
        }

        /// A `transacGrp` that records a review decision (`decision: reason` note, a date and
        /// a responsibility), or nil for other transactions.
        func review(_ group: XML.Element, concept: String) throws(GlossaryError) -> Review? {
            guard let note = group.firstElement(named: "note").map({ Self.clean($0.textContent) }) else { return nil }
            let parts = note.split(separator: ":", maxSplits: 1)
            guard let first = parts.first, let decision = Review.Decision(rawValue: String(first)) else { return nil }
            guard let organisation = group.firstElement(named: "transacNote").map({ Self.clean($0.textContent) }), !organisation.isEmpty,
                  let date = group.firstElement(named: "date").map({ Self.clean($0.textContent) }), !date.isEmpty else {
                throw GlossaryError(file: file, line: group.line, entry: concept, "a review (\(decision.rawValue)) without a date or a responsible organisation")
            }
            let reason = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
            return Review(decision, by: organisation, date: date, reason: reason)
        }

        static func value(of label: String, in text: String) -> String? {
            guard text.hasPrefix(label) else { return nil }
            return String(text.dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
        }

        /// A transaction of another tool, kept readable: `origination: CDigel, 2007-05-14`.
        static func transactionNote(_ group: XML.Element) -> String {
            let kind = group.firstElement(named: "transac").map { clean($0.textContent) } ?? "transaction"
            let details = [group.firstElement(named: "transacNote"), group.firstElement(named: "date"), group.firstElement(named: "note")]
                .compactMap { $0.map { clean($0.textContent) } }.filter { !$0.isEmpty }
            return "\(kind): \(details.joined(separator: ", "))"
        }

        /// An element the model has no field for, as `type: text` notes.
        static func otherNotes(_ element: XML.Element) -> [String] {
            let text = clean(element.textContent)
            guard !text.isEmpty else { return [] }
            return ["\(element.attribute("type") ?? element.name): \(text)"]
        }

        /// Whitespace runs (line breaks of pretty-printed files) as one space, trimmed, NFC.
        static func clean(_ text: String) -> String {
            text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ").nfc
        }
    }
}
