/// The ITS 2.0 data categories `ITSProcessor` resolves.
///
/// Raw values are the folder names of the W3C test suite (`expected/<category>/html/`).
enum ITSCategory: String, Sendable, Hashable, CaseIterable {
    case translate
    case localizationNote = "localizationnote"
    case elementsWithinText = "elementswithintext"
    case languageInformation = "languageinformation"
    case directionality
    case idValue = "idvalue"
}

/// The ITS `dir` values: the two directions, each as an embedding or an override.
enum ITSDirection: String, Sendable, Hashable {
    case ltr
    case rtl
    case lro
    case rlo

    init?(its value: String) {
        self.init(rawValue: value.lowercased())
    }
}

/// A localization note: its text or a reference to it, and how urgent it is.
struct ITSLocalizationNote: Sendable, Hashable {
    enum Content: Sendable, Hashable {
        /// The note itself, white space collapsed (notes are prose, not layout).
        case text(String)
        /// An IRI of where the note is (`locNoteRef`).
        case reference(String)
    }

    var content: Content
    var priority: Note.Priority
}

/// What ITS says about one element or attribute after global rules, local markup, defaults
/// and inheritance have been applied.
struct ITSValues: Sendable, Hashable {
    var translate: Bool
    var localizationNote: ITSLocalizationNote?
    /// `nil` for attributes, which the category does not apply to.
    var withinText: ITSAnnotations.WithinText?
    /// `nil` where nothing declares a language: ITS has no default.
    var language: String?
    var direction: ITSDirection
    var idValue: String?
}

/// The outcome of running `ITSProcessor` over a page: the resolved values of every element and
/// attribute (libxml2's HTML tree, keyed as the extractor keys the lexer's tokens), and what
/// went wrong on the way.
struct ITSResult: Sendable {
    /// One element or attribute, in the order the W3C test suite lists nodes: an element, its
    /// attributes sorted by name, then its children.
    struct Node: Sendable {
        enum Kind: Sendable, Hashable {
            case element(ElementKey)
            case attribute(AttributeKey)
        }

        var kind: Kind
        /// The XPath of the node in the suite's form: `/html/body[1]/p[2]/@title`.
        var path: String
        var values: ITSValues
    }

    /// Every element and attribute, in the suite's order.
    let nodes: [Node]
    /// Resolved values per element.
    let elements: [ElementKey: ITSValues]
    /// Resolved values per attribute.
    let attributes: [AttributeKey: ITSValues]
    var diagnostics: [Diagnostic]

    init(nodes: [Node] = [], diagnostics: [Diagnostic] = []) {
        self.nodes = nodes
        self.diagnostics = diagnostics
        var elements: [ElementKey: ITSValues] = [:]
        var attributes: [AttributeKey: ITSValues] = [:]
        for node in nodes {
            switch node.kind {
            case .element(let key): elements[key] = node.values
            case .attribute(let key): attributes[key] = node.values
            }
        }
        self.elements = elements
        self.attributes = attributes
    }

    /// The W3C ITS 2.0 test suite's gold format for the given categories: one line per node,
    /// `XPath` then TAB-separated `name="value"` fields sorted by name, CRLF line ends.
    ///
    /// ```
    /// /html/body[1]/p[1]/@title	translate="yes"
    /// ```
    /// Values are written as they are, quotes included: the suite does not escape them.
    func goldOutput(categories: Set<ITSCategory>) -> String {
        var output = ""
        for node in nodes {
            let fields = Self.fields(of: node, categories: categories).sorted { $0.name < $1.name }
            output += node.path
            for field in fields { output += "\t\(field.name)=\"\(field.value)\"" }
            output += "\r\n"
        }
        return output
    }

    private static func fields(of node: Node, categories: Set<ITSCategory>) -> [(name: String, value: String)] {
        let values = node.values
        var fields: [(name: String, value: String)] = []
        if categories.contains(.translate) {
            fields.append(("translate", values.translate ? "yes" : "no"))
        }
        if categories.contains(.localizationNote), let note = values.localizationNote {
            switch note.content {
            case .text(let text): fields.append(("locNote", text))
            case .reference(let reference): fields.append(("locNoteRef", reference))
            }
            fields.append(("locNoteType", note.priority == .alert ? "alert" : "description"))
        }
        if categories.contains(.elementsWithinText), let withinText = values.withinText {
            fields.append(("withinText", withinText.rawValue))
        }
        if categories.contains(.languageInformation), let language = values.language {
            fields.append(("lang", language))
        }
        if categories.contains(.directionality) {
            fields.append(("dir", values.direction.rawValue))
        }
        if categories.contains(.idValue), let idValue = values.idValue {
            fields.append(("idValue", idValue))
        }
        return fields
    }
}
