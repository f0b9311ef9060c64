import CLibXML2

/// An independent view of a page's element structure, from libxml2's HTML parser: element
/// names and attributes in document order. Used to prove that assembly changes text and
/// translatable attribute values only.
enum HTMLStructure {
    /// Attributes whose values are translatable and so may differ after translation.
    static let translatableAttributes: Set<String> = ["alt", "title", "placeholder", "aria-label", "aria-description", "content", "value", "label"]

    /// One line per element: `name attr=value …`, translatable values masked, lang/dir left out.
    static func outline(_ bytes: [UInt8], encoding: String = "utf-8") -> [String] {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), "page.html", encoding, options) }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        var lines: [String] = []
        func visit(_ first: xmlNodePtr?) {
            var node = first
            while let current = node {
                if current.pointee.type == XML_ELEMENT_NODE {
                    var line = String(cString: current.pointee.name)
                    var attribute = current.pointee.properties
                    while let property = attribute {
                        let name = String(cString: property.pointee.name).lowercased()
                        if name != "lang" && name != "dir" {
                            if translatableAttributes.contains(name) {
                                line += " \(name)=…"
                            } else {
                                let value = xmlGetProp(current, property.pointee.name)
                                line += " \(name)=\(value.map { String(cString: $0) } ?? "")"
                                if let value { cltp_xmlFree(value) }
                            }
                        }
                        attribute = property.pointee.next
                    }
                    lines.append(line)
                    // In HTML5 <title> and <textarea> hold text only (RCDATA): "<tt>" inside is
                    // text a browser shows, which libxml2's HTML 4 parser would read as markup.
                    let name = String(cString: current.pointee.name).lowercased()
                    if name != "title" && name != "textarea" { visit(current.pointee.children) }
                }
                node = current.pointee.next
            }
        }
        visit(xmlDocGetRootElement(document))
        return lines
    }
}
