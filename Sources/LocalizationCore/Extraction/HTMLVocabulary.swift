/// What the pipeline knows about HTML elements and attributes: which elements flow inside
/// text, which are void, which attributes carry translatable text.
enum HTMLVocabulary {
    /// ITS 2.0 `elementsWithinText` defaults for HTML5 (ITS 2.0 §8.2, "withinText" for
    /// phrasing elements): these become inline codes inside a text unit.
    static let withinText: Set<String> = [
        "a", "abbr", "area", "audio", "b", "bdi", "bdo", "br", "button", "canvas", "cite", "code",
        "data", "datalist", "del", "dfn", "em", "embed", "font", "i", "img", "input", "ins", "kbd",
        "keygen", "label", "map", "mark", "meter", "object", "output", "progress", "q", "ruby",
        "rp", "rt", "s", "samp", "select", "small", "span", "strike", "strong", "sub", "sup",
        "time", "tt", "u", "var", "video", "wbr",
    ]

    /// Elements whose whole content is carried as one code when they occur inside text, and
    /// kept as skeleton elsewhere: their content is code or a separate flow, never prose.
    static let opaque: Set<String> = ["script", "style", "template", "svg", "math", "noscript", "iframe", "object", "canvas", "video", "audio"]

    /// Void elements: no end tag, never on the open-element stack.
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr", "basefont", "bgsound", "frame",
    ]

    /// Start tags that close an open `<p>` (HTML5 tree construction, "close a p element").
    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul",
    ]

    /// Start tags that close an open element of the same group (`<li>` closes `<li>`…).
    static let siblingGroups: [String: Set<String>] = [
        "li": ["li"], "dt": ["dt", "dd"], "dd": ["dt", "dd"], "tr": ["tr", "td", "th"],
        "td": ["td", "th"], "th": ["td", "th"], "option": ["option"],
        "thead": ["thead", "tbody", "tfoot", "tr", "td", "th"], "tbody": ["thead", "tbody", "tfoot", "tr", "td", "th"],
        "tfoot": ["thead", "tbody", "tfoot", "tr", "td", "th"],
    ]

    /// For each start tag that closes elements implicitly, the elements it closes: `closesParagraph`
    /// and `siblingGroups` together, so a start tag needs one lookup and builds no set. A few
    /// names each: compared one by one, not hashed.
    static let implicitlyClosed: [String: [String]] = {
        var closed = siblingGroups.mapValues { $0.sorted() }
        for name in closesParagraph { closed[name, default: []].append("p") }
        return closed
    }()

    /// Elements that bound the search for an element to close implicitly.
    static let scopeBoundaries: Set<String> = ["ul", "ol", "dl", "table", "select", "html", "body", "td", "th"]

    /// What the walk asks about every start tag's name, answered with one lookup.
    struct ElementTraits: OptionSet {
        let rawValue: UInt8
        /// In `withinText`.
        static let withinText = ElementTraits(rawValue: 1 << 0)
        /// In `opaque`.
        static let opaque = ElementTraits(rawValue: 1 << 1)
        /// In `void`.
        static let void = ElementTraits(rawValue: 1 << 2)
        /// In `scopeBoundaries`.
        static let scopeBoundary = ElementTraits(rawValue: 1 << 3)
    }

    /// An element name's traits and the elements its start tag closes (`implicitlyClosed`).
    struct StartTagFacts {
        var traits: ElementTraits = []
        var implicitlyCloses: [String] = []
    }

    /// Both tables in one, so that a start tag's name is hashed once, not once for each.
    private static let startTagFactsByName: [String: StartTagFacts] = {
        var facts: [String: StartTagFacts] = [:]
        for (names, trait) in [(withinText, ElementTraits.withinText), (opaque, .opaque), (void, .void), (scopeBoundaries, .scopeBoundary)] {
            for name in names { facts[name, default: StartTagFacts()].traits.insert(trait) }
        }
        for (name, closes) in implicitlyClosed { facts[name, default: StartTagFacts()].implicitlyCloses = closes }
        return facts
    }()

    static func startTagFacts(of element: String) -> StartTagFacts {
        startTagFactsByName[element] ?? StartTagFacts()
    }

    /// Attributes translatable on any element.
    static let translatableAttributes: Set<String> = ["title", "alt", "placeholder", "aria-label", "aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext"]

    /// `<meta name=…>` values whose `content` is text for readers.
    static let translatableMetaNames: Set<String> = ["description", "keywords", "twitter:title", "twitter:description", "twitter:image:alt", "apple-mobile-web-app-title", "application-name"]

    /// `<meta property=…>` (Open Graph) values whose `content` is text for readers.
    static let translatableMetaProperties: Set<String> = ["og:title", "og:description", "og:site_name", "og:image:alt"]

    /// The attribute names of `element` whose values are translatable, given its attributes.
    static func translatableAttributeNames(of element: String, attributes: [HTMLLexer.Attribute], value: (HTMLLexer.Attribute) -> String) -> Set<String> {
        var names = translatableAttributes
        if element == "meta" {
            let name = attributes.first { $0.name == "name" }.map(value)?.lowercased()
            let property = attributes.first { $0.name == "property" }.map(value)?.lowercased()
            if let name, translatableMetaNames.contains(name) { names.insert("content") }
            if let property, translatableMetaProperties.contains(property) { names.insert("content") }
        }
        if element == "input" {
            let type = attributes.first { $0.name == "type" }.map(value)?.lowercased()
            if type == "submit" || type == "button" || type == "reset" { names.insert("value") }
        }
        // A stylesheet's title names a style set the browser switches by name, not prose.
        if element == "link" { names.remove("title") }
        if element == "track" { names.insert("label") }
        if element == "optgroup" || element == "option" { names.insert("label") }
        return names
    }

    /// The inline-code kind for an element.
    static func codeKind(of element: String) -> InlineCode.Kind {
        switch element {
        case "b", "strong", "i", "em", "u", "s", "span", "small", "sub", "sup", "mark", "abbr", "cite", "code", "q", "dfn", "kbd", "samp", "var", "time", "data", "bdi", "bdo", "font", "tt", "strike", "del", "ins":
            .formatting
        case "a": .link
        case "img", "area", "embed", "object", "svg", "video", "audio", "canvas", "picture": .image
        case "br", "wbr": .lineBreak
        default: .other
        }
    }
}
