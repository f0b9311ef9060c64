/// Checks inside a `<unit>`: segments, original data, inline codes and their references.
extension XLIFF2Checker {
    /// One inline element met in a unit, with the side it is on.
    struct Inline {
        var element: XML.Element
        var isTarget: Bool
        var segmentIndex: Int
        /// The end of a `<pc>`, recorded for the order of codes.
        var isEnd = false
    }

    static let inlineNames: Set<String> = ["cp", "ph", "pc", "sc", "ec", "mrk", "sm", "em"]
    static let codeTypes: Set<String> = ["fmt", "ui", "quote", "link", "image", "other"]
    static let xliffSubTypes: [String: String] = ["xlf:lb": "fmt", "xlf:pb": "fmt", "xlf:b": "fmt", "xlf:i": "fmt", "xlf:u": "fmt", "xlf:var": "ui"]

    mutating func checkUnit(_ unit: XML.Element, in fileContext: FileContext) {
        checkAttributes(unit, allowed: Self.unitAttributes, required: Self.idRequired, extensions: true)
        checkCommonValues(unit)
        checkOrder(unit, Self.unitContent)
        let unitID = unit.attribute("id") ?? "?"
        let noteIDs = Set(coreChild(unit, "notes")?.elements(named: "note").compactMap { $0.attribute("id") } ?? [])
        if let notes = coreChild(unit, "notes") { checkNotes(notes) }
        var dataIDs: Set<String> = []
        if let originalData = coreChild(unit, "originalData") {
            let entries = children(of: originalData, allowing: Self.dataNames, extensions: false)
            if entries.isEmpty { fail(originalData, "<originalData> must contain at least one <data>") }
            unique(entries, what: "data")
            for data in entries {
                checkAttributes(data, allowed: Self.dataAttributes, required: Self.idRequired, extensions: false, xmlAttributes: Self.dataXMLAttributes)
                enumerated(data, "dir", Self.directions)
                for child in data.elements(named: nil) where !(child.name == "cp" && child.namespace == XLIFF2Namespace.core) {
                    fail(child, "<data> holds text and <cp> only, not <\(child.name)>")
                }
                for cp in data.elements(named: "cp") { checkCodePoint(cp) }
                if let id = data.attribute("id") { dataIDs.insert(id) }
            }
        }
        let parts = coreChildren(unit).filter { $0.name == "segment" || $0.name == "ignorable" }
        if !parts.contains(where: { $0.name == "segment" }) { fail(unit, "unit \"\(unitID)\" must have at least one <segment>") }

        var inlines: [Inline] = []
        var targetOrders: [Int: XML.Element] = [:]
        for (index, part) in parts.enumerated() {
            if part.name == "segment" {
                checkAttributes(part, allowed: Self.segmentAttributes, required: [], extensions: false)
                enumerated(part, "canResegment", Self.yesNo)
                enumerated(part, "state", Self.segmentStates)
                if let subState = part.attribute("subState") {
                    if part.attribute("state") == nil { fail(part, "subState needs a state on the same <segment>") }
                    if !Self.isPrefixedValue(subState) { fail(part, "subState \"\(subState)\" must have the form prefix:value") }
                }
            } else {
                checkAttributes(part, allowed: Self.ignorableAttributes, required: [], extensions: false)
            }
            checkOrder(part, Self.partContent)
            if let source = coreChild(part, "source") {
                checkAttributes(source, allowed: [], required: [], extensions: false)
                if let language = source.attribute("lang", namespace: XML.xmlNamespace), language != sourceLanguage {
                    fail(source, "xml:lang \"\(language)\" of <source> differs from srcLang")
                }
                collectInline(source, isTarget: false, segmentIndex: index, into: &inlines)
            }
            if let target = coreChild(part, "target") {
                hasTarget = true
                checkAttributes(target, allowed: Self.targetAttributes, required: [], extensions: false)
                if let language = target.attribute("lang", namespace: XML.xmlNamespace), language != targetLanguage {
                    fail(target, "xml:lang \"\(language)\" of <target> differs from trgLang")
                }
                var order = index + 1
                if let value = target.attribute("order") {
                    if let number = Int(value), number >= 1, number <= parts.count { order = number } else {
                        fail(target, "order=\"\(value)\" must be a number from 1 to \(parts.count)")
                    }
                }
                if targetOrders[order] != nil { fail(target, "unit \"\(unitID)\": two targets take the place \(order)") }
                targetOrders[order] = target
                collectInline(target, isTarget: true, segmentIndex: index, into: &inlines)
            }
        }
        let elements = inlines.filter { !$0.isEnd }
        checkIDs(parts: parts, inlines: elements, unitID: unitID)
        // The checks below are all about inline elements; most units of a memory have none.
        guard !inlines.isEmpty else { return }
        checkReferences(elements, dataIDs: dataIDs, noteIDs: noteIDs, unitID: unitID, fileContext: fileContext)
        checkPairs(elements, unitID: unitID)
        checkNonRemovable(parts: parts, inlines: elements, unitID: unitID)
        checkReordering(inlines, unitID: unitID)
    }

    /// Checks one inline element's attributes and collects it, recursively.
    mutating func collectInline(_ container: XML.Element, isTarget: Bool, segmentIndex: Int, into inlines: inout [Inline]) {
        for child in container.elements(named: nil) {
            guard child.namespace == XLIFF2Namespace.core, Self.inlineNames.contains(child.name) else {
                fail(child, "<\(child.name)> is not allowed in <\(container.name)>")
                continue
            }
            inlines.append(Inline(element: child, isTarget: isTarget, segmentIndex: segmentIndex))
            switch child.name {
            case "cp":
                checkAttributes(child, allowed: Self.cpAttributes, required: ["hex"], extensions: false)
                checkCodePoint(child)
            case "ph":
                checkAttributes(child, allowed: Self.phAttributes, required: Self.idRequired, extensions: true)
            case "pc":
                checkAttributes(child, allowed: Self.pcAttributes, required: Self.idRequired, extensions: true)
                collectInline(child, isTarget: isTarget, segmentIndex: segmentIndex, into: &inlines)
                inlines.append(Inline(element: child, isTarget: isTarget, segmentIndex: segmentIndex, isEnd: true))
            case "sc":
                checkAttributes(child, allowed: Self.scAttributes, required: Self.idRequired, extensions: true)
            case "ec":
                checkAttributes(child, allowed: Self.ecAttributes, required: [], extensions: true)
            case "mrk":
                checkAttributes(child, allowed: Self.markerAttributes, required: Self.idRequired, extensions: true)
                collectInline(child, isTarget: isTarget, segmentIndex: segmentIndex, into: &inlines)
            case "sm":
                checkAttributes(child, allowed: Self.markerAttributes, required: Self.idRequired, extensions: true)
            default:
                checkAttributes(child, allowed: Self.endMarkerAttributes, required: ["startRef"], extensions: false)
            }
            for name in ["canCopy", "canDelete", "canOverlap", "isolated", "translate"] { enumerated(child, name, Self.yesNo) }
            enumerated(child, "canReorder", Self.reorderValues)
            enumerated(child, "dir", Self.directions)
            checkTypes(child)
        }
    }

    mutating func checkCodePoint(_ cp: XML.Element) {
        guard let hex = cp.attribute("hex") else { return }
        guard (1 ... 8).contains(hex.count), hex.allSatisfy(\.isHexDigit), let value = UInt32(hex, radix: 16) else {
            fail(cp, "<cp hex=\"\(hex)\"> is not a hexadecimal code point")
            return
        }
        if let scalar = Unicode.Scalar(value), XMLWriter.isXMLCharacter(scalar) {
            fail(cp, "<cp hex=\"\(hex)\"> stands for a character XML can carry; <cp> is only for those it cannot")
        }
    }

    mutating func checkTypes(_ element: XML.Element) {
        let type = element.attribute("type")
        switch element.name {
        case "mrk", "sm":
            if let type, !["generic", "comment", "term"].contains(type), !Self.isPrefixedValue(type) {
                fail(element, "type=\"\(type)\" on <\(element.name)> must be generic, comment, term or prefix:value")
            }
        case "ph", "pc", "sc", "ec":
            if let type, !Self.codeTypes.contains(type) { fail(element, "type=\"\(type)\" is not one of \(Self.codeTypes.sorted().joined(separator: ", "))") }
            if let subType = element.attribute("subType") {
                if type == nil { fail(element, "<\(element.name)> has subType but no type") }
                if !Self.isPrefixedValue(subType) { fail(element, "subType \"\(subType)\" must have the form prefix:value") }
                if subType.hasPrefix("xlf:") {
                    if let required = Self.xliffSubTypes[subType] {
                        if let type, type != required { fail(element, "subType \(subType) requires type=\"\(required)\", not \"\(type)\"") }
                    } else {
                        fail(element, "subType \(subType) is not defined by XLIFF")
                    }
                }
            }
        default:
            break
        }
    }

    // MARK: - Ids and references

    mutating func checkIDs(parts: [XML.Element], inlines: [Inline], unitID: String) {
        var seen: [String: String] = [:]
        func claim(_ element: XML.Element, _ id: String) {
            if seen[id] != nil {
                fail(element, "unit \"\(unitID)\": the id \"\(id)\" is used more than once (segment, ignorable and inline ids are unique within a unit)")
            }
            seen[id] = element.name
        }
        for part in parts { if let id = part.attribute("id") { claim(part, id) } }
        let sourceIDs = Set(inlines.filter { !$0.isTarget }.compactMap { $0.element.attribute("id") })
        for inline in inlines where inline.element.name != "cp" && inline.element.name != "em" {
            guard let id = inline.element.attribute("id") else { continue }
            if !inline.isTarget {
                claim(inline.element, id)
            } else if !sourceIDs.contains(id), seen[id] != nil {
                fail(inline.element, "unit \"\(unitID)\": the target's id \"\(id)\" is already used by a segment or ignorable")
            }
        }
        // A target element with a source id stands for that source element: same kind.
        let sourceKinds = Dictionary(inlines.filter { !$0.isTarget }.compactMap { inline in inline.element.attribute("id").map { ($0, inline.element.name) } }, uniquingKeysWith: { first, _ in first })
        for inline in inlines where inline.isTarget {
            if let id = inline.element.attribute("id"), let kind = sourceKinds[id], kind != inline.element.name {
                fail(inline.element, "unit \"\(unitID)\": <\(inline.element.name) id=\"\(id)\"> in the target, but id \(id) is a <\(kind)> in the source")
            }
        }
    }

    mutating func checkReferences(_ inlines: [Inline], dataIDs: Set<String>, noteIDs: Set<String>, unitID: String, fileContext: FileContext) {
        let inlineByID = Dictionary(inlines.filter { !$0.isTarget }.compactMap { inline in inline.element.attribute("id").map { ($0, inline.element) } }, uniquingKeysWith: { first, _ in first })
        for inline in inlines {
            let element = inline.element
            for name in ["dataRef", "dataRefStart", "dataRefEnd"] {
                if let reference = element.attribute(name), !dataIDs.contains(reference) {
                    fail(element, "unit \"\(unitID)\": \(name)=\"\(reference)\" names no <data> of this unit")
                }
            }
            for name in ["subFlows", "subFlowsStart", "subFlowsEnd"] {
                guard let value = element.attribute(name) else { continue }
                for reference in value.split(separator: " ").map(String.init) where !fileContext.unitIDs.contains(reference) || !Self.isNMToken(reference) {
                    fail(element, "unit \"\(unitID)\": \(name) names \"\(reference)\", which is no unit of this file")
                }
            }
            if let original = element.attribute("copyOf") {
                if element.attribute("dataRef") != nil || element.attribute("dataRefStart") != nil {
                    fail(element, "unit \"\(unitID)\": a code with copyOf cannot also refer to original data")
                }
                if let copied = inlineByID[original] {
                    if copied.attribute("canCopy") == "no" { fail(element, "unit \"\(unitID)\": copyOf=\"\(original)\" copies a code with canCopy=\"no\"") }
                } else {
                    fail(element, "unit \"\(unitID)\": copyOf=\"\(original)\" names no inline element of this unit")
                }
            }
            if element.name == "mrk" || element.name == "sm", element.attribute("type") == "comment" {
                let hasValue = element.attribute("value") != nil
                let reference = element.attribute("ref")
                if hasValue == (reference != nil) {
                    fail(element, "unit \"\(unitID)\": a comment annotation has exactly one of value and ref")
                } else if let reference, !Self.refersToNote(reference, noteIDs: noteIDs, unitID: unitID, fileID: fileContext.id) {
                    fail(element, "unit \"\(unitID)\": ref=\"\(reference)\" must point to a <note> of this unit (#n=id)")
                }
            }
        }
    }

    /// Whether a fragment identifier (`#n=n1`, `#f=f1/u=u1/n=n1`) names a note of this unit.
    static func refersToNote(_ reference: String, noteIDs: Set<String>, unitID: String, fileID: String) -> Bool {
        guard reference.hasPrefix("#") else { return false }
        var noteID: String?
        for part in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { return false }
            switch pieces[0] {
            case "f": if pieces[1] != fileID { return false }
            case "u": if pieces[1] != unitID { return false }
            case "n": noteID = pieces[1]
            default: return false
            }
        }
        guard let noteID else { return false }
        let parts = reference.dropFirst().split(separator: "/")
        // A path through a file or group without the unit names a note elsewhere.
        if parts.count > 1, !parts.contains(where: { $0.hasPrefix("u=") }) { return false }
        return noteIDs.contains(noteID)
    }
}
