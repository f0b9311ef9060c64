/// Reads TMX 1.4b (and the 1.1–1.4 files tools still write): any encoding XML allows, the DTD
/// declaration tolerated but never loaded, attribute names and language tags in odd case.
public struct TMXReader: Sendable {
    public var xmlReader: XMLReader

    public init(xmlReader: XMLReader = XMLReader()) {
        self.xmlReader = xmlReader
    }

    public func read(_ bytes: [UInt8], file: String) throws(TMXError) -> TMXDocument {
        let root: XML.Element
        do {
            root = try xmlReader.parse(bytes, file: file)
        } catch {
            throw .notXML(error)
        }
        guard root.name == "tmx", root.namespace == nil else {
            throw .invalid(file: file, line: root.line, message: "the root element is <\(root.name)>, not <tmx>")
        }
        guard let headerElement = root.firstElement(named: "header") else {
            throw .invalid(file: file, line: root.line, message: "<tmx> has no <header>")
        }
        guard let body = root.firstElement(named: "body") else {
            throw .invalid(file: file, line: root.line, message: "<tmx> has no <body>")
        }
        var headerAttributes = Self.plainAttributes(headerElement)
        guard let sourceLanguage = headerAttributes.removeValue(forKey: "srclang") else {
            throw .invalid(file: file, line: headerElement.line, message: "<header> has no srclang")
        }
        let header = TMXDocument.Header(
            sourceLanguage: sourceLanguage, attributes: headerAttributes,
            properties: Self.properties(headerElement), notes: Self.notes(headerElement)
        )
        var units: [TMXDocument.Unit] = []
        for tu in body.elements(named: "tu") {
            var variants: [TMXDocument.Variant] = []
            for tuv in tu.elements(named: "tuv") {
                guard let language = tuv.attribute("lang", namespace: XML.xmlNamespace) ?? tuv.attribute("lang") else {
                    throw .invalid(file: file, line: tuv.line, message: "<tuv> has no xml:lang")
                }
                guard let seg = tuv.firstElement(named: "seg") else {
                    throw .invalid(file: file, line: tuv.line, message: "<tuv xml:lang=\"\(language)\"> has no <seg>")
                }
                var attributes = Self.plainAttributes(tuv)
                attributes.removeValue(forKey: "lang")
                variants.append(TMXDocument.Variant(
                    language: language, attributes: attributes, properties: Self.properties(tuv), notes: Self.notes(tuv),
                    content: try Self.content(seg, file: file)
                ))
            }
            units.append(TMXDocument.Unit(attributes: Self.plainAttributes(tu), properties: Self.properties(tu), notes: Self.notes(tu), variants: variants))
        }
        return TMXDocument(version: root.attribute("version") ?? "1.4", header: header, units: units)
    }

    /// Attributes without namespace, by name.
    static func plainAttributes(_ element: XML.Element) -> [String: String] {
        Dictionary(element.attributes.filter { $0.namespace == nil }.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    static func properties(_ element: XML.Element) -> [TMXDocument.Property] {
        element.elements(named: "prop").map { prop in
            TMXDocument.Property(type: prop.attribute("type") ?? "", value: prop.textContent, language: prop.attribute("lang", namespace: XML.xmlNamespace))
        }
    }

    static func notes(_ element: XML.Element) -> [String] {
        element.elements(named: "note").map(\.textContent)
    }

    /// `<seg>` content: text, with `bpt`/`ept` pairs (by `i`), `ph`, `it` and `hi` as codes.
    static func content(_ seg: XML.Element, file: String) throws(TMXError) -> Content {
        var fragments: [Content.Fragment] = []
        var standaloneCount = 0
        func code(_ element: XML.Element, id: String, kind: InlineCode.Kind) -> InlineCode {
            InlineCode(id: id, kind: kind, elementName: element.name, originalData: element.textContent,
                       formatAttributes: plainAttributes(element))
        }
        func append(_ nodes: [XML.Node]) throws(TMXError) {
            for node in nodes {
                switch node {
                case .text(let text):
                    fragments.append(.text(text))
                case .element(let element):
                    let kind = codeKind(element.attribute("type"))
                    switch element.name {
                    case "bpt":
                        fragments.append(.standalone(code(element, id: "i" + (element.attribute("i") ?? ""), kind: kind), isolated: .opening))
                    case "ept":
                        fragments.append(.standalone(code(element, id: "i" + (element.attribute("i") ?? ""), kind: kind), isolated: .closing))
                    case "ph", "ut":
                        standaloneCount += 1
                        fragments.append(.standalone(code(element, id: "x" + (element.attribute("x") ?? "#\(standaloneCount)"), kind: kind)))
                    case "it":
                        standaloneCount += 1
                        let half: Content.IsolatedHalf = element.attribute("pos") == "end" ? .closing : .opening
                        fragments.append(.standalone(code(element, id: "x" + (element.attribute("x") ?? "#\(standaloneCount)"), kind: kind), isolated: half))
                    case "hi":
                        standaloneCount += 1
                        let marker = InlineCode(id: "h\(standaloneCount)", kind: .formatting, elementName: "hi", originalData: "",
                                                formatAttributes: plainAttributes(element))
                        fragments.append(.opening(marker))
                        try append(element.children)
                        fragments.append(.closing(marker))
                    default:
                        throw .invalid(file: file, line: element.line, message: "<\(element.name)> is not TMX inline markup")
                    }
                }
            }
        }
        try append(seg.children)
        return Content(Content.pairingIsolatedHalves(fragments))
    }

    static func codeKind(_ type: String?) -> InlineCode.Kind {
        switch type {
        case "bold", "italic", "ulined", "dulined", "font", "color", "scap", "struct", "sub", "superscript", "subscript": .formatting
        case "link": .link
        case "image": .image
        case "lb": .lineBreak
        default: .other
        }
    }
}
