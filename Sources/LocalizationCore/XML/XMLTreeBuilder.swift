internal import CLibXML2

/// Builds an `XML.Element` tree straight from libxml2's SAX2 events, as libxml2's own tree
/// builder (`xmlSAX2StartElementNs` and its siblings) would lay the nodes out and as
/// `XMLReader` read them back: adjacent text joined into one node until an element, a
/// comment or a processing instruction, lines as the parser counts them, attribute values
/// decoded by libxml2 where they hold a reference.
///
/// Reading a 40 MB memory file through libxml2's tree cost a million C nodes allocated, read
/// once, then freed (and the freeing made the allocator consolidate its free lists for a
/// sixth of the time); built from the events, the only tree is the Swift one.
///
/// Not `Sendable`: one builder serves one parse, on the thread that parses.
final class XMLTreeBuilder {
    /// An element whose end tag has not come yet.
    private struct OpenElement {
        var name: String
        var namespace: String?
        var line: Int
        var attributes: [XML.Attribute]
        var declarations: [String: String]
        /// Where its children begin in `nodes`.
        var firstNode: Int
        /// Where the records of its children begin in `records`.
        var firstRecord: Int
    }

    /// What libxml2's `xmlGetLineNo` looks at of a node. libxml2 keeps lines in 16 bits: a
    /// node from line 65,535 on has 65,535, and its line is then looked for in its first
    /// child, else its next or previous sibling, five nodes deep at most, where only a text
    /// node keeps its full line. An element's line there is so found rather than its own
    /// (a memory file of a million lines has most of its elements there), and so kept.
    private struct LineRecord {
        enum Kind { case element, text, commentOrInstruction, reference }
        var kind: Kind
        var line: Int
        /// Its place among its parent's children (elements and text); -1 for other nodes.
        var child: Int
        /// For an element with children: the line found from its first child, looked for at
        /// depth `d + 1`, for `d` in 0 ..< 5 (computed when its children are known).
        var fromFirstChild: SIMD8<Int32>?
    }

    /// The deepest `xmlGetLineNo` looks.
    private static let lineSearchDepth = 5
    /// The line libxml2 keeps in a node for every line from this one on.
    private static let lastShortLine = 65_535

    private let file: String
    private let maximumTextBytes: Int
    // The state the callbacks change on every event is `@exclusivity(unchecked)`: a class's
    // fields are otherwise checked at run time for overlapping accesses, which cost a quarter
    // of the time of building a tree here; none can overlap, since one builder serves one
    // parse on one thread and no callback is entered from another.
    @exclusivity(unchecked) private var open: [OpenElement] = []
    /// The children of the open elements, the innermost's last: an element's children are
    /// made one array of the right size when it ends, not grown one append at a time.
    @exclusivity(unchecked) private var nodes: [XML.Node] = []
    /// The line records of the children of the open elements, the innermost's last.
    @exclusivity(unchecked) private var records: [LineRecord] = []
    private(set) var root: XML.Element?
    /// The first problem found in the content (a text too long, an entity reference); parsing
    /// goes on, because a well-formedness error found later is the one reported.
    private(set) var failure: XMLError?
    /// The record of the entity reference `failure` names, whose line is known when its
    /// parent ends.
    private var failingReference: Int?

    @exclusivity(unchecked) private var text: [UInt8] = []
    @exclusivity(unchecked) private var hasText = false
    @exclusivity(unchecked) private var textLine = 0

    /// The parser's names and namespace URIs as strings, each made once per parse.
    @exclusivity(unchecked) private var names = XMLParserNames()

    init(file: String, maximumTextBytes: Int) {
        self.file = file
        self.maximumTextBytes = maximumTextBytes
    }

    /// Points `context`'s SAX2 handler at a builder; the handler's other callbacks stay
    /// libxml2's (the document, its DTD and entity declarations, which `XMLReader` checks).
    static func install(on context: xmlParserCtxtPtr) {
        guard let handler = context.pointee.sax else { return }
        handler.pointee.startElementNs = { context, localName, _, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes in
            guard let localName else { return }
            XMLReader.withHandler(context, as: XMLTreeBuilder.self) { builder, parser in
                builder.startElement(parser, localName: localName, uri: uri, namespaceCount: Int(namespaceCount), namespaces: namespaces,
                                     attributeCount: Int(attributeCount), defaultedCount: Int(defaultedCount), attributes: attributes)
            }
        }
        handler.pointee.endElementNs = { context, _, _, _ in
            XMLReader.withHandler(context, as: XMLTreeBuilder.self) { builder, _ in builder.endElement() }
        }
        let characters: charactersSAXFunc = { context, characters, length in
            guard let characters else { return }
            XMLReader.withHandler(context, as: XMLTreeBuilder.self) { builder, parser in
                builder.characters(parser, UnsafeBufferPointer(start: characters, count: Int(length)))
            }
        }
        handler.pointee.characters = characters
        // libxml2's builder takes white space it may ignore as text like any other.
        handler.pointee.ignorableWhitespace = characters
        // Comments and processing instructions carry nothing we read, but they end a text.
        handler.pointee.comment = { context, _ in
            XMLReader.withHandler(context, as: XMLTreeBuilder.self) { builder, parser in builder.commentOrInstruction(parser) }
        }
        handler.pointee.processingInstruction = { context, _, _ in
            XMLReader.withHandler(context, as: XMLTreeBuilder.self) { builder, parser in builder.commentOrInstruction(parser) }
        }
        handler.pointee.reference = { context, _ in
            XMLReader.withHandler(context, as: XMLTreeBuilder.self) { builder, _ in builder.entityReference() }
        }
    }

    /// The line the parser is at, as libxml2 counts it.
    static func line(of context: xmlParserCtxtPtr) -> Int {
        context.pointee.input.map { Int($0.pointee.line) } ?? 0
    }

    private func startElement(_ context: xmlParserCtxtPtr, localName: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?,
                              namespaceCount: Int, namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                              attributeCount: Int, defaultedCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        endOfText()
        var declarations: [String: String] = [:]
        if let namespaces {
            for index in 0 ..< namespaceCount {
                let prefix = namespaces[2 * index].map { names.string($0, in: context) } ?? ""
                declarations[prefix] = namespaces[2 * index + 1].map { names.string($0, in: context) } ?? ""
            }
        }
        let list = names.attributes(attributes, count: attributeCount - defaultedCount, in: context)
        let line = Self.line(of: context)
        open.append(OpenElement(name: names.string(localName, in: context), namespace: uri.map { names.string($0, in: context) }, line: line,
                                attributes: list, declarations: declarations, firstNode: nodes.count, firstRecord: records.count))
    }

    private func endElement() {
        endOfText()
        guard let finished = open.popLast() else { return }
        let children = finished.firstRecord ..< records.count
        if let reference = failingReference, children.contains(reference) {
            failure?.line = lineNumber(ofRecord: reference, depth: 0, among: children, parentLine: finished.line)
            failingReference = nil
        }
        // Children without children of their own take their line from their siblings.
        for index in children where records[index].kind == .element && records[index].fromFirstChild == nil && records[index].line >= Self.lastShortLine {
            guard case .element(var child) = nodes[finished.firstNode + records[index].child] else { continue }
            child.line = lineNumber(ofRecord: index, depth: 0, among: children, parentLine: finished.line)
            nodes[finished.firstNode + records[index].child] = .element(child)
        }
        var line = finished.line
        var fromFirstChild: SIMD8<Int32>?
        if line >= Self.lastShortLine, !children.isEmpty {
            var found = SIMD8<Int32>(repeating: -1)
            for depth in 0 ..< Self.lineSearchDepth {
                found[depth] = Int32(lineNumber(ofRecord: children.lowerBound, depth: depth + 1, among: children, parentLine: finished.line))
            }
            fromFirstChild = found
            line = Self.shortLineFallback(Int(found[0]))
        }
        records.removeSubrange(children)
        var element = XML.Element(name: finished.name, namespace: finished.namespace, attributes: finished.attributes,
                                  children: Array(nodes[finished.firstNode...]), line: line)
        nodes.removeSubrange(finished.firstNode...)
        if !finished.declarations.isEmpty { element.namespaceDeclarations = finished.declarations }
        if open.isEmpty {
            // The root's siblings (comments around it) are not kept: a root that starts after
            // line 65,535 with no children keeps 65,535 (libxml2 would look at them).
            root = element
        } else {
            records.append(LineRecord(kind: .element, line: finished.line, child: nodes.count - open[open.count - 1].firstNode, fromFirstChild: fromFirstChild))
            nodes.append(.element(element))
        }
    }

    /// `xmlGetLineNoInternal` of libxml2 2.9 on the record at `index` among the children of
    /// an element that starts at `parentLine`; -1 for none found.
    private func lineNumber(ofRecord index: Int, depth: Int, among siblings: Range<Int>, parentLine: Int) -> Int {
        guard depth < Self.lineSearchDepth else { return -1 }
        let record = records[index]
        if record.kind == .reference {
            if index > siblings.lowerBound, records[index - 1].kind != .reference {
                return lineNumber(ofRecord: index - 1, depth: depth + 1, among: siblings, parentLine: parentLine)
            }
            // The parent, one level deeper: its own line, or its first child's.
            guard depth + 1 < Self.lineSearchDepth else { return -1 }
            if parentLine < Self.lastShortLine { return parentLine }
            return Self.shortLineFallback(lineNumber(ofRecord: siblings.lowerBound, depth: depth + 2, among: siblings, parentLine: parentLine))
        }
        if record.line < Self.lastShortLine { return record.line }
        var found = -1
        if record.kind == .text {
            found = record.line
        } else if let fromFirstChild = record.fromFirstChild {
            found = Int(fromFirstChild[depth])
        } else if index + 1 < siblings.upperBound {
            found = lineNumber(ofRecord: index + 1, depth: depth + 1, among: siblings, parentLine: parentLine)
        } else if index > siblings.lowerBound {
            found = lineNumber(ofRecord: index - 1, depth: depth + 1, among: siblings, parentLine: parentLine)
        }
        return Self.shortLineFallback(found)
    }

    /// What libxml2 answers when the search found nothing better than the stored line.
    private static func shortLineFallback(_ found: Int) -> Int {
        found == -1 || found == lastShortLine ? lastShortLine : found
    }

    private func characters(_ context: xmlParserCtxtPtr, _ bytes: UnsafeBufferPointer<xmlChar>) {
        // Text outside the root element is not part of the tree.
        guard !open.isEmpty else { return }
        if !hasText {
            hasText = true
            textLine = Self.line(of: context)
        }
        text.append(contentsOf: bytes)
    }

    /// A comment or a processing instruction: nothing we read, but a node that ends a text
    /// and takes a place among its siblings.
    private func commentOrInstruction(_ context: xmlParserCtxtPtr) {
        endOfText()
        guard !open.isEmpty else { return }
        records.append(LineRecord(kind: .commentOrInstruction, line: Self.line(of: context), child: -1))
    }

    private func endOfText() {
        guard hasText else { return }
        hasText = false
        defer { text.removeAll(keepingCapacity: true) }
        if text.count > maximumTextBytes, failure == nil {
            failure = XMLError(file: file, line: textLine, message: "a text node of \(text.count) bytes exceeds the limit of \(maximumTextBytes)")
        }
        guard !open.isEmpty else { return }
        records.append(LineRecord(kind: .text, line: textLine, child: nodes.count - open[open.count - 1].firstNode))
        nodes.append(.text(String(decoding: text, as: UTF8.self)))
    }

    private func entityReference() {
        endOfText()
        guard !open.isEmpty else { return }
        records.append(LineRecord(kind: .reference, line: 0, child: -1))
        if failure == nil {
            failure = XMLError(file: file, line: nil, message: "entity references other than the predefined ones are refused")
            failingReference = records.count - 1
        }
    }
}
