internal import CLibXML2

/// An HTML page as ITS sees it: its elements in document order with their attributes, as
/// plain Swift values read from libxml2's HTML tree.
struct ITSDocument: Sendable {
    struct Element: Sendable {
        var name: String
        var key: ElementKey
        /// The suite's XPath of the element: `/html/body[1]/p[2]`.
        var path: String
        var parent: Int?
        /// Sorted by name, the order the test suite lists them in.
        var attributes: [Attribute]
        /// The text content, kept only for `<script type="application/its+xml">`.
        var scriptText: String?

        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    struct Attribute: Sendable {
        var name: String
        var value: String
    }

    /// An element (`attribute == nil`) or one of its attributes, by position.
    struct NodeID: Sendable, Hashable {
        var element: Int
        var attribute: Int?
    }

    var elements: [Element] = []
}

/// Evaluates ITS selectors and pointers over a page while libxml2's tree of it is alive; not
/// Sendable and never stored: it holds C pointers that `ITSDocument.withTree` frees on return.
struct ITSTreeQuery {
    fileprivate let document: xmlDocPtr
    /// libxml2 nodes (elements and attributes) to their place in `ITSDocument`.
    fileprivate let nodes: [UnsafeMutableRawPointer: ITSDocument.NodeID]
    fileprivate let pointers: [ITSDocument.NodeID: UnsafeMutableRawPointer]

    /// An XPath context for one rule set: its namespace prefixes and `its:param` variables.
    /// A class so that `deinit` frees it; not Sendable (see below).
    final class Context {
        fileprivate let context: xmlXPathContextPtr

        fileprivate init?(document: xmlDocPtr, namespaces: [String: String], variables: [(name: String, value: String)]) {
            guard let context = xmlXPathNewContext(document) else { return nil }
            self.context = context
            // libxml2 prints XPath errors to stderr unless the context has a handler; the
            // caller reports them as diagnostics instead.
            context.pointee.error = { _, _ in }
            register(namespaces)
            for variable in variables {
                // The context takes ownership of the value object.
                xmlXPathRegisterVariable(context, variable.name, xmlXPathNewCString(variable.value))
            }
        }

        deinit { xmlXPathFreeContext(context) }

        /// Binds namespace prefixes for selectors; the default namespace cannot be bound in
        /// XPath 1.0, so unprefixed names keep meaning "no namespace".
        func register(_ namespaces: [String: String]) {
            for (prefix, uri) in namespaces where !prefix.isEmpty {
                xmlXPathRegisterNs(context, prefix, uri)
            }
        }
    }

    func makeContext(namespaces: [String: String], variables: [(name: String, value: String)]) -> Context? {
        Context(document: document, namespaces: namespaces, variables: variables)
    }

    /// The elements and attributes an absolute selector selects, or `nil` when it is not
    /// valid XPath. Other nodes it selects (text, comments) carry no ITS information here.
    func select(_ selector: String, in context: Context) -> [ITSDocument.NodeID]? {
        // Selectors are absolute; evaluate them from the document node, whatever a pointer
        // evaluated last.
        context.context.pointee.node = UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
        guard let result = xmlXPathEvalExpression(selector, context.context) else { return nil }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        var selected: [ITSDocument.NodeID] = []
        for index in 0 ..< Int(set.pointee.nodeNr) {
            if let node = set.pointee.nodeTab[index], let id = nodes[UnsafeMutableRawPointer(node)] {
                selected.append(id)
            }
        }
        return selected
    }

    /// The string value of a relative expression (a pointer, `idValue`) evaluated at `node`,
    /// or `nil` when it is not valid XPath or selects nothing.
    func evaluate(_ expression: String, at node: ITSDocument.NodeID, in context: Context) -> String? {
        guard let pointer = pointers[node] else { return nil }
        let xmlNode = pointer.assumingMemoryBound(to: xmlNode.self)
        guard let result = xmlXPathNodeEval(xmlNode, expression, context.context) else { return nil }
        defer { xmlXPathFreeObject(result) }
        if result.pointee.type == XPATH_NODESET, (result.pointee.nodesetval?.pointee.nodeNr ?? 0) == 0 { return nil }
        guard let string = xmlXPathCastToString(result) else { return nil }
        defer { cltp_xmlFree(string) }
        return String(cString: string)
    }
}

extension ITSDocument {
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    /// Parses `page` with libxml2's HTML parser, converts the tree, and lends `body` a query
    /// over it; the C tree is freed before this returns.
    ///
    /// Elements are moved into the XHTML namespace first: ITS selectors address HTML in that
    /// namespace (ITS 2.0, global rules in HTML): `//h:p` with `h` bound to XHTML.
    static func withTree<Result>(_ page: HTMLPage, _ body: (ITSDocument, ITSTreeQuery) -> Result) -> Result? {
        LibXML2.initialize()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let parsed = page.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { buffer in
                htmlReadMemory(buffer.baseAddress, Int32(buffer.count), page.name, page.encoding, options)
            }
        }
        guard let parsed else { return nil }
        defer { xmlFreeDoc(parsed) }
        guard let root = xmlDocGetRootElement(parsed) else { return nil }

        var converter = TreeConverter(namespace: xmlNewNs(root, xhtmlNamespace, nil))
        converter.visit(root, parent: nil, parentPath: "")
        let query = ITSTreeQuery(document: parsed, nodes: converter.ids, pointers: converter.pointers)
        return body(converter.document, query)
    }
}

/// Walks libxml2's tree once, collecting elements, paths and keys.
private struct TreeConverter {
    let namespace: xmlNsPtr?
    var document = ITSDocument()
    var ids: [UnsafeMutableRawPointer: ITSDocument.NodeID] = [:]
    var pointers: [ITSDocument.NodeID: UnsafeMutableRawPointer] = [:]
    /// Elements seen per (name, line), for the ordinal of `ElementKey`.
    var ordinals: [ElementKey: Int] = [:]
    /// Children seen so far per parent element and name, for the position in the path.
    var siblings: [Int: [String: Int]] = [:]

    mutating func visit(_ node: xmlNodePtr, parent: Int?, parentPath: String) {
        xmlSetNs(node, namespace)
        let name = String(cString: node.pointee.name).lowercased()
        let line = Int(xmlGetLineNo(node))
        let base = ElementKey(name: name, line: line, ordinal: 0)
        let ordinal = ordinals[base, default: 0]
        ordinals[base] = ordinal + 1

        var attributes: [(ITSDocument.Attribute, UnsafeMutableRawPointer)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
            attributes.append((
                ITSDocument.Attribute(name: String(cString: current.pointee.name).lowercased(), value: value.map { String(cString: $0) } ?? ""),
                UnsafeMutableRawPointer(current)
            ))
            if let value { cltp_xmlFree(value) }
            attribute = current.pointee.next
        }
        attributes.sort { $0.0.name < $1.0.name }

        let path: String
        if let parent {
            // The suite numbers an element among its parent's children of the same name.
            let position = siblings[parent, default: [:]][name, default: 0] + 1
            siblings[parent, default: [:]][name] = position
            path = "\(parentPath)/\(name)[\(position)]"
        } else {
            path = "/\(name)"
        }
        let index = document.elements.count
        var element = ITSDocument.Element(
            name: name, key: ElementKey(name: name, line: line, ordinal: ordinal), path: path,
            parent: parent, attributes: attributes.map(\.0)
        )
        if name == "script", element.attribute("type")?.lowercased() == "application/its+xml", let content = xmlNodeGetContent(node) {
            element.scriptText = String(cString: content)
            cltp_xmlFree(content)
        }
        document.elements.append(element)
        let id = ITSDocument.NodeID(element: index)
        ids[UnsafeMutableRawPointer(node)] = id
        pointers[id] = UnsafeMutableRawPointer(node)
        for (position, (_, pointer)) in attributes.enumerated() {
            let id = ITSDocument.NodeID(element: index, attribute: position)
            ids[pointer] = id
            pointers[id] = pointer
        }

        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { visit(current, parent: index, parentPath: path) }
            child = current.pointee.next
        }
    }
}

/// A libxml2 XPath context belongs to the thread that made it.
@available(*, unavailable)
extension ITSTreeQuery.Context: Sendable {}
