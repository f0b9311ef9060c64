#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

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
        let notes = element.elements(named: "note").map { note in Self.note(note.textContent, priority: note.attribute("priority")) }
        var (unit, state) = Self.unit(id: id, attributes: UnitAttributes(element.attributes), line: element.line, source: source,
                                      sourceLanguage: sourceElement.attribute("lang", namespace: XML.xmlNamespace),
                                      target: target, targetState: targetElement?.attribute("state"), notes: notes)
        if let segmented = element.firstElement(named: "seg-source") {
            try readSegments(segmented, target: targetElement, state: state, into: &unit, file: file)
        }
        return unit
    }

    /// What a `<trans-unit>`'s attributes say of its unit, but for its id: read from the start
    /// tag, so that the event reader need not keep the attributes until the unit ends.
    struct UnitAttributes {
        var name: String
        var placement: TextUnit.Placement
        var isApproved: Bool

        init(_ attributes: some XMLAttributes) {
            name = attributes.value(of: "resname") ?? ""
            placement = attributes.value(of: "restype").flatMap(Self.attributeName).map { .attribute(elementName: "", attributeName: $0) }
                ?? .elementContent(elementName: "")
            isApproved = attributes.value(of: "approved") == "yes"
        }

        /// The attribute that a `restype` of `x-html-attribute-NAME` names, or nil.
        static func attributeName(restype: String) -> String? {
            // What `hasPrefix` and `dropFirst(17)` on characters gave, found on the UTF-8 (they
            // were a third of reading a unit's attributes).
            let length = restypePrefix.count
            return restype.withContiguousUTF8 { bytes in
                guard bytes.starts(with: restypePrefix) else { return nil }
                // A character outside ASCII (a combining mark) may make the prefix's hyphen another.
                if bytes.count > length, bytes[length] >= 0x80,
                   restype.utf8.index(restype.startIndex, offsetBy: length).samePosition(in: restype) == nil {
                    return nil
                }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[length...]), as: UTF8.self)
            }
        }

        private static let restypePrefix = Array("x-html-attribute-".utf8)
    }

    /// A `<trans-unit>` read, but for its `<seg-source>`: the unit, and the state its sentences
    /// with a translation take. `attributes` are the trans-unit's, `targetState` its target's.
    static func unit(id: String, attributes: UnitAttributes, line: Int, source: Content, sourceLanguage: String?,
                     target: Content?, targetState: String?, notes: [Note]) -> (TextUnit, TranslationState) {
        var state: TranslationState = target == nil ? .initial : .translated
        switch targetState {
        case "new", "needs-translation", "needs-adaptation", "needs-l10n": state = .initial
        case "needs-review-translation", "needs-review-adaptation", "needs-review-l10n", "translated": state = .translated
        case "signed-off": state = .reviewed
        case "final": state = .final
        default: break
        }
        if attributes.isApproved, target != nil { state = max(state, .reviewed) }
        // Made in the tuple returned: a unit bound first was copied into it (a retain of each field).
        return (TextUnit(
            id: id, placement: attributes.placement, name: attributes.name, source: source,
            target: target.flatMap { $0.isEmpty ? nil : $0 }, state: target?.isEmpty == false ? state : .initial,
            notes: notes, sourceLanguage: sourceLanguage, line: line
        ), state)
    }

    /// A `<note>` with its text and `priority` attribute.
    static func note(_ text: String, priority: String?) -> Note {
        Note(text, priority: (Int(priority ?? "") ?? 5) <= 2 ? .alert : .description)
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
                parts.append(.segment(Segment(id: mid, source: try content(of: marker, unit: unit.id, file: file))))
            case .text(let text):
                parts.append(.ignorable(text))
            case .element:
                // Codes between sentences belong to no sentence; the unit stays one segment.
                return
            }
        }
        Self.segment(&unit, into: parts, translations: targets, state: state)
    }

    /// Cuts `unit` into `parts` (the sentences of its `<seg-source>`, without translations, and
    /// the text between them), each sentence given its translation from `translations` by
    /// `mid` and then `state`; a unit of one sentence stays whole.
    static func segment(_ unit: inout TextUnit, into parts: [UnitPart], translations: [String: Content], state: TranslationState) {
        guard parts.count(where: { $0.segment != nil }) > 1 else { return }
        // The sentences are what goes into the memory: they must be the <source>, not other
        // text beside it (found by fuzzing); otherwise the unit stays one segment, read from
        // <source> and <target> alone.
        guard spellByteForByte(parts, unit.source) || spellEquivalently(parts, unit.source) else { return }
        unit.parts = parts.map { part in
            guard case .segment(var segment) = part else { return part }
            segment.target = translations[segment.id].flatMap { $0.isEmpty ? nil : $0 }
            segment.state = segment.target == nil ? .initial : state
            return .segment(segment)
        }
        if !translations.isEmpty { unit.updateTargetFromSegments() }
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
        var walk = SourceWalk(expected: source.fragments[...])
        for part in parts {
            switch part {
            case .segment(let segment):
                for fragment in segment.source.fragments {
                    guard walk.accepts(fragment) else { return false }
                }
            case .ignorable(let space):
                guard walk.accepts(text: space) else { return false }
            }
        }
        return walk.isDone
    }

    /// `spellByteForByte`'s walk along the source. A value with mutating methods, not a local
    /// function over local variables: passed on as a closure, that kept its variables in boxes
    /// checked for exclusive access on every fragment.
    private struct SourceWalk {
        /// The source's fragments not reached yet.
        var expected: ArraySlice<Content.Fragment>
        /// The source's text the sentences have come to, and how many of its bytes they spell.
        var text = ""
        var spelt = 0

        /// Whether the sentences' next fragment is the source's next.
        mutating func accepts(_ fragment: Content.Fragment) -> Bool {
            guard case .text(let piece) = fragment else {
                guard spelt == text.utf8.count, let code = expected.popFirst() else { return false }
                return comparable(code) == comparable(fragment)
            }
            return accepts(text: piece)
        }

        /// Whether `piece` has the source's next bytes.
        mutating func accepts(text piece: String) -> Bool {
            if piece.isEmpty { return true }
            if spelt == text.utf8.count {
                guard case .text(let next)? = expected.popFirst() else { return false }
                text = next
                spelt = 0
            }
            let (start, end) = (spelt, spelt + piece.utf8.count)
            guard end <= text.utf8.count else { return false }
            // memcmp: a sentence's bytes compared one by one with `elementsEqual` cost half the check.
            let same = text.withContiguousUTF8 { textBytes in
                piece.withContiguousUTF8 { $0.isEmpty || memcmp(textBytes.baseAddress! + start, $0.baseAddress!, $0.count) == 0 }
            }
            spelt = end
            return same
        }

        /// Whether the sentences have spelt the whole source.
        var isDone: Bool { spelt == text.utf8.count && expected.isEmpty }
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
                switch element.name {
                case "g":
                    let code = Self.code(element.name, attributes: element.attributes, originalData: "")
                    fragments.append(.opening(code))
                    try appendInline(element.children, to: &fragments, unit: unit, file: file)
                    fragments.append(.closing(code))
                case "mrk":
                    // Segment markers and annotations: their content is the text.
                    try appendInline(element.children, to: &fragments, unit: unit, file: file)
                case "sub":
                    throw .invalid(file: file, line: element.line, message: "trans-unit \"\(unit)\": <sub> is not supported in targets")
                default:
                    guard Self.standaloneCodeNames.contains(element.name) else {
                        throw .invalid(file: file, line: element.line, message: "trans-unit \"\(unit)\": unknown inline element <\(element.name)>")
                    }
                    fragments.append(Self.standaloneCode(element.name, attributes: element.attributes, originalData: element.textContent))
                }
            }
        }
    }

    /// The inline elements that stand for a code without content of their own: what they hold
    /// is the code's original data.
    static let standaloneCodeNames: Set<String> = ["x", "ph", "it", "bx", "bpt", "ex", "ept"]

    /// The code of an inline element (`name` with `attributes`).
    static func code(_ name: String, attributes: some XMLAttributes, originalData: String) -> InlineCode {
        let ctype = attributes.value(of: "ctype")
        let kind = Self.kind(ctype)
        // A placeholder's category is in its ctype ("x-tp-number").
        return InlineCode(id: attributes.value(of: "rid") ?? attributes.value(of: "id") ?? "", kind: kind,
                          elementName: kind == .autoTranslatable ? String(ctype?.dropFirst(5) ?? "") : name,
                          originalData: originalData, displayText: attributes.value(of: "equiv-text"))
    }

    /// The fragment of an element of `standaloneCodeNames`.
    static func standaloneCode(_ name: String, attributes: some XMLAttributes, originalData: String) -> Content.Fragment {
        let code = code(name, attributes: attributes, originalData: originalData)
        switch name {
        case "bx", "bpt":
            return .standalone(code, isolated: .opening)
        case "ex", "ept":
            return .standalone(code, isolated: .closing)
        default:
            let pairHalf: Content.IsolatedHalf? = switch attributes.value(of: "pos") {
            case "open" where name == "it": .opening
            case "close" where name == "it": .closing
            default: nil
            }
            return .standalone(code, isolated: pairHalf)
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
