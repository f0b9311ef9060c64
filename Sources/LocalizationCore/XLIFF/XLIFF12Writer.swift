/// Writes XLIFF 1.2 (strict), the format every CAT tool opens: paired codes as `<g>`, codes
/// split across units as `<bx>`/`<ex>`, standalone codes as `<x>`, each with a `ctype` and an
/// `equiv-text` the translator's tool can show.
public struct XLIFF12Writer: Sendable {
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    public init() {}

    /// The document as text.
    public func write(_ document: XLIFFDocument) -> String {
        String(decoding: bytes(document), as: UTF8.self)
    }

    /// The document as UTF-8 bytes, what a job file holds.
    public func bytes(_ document: XLIFFDocument) -> [UInt8] {
        var xml = XMLWriter()
        xml.open("xliff", ["version": "1.2", "xmlns": Self.namespace], indent: false)
        for file in document.files {
            xml.open("file", [
                "original": file.original, "source-language": document.sourceLanguage,
                "target-language": document.targetLanguage, "datatype": "html", "tool-id": ToolInfo.name,
            ])
            xml.open("header")
            if let jobID = document.jobID {
                // Strict 1.2 orders the header: <skl>, <phase-group>, then <tool> and the rest.
                xml.open("phase-group")
                xml.empty("phase", ["phase-name": "export", "process-name": "translation", "job-id": jobID])
                xml.close()
            }
            xml.empty("tool", ["tool-id": ToolInfo.name, "tool-name": ToolInfo.name, "tool-version": ToolInfo.version])
            xml.close()
            xml.open("body")
            for unit in file.units { write(unit, to: &xml) }
            xml.close()
            xml.close()
        }
        xml.close()
        return xml.finishBytes()
    }

    private func write(_ unit: TextUnit, to xml: inout XMLWriter) {
        xml.startTag("trans-unit")
        xml.attribute("id", unit.id)
        xml.attribute("resname", unit.name)
        if case .attribute(_, let attribute) = unit.placement {
            // In pieces: "x-html-attribute-\(attribute)" is a string allocated for every attribute unit.
            xml.raw(" restype=\"x-html-attribute-")
            xml.attributeValue(attribute)
            xml.raw("\"")
        }
        xml.attribute("xml:space", "preserve")
        xml.endStartTag()
        xml.startTag("source")
        xml.attribute("xml:lang", unit.sourceLanguage)
        xml.endStartTag()
        if unit.terms.isEmpty {
            Self.inline(unit.source, to: &xml)
        } else {
            xml.raw(GlossaryMarkup.xliff12Source(unit.source, terms: unit.terms))
        }
        xml.close(indent: false)
        let isSegmented = unit.isSegmented
        if isSegmented {
            // The sentences as <mrk mtype="seg">, the white space between them outside.
            xml.open("seg-source")
            Self.segmentMarkup(unit.parts, to: &xml) { $0.source }
            xml.close(indent: false)
            // Looked for in place: most units sent have no target, and `segments` copies each sentence.
            if unit.parts.contains(where: { if case .segment(let segment) = $0 { segment.target != nil } else { false } }) {
                let segments = unit.segments
                // A sentence not yet translated has an empty marker, so its translation has a place.
                let complete = segments.allSatisfy { $0.target != nil }
                xml.open("target", ["state": complete ? Self.state(segments.map(\.state).min() ?? .initial) : "needs-translation"])
                Self.segmentMarkup(unit.parts, to: &xml) { $0.target ?? Content() }
                xml.close(indent: false)
            }
        } else if let target = unit.target {
            xml.open("target", ["state": Self.state(unit.state)])
            Self.inline(target, to: &xml)
            xml.close(indent: false)
        }
        // A unit of one sentence has its candidates itself: not made into a segment to be read.
        if isSegmented {
            for case .segment(let segment) in unit.parts { Self.alternatives(segment.candidates, mid: segment.id, to: &xml) }
        } else {
            Self.alternatives(unit.candidates, mid: nil, to: &xml)
        }
        for note in unit.notes {
            xml.element("note", ["priority": note.priority == .alert ? "1" : "5", "from": "its-loc-note", "annotates": "source"], text: note.text)
        }
        GlossaryMarkup.xliff12Notes(unit.terms, to: &xml)
        xml.close()
    }

    /// Strict 1.2 puts <alt-trans> after the target and before notes; `mid` names the sentence.
    private static func alternatives(_ candidates: [TranslationCandidate], mid: String?, to xml: inout XMLWriter) {
        for candidate in candidates {
            xml.open("alt-trans", ["mid": mid, "match-quality": "\(candidate.score)%",
                                   "origin": candidate.origin, "extype": candidate.isAutoAdapted ? "x-auto-adapted" : nil])
            xml.open("source")
            inline(candidate.source, to: &xml)
            xml.close(indent: false)
            xml.open("target")
            inline(candidate.target, to: &xml)
            xml.close(indent: false)
            xml.close()
        }
    }

    /// The 1.2 state of a target; an `initial` target is a proposal (a pre-filled memory match)
    /// waiting for the translator's review.
    static func state(_ state: TranslationState) -> String {
        switch state {
        case .initial: "needs-review-translation"
        case .translated: "translated"
        case .reviewed: "signed-off"
        case .final: "final"
        }
    }

    /// A segmented unit's parts as 1.2 markup: `<mrk mtype="seg" mid="…">` per sentence.
    static func segmentMarkup(_ parts: [UnitPart], to xml: inout XMLWriter, content: (Segment) -> Content) {
        for part in parts {
            switch part {
            case .segment(let segment):
                xml.raw("<mrk mtype=\"seg\" mid=\"")
                xml.attributeValue(segment.id)
                xml.raw("\">")
                inline(content(segment), to: &xml)
                xml.raw("</mrk>")
            case .ignorable(let space):
                xml.text(space)
            }
        }
    }

    /// The content as 1.2 inline markup.
    static func inline(_ content: Content) -> String {
        XMLWriter.fragment { inline(content, to: &$0) }
    }

    /// Writes the content as 1.2 inline markup; pieces are written one by one rather than
    /// interpolated, which would build and copy a string for each code.
    static func inline(_ content: Content, to xml: inout XMLWriter) {
        // Plain text (most units) has no codes to pair.
        if content.fragments.count == 1, case .text(let text) = content.fragments[0] { return Self.text(text, to: &xml) }
        // Halves of a pair whose partner is elsewhere (another sentence or unit) are <it>:
        // 1.2 wants each <ex> to close a <bx> of the same <source> or <target>.
        // Only isolated halves need their partners looked for, and most contents have none.
        let hasIsolatedHalves = content.fragments.contains { if case .standalone(_, _?) = $0 { true } else { false } }
        let paired = hasIsolatedHalves ? Content.idsPairedAcross([content]) : []
        let crossing = Self.crossingPairs(content)
        for fragment in content.fragments {
            switch fragment {
            case .text(let text):
                // XLIFF 1.2 has no <cp>: a character XML cannot carry is shown as U+FFFD; the
                // page's own bytes stay in the skeleton.
                Self.text(text, to: &xml)
            case .opening(let code) where crossing.contains(code.id):
                codeElement(code, name: "bx", rid: true, ctype: ctype(code), to: &xml)
            case .closing(let code) where crossing.contains(code.id):
                codeElement(code, name: "ex", rid: true, ctype: nil, to: &xml)
            case .opening(let code):
                codeElement(code, name: "g", ctype: ctype(code), isEmpty: false, to: &xml)
            case .closing:
                xml.raw("</g>")
            case .standalone(let code, nil):
                codeElement(code, name: "x", ctype: standaloneCtype(code), to: &xml)
            case .standalone(let code, let half?) where !paired.contains(code.id):
                xml.raw("<it id=\"")
                xml.attributeValue(code.id)
                xml.raw(half == .opening ? "\" pos=\"open" : "\" pos=\"close")
                xml.raw("\" ctype=\"")
                xml.raw(ctype(code))
                xml.raw("\"")
                equivText(code, to: &xml)
                xml.raw("/>")
            case .standalone(let code, .opening?):
                codeElement(code, name: "bx", rid: true, ctype: ctype(code), to: &xml)
            case .standalone(let code, .closing?):
                codeElement(code, name: "ex", rid: true, ctype: nil, to: &xml)
            }
        }
    }

    /// `<name id="…" [rid="…"] [ctype="…"] [equiv-text="…"]/>`, or without the slash when
    /// the element is not empty (`<g>`).
    private static func codeElement(_ code: InlineCode, name: String, rid: Bool = false, ctype: String?, isEmpty: Bool = true,
                                    to xml: inout XMLWriter) {
        xml.raw("<")
        xml.raw(name)
        xml.raw(" id=\"")
        xml.attributeValue(code.id)
        if rid {
            xml.raw("\" rid=\"")
            xml.attributeValue(code.id)
        }
        if let ctype {
            xml.raw("\" ctype=\"")
            xml.raw(ctype)
        }
        xml.raw("\"")
        equivText(code, to: &xml)
        xml.raw(isEmpty ? "/>" : ">")
    }

    /// Text as 1.2 markup: what `inline` makes of a content that is only this text (an empty
    /// text included), without building the content.
    static func text(_ text: String) -> String {
        XMLWriter.fragment { Self.text(text, to: &$0) }
    }

    static func text(_ text: String, to xml: inout XMLWriter) {
        xml.textReplacingNonXMLCharacters(text)
    }

    /// Ids of pairs that overlap another pair instead of nesting in it (`<sc>`/`<ec>` from an
    /// XLIFF 2 file can): `<g>` would reorder their ends, so they are written as `<bx>`/`<ex>`
    /// (found by fuzzing).
    static func crossingPairs(_ content: Content) -> Set<String> {
        var open: [String] = []
        var crossing: Set<String> = []
        for fragment in content.fragments {
            switch fragment {
            case .opening(let code):
                open.append(code.id)
            case .closing(let code):
                guard let index = open.lastIndex(of: code.id) else { continue }
                // Every pair opened after this one and still open overlaps it.
                if index != open.count - 1 {
                    crossing.insert(code.id)
                    crossing.formUnion(open[(index + 1)...])
                }
                open.remove(at: index)
            default:
                break
            }
        }
        return crossing
    }

    private static func equivText(_ code: InlineCode, to xml: inout XMLWriter) {
        guard let text = code.displayText, !text.isEmpty else { return }
        xml.raw(" equiv-text=\"")
        xml.attributeValue(text)
        xml.raw("\"")
    }

    /// `ctype` for `<g>`/`<bx>`: the strict schema's values, or `x-` names for the rest.
    static func ctype(_ code: InlineCode) -> String {
        switch (code.kind, code.elementName) {
        case (.link, _): "link"
        case (_, "b"), (_, "strong"): "bold"
        case (_, "i"), (_, "em"): "italic"
        case (_, "u"): "underlined"
        default: "x-html-" + safeName(code.elementName)
        }
    }

    /// `ctype` for `<x>`: line breaks and images have their own values.
    static func standaloneCtype(_ code: InlineCode) -> String {
        switch code.kind {
        case .lineBreak: "lb"
        case .image: "image"
        case .protected: "x-protected"
        // The project's own values, so that a placeholder comes back as one.
        case .autoTranslatable: "x-tp-" + safeName(code.elementName)
        default: "x-html-" + safeName(code.elementName)
        }
    }

    private static func safeName(_ name: String) -> String {
        let cleaned = name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }
        return cleaned.isEmpty ? "other" : String(String.UnicodeScalarView(cleaned))
    }
}

/// The tool's name and version as written into the files it produces.
public enum ToolInfo {
    public static let name = "translate-pipeline"
    public static let version = "0.1.0"
}
