import CLibXML2
@testable import LocalizationCore

/// How `XMLReader` read files before it built its tree from libxml2's SAX events: libxml2's
/// own tree, converted node by node. Kept as the oracle the event-built tree is compared with
/// (`XMLReaderTreeTests`): same elements, text, attributes, lines, and the same errors.
enum LibXML2TreeReference {
    /// The tree libxml2 makes of `bytes`, converted; nil when `XMLReader` refuses the bytes
    /// before parsing (size, entity declarations), checks that both readers share.
    static func parse(_ bytes: [UInt8], file: String, limits: XMLReader.Limits = .init()) -> Result<XML.Element, XMLError>? {
        let folded = bytes.count > 1 && (bytes[0] == 0 || bytes[1] == 0) ? bytes.filter { $0 != 0 } : bytes
        if bytes.count > limits.maximumFileBytes || folded.indices.contains(where: { folded[$0...].starts(with: "<!ENTITY".utf8) }) {
            return nil
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)
        guard let context = xmlNewParserCtxt() else { return .failure(XMLError(file: file, line: nil, message: "no parser")) }
        defer { xmlFreeParserCtxt(context) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlCtxtReadMemory(context, pointer, Int32(buffer.count), file, nil, options)
            }
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            return .failure(XMLError.lastError(of: context, file: file))
        }
        defer { xmlFreeDoc(document) }
        if context.pointee.nsWellFormed == 0 { return .failure(XMLError.lastError(of: context, file: file)) }
        if let subset = document.pointee.intSubset, subset.pointee.entities != nil || subset.pointee.pentities != nil {
            return .failure(XMLError(file: file, line: nil, message: "the document declares entities; entity declarations are refused"))
        }
        guard let root = xmlDocGetRootElement(document) else {
            return .failure(XMLError(file: file, line: nil, message: "the document has no root element"))
        }
        return Result<XML.Element, XMLError>(catching: { () throws(XMLError) -> XML.Element in try convert(root, file: file, maximumTextBytes: limits.maximumTextBytes) })
    }

    private static func value(of attribute: UnsafeMutablePointer<xmlAttr>) -> String {
        if let child = attribute.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
            return String(cString: content)
        }
        let value = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self))
        defer { if let value { cltp_xmlFree(value) } }
        return value.map { String(cString: $0) } ?? ""
    }

    private static func convert(_ node: xmlNodePtr, file: String, maximumTextBytes: Int) throws(XMLError) -> XML.Element {
        var element = XML.Element(name: String(cString: node.pointee.name), namespace: node.pointee.ns?.pointee.href.map { String(cString: $0) },
                                  line: Int(xmlGetLineNo(node)))
        var declaration = node.pointee.nsDef
        while let current = declaration {
            element.namespaceDeclarations[current.pointee.prefix.map { String(cString: $0) } ?? ""] = current.pointee.href.map { String(cString: $0) } ?? ""
            declaration = current.pointee.next
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            element.attributes.append(XML.Attribute(name: String(cString: current.pointee.name),
                                                    namespace: current.pointee.ns?.pointee.href.map { String(cString: $0) }, value: value(of: current)))
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(.element(try convert(current, file: file, maximumTextBytes: maximumTextBytes)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    let text = String(cString: content)
                    if text.utf8.count > maximumTextBytes {
                        throw XMLError(file: file, line: Int(xmlGetLineNo(current)), message: "a text node of \(text.utf8.count) bytes exceeds the limit of \(maximumTextBytes)")
                    }
                    element.children.append(.text(text))
                }
            case XML_ENTITY_REF_NODE:
                throw XMLError(file: file, line: Int(xmlGetLineNo(current)), message: "entity references other than the predefined ones are refused")
            default:
                break
            }
            child = current.pointee.next
        }
        return element
    }
}
