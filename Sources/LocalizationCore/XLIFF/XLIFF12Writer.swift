/// Writes XLIFF 1.2 (strict), the format every CAT tool opens: paired codes as `<g>`, codes
/// split across units as `<bx>`/`<ex>`, standalone codes as `<x>`, each with a `ctype` and an
/// `equiv-text` the translator's tool can show.
public struct XLIFF12Writer: Sendable {
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    public init() {}

    public func write(_ document: XLIFFDocument) -> String {
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
        return xml.finish()
    }

    private func write(_ unit: TextUnit, to xml: inout XMLWriter) {
        let restype: String? = switch unit.placement {
        case .attribute(_, let attribute): "x-html-attribute-\(attribute)"
        case .elementContent: nil
        }
        xml.open("trans-unit", ["id": unit.id, "resname": unit.name, "restype": restype, "xml:space": "preserve"])
        xml.open("source", ["xml:lang": unit.sourceLanguage])
        xml.raw(unit.terms.isEmpty ? Self.inline(unit.source) : GlossaryMarkup.xliff12Source(unit.source, terms: unit.terms))
        xml.close(indent: false)
        // Built once: for a unit of one sentence, `segments` makes a new segment each time.
        let segments = unit.segments
        let isSegmented = unit.isSegmented
        if isSegmented {
            // The sentences as <mrk mtype="seg">, the white space between them outside.
            xml.open("seg-source")
            xml.raw(Self.segmentMarkup(unit.parts) { $0.source })
            xml.close(indent: false)
            if segments.contains(where: { $0.target != nil }) {
                // A sentence not yet translated has an empty marker, so its translation has a place.
                let complete = segments.allSatisfy { $0.target != nil }
                xml.open("target", ["state": complete ? Self.state(segments.map(\.state).min() ?? .initial) : "needs-translation"])
                xml.raw(Self.segmentMarkup(unit.parts) { $0.target ?? Content() })
                xml.close(indent: false)
            }
        } else if let target = unit.target {
            xml.open("target", ["state": Self.state(unit.state)])
            xml.raw(Self.inline(target))
            xml.close(indent: false)
        }
        for segment in segments {
            for candidate in segment.candidates {
                // Strict 1.2 puts <alt-trans> after the target and before notes; `mid` names the sentence.
                xml.open("alt-trans", ["mid": isSegmented ? segment.id : nil, "match-quality": "\(candidate.score)%",
                                       "origin": candidate.origin, "extype": candidate.isAutoAdapted ? "x-auto-adapted" : nil])
                xml.open("source")
                xml.raw(Self.inline(candidate.source))
                xml.close(indent: false)
                xml.open("target")
                xml.raw(Self.inline(candidate.target))
                xml.close(indent: false)
                xml.close()
            }
        }
        for note in unit.notes {
            xml.element("note", ["priority": note.priority == .alert ? "1" : "5", "from": "its-loc-note", "annotates": "source"], text: note.text)
        }
        GlossaryMarkup.xliff12Notes(unit.terms, to: &xml)
        xml.close()
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
    static func segmentMarkup(_ parts: [UnitPart], content: (Segment) -> Content) -> String {
        parts.map { part in
            switch part {
            case .segment(let segment): "<mrk mtype=\"seg\" mid=\"\(attribute(segment.id))\">\(inline(content(segment)))</mrk>"
            case .ignorable(let space): XMLWriter.escape(space, attribute: false)
            }
        }.joined()
    }

    /// The content as 1.2 inline markup.
    static func inline(_ content: Content) -> String {
        // Plain text (most units) has no codes to pair.
        if content.fragments.count == 1, case .text(let text) = content.fragments[0] { return Self.text(text) }
        // Halves of a pair whose partner is elsewhere (another sentence or unit) are <it>:
        // 1.2 wants each <ex> to close a <bx> of the same <source> or <target>.
        let paired = Content.idsPairedAcross([content])
        let crossing = Self.crossingPairs(content)
        var markup = ""
        for fragment in content.fragments {
            switch fragment {
            case .text(let text):
                // XLIFF 1.2 has no <cp>: a character XML cannot carry is shown as U+FFFD; the
                // page's own bytes stay in the skeleton.
                markup += Self.text(text)
            case .opening(let code) where crossing.contains(code.id):
                markup += "<bx id=\"\(attribute(code.id))\" rid=\"\(attribute(code.id))\" ctype=\"\(ctype(code))\"\(equivText(code))/>"
            case .closing(let code) where crossing.contains(code.id):
                markup += "<ex id=\"\(attribute(code.id))\" rid=\"\(attribute(code.id))\"\(equivText(code))/>"
            case .opening(let code):
                markup += "<g id=\"\(attribute(code.id))\" ctype=\"\(ctype(code))\"\(equivText(code))>"
            case .closing:
                markup += "</g>"
            case .standalone(let code, nil):
                markup += "<x id=\"\(attribute(code.id))\" ctype=\"\(standaloneCtype(code))\"\(equivText(code))/>"
            case .standalone(let code, let half?) where !paired.contains(code.id):
                markup += "<it id=\"\(attribute(code.id))\" pos=\"\(half == .opening ? "open" : "close")\" ctype=\"\(ctype(code))\"\(equivText(code))/>"
            case .standalone(let code, .opening?):
                markup += "<bx id=\"\(attribute(code.id))\" rid=\"\(attribute(code.id))\" ctype=\"\(ctype(code))\"\(equivText(code))/>"
            case .standalone(let code, .closing?):
                markup += "<ex id=\"\(attribute(code.id))\" rid=\"\(attribute(code.id))\"\(equivText(code))/>"
            }
        }
        return markup
    }

    /// Text as 1.2 markup: what `inline` makes of a content that is only this text (an empty
    /// text included), without building the content.
    static func text(_ text: String) -> String {
        XMLWriter.escape(XMLWriter.replacingNonXMLCharacters(text), attribute: false)
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

    private static func attribute(_ value: String) -> String {
        XMLWriter.escape(value, attribute: true)
    }

    private static func equivText(_ code: InlineCode) -> String {
        guard let text = code.displayText, !text.isEmpty else { return "" }
        return " equiv-text=\"\(attribute(text))\""
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
