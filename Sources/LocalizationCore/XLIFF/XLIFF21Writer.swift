/// Writes XLIFF 2.1: paired codes as `<pc>`, split pairs as isolated `<sc>`/`<ec>`, standalone
/// codes as `<ph>`, all pointing at `<originalData>` so a tool can show the real markup;
/// `canCopy`/`canDelete` say that codes must stay exactly once; notes come from ITS notes.
public struct XLIFF21Writer: Sendable {
    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"

    /// Module elements to write at the start of a unit (already escaped markup), by unit id,
    /// with the namespace declarations they need on `<xliff>`.
    public var moduleMarkup: [String: String]
    public var moduleNamespaces: [String: String]

    public init(moduleMarkup: [String: String] = [:], moduleNamespaces: [String: String] = [:]) {
        self.moduleMarkup = moduleMarkup
        self.moduleNamespaces = moduleNamespaces
    }

    /// The document as text.
    public func write(_ document: XLIFFDocument) -> String {
        String(decoding: bytes(document), as: UTF8.self)
    }

    /// The document as UTF-8 bytes, what a job file holds.
    public func bytes(_ document: XLIFFDocument) -> [UInt8] {
        var xml = XMLWriter()
        xml.open("xliff", [
            "xmlns": Self.namespace, "version": "2.1",
            "srcLang": document.sourceLanguage, "trgLang": document.targetLanguage,
        ], indent: false)
        if !moduleNamespaces.isEmpty {
            // Declarations go on the root element; written by hand to keep a fixed order.
            xml.removeLastCharacter()
            xml.raw(moduleNamespaces.sorted { $0.key < $1.key }.map { " xmlns:\($0.key)=\"\($0.value)\"" }.joined() + ">")
        }
        for (index, file) in document.files.enumerated() {
            xml.open("file", ["id": "f\(index + 1)", "original": file.original])
            if let jobID = document.jobID {
                // The Metadata module, which 2.x tools must keep, before the units.
                xml.raw("\n    <mda:metadata xmlns:mda=\"\(MemoryFile.metadataNamespace)\"><mda:metaGroup category=\"\(Self.jobCategory)\">"
                    + "<mda:meta type=\"job-id\">\(XMLWriter.escape(jobID, attribute: false))</mda:meta></mda:metaGroup></mda:metadata>")
            }
            for unit in file.units { write(unit, to: &xml) }
            // XLIFF 2 wants a unit or a group in every file; a page without text has neither.
            if file.units.isEmpty {
                xml.open("group", ["id": "empty"])
                xml.close(indent: false)
            }
            xml.close()
        }
        xml.close()
        return xml.finishBytes()
    }

    private func write(_ unit: TextUnit, to xml: inout XMLWriter) {
        xml.open("unit", ["id": unit.id, "name": unit.name.isEmpty ? nil : unit.name])
        if let markup = moduleMarkup[unit.id] { xml.raw(markup) }
        let segments = unit.segments
        let segmentIDs = Self.segmentIDs(segments)
        let candidates = segments.flatMap { segment in segment.candidates.map { (segment: segmentIDs[segment.id] ?? segment.id, candidate: $0) } }
        if !candidates.isEmpty { Self.writeMatches(candidates, to: &xml) }
        if !unit.terms.isEmpty { xml.raw(GlossaryMarkup.xliff2Glossary(unit.terms, depth: 3)) }
        if !unit.notes.isEmpty {
            xml.open("notes")
            for note in unit.notes {
                xml.element("note", ["category": "its-loc-note", "priority": note.priority == .alert ? "1" : "5"], text: note.text)
            }
            xml.close()
        }
        // A pair split between two sentences of the unit is an <sc>/<ec> pair across segments;
        // only a half whose partner is in another unit is isolated.
        let pairedInSource = Content.idsPairedAcross(segments.map(\.source))
        let pairedInTarget = Content.idsPairedAcross(segments.compactMap(\.target))
        var data = DataTable()
        let written = unit.isSegmented ? unit.parts : [.segment(segments[0])]
        let markup = written.map { part -> (source: String, target: String?) in
            switch part {
            case .segment(let segment):
                (Self.inline(segment.source, data: &data, pairedInUnit: pairedInSource),
                 segment.target.map { Self.inline($0, data: &data, pairedInUnit: pairedInTarget) })
            case .ignorable(let space):
                (Self.text(space), nil)
            }
        }
        if !data.entries.isEmpty {
            xml.open("originalData")
            for entry in data.entries {
                xml.open("data", ["id": entry.id])
                xml.raw(Self.text(entry.markup))
                xml.close(indent: false)
            }
            xml.close()
        }
        for (part, markup) in zip(written, markup) {
            let segment = part.segment
            xml.open(segment == nil ? "ignorable" : "segment", [
                "id": unit.isSegmented || !candidates.isEmpty ? segment.map { segmentIDs[$0.id] ?? $0.id } : nil,
                "state": segment?.target == nil ? nil : segment?.state.rawValue,
            ])
            xml.open("source")
            xml.raw(markup.source)
            xml.close(indent: false)
            if let target = markup.target {
                xml.open("target")
                xml.raw(target)
                xml.close(indent: false)
            }
            xml.close()
        }
        xml.close()
    }

    /// The metaGroup category of the job id in a file's metadata.
    static let jobCategory = "translate-pipeline-job"

    /// The id each segment is written with: its own, unless an inline code of the unit has
    /// it too. XLIFF 2 wants segment and inline ids unique within a unit, and a unit read from
    /// XLIFF 1.2 may number its segments (`mid`) like its codes (found by fuzzing).
    static func segmentIDs(_ segments: [Segment]) -> [String: String] {
        let codeIDs = Set(segments.flatMap { $0.source.codes.map(\.id) + ($0.target?.codes.map(\.id) ?? []) })
        var taken = codeIDs.union(segments.map(\.id).filter { !codeIDs.contains($0) })
        var next = 1
        var result: [String: String] = [:]
        for segment in segments where codeIDs.contains(segment.id) {
            while taken.contains("s\(next)") { next += 1 }
            result[segment.id] = "s\(next)"
            taken.insert("s\(next)")
        }
        return result
    }

    static let matchesNamespace = "urn:oasis:names:tc:xliff:matches:2.0"

    /// Translation candidates in the Translation Candidates module. Their text is written
    /// without codes: a candidate's codes belong to another unit and would need data of their own.
    private static func writeMatches(_ candidates: [(segment: String, candidate: TranslationCandidate)], to xml: inout XMLWriter) {
        xml.raw("\n      <mtc:matches xmlns:mtc=\"\(matchesNamespace)\">")
        for (index, (segment, candidate)) in candidates.enumerated() {
            let quality = String(min(candidate.score, 100))
            xml.raw("\n        <mtc:match id=\"tm\(index + 1)\" ref=\"#\(segment)\" type=\"tm\" origin=\"\(XMLWriter.escape(candidate.origin, attribute: true))\" matchQuality=\"\(quality)\" similarity=\"\(quality)\"\(candidate.isAutoAdapted ? " subType=\"tp:auto-adapted\"" : "")>")
            xml.raw("<source>\(text(candidate.source.plainText))</source><target>\(text(candidate.target.plainText))</target></mtc:match>")
        }
        xml.raw("\n      </mtc:matches>")
    }

    /// The `<data>` entries of a unit, one per distinct original markup.
    struct DataTable {
        var entries: [(id: String, markup: String)] = []
        private var ids: [String: String] = [:]

        mutating func id(for markup: String) -> String {
            if let id = ids[markup] { return id }
            let id = "d\(entries.count + 1)"
            ids[markup] = id
            entries.append((id, markup))
            return id
        }
    }

    static func inline(_ content: Content, data: inout DataTable, pairedInUnit: Set<String> = []) -> String {
        var markup = ""
        var closingData: [String: String] = [:]
        // Data ids in document order; a `<pc>` names its closing tag's data up front.
        for fragment in content.fragments {
            guard let code = fragment.code else { continue }
            let id = data.id(for: code.originalData)
            if case .closing = fragment { closingData[code.id] = id }
        }
        for fragment in content.fragments {
            switch fragment {
            case .text(let text):
                markup += Self.text(text)
            case .opening(let code):
                let end = closingData[code.id].map { " dataRefEnd=\"\($0)\"" } ?? ""
                markup += "<pc id=\"\(attribute(code.id))\" dataRefStart=\"\(data.id(for: code.originalData))\"\(end)\(typeAttributes(code)) canCopy=\"no\" canDelete=\"no\">"
            case .closing:
                markup += "</pc>"
            case .standalone(let code, nil):
                let display = code.displayText.map { " disp=\"\(attribute($0))\" equiv=\"\(attribute($0))\"" } ?? ""
                markup += "<ph id=\"\(attribute(code.id))\" dataRef=\"\(data.id(for: code.originalData))\"\(typeAttributes(code))\(display) canCopy=\"no\" canDelete=\"no\"/>"
            case .standalone(let code, .opening?) where pairedInUnit.contains(code.id):
                markup += "<sc id=\"\(attribute(code.id))\" dataRef=\"\(data.id(for: code.originalData))\"\(typeAttributes(code)) canCopy=\"no\" canDelete=\"no\"/>"
            case .standalone(let code, .closing?) where pairedInUnit.contains(code.id):
                markup += "<ec startRef=\"\(attribute(code.id))\" dataRef=\"\(data.id(for: code.originalData))\"\(typeAttributes(code)) canCopy=\"no\" canDelete=\"no\"/>"
            case .standalone(let code, .opening?):
                markup += "<sc id=\"\(attribute(code.id))\" dataRef=\"\(data.id(for: code.originalData))\" isolated=\"yes\"\(typeAttributes(code)) canCopy=\"no\" canDelete=\"no\"/>"
            case .standalone(let code, .closing?):
                markup += "<ec id=\"\(attribute(code.id))\" dataRef=\"\(data.id(for: code.originalData))\" isolated=\"yes\"\(typeAttributes(code)) canCopy=\"no\" canDelete=\"no\"/>"
            }
        }
        return markup
    }

    /// Escaped text; characters XML cannot carry become `<cp hex="…"/>`.
    static func text(_ text: String) -> String {
        guard !XMLWriter.canCarry(text) else {
            return XMLWriter.escape(text, attribute: false)
        }
        var markup = ""
        var run = ""
        for scalar in text.unicodeScalars {
            if XMLWriter.isXMLCharacter(scalar) {
                run.unicodeScalars.append(scalar)
            } else {
                markup += XMLWriter.escape(run, attribute: false)
                run = ""
                markup += "<cp hex=\"\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))\"/>"
            }
        }
        return markup + XMLWriter.escape(run, attribute: false)
    }

    private static func attribute(_ value: String) -> String {
        XMLWriter.escape(value, attribute: true)
    }

    /// `type` and, where XLIFF defines one, `subType` for a code.
    private static func typeAttributes(_ code: InlineCode) -> String {
        switch (code.kind, code.elementName) {
        case (.link, _): " type=\"link\""
        case (.image, _): " type=\"image\""
        case (.lineBreak, _): " type=\"fmt\" subType=\"xlf:lb\""
        case (.formatting, "b"), (.formatting, "strong"): " type=\"fmt\" subType=\"xlf:b\""
        case (.formatting, "i"), (.formatting, "em"): " type=\"fmt\" subType=\"xlf:i\""
        case (.formatting, "u"): " type=\"fmt\" subType=\"xlf:u\""
        case (.formatting, _): " type=\"fmt\""
        // Not XLIFF's: the project's own subType, so that a protected name stays one.
        case (.protected, _): " type=\"other\" subType=\"tp:protected\""
        case (.autoTranslatable, let category): " type=\"other\" subType=\"tp:\(attribute(category))\""
        default: " type=\"other\""
        }
    }
}
