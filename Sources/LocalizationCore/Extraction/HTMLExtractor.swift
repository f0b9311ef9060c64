/// Turns an HTML page into text units with inline codes and a byte-exact skeleton.
///
/// Which text is translatable follows HTML5 `translate` and ITS 2.0 (local markup and, when
/// the page links or embeds rules, global rules resolved with libxml2's HTML parser and XPath).
/// Block elements delimit units; elements within text become codes; `translate="no"` inside
/// text becomes one protected code the translator can move but not change.
public struct HTMLExtractor: Sendable {
    /// Loads an ITS rules file a page links to (`<link rel="its-rules" href>`), given the href;
    /// the caller decides where a page may read from.
    public typealias RuleLoader = @Sendable (_ href: String) throws -> [UInt8]

    public var ruleLoader: RuleLoader?

    public init(ruleLoader: RuleLoader? = nil) {
        self.ruleLoader = ruleLoader
    }

    public func extract(_ page: HTMLPage) -> ExtractedPage {
        var walk = ExtractionWalk(page: page)
        walk.diagnostics += walk.checkEncoding()
        let tokens = HTMLLexer(bytes: page.bytes).tokens()
        let (annotations, ruleDiagnostics) = ITSProcessor(loader: ruleLoader).globalAnnotations(for: page, tokens: tokens)
        walk.annotations = annotations
        walk.diagnostics += ruleDiagnostics
        walk.run(tokens)
        return walk.result()
    }
}

/// The state of one pass over a page's tokens.
private struct ExtractionWalk {
    /// An element on the stack of open elements.
    struct OpenElement {
        var name: String
        var isBlock: Bool
        var translate: Bool
        var language: String?
        var direction: TextDirection?
        var notes: [Note]
        var preservesSpace: Bool
        /// Whether it bounds the search for an element to close implicitly (`closeImplicitly`).
        var isScopeBoundary = false
        var idValue: String?
        /// For an element within text: the temporary code id in the run it opened in.
        var openCode: (run: Int, code: Int)?
    }

    /// One item of the text run being collected for the current block.
    enum RunItem {
        case text(Range<Int>, preservesSpace: Bool)
        case opening(code: Int, element: String, range: Range<Int>)
        case closing(code: Int, element: String, range: Range<Int>)
        case standalone(code: Int, element: String, kind: InlineCode.Kind, range: Range<Int>, display: String?)

        var range: Range<Int> {
            switch self {
            case .text(let range, _), .opening(_, _, let range), .closing(_, _, let range), .standalone(_, _, _, let range, _): range
            }
        }
    }

    let page: HTMLPage
    var annotations = ITSAnnotations()
    var diagnostics: [Diagnostic] = []
    var units: [TextUnit] = []
    var slots: [PageSkeleton.Slot] = []
    var rootLanguage: PageSkeleton.RootLanguage?
    var pageLanguage: String?

    var stack: [OpenElement] = []
    var run: [RunItem] = []
    var runNumber = 0
    /// The run's inline codes by their temporary id (the position here; numbered from 0 in
    /// each run): the halves the run holds, noted as its items are appended, so that a flush
    /// does not look through the run for them.
    var runCodes: [RunCode] = []
    /// How many units asked for each id as their base, or were given it numbered.
    var usedIDs: [String: Int] = [:]
    var elementOrdinals: [ElementKey: Int] = [:]

    init(page: HTMLPage) {
        self.page = page
    }

    func checkEncoding() -> [Diagnostic] {
        if page.encoding.hasPrefix("utf-16") {
            return [Diagnostic(.error, file: page.name, "UTF-16 pages are not supported; the page was left untranslated")]
        }
        // Validated in place (UTF8Span), not copied into a String only to be dropped.
        guard page.isUTF8, (try? UTF8Span(validating: page.bytes.span)) == nil else { return [] }
        let offset = Self.firstInvalidUTF8(page.bytes)
        return [Diagnostic(.warning, file: page.name, line: page.line(of: offset), "the page is not valid UTF-8 here; invalid bytes are kept in the skeleton and shown to translators as U+FFFD")]
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var low = 0
        var high = bytes.count
        // Binary search for the shortest invalid prefix: cheap and good enough for a line number.
        while low < high {
            let middle = (low + high) / 2
            var end = middle
            while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if String(validating: bytes[0 ..< end], as: UTF8.self) == nil { high = middle } else { low = middle + 1 }
        }
        return max(0, low - 1)
    }

    // MARK: - The walk

    var context: OpenElement {
        stack.last ?? OpenElement(name: "#document", isBlock: true, translate: true, notes: [], preservesSpace: false)
    }

    /// Whether the current position is translatable; read without copying the open element.
    var contextTranslates: Bool { stack.last?.translate ?? true }

    mutating func run(_ tokens: [HTMLLexer.Token]) {
        if page.encoding.hasPrefix("utf-16") { return }
        // Room for the ids up front (ordinary pages have about one unit per four tokens or
        // fewer): grown from empty, the dictionary was rehashed six or seven times a page.
        usedIDs.reserveCapacity(tokens.count / 4)
        var index = 0
        while index < tokens.count {
            // Fields read in place: a copy of the token would retain its name and attributes.
            switch tokens[index].kind {
            case .text:
                if contextTranslates {
                    run.append(.text(tokens[index].range, preservesSpace: stack.last?.preservesSpace ?? false))
                } else {
                    // A unit's bytes must be contiguous: untranslatable text ends the run.
                    flushRun()
                }
            case .rawText:
                break
            case .comment, .declaration:
                if !run.isEmpty { appendStandalone(element: "#comment", kind: .other, range: tokens[index].range, display: nil) }
            case .startTag:
                index = startTag(tokens, at: index)
                continue
            case .endTag:
                endTag(tokens[index])
            }
            index += 1
        }
        flushRun()
        for element in stack.reversed() where !["html", "body", "head"].contains(element.name) {
            diagnostics.append(Diagnostic(.note, file: page.name, "<\(element.name)> is not closed before the end of the page"))
            break
        }
    }

    /// Handles a start tag; returns the index of the next token to read.
    mutating func startTag(_ tokens: [HTMLLexer.Token], at index: Int) -> Int {
        let token = tokens[index]
        let name = token.name
        let key = nextKey(for: name, at: token.range.lowerBound)
        let local = annotations.elements[key]
        let ownTranslate = attributeValue(token, "translate").flatMap(Self.translateFlag)
        let translate = ownTranslate ?? local?.translate ?? contextTranslates

        if name == "html" { recordRootLanguage(token) }
        let facts = HTMLVocabulary.startTagFacts(of: name)
        let traits = facts.traits
        let withinText = Self.withinText(attributeValue(token, "its-within-text")) ?? local?.withinText
            ?? (traits.contains(.withinText) ? .yes : .no)

        if withinText != .yes { closeImplicitly(closing: facts.implicitlyCloses) }

        let isOpaque = traits.contains(.opaque)
        let isVoid = traits.contains(.void) || token.selfClosing && (isOpaque || name.contains(":"))
        if translate { extractAttributes(token, key: key) }

        if isOpaque || (!translate && withinText == .yes && contextTranslates) {
            // Content that is code or must not be translated travels whole: one code inside
            // text, skeleton elsewhere.
            let end = isVoid ? index : matchingEnd(tokens, from: index)
            let range = token.range.lowerBound ..< tokens[end].range.upperBound
            if isOpaque {
                // Inside text, the bytes must stay part of the unit; elsewhere they are skeleton.
                if !run.isEmpty { appendStandalone(element: name, kind: .other, range: range, display: nil) }
            } else {
                appendStandalone(element: name, kind: .protected, range: range, display: displayText(tokens[index ... end]))
            }
            return end + 1
        }

        if withinText == .yes, !translate {
            // Inline markup in untranslatable content: no code, and no run across it.
            flushRun()
            if !isVoid { stack.append(inherited(name: name, traits: traits, token: token, key: key, translate: false, isBlock: false)) }
            return index + 1
        }

        if withinText == .yes {
            if isVoid {
                appendStandalone(element: name, kind: HTMLVocabulary.codeKind(of: name), range: token.range, display: nil)
            } else {
                let code = runCodes.count
                runCodes.append(RunCode(halves: .opening))
                run.append(.opening(code: code, element: name, range: token.range))
                var element = inherited(name: name, traits: traits, token: token, key: key, translate: translate, isBlock: false)
                element.openCode = (runNumber, code)
                stack.append(element)
            }
            return index + 1
        }

        flushRun()
        if !isVoid {
            stack.append(inherited(name: name, traits: traits, token: token, key: key, translate: translate, isBlock: true))
        }
        return index + 1
    }

    mutating func endTag(_ token: HTMLLexer.Token) {
        guard let position = stack.lastIndex(where: { $0.name == token.name }) else {
            diagnostics.append(Diagnostic(.note, file: page.name, line: page.line(of: token.range.lowerBound), "stray </\(token.name)> without an open element; kept as it is"))
            if !run.isEmpty { appendStandalone(element: token.name, kind: .other, range: token.range, display: nil) }
            return
        }
        // Elements left open inside the one being closed end here too, as in HTML5.
        while stack.count > position + 1 { popElement(endTag: nil) }
        popElement(endTag: token)
    }

    mutating func popElement(endTag token: HTMLLexer.Token?) {
        if stack.last?.isBlock == true {
            // The run belongs to this block: flush while it is still the context.
            flushRun()
            stack.removeLast()
            return
        }
        let element = stack.removeLast()
        guard let token else { return }
        if let open = element.openCode, open.run == runNumber {
            run.append(.closing(code: open.code, element: element.name, range: token.range))
            runCodes[open.code].halves.insert(.closing)
        } else if !run.isEmpty {
            appendStandalone(element: element.name, kind: .other, range: token.range, display: nil)
        }
    }

    /// HTML5's implied end tags: a block start closes an open `<p>`, `<li>` closes `<li>`…
    mutating func closeImplicitly(closing closes: [String]) {
        guard !closes.isEmpty else { return }
        for position in stack.indices.reversed() {
            if closes.contains(stack[position].name) {
                while stack.count > position { popElement(endTag: nil) }
                return
            }
            if stack[position].isScopeBoundary { return }
        }
    }

    func inherited(name: String, traits: HTMLVocabulary.ElementTraits, token: HTMLLexer.Token, key: ElementKey, translate: Bool, isBlock: Bool) -> OpenElement {
        // The parent's fields read in place: `context` copies the whole element.
        let local = annotations.elements[key]
        var notes = stack.last?.notes ?? []
        if let text = attributeValue(token, "its-loc-note") {
            let priority: Note.Priority = attributeValue(token, "its-loc-note-type") == "alert" ? .alert : .description
            notes.append(Note(HTMLCharacterReferences.resolve(text), priority: priority))
        } else if let note = local?.note {
            notes.append(note)
        }
        let language = attributeValue(token, "lang").map(Self.trimmingSpaces) ?? local?.language ?? stack.last?.language
        let direction = attributeValue(token, "dir").flatMap { TextDirection(rawValue: $0.lowercased()) } ?? local?.direction ?? stack.last?.direction
        return OpenElement(
            name: name, isBlock: isBlock, translate: translate, language: language, direction: direction,
            notes: notes, preservesSpace: stack.last?.preservesSpace == true || name == "pre" || name == "textarea",
            isScopeBoundary: traits.contains(.scopeBoundary),
            idValue: local?.idValue ?? attributeValue(token, "id")
        )
    }

    // MARK: - Attributes

    mutating func extractAttributes(_ token: HTMLLexer.Token, key: ElementKey) {
        guard !token.attributes.isEmpty else { return }
        let names = HTMLVocabulary.translatableAttributeNames(of: token.name, attributes: token.attributes) { attribute in
            attribute.valueRange.map(page.text) ?? ""
        }
        for attribute in token.attributes {
            let rule = annotations.attributes.isEmpty ? nil : annotations.attributes[AttributeKey(element: key, name: attribute.name)]
            guard names.contains(attribute.name) || rule?.translate == true else { continue }
            if rule?.translate == false { continue }
            guard let range = attribute.valueRange, !range.isEmpty else { continue }
            let text = page.collapsedText(range)
            guard Self.containsLetter(text) else { continue }
            let id = uniqueID(base: idValueBase(attributeOf: token, key: key).map { "\($0).\(attribute.name)" }
                ?? Self.attributeID(path: path(), element: token.name, attribute: attribute.name, text: text))
            var notes = stack.last?.notes ?? []
            if let note = rule?.note { notes.append(note) }
            units.append(TextUnit(
                id: id, placement: .attribute(elementName: token.name, attributeName: attribute.name),
                name: "\(token.name)/@\(attribute.name)", source: Content(text: text), notes: notes,
                sourceLanguage: foreignLanguage(stack.last?.language), direction: stack.last?.direction,
                line: page.line(of: range.lowerBound)
            ))
            slots.append(.init(unitID: id, unitIndex: units.count - 1, range: range, kind: .attribute(quote: attribute.quote)))
        }
    }

    func idValueBase(attributeOf token: HTMLLexer.Token, key: ElementKey) -> String? {
        (annotations.elements[key]?.idValue ?? attributeValue(token, "id")).flatMap(Self.nmtoken)
    }

    mutating func recordRootLanguage(_ token: HTMLLexer.Token) {
        let lang = token.attributes.first { $0.name == "lang" }
        let dir = token.attributes.first { $0.name == "dir" }
        rootLanguage = .init(
            lang: lang?.valueRange, langQuote: lang?.quote, dir: dir?.valueRange, dirQuote: dir?.quote,
            insertionPoint: token.selfClosing ? token.range.upperBound - 2 : token.range.upperBound - 1
        )
        pageLanguage = lang?.valueRange.map(page.rawText)
    }

    // MARK: - Runs

    mutating func appendStandalone(element: String, kind: InlineCode.Kind, range: Range<Int>, display: String?) {
        run.append(.standalone(code: runCodes.count, element: element, kind: kind, range: range, display: display))
        runCodes.append(RunCode(halves: []))
    }

    /// Which halves of an inline code a stretch of the run holds.
    struct CodeHalves: OptionSet {
        let rawValue: UInt8
        static let opening = CodeHalves(rawValue: 1)
        static let closing = CodeHalves(rawValue: 2)
        static let both: CodeHalves = [.opening, .closing]
    }

    /// An inline code of the run.
    struct RunCode {
        /// The halves the run holds.
        var halves: CodeHalves
        /// Its id as XLIFF shows it: "1", "2"… in order of first appearance in the unit
        /// (0: not yet numbered).
        var number = 0
    }

    /// Turns the collected run into a unit, if it holds translatable text.
    mutating func flushRun() {
        defer {
            run.removeAll(keepingCapacity: true)
            runNumber += 1
            runCodes.removeAll(keepingCapacity: true)
        }

        func isTrimmable(_ item: RunItem) -> Bool {
            switch item {
            case .text(let range, _): page.bytes[range].allSatisfy(\.isHTMLWhitespace)
            case .opening(let code, _, _), .closing(let code, _, _): runCodes[code].halves != .both
            case .standalone(_, _, let kind, _, _): kind == .lineBreak || kind == .other
            }
        }
        // The unit is run[first ..< end]: trimmed by moving the bounds, not by removing items.
        var first = 0
        var end = run.count
        var trimmedSomething = true
        while trimmedSomething, first < end {
            trimmedSomething = false
            while first < end, isTrimmable(run[first]) { first += 1; trimmedSomething = true }
            while first < end, isTrimmable(run[end - 1]) { end -= 1; trimmedSomething = true }
            // A pair that encloses the whole unit is markup around the text, not in it.
            if first < end, case .opening(let open, _, _) = run[first], case .closing(let close, _, _) = run[end - 1], open == close {
                first += 1
                end -= 1
                trimmedSomething = true
            }
        }
        guard first < end else { return }
        // The halves the run holds are those the unit holds, for every code left in it: the
        // trimming takes off a pair whole (around the unit) or a half the run lacks the other of.

        /// An item's bytes; whitespace at the start of the first and the end of the last text
        /// item is left out, so it stays in the skeleton.
        func trimmedRange(at index: Int) -> Range<Int> {
            guard case .text(let range, _) = run[index] else { return run[index].range }
            var start = range.lowerBound
            var upper = range.upperBound
            if index == first { while start < upper, page.bytes[start].isHTMLWhitespace { start += 1 } }
            if index == end - 1 { while upper > start, page.bytes[upper - 1].isHTMLWhitespace { upper -= 1 } }
            return start ..< upper
        }

        var fragments: [Content.Fragment] = []
        fragments.reserveCapacity(end - first)
        var codeRanges: [String: PageSkeleton.CodeRanges] = [:]
        var numbered = 0
        func number(_ code: Int) -> String {
            if runCodes[code].number == 0 {
                numbered += 1
                runCodes[code].number = numbered
            }
            return String(runCodes[code].number)
        }
        for index in first ..< end {
            switch run[index] {
            case .text(_, let preserves):
                let range = trimmedRange(at: index)
                fragments.append(.text(preserves ? page.text(range) : page.collapsedText(range)))
            case .opening(let code, let element, let range):
                let inline = InlineCode(id: number(code), kind: HTMLVocabulary.codeKind(of: element), elementName: element, originalData: page.rawText(range))
                codeRanges[inline.id] = .init(opening: range)
                fragments.append(runCodes[code].halves == .both ? .opening(inline) : .standalone(inline, isolated: .opening))
            case .closing(let code, let element, let range):
                let inline = InlineCode(id: number(code), kind: HTMLVocabulary.codeKind(of: element), elementName: element, originalData: page.rawText(range))
                if runCodes[code].halves == .both {
                    codeRanges[inline.id]?.closing = range
                    fragments.append(.closing(inline))
                } else {
                    codeRanges[inline.id] = .init(opening: range)
                    fragments.append(.standalone(inline, isolated: .closing))
                }
            case .standalone(let code, let element, let kind, let range, let display):
                let inline = InlineCode(id: number(code), kind: kind, elementName: element, originalData: page.rawText(range), displayText: display)
                codeRanges[inline.id] = .init(opening: range)
                fragments.append(.standalone(inline))
            }
        }
        let source = Content(fragments)
        let hasLetters = source.fragments.contains { fragment in
            if case .text(let text) = fragment { Self.containsLetter(text) } else { false }
        }
        guard hasLetters else { return }

        let range = trimmedRange(at: first).lowerBound ..< trimmedRange(at: end - 1).upperBound
        let container = stack.last { $0.isBlock } ?? context
        let path = path()
        let id = uniqueID(base: container.idValue.flatMap(Self.nmtoken) ?? Self.contentID(path: path, source: source))
        units.append(TextUnit(
            id: id, placement: .elementContent(elementName: container.name), name: path,
            source: source, notes: container.notes, sourceLanguage: foreignLanguage(container.language),
            direction: container.direction, line: page.line(of: range.lowerBound)
        ))
        slots.append(.init(unitID: id, unitIndex: units.count - 1, range: range, kind: .content(codes: codeRanges)))
    }

    // MARK: - Helpers

    /// Units in page order (by where their text starts) and slots sorted for assembly; the
    /// walk is left without them.
    mutating func result() -> ExtractedPage {
        // Taken out of the walk, so that each array has one reference and is reordered and
        // sorted in place. The walk consumed instead was copied first, and its copy kept
        // both arrays referenced: they were copied whole (every unit's fields retained).
        var units: [TextUnit] = []
        var slots: [PageSkeleton.Slot] = []
        swap(&units, &self.units)
        swap(&slots, &self.slots)
        // units[i] and slots[i] were appended together: a unit starts where its slot does.
        let pageOrder = units.indices.sorted { slots[$0].range.lowerBound < slots[$1].range.lowerBound }
        // Units found in page order (a page without attributes inside text) stay as they are.
        if !pageOrder.elementsEqual(units.indices) {
            units.reorder(as: pageOrder)
            // The unit appended with slot `appended` is now at `position`.
            for (position, appended) in pageOrder.enumerated() { slots[appended].unitIndex = position }
        }
        slots.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        return ExtractedPage(
            page: page, units: units, skeleton: PageSkeleton(slots: slots, rootLanguage: rootLanguage),
            diagnostics: diagnostics, language: pageLanguage
        )
    }

    /// The block elements above the current position, e.g. `body/main/section/p`.
    /// At most four names: the nearest blocks.
    func path() -> String {
        var first = stack.endIndex
        var blocks = 0
        var length = 0
        while first > stack.startIndex, blocks < 4 {
            first -= 1
            if stack[first].isBlock {
                blocks += 1
                length += stack[first].name.utf8.count + 1
            }
        }
        guard blocks > 0 else { return "" }
        // Written as bytes into a string of its final size: appended name by name, the string
        // was made again for every name (small strings are rebuilt on each append).
        return String(unsafeUninitializedCapacity: length - 1) { path in
            var written = 0
            for position in first ..< stack.endIndex where stack[position].isBlock {
                if written > 0 {
                    path[written] = UInt8(ascii: "/")
                    written += 1
                }
                written = stack[position].name.withContiguousUTF8 { name in
                    path[written ..< written + name.count].initialize(fromContentsOf: name)
                }
            }
            return written
        }
    }

    mutating func nextKey(for name: String, at offset: Int) -> ElementKey {
        // Keys only look up what global rules said; without rules no element needs one.
        guard !annotations.isEmpty else { return ElementKey(name: name, line: 0, ordinal: 0) }
        var key = ElementKey(name: name, line: page.line(of: offset), ordinal: 0)
        key.ordinal = elementOrdinals[key, default: 0]
        elementOrdinals[ElementKey(name: name, line: key.line, ordinal: 0)] = key.ordinal + 1
        return key
    }

    /// `base`, or for its second unit `base-2` and so on: an id no other unit of the page has.
    /// A numbered id is claimed too, so that an element whose own id is `x-2` beside two with
    /// `x` does not get the second one's id (a job of the page would hold it twice, and its
    /// reader refuses a file that does); that number is then passed over.
    mutating func uniqueID(base: String) -> String {
        // Counted in place: one dictionary lookup, not a read and a write.
        func countingOne(_ count: inout Int) -> Int {
            defer { count += 1 }
            return count
        }
        var seen = countingOne(&usedIDs[base, default: 0])
        guard seen > 0 else { return base }
        while true {
            let numbered = "\(base)-\(seen + 1)"
            if countingOne(&usedIDs[numbered, default: 0]) == 0 { return numbered }
            seen += 1
        }
    }

    func foreignLanguage(_ language: String?) -> String? {
        guard let language, !language.isEmpty else { return nil }
        // Most units inherit the page's own value: equal without lower-casing both.
        if language == pageLanguage { return nil }
        return language.lowercased() == pageLanguage?.lowercased() ? nil : language
    }

    func attributeValue(_ token: HTMLLexer.Token, _ name: String) -> String? {
        token.attributes.first { $0.name == name }.map { $0.valueRange.map(page.text) ?? "" }
    }

    /// `text` without spaces at either end. Most values have none and are returned as they
    /// are; `trimmingCharacters(in:)` builds a set of characters and a new string every time.
    static func trimmingSpaces(_ text: String) -> String {
        // Only a string starting or ending with the byte of a space starts or ends with the
        // Character " " (a space and a combining mark after it are one other Character).
        text.utf8.first == UInt8(ascii: " ") || text.utf8.last == UInt8(ascii: " ") ? text.trimmingCharacters(in: " ") : text
    }

    /// The index of the last token of the element starting at `start`: its end tag or, when
    /// it is never closed, the token before an end tag of an enclosing element (where HTML5
    /// would close it), or the last token of the page.
    func matchingEnd(_ tokens: [HTMLLexer.Token], from start: Int) -> Int {
        let name = tokens[start].name
        let enclosing = Set(stack.map(\.name))
        var depth = 0
        for index in start ..< tokens.count {
            let token = tokens[index]
            if token.kind == .endTag, token.name != name, depth == 1, enclosing.contains(token.name) {
                return index - 1
            }
            guard token.name == name else { continue }
            if token.kind == .startTag, !token.selfClosing { depth += 1 }
            if token.kind == .endTag {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return tokens.count - 1
    }

    func displayText(_ tokens: ArraySlice<HTMLLexer.Token>) -> String {
        Self.trimmingSpaces(HTMLPage.collapsingWhitespace(tokens.filter { $0.kind == .text }.map { page.text($0.range) }.joined()))
    }

    static func translateFlag(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "yes", "": true
        case "no": false
        default: nil
        }
    }

    static func withinText(_ value: String?) -> ITSAnnotations.WithinText? {
        value.flatMap { ITSAnnotations.WithinText(rawValue: $0.lowercased()) }
    }

    /// The id of a unit without an `id` of its own: "u" and the stable hash of its path and its
    /// source as text with code markers (`body/main/p|Der {strong}WIR{/strong} ist…`), what a
    /// unit's identity depends on. The pieces are hashed one after the other, not joined.
    static func contentID(path: String, source: Content) -> String {
        var hasher = StableHasher()
        hasher.combine(path)
        hasher.combine("|")
        for fragment in source.fragments {
            switch fragment {
            case .text(let text):
                hasher.combine(text)
            case .opening(let code):
                hasher.combine("{")
                hasher.combine(code.elementName)
                hasher.combine("}")
            case .closing(let code):
                hasher.combine("{/")
                hasher.combine(code.elementName)
                hasher.combine("}")
            case .standalone(let code, _):
                hasher.combine("{")
                hasher.combine(code.elementName)
                hasher.combine("/")
                hasher.combine(code.displayText ?? "")
                hasher.combine("}")
            }
        }
        return hasher.hexDigits(after: "u")
    }

    /// The id of an attribute unit whose element has no `id`: "a" and the stable hash of
    /// `path/element/@attribute|text`, hashed piece by piece.
    static func attributeID(path: String, element: String, attribute: String, text: String) -> String {
        var hasher = StableHasher()
        for piece in [path, "/", element, "/@", attribute, "|", text] { hasher.combine(piece) }
        return hasher.hexDigits(after: "a")
    }

    /// Whether `text` holds a letter (a Unicode alphabetic scalar); ASCII is decided without
    /// looking up Unicode properties.
    static func containsLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.isASCII ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A : scalar.properties.isAlphabetic
        }
    }

    /// An `id`/idValue usable as an XLIFF unit id (an XML NMTOKEN of ASCII letters, digits,
    /// `.`, `-`, `_`), or nil.
    static func nmtoken(_ value: String) -> String? {
        let token = value.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0)) }
        guard !token.isEmpty, token.count == value.unicodeScalars.count, token.count <= 64 else { return nil }
        return "id-" + String(String.UnicodeScalarView(token))
    }
}

extension Array {
    /// Puts the element at `order[k]` at position `k` (what `order.map { self[$0] }` returns),
    /// cycle by cycle, by swapping elements: moved, not copied. Extraction reorders a page's
    /// units so; a copy of each unit retains its dozen fields, then the old array is freed.
    mutating func reorder(as order: [Int]) {
        var order = order
        for start in order.indices where order[start] != start {
            var position = start
            // Each swap puts the right element at `position`; the one from `start` moves along
            // the cycle until its place, the cycle's last position, comes up.
            while order[position] != start {
                let next = order[position]
                swapAt(position, next)
                order[position] = position
                position = next
            }
            order[position] = position
        }
    }
}
