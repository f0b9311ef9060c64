/// Identifies an element of a page independently of any parser: its name, the line its start
/// tag begins on, and how many elements of that name began earlier on the same line. Both the
/// lexer and libxml2's HTML tree can compute it, which is how ITS global rules (evaluated with
/// XPath on libxml2's tree) reach the lexer's tokens.
struct ElementKey: Hashable, Sendable {
    var name: String
    var line: Int
    var ordinal: Int
}

struct AttributeKey: Hashable, Sendable {
    var element: ElementKey
    var name: String
}

/// ITS 2.0 data categories that global rules assign to elements and attributes of one page.
struct ITSAnnotations: Sendable {
    enum WithinText: String, Sendable {
        case yes
        case no
        case nested
    }

    struct Properties: Sendable {
        var translate: Bool?
        var note: Note?
        var withinText: WithinText?
        var language: String?
        var direction: TextDirection?
        var idValue: String?
    }

    var elements: [ElementKey: Properties] = [:]
    var attributes: [AttributeKey: Properties] = [:]

    /// True for a page without global rules (most pages): nothing to look up.
    var isEmpty: Bool { elements.isEmpty && attributes.isEmpty }
}
