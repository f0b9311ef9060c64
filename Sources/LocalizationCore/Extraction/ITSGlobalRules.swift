internal import CLibXML2

/// Applies ITS 2.0 global rules that a page embeds (`<script type="application/its+xml">`)
/// or links (`<link rel="its-rules" href>`).
///
/// Selectors are XPath 1.0 over the HTML document in the XHTML namespace (ITS 2.0 §5.2.2),
/// so the page is parsed with libxml2's HTML parser, its elements are put in that namespace,
/// and each selector is evaluated with libxml2's XPath. Supported rules: translate,
/// localizationNote, elementsWithinText, languageInformation, directionality, idValue.
enum ITSGlobalRules {
    static let itsNamespace = "http://www.w3.org/2005/11/its"
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    static func annotations(for page: HTMLPage, tokens: [HTMLLexer.Token], loader: HTMLExtractor.RuleLoader?) -> (ITSAnnotations, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var ruleSets: [XML.Element] = []
        let reader = XMLReader(limits: .init(maximumFileBytes: 4 << 20))
        for (index, token) in tokens.enumerated() where token.kind == .startTag {
            let attribute = { (name: String) in token.attributes.first { $0.name == name }?.valueRange.map(page.text) }
            if token.name == "link", attribute("rel")?.lowercased().split(separator: " ").contains("its-rules") == true, let href = attribute("href") {
                let line = page.line(of: token.range.lowerBound)
                guard let loader else {
                    diagnostics.append(Diagnostic(.warning, file: page.name, line: line, "ITS rules \(href) are linked, but no rule files can be read here"))
                    continue
                }
                do {
                    ruleSets.append(try reader.parse(try loader(href), file: href))
                } catch {
                    diagnostics.append(Diagnostic(.error, file: page.name, line: line, "the linked ITS rules could not be used: \(error)"))
                }
            } else if token.name == "script", attribute("type")?.lowercased() == "application/its+xml",
                      index + 1 < tokens.count, tokens[index + 1].kind == .rawText {
                let content = tokens[index + 1].range
                do {
                    ruleSets.append(try reader.parse(Array(page.rawText(content).utf8), file: "\(page.name) (inline ITS rules)"))
                } catch {
                    diagnostics.append(Diagnostic(.error, file: page.name, line: page.line(of: content.lowerBound), "the embedded ITS rules could not be used: \(error)"))
                }
            }
        }
        let rules = ruleSets.filter { $0.name == "rules" && $0.namespace == itsNamespace }
        guard !rules.isEmpty else { return (ITSAnnotations(), diagnostics) }

        LibXML2.initialize()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = page.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { buffer in
                htmlReadMemory(buffer.baseAddress, Int32(buffer.count), page.name, page.encoding, options)
            }
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            diagnostics.append(Diagnostic(.error, file: page.name, "libxml2 could not parse the page to apply ITS rules"))
            return (ITSAnnotations(), diagnostics)
        }
        defer { xmlFreeDoc(document) }
        let keys = elementKeys(root)
        guard let context = xmlXPathNewContext(document) else { return (ITSAnnotations(), diagnostics) }
        defer { xmlXPathFreeContext(context) }

        var annotations = ITSAnnotations()
        for ruleSet in rules {
            for (prefix, uri) in ruleSet.namespaceDeclarations where !prefix.isEmpty {
                xmlXPathRegisterNs(context, prefix, uri)
            }
            for rule in ruleSet.elements(named: nil) where rule.namespace == itsNamespace {
                guard let selector = rule.attribute("selector") else { continue }
                guard let result = xmlXPathEvalExpression(selector, context) else {
                    diagnostics.append(Diagnostic(.error, file: page.name, line: rule.line, "ITS \(rule.name): the selector \(selector) is not valid XPath"))
                    continue
                }
                defer { xmlXPathFreeObject(result) }
                guard let nodes = result.pointee.nodesetval else { continue }
                for index in 0 ..< Int(nodes.pointee.nodeNr) {
                    guard let node = nodes.pointee.nodeTab[index] else { continue }
                    var properties: ITSAnnotations.Properties
                    let attributeKey: AttributeKey?
                    let elementKey: ElementKey?
                    if node.pointee.type == XML_ATTRIBUTE_NODE, let parent = node.pointee.parent, let key = keys[parent] {
                        attributeKey = AttributeKey(element: key, name: String(cString: node.pointee.name).lowercased())
                        elementKey = nil
                        properties = annotations.attributes[attributeKey!] ?? .init()
                    } else if let key = keys[node] {
                        attributeKey = nil
                        elementKey = key
                        properties = annotations.elements[key] ?? .init()
                    } else {
                        continue
                    }
                    apply(rule, to: &properties, node: node, context: context)
                    if let attributeKey { annotations.attributes[attributeKey] = properties }
                    if let elementKey { annotations.elements[elementKey] = properties }
                }
            }
        }
        return (annotations, diagnostics)
    }

    /// Sets what one rule says about one selected node.
    private static func apply(_ rule: XML.Element, to properties: inout ITSAnnotations.Properties, node: xmlNodePtr, context: xmlXPathContextPtr) {
        switch rule.name {
        case "translateRule":
            properties.translate = rule.attribute("translate").map { $0 == "yes" }
        case "locNoteRule":
            let priority: Note.Priority = rule.attribute("locNoteType") == "alert" ? .alert : .description
            let text = rule.elements(named: "locNote").first?.textContent
                ?? rule.attribute("locNotePointer").flatMap { evaluate($0, at: node, context: context) }
            if let text, !text.isEmpty { properties.note = Note(text.trimmingCharacters(in: " \n\t"), priority: priority) }
        case "withinTextRule":
            properties.withinText = rule.attribute("withinText").flatMap(ITSAnnotations.WithinText.init(rawValue:))
        case "langRule":
            properties.language = rule.attribute("langPointer").flatMap { evaluate($0, at: node, context: context) }
        case "dirRule":
            switch rule.attribute("dir") {
            case "ltr", "lro": properties.direction = .leftToRight
            case "rtl", "rlo": properties.direction = .rightToLeft
            default: break
            }
        case "idValueRule":
            properties.idValue = rule.attribute("idValue").flatMap { evaluate($0, at: node, context: context) }
        default:
            break
        }
    }

    /// Evaluates a relative XPath expression (a pointer) with `node` as the context node.
    private static func evaluate(_ expression: String, at node: xmlNodePtr, context: xmlXPathContextPtr) -> String? {
        guard let result = xmlXPathNodeEval(node, expression, context) else { return nil }
        defer { xmlXPathFreeObject(result) }
        guard let string = xmlXPathCastToString(result) else { return nil }
        defer { cltp_xmlFree(string) }
        let value = String(cString: string)
        return value.isEmpty ? nil : value
    }

    /// Keys of every element in libxml2's tree, after moving the elements into the XHTML
    /// namespace the selectors are written against.
    private static func elementKeys(_ root: xmlNodePtr) -> [xmlNodePtr: ElementKey] {
        let namespace = xmlNewNs(root, xhtmlNamespace, nil)
        var keys: [xmlNodePtr: ElementKey] = [:]
        var ordinals: [ElementKey: Int] = [:]
        func visit(_ node: xmlNodePtr) {
            var child: xmlNodePtr? = node
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    xmlSetNs(current, namespace)
                    let name = String(cString: current.pointee.name).lowercased()
                    let line = Int(xmlGetLineNo(current))
                    let base = ElementKey(name: name, line: line, ordinal: 0)
                    let ordinal = ordinals[base, default: 0]
                    ordinals[base] = ordinal + 1
                    keys[current] = ElementKey(name: name, line: line, ordinal: ordinal)
                    if let children = current.pointee.children { visit(children) }
                }
                child = current.pointee.next
            }
        }
        visit(root)
        return keys
    }
}
