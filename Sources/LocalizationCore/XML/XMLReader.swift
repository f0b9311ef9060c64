internal import CLibXML2

/// Parses XML files that come from outside (translators' XLIFF, TMX, rule files) under the
/// rules of SECURITY.md: no network, no external or internal entity declarations, no DTD
/// loading, libxml2's default depth limit, and byte limits of our own checked before parsing.
public struct XMLReader: Sendable {
    /// Limits applied before and after parsing.
    public struct Limits: Sendable, Hashable {
        /// The largest file accepted, in bytes.
        public var maximumFileBytes: Int
        /// The largest single text node accepted, in bytes.
        public var maximumTextBytes: Int

        public init(maximumFileBytes: Int = 32 << 20, maximumTextBytes: Int = 1 << 20) {
            self.maximumFileBytes = maximumFileBytes
            self.maximumTextBytes = maximumTextBytes
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
        LibXML2.initialize()
    }

    /// Parses `bytes`, naming `file` in every error.
    public func parse(_ bytes: [UInt8], file: String) throws(XMLError) -> XML.Element {
        if bytes.count > limits.maximumFileBytes {
            throw XMLError(file: file, line: nil, message: "file is \(bytes.count) bytes, more than the limit of \(limits.maximumFileBytes)")
        }
        try Self.refuseEntityDeclarations(bytes, file: file)

        // COMPACT keeps short text (the indentation between elements, half the nodes of a
        // file) inside its node instead of allocating it; the tree is only read, then freed.
        // BIG_LINES: without it libxml2 numbers every line after 65,535 as 65,535, and a
        // memory of 47,000 entries has a million lines.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)
        guard let context = xmlNewParserCtxt() else {
            throw XMLError(file: file, line: nil, message: "libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlCtxtReadMemory(context, pointer, Int32(buffer.count), file, nil, options)
            }
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            throw XMLError.lastError(of: context, file: file)
        }
        defer { xmlFreeDoc(document) }
        // A prefix without a declaration leaves names we cannot place in a namespace.
        if context.pointee.nsWellFormed == 0 {
            throw XMLError.lastError(of: context, file: file)
        }
        if let subset = document.pointee.intSubset, subset.pointee.entities != nil || subset.pointee.pentities != nil {
            throw XMLError(file: file, line: nil, message: "the document declares entities; entity declarations are refused")
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw XMLError(file: file, line: nil, message: "the document has no root element")
        }
        var namespaces = NamespaceNames()
        return try convert(root, file: file, namespaces: &namespaces)
    }

    /// Namespace URIs as Swift strings, made once per declaration rather than once per
    /// element and attribute that uses it (a 40 MB memory file has a million of them).
    private struct NamespaceNames {
        var byDeclaration: [UnsafeMutablePointer<xmlNs>: String?] = [:]

        mutating func uri(of namespace: UnsafeMutablePointer<xmlNs>?) -> String? {
            guard let namespace else { return nil }
            if let known = byDeclaration[namespace] { return known }
            let uri = namespace.pointee.href.map { String(cString: $0) }
            byDeclaration[namespace] = uri
            return uri
        }
    }

    /// An attribute's value: its one text child as it is (what `xmlNodeGetContent` would
    /// copy), or what libxml2 makes of several children.
    private static func value(of attribute: UnsafeMutablePointer<xmlAttr>) -> String {
        if let child = attribute.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
            return String(cString: content)
        }
        let value = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self))
        defer { if let value { cltp_xmlFree(value) } }
        return value.map { String(cString: $0) } ?? ""
    }

    /// The length of a libxml2 list.
    private static func count<Item>(_ first: UnsafeMutablePointer<Item>?, next: (UnsafeMutablePointer<Item>) -> UnsafeMutablePointer<Item>?) -> Int {
        var count = 0
        var item = first
        while let current = item {
            count += 1
            item = next(current)
        }
        return count
    }

    /// Entity declarations are refused before libxml2 sees them: a declared entity is the
    /// vehicle of XXE and of billion-laughs expansion, and no format we read needs one.
    private static func refuseEntityDeclarations(_ bytes: [UInt8], file: String) throws(XMLError) {
        let pattern = Array("<!ENTITY".utf8)
        // UTF-16 files spell the keyword with NUL bytes between; check the ASCII-folded view.
        let asciiView = bytes.count > 1 && (bytes[0] == 0 || bytes[1] == 0) ? bytes.filter { $0 != 0 } : bytes
        guard asciiView.count >= pattern.count else { return }
        var index = 0
        var line = 1
        while index + pattern.count <= asciiView.count {
            if asciiView[index] == 0x0A { line += 1 }
            if asciiView[index] == 0x3C, asciiView[index ..< index + pattern.count].elementsEqual(pattern) {
                throw XMLError(file: file, line: line, message: "entity declarations are refused (<!ENTITY …>)")
            }
            index += 1
        }
    }

    private func convert(_ node: xmlNodePtr, file: String, namespaces: inout NamespaceNames) throws(XMLError) -> XML.Element {
        let line = Int(xmlGetLineNo(node))
        var element = XML.Element(
            name: String(cString: node.pointee.name),
            namespace: namespaces.uri(of: node.pointee.ns),
            line: line
        )
        var declaration = node.pointee.nsDef
        while let current = declaration {
            let prefix = current.pointee.prefix.map { String(cString: $0) } ?? ""
            element.namespaceDeclarations[prefix] = current.pointee.href.map { String(cString: $0) } ?? ""
            declaration = current.pointee.next
        }
        var attribute = node.pointee.properties
        // Counted first: arrays grown one append at a time would be copied several times each.
        element.attributes.reserveCapacity(Self.count(attribute) { $0.pointee.next })
        while let current = attribute {
            element.attributes.append(XML.Attribute(
                name: String(cString: current.pointee.name),
                namespace: namespaces.uri(of: current.pointee.ns),
                value: Self.value(of: current)
            ))
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        element.children.reserveCapacity(Self.count(child) { $0.pointee.next })
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(.element(try convert(current, file: file, namespaces: &namespaces)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    let text = String(cString: content)
                    if text.utf8.count > limits.maximumTextBytes {
                        throw XMLError(file: file, line: Int(xmlGetLineNo(current)), message: "a text node of \(text.utf8.count) bytes exceeds the limit of \(limits.maximumTextBytes)")
                    }
                    element.children.append(.text(text))
                }
            case XML_ENTITY_REF_NODE:
                throw XMLError(file: file, line: Int(xmlGetLineNo(current)), message: "entity references other than the predefined ones are refused")
            default:
                break  // comments and processing instructions carry nothing we read
            }
            child = current.pointee.next
        }
        return element
    }
}

/// A file that is not acceptable XML, with where and why.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }

    static func lastError(of context: xmlParserCtxtPtr, file: String) -> XMLError {
        guard let error = xmlCtxtGetLastError(context), error.pointee.code != 0 else {
            return XMLError(file: file, line: nil, message: "not well-formed XML")
        }
        let message = error.pointee.message.map { String(cString: $0) }?
            .trimmingCharacters(in: " \n") ?? "not well-formed XML"
        return XMLError(file: file, line: Int(error.pointee.line), message: message)
    }
}

/// One-time libxml2 set-up; never `xmlCleanupParser()` from library code.
enum LibXML2 {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func initialize() {
        _ = initialized
    }
}

extension String {
    /// Drops the given characters from both ends.
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
