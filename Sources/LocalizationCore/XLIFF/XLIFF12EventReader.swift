internal import CLibXML2

/// Reads an XLIFF 1.2 document into units straight from libxml2's events, without building
/// the `XML.Element` tree that `XLIFF12Reader` then walks: the tree of a job, made and walked
/// to be thrown away, cost one and a half times what libxml2's parse of it costs.
///
/// It reads what `XLIFF12Reader` reads, as it reads it (the unit, its inline codes and its
/// sentences made by the same functions), for documents as the pipeline and CAT tools write
/// them. At anything on which the tree reader would say something about the file (a missing
/// attribute, an unknown inline element, a duplicate id, a file libxml2 refuses…), and at
/// structure it does not follow (another namespace in a `<file>`, elements inside a code,
/// lines from 65,535 on, where the tree's lines are libxml2's guesses), it stops and answers
/// nil: the file is then read through the tree, which gives the diagnostic. So it never
/// reports anything itself, and what it returns is what the tree reader returns.
///
/// Not `Sendable`: one reader serves one parse, on the thread that parses.
final class XLIFF12EventReader {
    /// An element whose end tag has not come yet, by what it is to the reader. Without values
    /// of its own, so that looking at the innermost costs no retain: what a frame needs at its
    /// end is kept beside the stack (`pairedCodes`, `code`, `marker`, `notePriority`).
    private enum Frame {
        case xliff, file, header, phaseGroup
        /// `<body>` or `<group>`: a container of units.
        case container
        case transUnit
        /// `<source>` or `<target>`, their content read into `fragments`.
        case content
        case segmentSource
        /// A `<mrk mtype="seg">` of a `<seg-source>` or `<target>`: its content read into
        /// `markerFragments`, its `mid` in `marker`.
        case segmentMarker
        /// `<g>`: its content, then the closing half of the last of `pairedCodes`.
        case pairedCode
        /// Any other `<mrk>`: its content is the text.
        case annotation
        /// A code without content (`<x/>`, `<ph>`…; its name and attributes in `code`), or a
        /// `<note>` (its priority in `notePriority`): its text is collected.
        case code
        case note
        /// An element inside a code or a note, whose text is theirs.
        case insideText
        /// An element the tree reader does not look at, and all inside it.
        case ignored

        /// Whether a text directly inside is read (`endOfText`).
        var keepsText: Bool {
            switch self {
            case .content, .segmentMarker, .pairedCode, .annotation, .segmentSource, .code, .note, .insideText: true
            case .xliff, .file, .header, .phaseGroup, .container, .transUnit, .ignored: false
            }
        }
    }

    /// The `<trans-unit>` being read.
    private struct Unit {
        var id: String
        var attributes: XLIFF12Reader.UnitAttributes
        var line: Int
        var source: Content?
        var sourceLanguage: String?
        var hasTarget = false
        var target: Content?
        var targetState: String?
        /// The target's segment markers' contents, by `mid`.
        var translations: [String: Content] = [:]
        /// The `<seg-source>`'s sentences and the text between them; nil without one.
        var segmentSource: [UnitPart]?
        /// Whether the `<seg-source>` has an element other than a segment marker, which keeps
        /// the unit one segment.
        var segmentSourceHasCode = false
        var notes: [Note] = []
    }

    /// Which content `fragments` and `markerFragments` are collected for.
    private enum ContentKind { case source, target, segmentSource }

    /// The line libxml2 keeps in a node for every line from this one on: from there the tree's
    /// lines are found from other nodes (see `XMLTreeBuilder`), which this reader does not do.
    private static let lastShortLine = 65_535

    private let maximumTextBytes: Int
    // As in `XMLTreeBuilder`, the state the callbacks change on every event skips run-time
    // exclusivity checks: one reader serves one parse, on one thread, and no access overlaps.
    @exclusivity(unchecked) private var names = XMLParserNames()
    @exclusivity(unchecked) private var stack: [Frame] = []
    /// Whether the reader stopped: the document is then read through the tree.
    private var gaveUp = false
    private var rootEnded = false

    private var sourceLanguage: String?
    private var targetLanguage: String?
    private var files: [XLIFFFile] = []
    private var jobID: String?
    /// The `<file>` being read: its `original`, units, and what it has had.
    private var original = ""
    @exclusivity(unchecked) private var units: [TextUnit] = []
    private var fileHasHeader = false
    private var fileHasBody = false
    private var headerHasPhaseGroup = false

    @exclusivity(unchecked) private var unit: Unit?
    private var contentKind: ContentKind?
    @exclusivity(unchecked) private var fragments: [Content.Fragment] = []
    @exclusivity(unchecked) private var markerFragments: [Content.Fragment] = []
    private var inMarker = false
    /// The codes of the open `<g>` elements, the innermost last.
    @exclusivity(unchecked) private var pairedCodes: [InlineCode] = []
    /// The open code without content, and the open segment marker's `mid` (neither nests).
    @exclusivity(unchecked) private var code: (name: String, attributes: [XML.Attribute]) = ("", [])
    @exclusivity(unchecked) private var marker: String?
    @exclusivity(unchecked) private var notePriority: String?
    /// The text of the open code or note.
    @exclusivity(unchecked) private var collected = ""

    /// The text since the last tag, comment or processing instruction: one text node of the
    /// tree. Its bytes are gathered only where the open element keeps its text (`keepsText`);
    /// elsewhere (mostly the spaces between elements) they are only counted, for the limit on
    /// a text's length. Gathered in memory of its own, emptied by resetting a count: an array
    /// appended to and emptied for every text, spaces included, was 4% of reading a job.
    @exclusivity(unchecked) private var text = XMLWriter.Bytes(capacity: 1024)
    @exclusivity(unchecked) private var textLength = 0
    @exclusivity(unchecked) private var hasText = false

    private init(maximumTextBytes: Int) {
        self.maximumTextBytes = maximumTextBytes
    }

    /// The document in `bytes`, or nil when it is to be read through the tree (see above).
    static func read(_ bytes: [UInt8], file: String, xmlReader: XMLReader) -> XLIFFDocument? {
        // A file that long has units the reader stops at: it goes to the tree at once, not
        // parsed up to there first.
        guard !XMLReader.reaches(line: lastShortLine, bytes) else { return nil }
        let reader = XLIFF12EventReader(maximumTextBytes: xmlReader.limits.maximumTextBytes)
        do {
            try xmlReader.parse(bytes, file: file, into: reader, installing: install(on:))
        } catch {
            return nil
        }
        guard !reader.gaveUp, reader.rootEnded, let sourceLanguage = reader.sourceLanguage else { return nil }
        return XLIFFDocument(version: .v1_2, sourceLanguage: sourceLanguage, targetLanguage: reader.targetLanguage,
                             files: reader.files, jobID: reader.jobID)
    }

    /// Points `context`'s SAX2 handler at a reader, as `XMLTreeBuilder.install` does at a builder.
    private static func install(on context: xmlParserCtxtPtr) {
        guard let handler = context.pointee.sax else { return }
        handler.pointee.startElementNs = { context, localName, _, uri, _, _, attributeCount, defaultedCount, attributes in
            guard let localName else { return }
            XMLReader.withHandler(context, as: XLIFF12EventReader.self) { reader, parser in
                reader.startElement(parser, localName: localName, uri: uri, attributeCount: Int(attributeCount - defaultedCount), attributes: attributes)
            }
        }
        handler.pointee.endElementNs = { context, _, _, _ in
            XMLReader.withHandler(context, as: XLIFF12EventReader.self) { reader, parser in reader.endElement(parser) }
        }
        let characters: charactersSAXFunc = { context, characters, length in
            guard let characters else { return }
            XMLReader.withHandler(context, as: XLIFF12EventReader.self) { reader, _ in
                reader.characters(UnsafeBufferPointer(start: characters, count: Int(length)))
            }
        }
        handler.pointee.characters = characters
        handler.pointee.ignorableWhitespace = characters
        // Comments and processing instructions end a text, as they end a text node of the tree.
        handler.pointee.comment = { context, _ in
            XMLReader.withHandler(context, as: XLIFF12EventReader.self) { reader, parser in reader.endOfText(parser) }
        }
        handler.pointee.processingInstruction = { context, _, _ in
            XMLReader.withHandler(context, as: XLIFF12EventReader.self) { reader, parser in reader.endOfText(parser) }
        }
        // An entity reference other than the predefined ones is refused by the tree's reader.
        handler.pointee.reference = { context, _ in
            XMLReader.withHandler(context, as: XLIFF12EventReader.self) { reader, parser in reader.giveUp(parser) }
        }
    }

    private func giveUp(_ context: xmlParserCtxtPtr) {
        gaveUp = true
        xmlStopParser(context)
    }

    /// The 1.2 namespace as the parser's dictionary holds it: every element names it, and its
    /// address is compared sooner than its 37 bytes.
    private var xliffNamespace: UnsafePointer<xmlChar>?

    private func isXLIFF(_ uri: UnsafePointer<xmlChar>?, in context: xmlParserCtxtPtr) -> Bool {
        guard let uri else { return false }
        if uri == xliffNamespace { return true }
        guard names.string(uri, in: context) == XLIFF12Writer.namespace else { return false }
        if let dictionary = context.pointee.dict, xmlDictOwns(dictionary, uri) == 1 { xliffNamespace = uri }
        return true
    }

    private func startElement(_ context: xmlParserCtxtPtr, localName: UnsafePointer<xmlChar>, uri: UnsafePointer<xmlChar>?,
                              attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !gaveUp else { return }
        endOfText(context)
        guard !gaveUp else { return }
        let name = names.string(localName, in: context)
        let tag = XMLParserNames.StartTag(fields: attributes, count: attributeCount, document: context.pointee.myDoc)
        let frame: Frame
        switch stack.last {
        case nil:
            guard !rootEnded, name == "xliff", isXLIFF(uri, in: context) else { return giveUp(context) }
            frame = .xliff
        case .xliff:
            guard name == "file", isXLIFF(uri, in: context) else {
                stack.append(.ignored)
                return
            }
            guard let original = tag.value(of: "original"), let language = tag.value(of: "source-language") else { return giveUp(context) }
            sourceLanguage = sourceLanguage ?? language
            targetLanguage = targetLanguage ?? tag.value(of: "target-language")
            self.original = original
            units = []
            fileHasHeader = false
            fileHasBody = false
            frame = .file
        case .file:
            // `JobRecord.jobID` also looks for metadata in another namespace here.
            guard isXLIFF(uri, in: context) else { return giveUp(context) }
            switch name {
            case "header" where !fileHasHeader:
                fileHasHeader = true
                headerHasPhaseGroup = false
                frame = .header
            case "body" where !fileHasBody:
                fileHasBody = true
                frame = .container
            default:
                frame = .ignored
            }
        case .header:
            if name == "phase-group", !headerHasPhaseGroup, isXLIFF(uri, in: context) {
                headerHasPhaseGroup = true
                frame = .phaseGroup
            } else {
                frame = .ignored
            }
        case .phaseGroup:
            if name == "phase", isXLIFF(uri, in: context) { jobID = jobID ?? tag.value(of: "job-id") }
            frame = .ignored
        case .container:
            switch name {
            case "group" where isXLIFF(uri, in: context):
                frame = .container
            case "trans-unit" where isXLIFF(uri, in: context):
                let line = XMLTreeBuilder.line(of: context)
                guard let id = tag.value(of: "id"), line < Self.lastShortLine else { return giveUp(context) }
                unit = Unit(id: id, attributes: XLIFF12Reader.UnitAttributes(tag), line: line)
                frame = .transUnit
            default:
                frame = .ignored
            }
        case .transUnit:
            frame = isXLIFF(uri, in: context) ? startUnitChild(name, of: &unit!, attributes: tag) : .ignored
        case .segmentSource:
            guard unit?.segmentSourceHasCode == false, name == "mrk", tag.value(of: "mtype") == "seg" else {
                unit?.segmentSourceHasCode = true
                stack.append(.ignored)
                return
            }
            guard let mid = tag.value(of: "mid"), unit?.segmentSource?.contains(where: { $0.segment?.id == mid }) == false else {
                return giveUp(context)
            }
            markerFragments = []
            inMarker = true
            marker = mid
            frame = .segmentMarker
        case .content, .segmentMarker, .pairedCode, .annotation:
            guard isXLIFF(uri, in: context) else { return giveUp(context) }
            switch name {
            case "g":
                let code = XLIFF12Reader.code(name, attributes: tag, originalData: "")
                append(.opening(code))
                pairedCodes.append(code)
                frame = .pairedCode
            case "mrk" where contentKind == .target && !inMarker && tag.value(of: "mtype") == "seg":
                markerFragments = []
                inMarker = true
                marker = tag.value(of: "mid")
                frame = .segmentMarker
            case "mrk":
                frame = .annotation
            case _ where XLIFF12Reader.standaloneCodeNames.contains(name):
                collected = ""
                // Read when the code ends, with its text: kept past the callback.
                code = (name, names.attributes(attributes, count: attributeCount, in: context))
                frame = .code
            default:
                return giveUp(context)
            }
        case .code, .note, .insideText:
            // A segment marker inside a code is one the tree reader finds in a target.
            guard name != "mrk" else { return giveUp(context) }
            frame = .insideText
        case .ignored:
            frame = .ignored
        }
        stack.append(frame)
    }

    /// What a child of a `<trans-unit>` is: only the first `<source>`, `<target>` and
    /// `<seg-source>` are read, as `firstElement(named:)` finds them.
    private func startUnitChild(_ name: String, of unit: inout Unit, attributes: XMLParserNames.StartTag) -> Frame {
        switch name {
        case "source" where unit.source == nil:
            unit.sourceLanguage = attributes.value(of: "lang", namespace: XML.xmlNamespace)
            contentKind = .source
            fragments = []
            return .content
        case "target" where !unit.hasTarget:
            unit.hasTarget = true
            unit.targetState = attributes.value(of: "state")
            contentKind = .target
            fragments = []
            return .content
        case "seg-source" where unit.segmentSource == nil:
            unit.segmentSource = []
            contentKind = .segmentSource
            return .segmentSource
        case "note":
            collected = ""
            notePriority = attributes.value(of: "priority")
            return .note
        default:
            return .ignored
        }
    }

    private func endElement(_ context: xmlParserCtxtPtr) {
        guard !gaveUp else { return }
        endOfText(context)
        guard !gaveUp, let frame = stack.popLast() else { return }
        switch frame {
        case .xliff:
            rootEnded = true
        case .file:
            // A trans-unit id used twice is the tree reader's to report; a set made once per
            // file, at its size, rather than grown from empty while the units are read.
            var ids = Set<String>(minimumCapacity: units.count)
            guard fileHasBody, units.allSatisfy({ ids.insert($0.id).inserted }) else { return giveUp(context) }
            files.append(XLIFFFile(original: original, units: units))
        case .transUnit:
            guard let read = unit.take(), let source = read.source else { return giveUp(context) }
            var (textUnit, state) = XLIFF12Reader.unit(
                id: read.id, attributes: read.attributes, line: read.line, source: source, sourceLanguage: read.sourceLanguage,
                target: read.target, targetState: read.targetState, notes: read.notes
            )
            if let parts = read.segmentSource, !read.segmentSourceHasCode {
                XLIFF12Reader.segment(&textUnit, into: parts, translations: read.translations, state: state)
            }
            units.append(consume textUnit)
        case .content:
            let content = Content(Content.pairingIsolatedHalves(fragments))
            if contentKind == .source { unit?.source = content } else { unit?.target = content }
            contentKind = nil
        case .segmentSource:
            contentKind = nil
        case .segmentMarker:
            inMarker = false
            let mid = marker
            let content = Content(Content.pairingIsolatedHalves(markerFragments))
            if contentKind == .segmentSource, let mid {
                unit?.segmentSource?.append(.segment(Segment(id: mid, source: content)))
            } else if let mid {
                unit?.translations[mid] = content
            }
        case .pairedCode:
            append(.closing(pairedCodes.removeLast()))
        case .code:
            append(XLIFF12Reader.standaloneCode(code.name, attributes: code.attributes, originalData: collected))
        case .note:
            unit?.notes.append(XLIFF12Reader.note(collected, priority: notePriority))
        case .header, .phaseGroup, .container, .annotation, .insideText, .ignored:
            break
        }
    }

    /// A fragment of the content being read: the target's is also its open segment marker's;
    /// a `<seg-source>`'s is only its marker's. Taken, not copied, where one array gets it.
    private func append(_ fragment: consuming Content.Fragment) {
        guard inMarker else { return fragments.append(fragment) }
        if contentKind != .segmentSource { fragments.append(copy fragment) }
        markerFragments.append(fragment)
    }

    private func characters(_ bytes: UnsafeBufferPointer<xmlChar>) {
        // Text outside the root element is not part of the tree.
        guard !gaveUp, let frame = stack.last else { return }
        hasText = true
        textLength += bytes.count
        // Pieces of one text are joined as bytes, not decoded one by one: nothing promises
        // that a piece ends on a character's end.
        if frame.keepsText { text.append(bytes) }
    }

    /// The text since the last tag, taken where the open element keeps it.
    private func endOfText(_ context: xmlParserCtxtPtr) {
        guard hasText else { return }
        hasText = false
        defer {
            text.truncate(to: 0)
            textLength = 0
        }
        guard textLength <= maximumTextBytes else { return giveUp(context) }
        switch stack.last {
        case .content, .segmentMarker, .pairedCode, .annotation:
            append(.text(text.string))
        case .segmentSource:
            if unit?.segmentSourceHasCode == false { unit?.segmentSource?.append(.ignorable(text.string)) }
        case .code, .note, .insideText:
            collected += text.string
        default:
            break
        }
    }
}
