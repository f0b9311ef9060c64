internal import CLibXML2

/// What libxml2's SAX2 events name, as strings: element and attribute names and namespace
/// URIs, which the parser keeps in its dictionary, and attribute values. One per parse, for
/// whichever consumer of the events (`XMLTreeBuilder`, `XLIFF12EventReader`) makes them.
struct XMLParserNames {
    /// Names and namespace URIs the parser keeps in its dictionary, by address: the same
    /// name is made a Swift string once, not once per element (a memory file has a million).
    /// A table with one slot per hash of the address rather than a `Dictionary`, whose hashing
    /// of every name cost a tenth of building a tree; a document names a few dozen things, and
    /// a name whose slot another holds is made a string again.
    private var dictionaryStrings = [(pointer: UnsafePointer<xmlChar>?, string: String)](
        repeating: (nil, ""), count: 1 << dictionarySlotBits
    )
    private static let dictionarySlotBits = 8

    /// The string of a name the parser hands over.
    mutating func string(_ pointer: UnsafePointer<xmlChar>, in context: xmlParserCtxtPtr) -> String {
        // Fibonacci hashing: the address times 2^64 / φ, its top bits the slot.
        let slot = Int(truncatingIfNeeded: (UInt(bitPattern: pointer) &* 0x9E37_79B9_7F4A_7C15) >> (UInt.bitWidth - Self.dictionarySlotBits))
        if dictionaryStrings[slot].pointer == pointer { return dictionaryStrings[slot].string }
        let value = String(cString: pointer)
        if let dictionary = context.pointee.dict, xmlDictOwns(dictionary, pointer) == 1 { dictionaryStrings[slot] = (pointer, value) }
        return value
    }

    /// The first `count` attributes of a start tag, as `startElementNs` hands them over (five
    /// pointers each: local name, prefix, URI, value, end of value). Attributes defaulted from
    /// a DTD come after them; libxml2's builder leaves them out unless asked to complete
    /// attributes (XML_PARSE_DTDATTR, which we never set).
    mutating func attributes(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int,
                             in context: xmlParserCtxtPtr) -> [XML.Attribute] {
        var list: [XML.Attribute] = []
        list.reserveCapacity(count)
        guard let attributes else { return list }
        for index in 0 ..< count {
            let fields = attributes + 5 * index
            guard let name = fields[0], let value = fields[3], let end = fields[4] else { continue }
            list.append(XML.Attribute(
                name: string(name, in: context),
                namespace: fields[2].map { string($0, in: context) },
                value: Self.attributeValue(UnsafeBufferPointer(start: value, count: end - value), document: context.pointee.myDoc)
            ))
        }
        return list
    }

    /// A start tag's attributes where `startElementNs` hands them over, valid during that
    /// callback: only those asked for are made strings. A reader that wants three values of a
    /// `<trans-unit>` spent more on `attributes(_:count:in:)`'s list of every one (names,
    /// namespaces, values, the array) than on the rest of its start.
    struct StartTag: XMLAttributes {
        /// As `attributes(_:count:in:)` takes them: five pointers for each of the first `count`.
        var fields: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
        var count: Int
        var document: xmlDocPtr?

        /// The value `attributes(_:count:in:)` gives the attribute. Names and namespaces are
        /// compared byte for byte: those a reader asks for (lower-case ASCII letters and hyphens,
        /// the `xml` prefix's namespace) no other spelling is canonically equivalent to.
        func value(of name: String, namespace: String?) -> String? {
            guard let fields else { return nil }
            for index in 0 ..< count {
                let attribute = fields + 5 * index
                guard let localName = attribute[0], let value = attribute[3], let end = attribute[4], Self.spells(localName, name) else { continue }
                let isInNamespace = switch (attribute[2], namespace) {
                case (nil, nil): true
                case let (uri?, namespace?): Self.spells(uri, namespace)
                default: false
                }
                guard isInNamespace else { continue }
                return XMLParserNames.attributeValue(UnsafeBufferPointer(start: value, count: end - value), document: document)
            }
            return nil
        }

        /// Whether the NUL-terminated `cString` has the bytes of `string`.
        private static func spells(_ cString: UnsafePointer<xmlChar>, _ string: String) -> Bool {
            string.withContiguousUTF8 { bytes in
                for (offset, byte) in bytes.enumerated() where cString[offset] != byte { return false }
                return cString[bytes.count] == 0
            }
        }
    }

    /// An attribute's value. With entities left unreplaced, the parser hands over `&` (from
    /// `&amp;` or `&#38;`) as `&#38;` and libxml2's builder decodes the value again into the
    /// attribute's children; a value with `&` goes the same way here.
    private static func attributeValue(_ bytes: UnsafeBufferPointer<xmlChar>, document: xmlDocPtr?) -> String {
        guard bytes.contains(UInt8(ascii: "&")), let base = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
        guard let nodes = xmlStringLenGetNodeList(document, base, Int32(bytes.count)) else { return "" }
        defer { xmlFreeNodeList(nodes) }
        if nodes.pointee.next == nil, nodes.pointee.type == XML_TEXT_NODE, let content = nodes.pointee.content {
            return String(cString: content)
        }
        guard let value = xmlNodeListGetString(document, nodes, 1) else { return "" }
        defer { cltp_xmlFree(value) }
        return String(cString: value)
    }
}
