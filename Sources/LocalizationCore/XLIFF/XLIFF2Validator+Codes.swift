/// Checks of how codes relate inside a unit: `sc`/`ec` and `sm`/`em` pairs, codes that may
/// not be deleted, and sequences that may not be reordered.
extension XLIFF2Checker {
    mutating func checkPairs(_ inlines: [Inline], unitID: String) {
        for isTarget in [false, true] {
            let side = inlines.filter { $0.isTarget == isTarget }.map(\.element)
            var openCodes: [String: XML.Element] = [:]
            var closedCodes: Set<String> = []
            var openMarkers: Set<String> = []
            for element in side {
                switch element.name {
                case "sc":
                    guard let id = element.attribute("id") else { continue }
                    if element.attribute("isolated") == "yes" {
                        if side.contains(where: { $0.name == "ec" && $0.attribute("startRef") == id }) {
                            fail(element, "unit \"\(unitID)\": <sc id=\"\(id)\"> is isolated, but an <ec> closes it")
                        }
                    } else {
                        openCodes[id] = element
                    }
                case "ec":
                    let isolated = element.attribute("isolated") == "yes"
                    let startRef = element.attribute("startRef")
                    if isolated, startRef != nil || element.attribute("id") == nil {
                        fail(element, "unit \"\(unitID)\": an isolated <ec> has an id and no startRef")
                    } else if !isolated, startRef == nil || element.attribute("id") != nil {
                        fail(element, "unit \"\(unitID)\": an <ec> that is not isolated has a startRef and no id")
                    }
                    guard !isolated, let startRef else { continue }
                    guard let start = openCodes[startRef] else {
                        fail(element, "unit \"\(unitID)\": <ec startRef=\"\(startRef)\"> has no <sc> before it")
                        continue
                    }
                    closedCodes.insert(startRef)
                    for name in ["canCopy", "canDelete", "canOverlap"] where (start.attribute(name) ?? "yes") != (element.attribute(name) ?? "yes") {
                        fail(element, "unit \"\(unitID)\": \(name) of <ec startRef=\"\(startRef)\"> differs from its <sc>")
                    }
                    let startReorder = start.attribute("canReorder") ?? "yes"
                    let endReorder = element.attribute("canReorder") ?? "yes"
                    if startReorder == "firstNo" ? endReorder != "no" : startReorder != endReorder {
                        fail(element, "unit \"\(unitID)\": canReorder of <ec startRef=\"\(startRef)\"> does not match its <sc> (firstNo is closed by no)")
                    }
                case "sm":
                    if let id = element.attribute("id") {
                        openMarkers.insert(id)
                        if !side.contains(where: { $0.name == "em" && $0.attribute("startRef") == id }) {
                            fail(element, "unit \"\(unitID)\": <sm id=\"\(id)\"> has no <em>")
                        }
                    }
                case "em":
                    if let startRef = element.attribute("startRef"), !openMarkers.contains(startRef) {
                        fail(element, "unit \"\(unitID)\": <em startRef=\"\(startRef)\"> has no <sm> before it")
                    }
                default:
                    break
                }
            }
            for (id, element) in openCodes where !closedCodes.contains(id) {
                fail(element, "unit \"\(unitID)\": <sc id=\"\(id)\"> is not isolated, but no <ec> closes it in this unit")
            }
        }
    }

    /// A code with canDelete="no" in a segment that has a target must appear in the unit's
    /// targets (in any segment: codes may move between segments).
    mutating func checkNonRemovable(parts: [XML.Element], inlines: [Inline], unitID: String) {
        let targetIDs = Set(inlines.filter(\.isTarget).compactMap { $0.element.attribute("id") ?? $0.element.attribute("startRef") })
        for inline in inlines where !inline.isTarget && inline.element.attribute("canDelete") == "no" {
            guard coreChild(parts[inline.segmentIndex], "target") != nil,
                  let id = inline.element.attribute("id") ?? inline.element.attribute("startRef") else { continue }
            if !targetIDs.contains(id) {
                fail(inline.element, "unit \"\(unitID)\": <\(inline.element.name) id=\"\(id)\"> has canDelete=\"no\" but is missing from the target")
            }
        }
    }

    /// canReorder: a sequence starts with `firstNo` and continues with `no`; its codes cannot
    /// be deleted or copied, and they keep their order in the target.
    mutating func checkReordering(_ inlines: [Inline], unitID: String) {
        let codes: Set<String> = ["ph", "pc", "sc", "ec"]
        var sequences: [[String]] = []
        func key(_ inline: Inline) -> String {
            "\(inline.isEnd ? "/" : "")\(inline.element.name):\(inline.element.attribute("id") ?? inline.element.attribute("startRef") ?? "")"
        }
        for isTarget in [false, true] {
            let found = reorderSequences(inlines.filter { $0.isTarget == isTarget && codes.contains($0.element.name) }, key: key, unitID: unitID)
            if !isTarget { sequences = found }
        }
        let targetOrder = inlines.filter { $0.isTarget && codes.contains($0.element.name) }.map(key)
        for sequence in sequences {
            let members = Set(sequence)
            let inTarget = targetOrder.filter(members.contains)
            if !inTarget.isEmpty, inTarget != sequence {
                fail(inlines.first { $0.isTarget }?.element ?? XML.Element(name: "target"), "unit \"\(unitID)\": a sequence of codes that cannot be reordered was changed in the target")
            }
        }
    }

    /// The non-reorderable sequences of one side, checking that each `no` continues one.
    private mutating func reorderSequences(_ inlines: [Inline], key: (Inline) -> String, unitID: String) -> [[String]] {
        var sequences: [[String]] = []
        var current: [String]?
        for inline in inlines {
            let element = inline.element
            let value = element.attribute("canReorder") ?? "yes"
            let key = key(inline)
            if inline.isEnd {
                current?.append(key)
                continue
            }
            if value != "yes", element.attribute("canDelete") != "no" || element.attribute("canCopy") != "no" {
                fail(element, "unit \"\(unitID)\": <\(element.name)> with canReorder=\"\(value)\" must also have canDelete=\"no\" and canCopy=\"no\"")
            }
            switch value {
            case "firstNo":
                if let sequence = current { sequences.append(sequence) }
                current = [key]
            case "no":
                if current == nil, element.name != "ec" {
                    fail(element, "unit \"\(unitID)\": canReorder=\"no\" must follow an element with canReorder=\"firstNo\"")
                }
                current?.append(key)
            default:
                if let sequence = current { sequences.append(sequence) }
                current = nil
            }
        }
        if let sequence = current { sequences.append(sequence) }
        return sequences
    }
}
