/// One `its:rules` element, read and ready to apply.
struct ITSRuleSet: Sendable {
    /// Where the rules come from, for diagnostics.
    var file: String
    /// Prefixes the selectors may use, from the declarations in scope on `its:rules`.
    var namespaces: [String: String]
    /// `its:param` values, bound as XPath variables (`$name`) in this set's selectors only.
    var parameters: [(name: String, value: String)]
    var rules: [XML.Element]
}

/// What the global rules say about one node; `nil` where no rule selected it for a category.
struct ITSGlobalValues: Sendable {
    var translate: Bool?
    var localizationNote: ITSLocalizationNote?
    var withinText: ITSAnnotations.WithinText?
    var language: String?
    var direction: ITSDirection?
    var idValue: String?
}

extension ITSProcessor {
    static let itsNamespace = "http://www.w3.org/2005/11/its"
    static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    /// How deep `xlink:href` may chain rule files before a loop is assumed.
    static let maximumRuleNesting = 8

    /// The rule sets of a page in the order they apply (later ones win): rules linked with
    /// `<link rel="its-rules">` first, then rules embedded in `<script type="application/its+xml">`,
    /// each group in document order (ITS 2.0 §6.4, precedence of HTML global rules).
    func ruleSets(of document: ITSDocument, page: HTMLPage, diagnostics: inout [Diagnostic]) -> [ITSRuleSet] {
        let reader = XMLReader(limits: .init(maximumFileBytes: 4 << 20))
        var linked: [ITSRuleSet] = []
        var embedded: [ITSRuleSet] = []
        for element in document.elements {
            if element.name == "link",
               element.attribute("rel")?.lowercased().split(whereSeparator: \.isWhitespace).contains("its-rules") == true,
               let href = element.attribute("href") {
                linked += load(href, reader: reader, from: page.name, line: element.key.line, depth: 0, diagnostics: &diagnostics)
            } else if let text = element.scriptText {
                let file = "\(page.name) (ITS rules at line \(element.key.line))"
                do {
                    embedded += try ruleSets(in: reader.parse(Array(text.utf8), file: file), file: file, reader: reader, depth: 0, diagnostics: &diagnostics)
                } catch {
                    diagnostics.append(Diagnostic(.error, file: page.name, line: element.key.line, "the embedded ITS rules could not be used: \(error)"))
                }
            }
        }
        return linked + embedded
    }

    /// Reads a linked rules file through the loader.
    private func load(_ href: String, reader: XMLReader, from file: String, line: Int?, depth: Int, diagnostics: inout [Diagnostic]) -> [ITSRuleSet] {
        guard let loader else {
            diagnostics.append(Diagnostic(.warning, file: file, line: line, "ITS rules \(href) are linked, but no rule files can be read here"))
            return []
        }
        guard depth < Self.maximumRuleNesting else {
            diagnostics.append(Diagnostic(.error, file: file, line: line, "ITS rules \(href) are linked more than \(Self.maximumRuleNesting) levels deep; a loop is likely, so they were not read"))
            return []
        }
        do {
            return try ruleSets(in: reader.parse(try loader(href), file: href), file: href, reader: reader, depth: depth, diagnostics: &diagnostics)
        } catch {
            diagnostics.append(Diagnostic(.error, file: file, line: line, "the linked ITS rules \(href) could not be used: \(error)"))
            return []
        }
    }

    /// The rule set of an `its:rules` element, preceded by those it links with `xlink:href`:
    /// rules in the element itself override linked ones.
    private func ruleSets(in root: XML.Element, file: String, reader: XMLReader, depth: Int, diagnostics: inout [Diagnostic]) -> [ITSRuleSet] {
        guard root.name == "rules", root.namespace == Self.itsNamespace else {
            diagnostics.append(Diagnostic(.error, file: file, line: root.line, "expected an its:rules element, found <\(root.name)>; these rules were ignored"))
            return []
        }
        if let language = root.attribute("queryLanguage"), language.lowercased() != "xpath" {
            diagnostics.append(Diagnostic(.warning, file: file, line: root.line, "ITS rules in query language \(language) are not supported (only XPath); these rules were ignored"))
            return []
        }
        var sets: [ITSRuleSet] = []
        if let href = root.attribute("href", namespace: Self.xlinkNamespace) {
            sets += load(href, reader: reader, from: file, line: root.line, depth: depth + 1, diagnostics: &diagnostics)
        }
        let children = root.elements().filter { $0.namespace == Self.itsNamespace }
        sets.append(ITSRuleSet(
            file: file,
            namespaces: root.namespaceDeclarations,
            parameters: children.filter { $0.name == "param" }.compactMap { parameter in
                parameter.attribute("name").map { ($0, parameter.textContent) }
            },
            rules: children.filter { $0.name != "param" }
        ))
        return sets
    }

    /// Applies rule sets in order to the nodes their selectors select; a later rule overrides
    /// an earlier one for the same node and data category.
    func apply(_ sets: [ITSRuleSet], query: ITSTreeQuery, diagnostics: inout [Diagnostic]) -> [ITSDocument.NodeID: ITSGlobalValues] {
        var values: [ITSDocument.NodeID: ITSGlobalValues] = [:]
        for set in sets {
            guard let context = query.makeContext(namespaces: set.namespaces, variables: set.parameters) else {
                diagnostics.append(Diagnostic(.error, file: set.file, "libxml2 could not create an XPath context; these rules were ignored"))
                continue
            }
            for rule in set.rules where Self.supportedRules.contains(rule.name) {
                guard let selector = rule.attribute("selector") else {
                    diagnostics.append(Diagnostic(.error, file: set.file, line: rule.line, "its:\(rule.name) has no selector; it was ignored"))
                    continue
                }
                if !rule.namespaceDeclarations.isEmpty { context.register(rule.namespaceDeclarations) }
                guard let nodes = query.select(selector, in: context) else {
                    diagnostics.append(Diagnostic(.error, file: set.file, line: rule.line, "its:\(rule.name): the selector \(selector) is not valid XPath or uses an undeclared prefix or variable; the rule was ignored"))
                    continue
                }
                for node in nodes {
                    apply(rule, to: &values[node, default: ITSGlobalValues()], at: node, query: query, context: context)
                }
            }
        }
        return values
    }

    /// The rules of the data categories this processor resolves; others are left alone.
    private static let supportedRules: Set<String> = ["translateRule", "locNoteRule", "withinTextRule", "langRule", "dirRule", "idValueRule"]

    /// Sets what one rule says about one selected node, resolving its pointers there.
    private func apply(_ rule: XML.Element, to values: inout ITSGlobalValues, at node: ITSDocument.NodeID, query: ITSTreeQuery, context: ITSTreeQuery.Context) {
        let pointer = { (name: String) in rule.attribute(name).flatMap { query.evaluate($0, at: node, in: context) } }
        switch rule.name {
        case "translateRule":
            if let value = rule.attribute("translate").flatMap(Self.yesNo) { values.translate = value }
        case "locNoteRule":
            let priority: Note.Priority = rule.attribute("locNoteType")?.lowercased() == "alert" ? .alert : .description
            if let note = rule.firstElement(named: "locNote") {
                values.localizationNote = ITSLocalizationNote(content: .text(Self.collapsingWhiteSpace(note.textContent)), priority: priority)
            } else if let text = pointer("locNotePointer") {
                values.localizationNote = ITSLocalizationNote(content: .text(Self.collapsingWhiteSpace(text)), priority: priority)
            } else if let reference = rule.attribute("locNoteRef") ?? pointer("locNoteRefPointer") {
                values.localizationNote = ITSLocalizationNote(content: .reference(reference), priority: priority)
            }
        case "withinTextRule":
            if let value = rule.attribute("withinText").flatMap({ ITSAnnotations.WithinText(rawValue: $0.lowercased()) }) { values.withinText = value }
        case "langRule":
            if let language = pointer("langPointer") { values.language = language }
        case "dirRule":
            if let direction = rule.attribute("dir").flatMap(ITSDirection.init(its:)) { values.direction = direction }
        case "idValueRule":
            if let id = pointer("idValue"), !id.isEmpty { values.idValue = id }
        default:
            break
        }
    }

    /// `yes`/`no` in any case, as ITS and HTML values are compared.
    static func yesNo(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "yes": true
        case "no": false
        default: nil
        }
    }

    /// Runs of XML white space as one space, trimmed: how the suite, and translators, see a
    /// note that was indented in its source.
    static func collapsingWhiteSpace(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
