/// Reads XLIFF 2.0/2.1/2.2 into the unit model: units in nested groups, several segments and
/// ignorables joined into one unit, `<pc>`, `<ph>`, `<sc>`/`<ec>` (paired by `startRef` or
/// isolated), `<cp>`, annotations (`<mrk>`, `<sm>`/`<em>`) read through.
struct XLIFF2Reader {
    private static let namespace = XLIFF21Writer.namespace

    /// See `XLIFFReader.validating`.
    var validating = true

    func read(_ root: XML.Element, file: String) throws(XLIFFError) -> XLIFFDocument {
        if validating, let violation = XLIFF2Validator().validate(root, file: file).first {
            throw .invalid(file: file, line: violation.line, message: violation.message)
        }
        guard let sourceLanguage = root.attribute("srcLang") else {
            throw .invalid(file: file, line: root.line, message: "<xliff> has no srcLang")
        }
        let version = XLIFFDocument.Version(rawValue: root.attribute("version") ?? "") ?? .v2_1
        var files: [XLIFFFile] = []
        for element in root.elements(named: "file") {
            var units: [TextUnit] = []
            try collectUnits(in: element, into: &units, file: file)
            files.append(XLIFFFile(original: element.attribute("original") ?? element.attribute("id") ?? "", units: units))
        }
        return XLIFFDocument(version: version, sourceLanguage: sourceLanguage, targetLanguage: root.attribute("trgLang"), files: files)
    }

    private func collectUnits(in container: XML.Element, into units: inout [TextUnit], file: String) throws(XLIFFError) {
        // Walked in place: a memory file's <file> has tens of thousands of units.
        for case .element(let element) in container.children {
            switch element.name {
            case "group": try collectUnits(in: element, into: &units, file: file)
            case "unit": units.append(try readUnit(element, file: file))
            default: break
            }
        }
    }

    private func readUnit(_ element: XML.Element, file: String) throws(XLIFFError) -> TextUnit {
        guard let id = element.attribute("id") else {
            throw .invalid(file: file, line: element.line, message: "<unit> has no id")
        }
        var data: [String: String] = [:]
        for entry in element.firstElement(named: "originalData")?.elements(named: "data") ?? [] {
            if let dataID = entry.attribute("id") { data[dataID] = Self.text(of: entry) }
        }
        var source: [Content.Fragment] = []
        var target: [Content.Fragment] = []
        var hasAllTargets = true
        var hasAnyTarget = false
        var states: [TranslationState] = []
        var parts: [UnitPart] = []
        var partsAreText = true
        for part in element.elements(named: nil) where part.name == "segment" || part.name == "ignorable" {
            guard let sourceElement = part.firstElement(named: "source") else {
                throw .invalid(file: file, line: part.line, message: "unit \"\(id)\": <\(part.name)> has no <source>")
            }
            let sourceFragments = try inline(sourceElement.children, data: data, unit: id, file: file)
            source += sourceFragments
            var segmentTarget: [Content.Fragment]?
            if let targetElement = part.firstElement(named: "target") {
                segmentTarget = try inline(targetElement.children, data: data, unit: id, file: file)
                target += segmentTarget ?? []
                if part.name == "segment" { hasAnyTarget = true }
            } else if part.name == "ignorable" {
                target += sourceFragments
            } else {
                hasAllTargets = false
            }
            if part.name == "segment" {
                let state = TranslationState(rawValue: part.attribute("state") ?? "") ?? .initial
                states.append(state)
                let translation = segmentTarget.map { Content(Content.pairingIsolatedHalves($0)) }.flatMap { $0.isEmpty ? nil : $0 }
                parts.append(.segment(Segment(id: part.attribute("id") ?? "s\(states.count)", source: Content(Content.pairingIsolatedHalves(sourceFragments)),
                                              target: translation, state: translation == nil ? .initial : state)))
            } else {
                let text = Content(sourceFragments)
                partsAreText = partsAreText && text.fragments.allSatisfy { if case .text = $0 { true } else { false } }
                // A part holds one text for source and target: an ignorable translated with
                // other white space keeps the unit whole (found by fuzzing).
                if let segmentTarget, Content(segmentTarget) != text { partsAreText = false }
                parts.append(.ignorable(text.plainText))
            }
        }
        let notes = (element.firstElement(named: "notes")?.elements(named: "note") ?? []).map { note in
            Note(note.textContent, priority: (Int(note.attribute("priority") ?? "") ?? 5) <= 2 ? .alert : .description)
        }
        let targetContent = hasAnyTarget && hasAllTargets ? Content(Content.pairingIsolatedHalves(target)) : nil
        var unit = TextUnit(
            id: id, placement: .elementContent(elementName: ""), name: element.attribute("name") ?? "",
            source: Content(Content.pairingIsolatedHalves(source)), target: targetContent?.isEmpty == false ? targetContent : nil,
            state: targetContent == nil ? .initial : (states.min() ?? .initial), notes: notes, line: element.line
        )
        // Sentences are kept when there are several and the space between them is only text.
        if states.count > 1, partsAreText { unit.parts = parts }
        return unit
    }

    private func inline(_ nodes: [XML.Node], data: [String: String], unit: String, file: String) throws(XLIFFError) -> [Content.Fragment] {
        var fragments: [Content.Fragment] = []
        for node in nodes {
            switch node {
            case .text(let text):
                fragments.append(.text(text))
            case .element(let element) where element.namespace != Self.namespace:
                throw .invalid(file: file, line: element.line, message: "unit \"\(unit)\": element <\(element.name)> of another namespace inside content")
            case .element(let element):
                let id = element.attribute("id") ?? element.attribute("startRef") ?? ""
                func code(_ dataRef: String?) -> InlineCode {
                    InlineCode(id: id, kind: Self.kind(element.attribute("type"), subType: element.attribute("subType")),
                               elementName: Self.elementName(subType: element.attribute("subType")) ?? element.name,
                               originalData: dataRef.flatMap { data[$0] } ?? "",
                               displayText: element.attribute("disp") ?? element.attribute("equiv"),
                               canDelete: element.attribute("canDelete") != "no", canCopy: element.attribute("canCopy") != "no")
                }
                switch element.name {
                case "cp":
                    guard let hex = element.attribute("hex"), let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                        throw .invalid(file: file, line: element.line, message: "unit \"\(unit)\": <cp> without a valid hex value")
                    }
                    fragments.append(.text(String(scalar)))
                case "ph":
                    fragments.append(.standalone(code(element.attribute("dataRef"))))
                case "pc":
                    fragments.append(.opening(code(element.attribute("dataRefStart"))))
                    fragments += try inline(element.children, data: data, unit: unit, file: file)
                    fragments.append(.closing(code(element.attribute("dataRefEnd"))))
                case "sc":
                    fragments.append(.standalone(code(element.attribute("dataRef")), isolated: .opening))
                case "ec":
                    fragments.append(.standalone(code(element.attribute("dataRef")), isolated: .closing))
                case "mrk":
                    fragments += try inline(element.children, data: data, unit: unit, file: file)
                case "sm", "em":
                    break  // annotation boundaries carry no text
                default:
                    throw .invalid(file: file, line: element.line, message: "unit \"\(unit)\": unknown inline element <\(element.name)>")
                }
            }
        }
        return fragments
    }

    /// Text of a `<data>` element, with `<cp>` resolved.
    private static func text(of element: XML.Element) -> String {
        element.children.reduce(into: "") { text, node in
            switch node {
            case .text(let value): text += value
            case .element(let child):
                if child.name == "cp", let value = child.attribute("hex").flatMap({ UInt32($0, radix: 16) }).flatMap(Unicode.Scalar.init) {
                    text.unicodeScalars.append(value)
                }
            }
        }
    }

    /// The HTML element an XLIFF-defined subType stands for (the writer's mapping, reversed).
    private static func elementName(subType: String?) -> String? {
        switch subType {
        case "xlf:b": "b"
        case "xlf:i": "i"
        case "xlf:u": "u"
        case "xlf:lb": "br"
        // A placeholder's category ("tp:number").
        case let subType? where subType.hasPrefix("tp:") && AutoTranslatable.Kind.categories.contains(String(subType.dropFirst(3))):
            String(subType.dropFirst(3))
        default: nil
        }
    }

    private static func kind(_ type: String?, subType: String?) -> InlineCode.Kind {
        switch (type, subType) {
        case (_, "xlf:lb"?): .lineBreak
        case (_, "tp:protected"?): .protected
        case (_, let subType?) where subType.hasPrefix("tp:") && AutoTranslatable.Kind.categories.contains(String(subType.dropFirst(3))): .autoTranslatable
        case ("fmt"?, _): .formatting
        case ("link"?, _): .link
        case ("image"?, _): .image
        default: .other
        }
    }
}
