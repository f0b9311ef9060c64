/// Writes TMX 1.4b that validates against the TMX 1.4 DTD: codes as `bpt`/`ept` (paired),
/// `it` (isolated halves), `ph` (standalone), `hi`, with their native markup as content.
public struct TMXWriter: Sendable {
    public init() {}

    public func write(_ document: TMXDocument) -> String {
        var xml = XMLWriter()
        xml.raw("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n")
        xml.open("tmx", ["version": "1.4"], indent: false)
        var header = document.header.attributes
        // Attributes the DTD requires, with neutral values where the source had none.
        for (name, value) in [("creationtool", ToolInfo.name), ("creationtoolversion", ToolInfo.version), ("segtype", "sentence"),
                              ("o-tmf", ToolInfo.name), ("adminlang", "en"), ("datatype", "plaintext")] where header[name] == nil {
            header[name] = value
        }
        header["srclang"] = document.header.sourceLanguage
        let headerHasChildren = !document.header.notes.isEmpty || !document.header.properties.isEmpty
        if headerHasChildren {
            xml.raw("\n  <header\(Self.attributes(header))>")
            Self.notesAndProperties(document.header.notes, document.header.properties, indent: 4, to: &xml)
            xml.raw("\n  </header>")
        } else {
            xml.raw("\n  <header\(Self.attributes(header))/>")
        }
        xml.open("body")
        for unit in document.units {
            xml.raw("\n    <tu\(Self.attributes(unit.attributes))>")
            Self.notesAndProperties(unit.notes, unit.properties, indent: 6, to: &xml)
            for variant in unit.variants {
                var attributes = variant.attributes
                attributes["xml:lang"] = variant.language
                xml.raw("\n      <tuv\(Self.attributes(attributes))>")
                Self.notesAndProperties(variant.notes, variant.properties, indent: 8, to: &xml)
                xml.raw("\n        <seg>\(Self.inline(variant.content))</seg>\n      </tuv>")
            }
            xml.raw("\n    </tu>")
        }
        xml.close()
        xml.close()
        return xml.finish()
    }

    private static func attributes(_ attributes: [String: String]) -> String {
        attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(XMLWriter.escape($0.value, attribute: true))\"" }.joined()
    }

    private static func notesAndProperties(_ notes: [String], _ properties: [TMXDocument.Property], indent: Int, to xml: inout XMLWriter) {
        let pad = "\n" + String(repeating: " ", count: indent)
        for note in notes { xml.raw("\(pad)<note>\(XMLWriter.escape(note, attribute: false))</note>") }
        for property in properties {
            let language = property.language.map { " xml:lang=\"\(XMLWriter.escape($0, attribute: true))\"" } ?? ""
            xml.raw("\(pad)<prop type=\"\(XMLWriter.escape(property.type, attribute: true))\"\(language)>\(XMLWriter.escape(property.value, attribute: false))</prop>")
        }
    }

    /// Content as TMX inline markup.
    static func inline(_ content: Content) -> String {
        var markup = ""
        var numbers: [String: String] = [:]
        func number(_ code: InlineCode, _ attribute: String) -> String {
            if let value = code.formatAttributes[attribute] { return value }
            if let value = numbers[code.id] { return value }
            let value = String(numbers.count + 1)
            numbers[code.id] = value
            return value
        }
        func element(_ name: String, _ code: InlineCode, _ attributes: [String: String]) -> String {
            // Only the attributes the DTD allows on this element: a code read as one element
            // (an unpaired <bpt>) may be written as another (<it>).
            let allowed: Set<String> = switch name {
            case "bpt": ["i", "x", "type"]
            case "it": ["pos", "x", "type"]
            default: ["x", "type", "assoc"]
            }
            var all = code.formatAttributes.filter { allowed.contains($0.key) }
            for (key, value) in attributes { all[key] = value }
            if all["type"] == nil, let type = type(of: code) { all["type"] = type }
            return "<\(name)\(Self.attributes(all))>\(XMLWriter.escape(code.originalData, attribute: false))</\(name)>"
        }
        for fragment in content.fragments {
            switch fragment {
            case .text(let text):
                markup += XMLWriter.escape(text, attribute: false)
            case .opening(let code) where code.elementName == "hi":
                markup += "<hi\(Self.attributes(code.formatAttributes))>"
            case .closing(let code) where code.elementName == "hi":
                markup += "</hi>"
            case .opening(let code):
                markup += element("bpt", code, ["i": number(code, "i")])
            case .closing(let code):
                markup += "<ept i=\"\(number(code, "i"))\">\(XMLWriter.escape(code.originalData, attribute: false))</ept>"
            case .standalone(let code, nil):
                markup += element(code.elementName == "ut" ? "ut" : "ph", code, [:])
            case .standalone(let code, let half?):
                markup += element("it", code, ["pos": half == .opening ? "begin" : "end"])
            }
        }
        return markup
    }

    private static func type(of code: InlineCode) -> String? {
        switch (code.kind, code.elementName) {
        case (_, "b"), (_, "strong"): "bold"
        case (_, "i"), (_, "em"): "italic"
        case (_, "u"): "ulined"
        case (.link, _): "link"
        case (.image, _): "image"
        case (.lineBreak, _): "lb"
        default: nil
        }
    }
}
