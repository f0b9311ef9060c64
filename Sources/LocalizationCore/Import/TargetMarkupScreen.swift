/// Looks at a returned file's XML before the XLIFF reader does, for what the unit model would
/// silently drop: targets that carry elements of another vocabulary or attributes a CAT tool
/// never writes (`<g id="1" href="javascript:…">`, `<html:a>`), and targets for units marked
/// `translate="no"`. Such a unit is refused and listed, and taken out of the tree so that the
/// rest of the file is read (SECURITY.md cases 9 and 12).
struct TargetMarkupScreen {
    struct Refusal {
        var unitID: String
        var page: String
        var line: Int
        var finding: ImportFinding
    }

    static let xliff12 = XLIFF12Writer.namespace
    static let xliff2 = XLIFF21Writer.namespace

    /// Attributes of inline elements in targets that tools write: 1.2 and 2.x core.
    static let allowedAttributes: Set<String> = [
        "id", "rid", "ctype", "equiv-text", "pos", "mtype", "mid", "xid", "clone", "crc", "assoc", "comment", "ts",
        "startRef", "dataRef", "dataRefStart", "dataRefEnd", "canCopy", "canDelete", "canOverlap", "canReorder", "copyOf",
        "disp", "dispStart", "dispEnd", "equiv", "equivStart", "equivEnd", "type", "subType", "isolated", "ref", "translate", "value",
        "dir", "subFlows", "subFlowsStart", "subFlowsEnd", "lang", "space",
    ]

    /// The tree without the refused units, and the refusals.
    func screen(_ root: XML.Element) -> (root: XML.Element, refusals: [Refusal]) {
        var refusals: [Refusal] = []
        var root = root
        root.children = root.children.map { node in
            guard case .element(var file) = node, file.name == "file" else { return node }
            let page = file.attribute("original") ?? file.attribute("id") ?? ""
            file.children = screenUnits(file.children, page: page, refusals: &refusals)
            return .element(file)
        }
        return (root, refusals)
    }

    private func screenUnits(_ nodes: [XML.Node], page: String, refusals: inout [Refusal]) -> [XML.Node] {
        nodes.compactMap { node in
            guard case .element(var element) = node, element.namespace == Self.xliff12 || element.namespace == Self.xliff2 else { return node }
            switch element.name {
            case "trans-unit", "unit":
                if let finding = problem(in: element) {
                    refusals.append(Refusal(unitID: element.attribute("id") ?? "", page: page, line: element.line, finding: finding))
                    return nil
                }
                return node
            case "body", "group":
                element.children = screenUnits(element.children, page: page, refusals: &refusals)
                return .element(element)
            default:
                return node
            }
        }
    }

    private func problem(in unit: XML.Element) -> ImportFinding? {
        let targets = Self.targets(in: unit)
        let hasTarget = targets.contains { !$0.textContent.isEmpty || !$0.elements(named: nil).isEmpty }
        if unit.attribute("translate") == "no", hasTarget {
            return ImportFinding(check: "translate-no", severity: .error,
                                 message: "this unit is marked translate=\"no\" and must not be translated; its target is refused")
        }
        for target in targets {
            if let message = Self.foreignMarkup(in: target) {
                return ImportFinding(check: "markup", severity: .error, message: message + "; markup is never taken from a translation, "
                    + "only the source's codes — the unit is refused")
            }
        }
        return nil
    }

    /// `<target>` elements of a unit (2.x: inside its segments), not those of `<alt-trans>`.
    static func targets(in unit: XML.Element) -> [XML.Element] {
        unit.elements(named: nil).flatMap { child -> [XML.Element] in
            switch child.name {
            case "target": [child]
            case "segment", "ignorable": child.elements(named: nil).filter { $0.name == "target" }
            default: []
            }
        }
    }

    static func foreignMarkup(in element: XML.Element) -> String? {
        for child in element.elements(named: nil) {
            guard child.namespace == xliff12 || child.namespace == xliff2 else {
                return "the target contains the element <\(child.name)> (\(child.namespace ?? "no namespace")), which is not XLIFF"
            }
            if let attribute = child.attributes.first(where: { !allowedAttributes.contains($0.name) || ($0.namespace != nil && $0.namespace != XML.xmlNamespace) }) {
                return "the target's <\(child.name) id=\"\(child.attribute("id") ?? "")\"> has the attribute \(attribute.name)=\"\(attribute.value.prefix(60))\", "
                    + "which no XLIFF code carries"
            }
            if let message = foreignMarkup(in: child) { return message }
        }
        return nil
    }
}
