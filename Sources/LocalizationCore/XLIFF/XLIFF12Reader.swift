/// Reads XLIFF 1.2 as CAT tools write it: units in nested groups, segmented `<seg-source>`
/// and `<mrk mtype="seg">` targets, `<g>`, `<x>`, `<bx>`/`<ex>`, `<ph>`, `<bpt>`/`<ept>`, `<it>`,
/// `<mrk>` annotations, `approved` and `state`.
///
/// XLIFF 1.1 (translate-toolkit's `po2xliff` writes it) has the same elements in its own
/// namespace; 1.2 only added to it, so it is read here too, into the same model.
struct XLIFF12Reader {
    static let namespace11 = "urn:oasis:names:tc:xliff:document:1.1"

    /// The namespace of the document's elements: 1.2's, or 1.1's.
    var namespace = XLIFF12Writer.namespace

    func read(_ root: XML.Element, file: String) throws(XLIFFError) -> XLIFFDocument {
        var files: [XLIFFFile] = []
        var sourceLanguage: String?
        var targetLanguage: String?
        for element in root.elements(named: "file") {
            guard let original = element.attribute("original") else {
                throw .invalid(file: file, line: element.line, message: "<file> has no original attribute")
            }
            guard let language = element.attribute("source-language") else {
                throw .invalid(file: file, line: element.line, message: "<file original=\"\(original)\"> has no source-language")
            }
            sourceLanguage = sourceLanguage ?? language
            targetLanguage = targetLanguage ?? element.attribute("target-language")
            var units: [TextUnit] = []
            guard let body = element.firstElement(named: "body") else {
                throw .invalid(file: file, line: element.line, message: "<file original=\"\(original)\"> has no <body>")
            }
            try collectUnits(in: body, into: &units, file: file)
            files.append(XLIFFFile(original: original, units: units))
        }
        guard let sourceLanguage else { throw .invalid(file: file, line: root.line, message: "the document has no <file>") }
        return XLIFFDocument(version: .v1_2, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, files: files)
    }

    private func collectUnits(in container: XML.Element, into units: inout [TextUnit], file: String) throws(XLIFFError) {
        var seen = Set(units.map(\.id))
        for case .element(let element) in container.children where element.namespace == namespace {
            switch element.name {
            case "group":
                try collectUnits(in: element, into: &units, file: file)
                seen = Set(units.map(\.id))
            case "trans-unit":
                let unit = try readUnit(element, file: file)
                guard seen.insert(unit.id).inserted else {
                    throw .invalid(file: file, line: element.line, message: "trans-unit id \"\(unit.id)\" is used twice")
                }
                units.append(unit)
            default:
                break
            }
        }
    }

    private func readUnit(_ element: XML.Element, file: String) throws(XLIFFError) -> TextUnit {
        guard let id = element.attribute("id") else {
            throw .invalid(file: file, line: element.line, message: "<trans-unit> has no id")
        }
        // A segmented source (<seg-source>) holds the same text as <source>; read <source>.
        guard let sourceElement = element.firstElement(named: "source") else {
            throw .invalid(file: file, line: element.line, message: "trans-unit \"\(id)\" has no <source>")
        }
        let source = try content(of: sourceElement, unit: id, file: file)
        let targetElement = element.firstElement(named: "target")
        let target = try targetElement.map { (target) throws(XLIFFError) in try content(of: target, unit: id, file: file) }
        var state: TranslationState = target == nil ? .initial : .translated
        switch targetElement?.attribute("state") {
        case "new", "needs-translation", "needs-adaptation", "needs-l10n": state = .initial
        case "needs-review-translation", "needs-review-adaptation", "needs-review-l10n", "translated": state = .translated
        case "signed-off": state = .reviewed
        case "final": state = .final
        default: break
        }
        if element.attribute("approved") == "yes", target != nil { state = max(state, .reviewed) }
        let notes = element.elements(named: "note").map { note in
            Note(note.textContent, priority: (Int(note.attribute("priority") ?? "") ?? 5) <= 2 ? .alert : .description)
        }
        let placement: TextUnit.Placement = element.attribute("restype").flatMap { type in
            type.hasPrefix("x-html-attribute-") ? .attribute(elementName: "", attributeName: String(type.dropFirst(17))) : nil
        } ?? .elementContent(elementName: "")
        var unit = TextUnit(
            id: id, placement: placement, name: element.attribute("resname") ?? "", source: source,
            target: target.flatMap { $0.isEmpty ? nil : $0 }, state: target?.isEmpty == false ? state : .initial,
            notes: notes, sourceLanguage: sourceElement.attribute("lang", namespace: XML.xmlNamespace), line: element.line
        )
        if let segmented = element.firstElement(named: "seg-source") {
            try readSegments(segmented, target: targetElement, state: state, into: &unit, file: file)
        }
        return unit
    }

    /// The sentences of a `<seg-source>`, with their translations from the target's
    /// `<mrk mtype="seg">` of the same `mid`. A target written without markers (as some tools
    /// return it) stays the unit's target; its sentences are then unknown.
    private func readSegments(_ segmented: XML.Element, target: XML.Element?, state: TranslationState,
                              into unit: inout TextUnit, file: String) throws(XLIFFError) {
        var targets: [String: Content] = [:]
        for marker in target.map(Self.segmentMarkers) ?? [] {
            if let mid = marker.attribute("mid") { targets[mid] = try content(of: marker, unit: unit.id, file: file) }
        }
        var parts: [UnitPart] = []
        for node in segmented.children {
            switch node {
            case .element(let marker) where marker.name == "mrk" && marker.attribute("mtype") == "seg":
                guard let mid = marker.attribute("mid") else {
                    throw .invalid(file: file, line: marker.line, message: "trans-unit \"\(unit.id)\": a segment <mrk> has no mid")
                }
                guard !parts.contains(where: { $0.segment?.id == mid }) else {
                    throw .invalid(file: file, line: marker.line, message: "trans-unit \"\(unit.id)\": segment mid \"\(mid)\" is used twice")
                }
                let translation = targets[mid].flatMap { $0.isEmpty ? nil : $0 }
                parts.append(.segment(Segment(id: mid, source: try content(of: marker, unit: unit.id, file: file),
                                              target: translation, state: translation == nil ? .initial : state)))
            case .text(let text):
                parts.append(.ignorable(text))
            case .element:
                // Codes between sentences belong to no sentence; the unit stays one segment.
                return
            }
        }
        guard parts.count(where: { $0.segment != nil }) > 1 else { return }
        // The sentences are what goes into the memory: they must be the <source>, not other
        // text beside it (found by fuzzing); otherwise the unit stays one segment, read from
        // <source> and <target> alone.
        guard Self.spellByteForByte(parts, unit.source) || Self.spellEquivalently(parts, unit.source) else { return }
        unit.parts = parts
        if !targets.isEmpty { unit.updateTargetFromSegments() }
    }

    /// Whether the sentences and the spaces between them, joined, have the text and codes of
    /// `source` (`comparable`), compared as strings: canonically equivalent texts agree.
    static func spellEquivalently(_ parts: [UnitPart], _ source: Content) -> Bool {
        let sentences = Content.joining(parts.map { part in
            switch part {
            case .segment(let segment): segment.source
            case .ignorable(let space): Content(text: space)
            }
        })
        return comparable(sentences).elementsEqual(comparable(source))
    }

    /// Whether the sentences and the spaces between them have the very bytes and the codes of
    /// `source`, walked side by side without joining them: then they spell it
    /// (`spellEquivalently`), as they do in every job the pipeline writes. When they do not,
    /// `spellEquivalently` decides: a tool may have written the same text in another
    /// normalization form.
    static func spellByteForByte(_ parts: [UnitPart], _ source: Content) -> Bool {
        var expected = source.fragments[...]
        // The source's text the sentences have come to, and how many of its bytes they spell.
        var text = ""
        var spelt = 0
        func matches(_ fragment: Content.Fragment) -> Bool {
            guard case .text(let piece) = fragment else {
                guard spelt == text.utf8.count, let code = expected.popFirst() else { return false }
                return comparable(code) == comparable(fragment)
            }
            if piece.isEmpty { return true }
            if spelt == text.utf8.count {
                guard case .text(let next)? = expected.popFirst() else { return false }
                text = next
                spelt = 0
            }
            let end = spelt + piece.utf8.count
            guard end <= text.utf8.count else { return false }
            let same = text.withContiguousUTF8 { textBytes in
                piece.withContiguousUTF8 { textBytes[spelt ..< end].elementsEqual($0) }
            }
            spelt = end
            return same
        }
        for part in parts {
            switch part {
            case .segment(let segment):
                guard segment.source.fragments.allSatisfy(matches) else { return false }
            case .ignorable(let space):
                guard matches(.text(space)) else { return false }
            }
        }
        return spelt == text.utf8.count && expected.isEmpty
    }

    /// Text and code ids: what a `<seg-source>` and its `<source>` must agree on (a code's
    /// attributes may be given in one of them only).
    private static func comparable(_ content: Content) -> some Sequence<String> {
        content.fragments.lazy.map(comparable)
    }

    private static func comparable(_ fragment: Content.Fragment) -> String {
        switch fragment {
        case .text(let text): text
        case .opening(let code), .standalone(let code, .opening?): "{\(code.id)}"
        case .closing(let code), .standalone(let code, .closing?): "{/\(code.id)}"
        case .standalone(let code, nil): "{\(code.id)/}"
        }
    }

    /// The `<mrk mtype="seg">` elements of a target, at any depth.
    private static func segmentMarkers(in element: XML.Element) -> [XML.Element] {
        element.elements(named: nil).flatMap { child in
            child.name == "mrk" && child.attribute("mtype") == "seg" ? [child] : segmentMarkers(in: child)
        }
    }

    /// Reads 1.2 inline content into fragments.
    private func content(of element: XML.Element, unit: String, file: String) throws(XLIFFError) -> Content {
        var fragments: [Content.Fragment] = []
        try appendInline(element.children, to: &fragments, unit: unit, file: file)
        return Content(Content.pairingIsolatedHalves(fragments))
    }

    private func appendInline(_ nodes: [XML.Node], to fragments: inout [Content.Fragment], unit: String, file: String) throws(XLIFFError) {
        for node in nodes {
            switch node {
            case .text(let text):
                fragments.append(.text(text))
            case .element(let element):
                guard element.namespace == namespace else {
                    throw .invalid(file: file, line: element.line, message: "trans-unit \"\(unit)\": unexpected element <\(element.name)> in content")
                }
                let id = element.attribute("rid") ?? element.attribute("id") ?? ""
                let kind = Self.kind(element.attribute("ctype"))
                // A placeholder's category is in its ctype ("x-tp-number").
                let name = kind == .autoTranslatable ? String(element.attribute("ctype")?.dropFirst(5) ?? "") : element.name
                let code = InlineCode(id: id, kind: kind, elementName: name,
                                      originalData: element.name == "g" ? "" : element.textContent, displayText: element.attribute("equiv-text"))
                switch element.name {
                case "g":
                    fragments.append(.opening(code))
                    try appendInline(element.children, to: &fragments, unit: unit, file: file)
                    fragments.append(.closing(code))
                case "x", "ph", "it":
                    let pairHalf: Content.IsolatedHalf? = switch element.attribute("pos") {
                    case "open" where element.name == "it": .opening
                    case "close" where element.name == "it": .closing
                    default: nil
                    }
                    fragments.append(.standalone(code, isolated: pairHalf))
                case "bx", "bpt":
                    fragments.append(.standalone(code, isolated: .opening))
                case "ex", "ept":
                    fragments.append(.standalone(code, isolated: .closing))
                case "mrk":
                    // Segment markers and annotations: their content is the text.
                    try appendInline(element.children, to: &fragments, unit: unit, file: file)
                case "sub":
                    throw .invalid(file: file, line: element.line, message: "trans-unit \"\(unit)\": <sub> is not supported in targets")
                default:
                    throw .invalid(file: file, line: element.line, message: "trans-unit \"\(unit)\": unknown inline element <\(element.name)>")
                }
            }
        }
    }

    private static func kind(_ ctype: String?) -> InlineCode.Kind {
        switch ctype {
        case "bold", "italic", "underlined": .formatting
        case "link": .link
        case "image": .image
        case "lb": .lineBreak
        case "x-protected": .protected
        case let ctype? where ctype.hasPrefix("x-tp-") && AutoTranslatable.Kind.categories.contains(String(ctype.dropFirst(5))): .autoTranslatable
        default: .other
        }
    }
}

extension TranslationState: Comparable {
    private var rank: Int {
        switch self {
        case .initial: 0
        case .translated: 1
        case .reviewed: 2
        case .final: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
