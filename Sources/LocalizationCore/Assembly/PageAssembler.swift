/// Puts targets back into a page: the page's own bytes everywhere outside the units' slots,
/// markup rebuilt only from the source's codes, target text escaped for its context.
public struct PageAssembler: Sendable {
    public init() {}

    /// What assembly for a published locale adds to plain splicing.
    public struct Options: Sendable {
        /// Wrap left-to-right runs of target text in `<bdi dir="ltr">` (LRI…PDI in `<title>`),
        /// and protected names too: for right-to-left targets.
        public var isolateLeftToRightRuns = false
        /// Units left in the source language inside a translated page.
        public var fallbackUnits: Set<String> = []
        /// Attributes of the `<span>` around each fallback unit, e.g. ` lang="de" dir="ltr"`.
        public var fallbackAttributes = ""
        /// Bytes inserted at offsets of the page (alternate links, the language switcher).
        public var insertions: [(offset: Int, bytes: [UInt8])] = []
        /// Byte ranges of the page outside every unit replaced (numbers in table cells).
        public var replacements: [(range: Range<Int>, bytes: [UInt8])] = []

        public init() {}
    }

    /// The page with `targets` (unit id → checked target) in place. With no targets the result
    /// is the original bytes; otherwise `<html>` gets the target language and, for a
    /// right-to-left language, `dir="rtl"`.
    public func assemble(_ extracted: ExtractedPage, targets: [String: Content], language: TargetLanguage?) -> [UInt8] {
        // Nothing to prepare for a page that stays as it is.
        guard !targets.isEmpty else { return extracted.page.bytes }
        return PreparedPage(extracted, rawTextUnits: []).assemble(targets: targets, language: language, options: Options())
    }

    /// The page with `unitTargets[i]`, the checked target of `extracted.units[i]` (nil: none),
    /// in place: `assemble(_:targets:language:)` for a caller that knows where its units are
    /// on the page, which then finds every target without hashing an id.
    public func assemble(_ extracted: ExtractedPage, unitTargets: [Content?], language: TargetLanguage?) -> [UInt8] {
        precondition(unitTargets.count == extracted.units.count, "one target or nil for each of the page's units")
        guard unitTargets.contains(where: { $0 != nil }) else { return extracted.page.bytes }
        return PreparedPage(extracted, rawTextUnits: []).assemble(unitTargets: unitTargets, language: language, options: Options())
    }

    /// The page with `targets` in place and the additions of `options`; `language` nil keeps
    /// `<html>`'s language (a page published in the source language).
    public func assemble(_ extracted: ExtractedPage, targets: [String: Content], language: TargetLanguage?, options: Options) -> [UInt8] {
        PreparedPage(extracted).assemble(targets: targets, language: language, options: options)
    }

    /// `targets` (unit id → target) as the target of each of the page's units, by position.
    /// Every unit with an id gets its target (should a page not made by `HTMLExtractor` give
    /// one id to several).
    static func unitTargets(_ targets: [String: Content], of extracted: ExtractedPage) -> [Content?] {
        // The units are read in place: a copy of each would retain every one of its fields.
        targets.isEmpty ? Array(repeating: nil, count: extracted.units.count) : extracted.units.indices.map { targets[extracted.units[$0].id] }
    }

    /// A page made ready to be assembled in many locales: what does not depend on the locale
    /// is found once (a run assembles every page in ten).
    struct PreparedPage {
        let extracted: ExtractedPage
        /// Units in elements whose content is raw text: they cannot take markup (a `<span>`
        /// or `<bdi>` would show).
        let rawTextUnits: Set<String>

        init(_ extracted: ExtractedPage) {
            // The units are read in place: a copy of each would retain every one of its fields.
            var rawTextUnits: Set<String> = []
            for index in extracted.units.indices {
                guard case .elementContent(let name) = extracted.units[index].placement else { continue }
                switch name {
                case "title", "option", "textarea": rawTextUnits.insert(extracted.units[index].id)
                default: break
                }
            }
            self.init(extracted, rawTextUnits: rawTextUnits)
        }

        /// A page to be assembled with `rawTextUnits` as given. Assembly without `Options`
        /// passes none: it isolates nothing and has no fallbacks, the only uses of the set,
        /// and looking for them compared the element of every unit with three names.
        fileprivate init(_ extracted: ExtractedPage, rawTextUnits: Set<String>) {
            self.extracted = extracted
            self.rawTextUnits = rawTextUnits
        }

        /// `PageAssembler.assemble(_:targets:language:)`.
        func assemble(targets: [String: Content], language: TargetLanguage?) -> [UInt8] {
            guard !targets.isEmpty else { return extracted.page.bytes }
            return assemble(targets: targets, language: language, options: Options())
        }

        /// `PageAssembler.assemble(_:targets:language:options:)`.
        func assemble(targets: [String: Content], language: TargetLanguage?, options: Options) -> [UInt8] {
            assemble(unitTargets: PageAssembler.unitTargets(targets, of: extracted), language: language, options: options)
        }

        /// The page with `unitTargets` (by unit position) in place and the additions of `options`.
        func assemble(unitTargets: [Content?], language: TargetLanguage?, options: Options) -> [UInt8] {
            // Positions hold while the extractor's units are only mapped (segmented, given
            // placeholders); units reordered or removed since would put targets in other
            // slots. Checked in debug builds (the tests), where it costs a pass over the slots.
            assert(extracted.skeleton.slots.allSatisfy { extracted.units.indices.contains($0.unitIndex) && extracted.units[$0.unitIndex].id == $0.unitID },
                   "\(extracted.page.name): the page's units are no longer where extraction put them")
            var renderer = Renderer(page: extracted.page, slots: extracted.skeleton.slots, unitTargets: unitTargets,
                                    fallbackUnits: options.fallbackUnits.subtracting(rawTextUnits))
            renderer.isolateLeftToRightRuns = options.isolateLeftToRightRuns
            renderer.rawTextUnits = rawTextUnits
            renderer.fallbackOpening = Array("<span\(options.fallbackAttributes)>".utf8)
            var edits = options.insertions.map { Renderer.Edit(range: $0.offset ..< $0.offset, bytes: $0.bytes) }
                + options.replacements.map { Renderer.Edit(range: $0.range, bytes: $0.bytes) }
            if let language, let root = extracted.skeleton.rootLanguage {
                edits += PageAssembler.languageEdits(root, language: language)
            }
            renderer.languageEdits = edits
            return renderer.render(0 ..< extracted.page.bytes.count)
        }
    }

    /// Edits of `<html>`'s attributes: replaced values, or attributes inserted after the name.
    static func languageEdits(_ root: PageSkeleton.RootLanguage, language: TargetLanguage) -> [Renderer.Edit] {
        var edits: [Renderer.Edit] = []
        var inserted = ""
        if let lang = root.lang {
            edits.append(.init(range: lang, bytes: Array(language.tag.utf8)))
        } else {
            inserted += " lang=\"\(language.tag)\""
        }
        let direction = language.direction.rawValue
        if let dir = root.dir {
            edits.append(.init(range: dir, bytes: Array(direction.utf8)))
        } else if language.direction == .rightToLeft {
            inserted += " dir=\"\(direction)\""
        }
        if !inserted.isEmpty {
            edits.append(.init(range: root.insertionPoint ..< root.insertionPoint, bytes: Array(inserted.utf8)))
        }
        return edits
    }
}

/// Writes a page from its bytes, replacing slots that have targets.
struct Renderer {
    struct Edit {
        var range: Range<Int>
        var bytes: [UInt8]
    }

    private enum Replacement {
        /// The slot at this position in `slots`: a unit's slot with its target, or a fallback
        /// unit's. A position, not the slot and its target: those are read where they are
        /// rendered, instead of copied (and retained) into every replacement.
        case slot(Int)
        case bytes([UInt8])
    }

    let page: HTMLPage
    /// The page's slots, sorted by start.
    let slots: [PageSkeleton.Slot]
    /// The checked target of each of the page's units, by position (`Slot.unitIndex`).
    let unitTargets: [Content?]
    /// Units rendered in the source language inside `fallbackOpening` … `</span>`.
    let fallbackUnits: Set<String>
    var fallbackOpening: [UInt8] = []
    var isolateLeftToRightRuns = false
    /// Units in elements whose content is raw text (`<title>`): isolates as LRI…PDI.
    var rawTextUnits: Set<String> = []
    /// Every replacement, sorted by start; insertions (empty ranges) sort before what follows.
    private var replacements: [(range: Range<Int>, replacement: Replacement)]

    init(page: HTMLPage, slots: [PageSkeleton.Slot], unitTargets: [Content?], fallbackUnits: Set<String> = []) {
        self.page = page
        self.slots = slots
        self.unitTargets = unitTargets
        self.fallbackUnits = fallbackUnits
        // Room for every slot up front: `compactMap` grew the array from empty.
        var replacements: [(range: Range<Int>, replacement: Replacement)] = []
        replacements.reserveCapacity(slots.count)
        for index in slots.indices {
            if unitTargets[slots[index].unitIndex] != nil {
                replacements.append((slots[index].range, .slot(index)))
            } else if case .content = slots[index].kind, fallbackUnits.contains(slots[index].unitID) {
                replacements.append((slots[index].range, .slot(index)))
            }
        }
        self.replacements = replacements
    }

    var languageEdits: [Edit] = [] {
        didSet {
            replacements += languageEdits.map { ($0.range, .bytes($0.bytes)) }
            replacements.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
    }

    /// The bytes of `range` with every replacement inside it; a slot nested in a rendered slot
    /// (an attribute inside a code) is rendered by that slot, through its code's range.
    func render(_ range: Range<Int>, inside container: Int? = nil) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(range.count + range.count / 3)
        render(range, inside: container, into: &output)
        return output
    }

    /// `render(_:inside:)` appended to `output`: slots and codes render into the one buffer.
    private func render(_ range: Range<Int>, inside container: Int? = nil, into output: inout [UInt8]) {
        var cursor = range.lowerBound
        var index = firstReplacement(atOrAfter: range.lowerBound)
        // Each replacement read in place: a copy of it (its range and what replaces it) cost a
        // call that looked at which case it is, to retain its bytes.
        while index < replacements.count, replacements[index].range.lowerBound < range.upperBound {
            let editRange = replacements[index].range
            index += 1
            guard editRange.lowerBound >= cursor, editRange.upperBound <= range.upperBound else { continue }
            switch replacements[index - 1].replacement {
            case .slot(let slot):
                // A fallback slot renders its own bytes: not itself again.
                if slot == container { continue }
                output += page.bytes[cursor ..< editRange.lowerBound]
                render(slot: slot, into: &output)
            case .bytes(let bytes):
                output += page.bytes[cursor ..< editRange.lowerBound]
                output += bytes
            }
            cursor = editRange.upperBound
        }
        output += page.bytes[cursor ..< range.upperBound]
    }

    private func firstReplacement(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = replacements.count
        while low < high {
            let middle = (low + high) / 2
            if replacements[middle].range.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The slot at `index` in `slots`, with its unit's target or as a fallback.
    private func render(slot index: Int, into output: inout [UInt8]) {
        // The slot's fields read in place: a copy of the slot retains its unit's id and codes.
        guard let target = unitTargets[slots[index].unitIndex] else {
            guard fallbackUnits.contains(slots[index].unitID) else { return render(slots[index].range, into: &output) }
            output += fallbackOpening
            render(slots[index].range, inside: index, into: &output)
            output += "</span>".utf8
            return
        }
        switch slots[index].kind {
        case .attribute(let quote):
            if quote == nil { output.append(UInt8(ascii: "\"")) }
            HTMLEscaping.escape(target.plainText, inAttribute: true, asciiOnly: !page.isUTF8, into: &output)
            if quote == nil { output.append(UInt8(ascii: "\"")) }
        case .content(let codes):
            for fragment in target.fragments {
                switch fragment {
                case .text(let text) where isolateLeftToRightRuns && rawTextUnits.contains(slots[index].unitID):
                    HTMLEscaping.escape(BidiIsolation.isolatedWithControls(text), inAttribute: false, asciiOnly: !page.isUTF8, into: &output)
                case .text(let text) where isolateLeftToRightRuns:
                    BidiIsolation.html(text, asciiOnly: !page.isUTF8, into: &output)
                case .text(let text):
                    HTMLEscaping.escape(text, inAttribute: false, asciiOnly: !page.isUTF8, into: &output)
                case .standalone(let code, nil) where isolateLeftToRightRuns
                    && !BidiIsolation.leftToRightRuns(in: code.displayText ?? "").isEmpty:
                    // A protected name ("MiSO") keeps its own markup, isolated as a whole.
                    if let ranges = codes[code.id] {
                        output += #"<bdi dir="ltr">"#.utf8
                        render(ranges.opening, into: &output)
                        output += "</bdi>".utf8
                    }
                case .opening(let code), .standalone(let code, _):
                    if let ranges = codes[code.id] { render(ranges.opening, into: &output) }
                case .closing(let code):
                    if let closing = codes[code.id]?.closing { render(closing, into: &output) }
                }
            }
        }
    }
}

/// HTML escaping over Unicode scalars (or UTF-8 bytes), never `Character`s: a quote followed
/// by a combining mark is one `Character`, and a grapheme-wise escaper would let it out of an
/// attribute.
enum HTMLEscaping {
    static func escape(_ text: String, inAttribute: Bool, asciiOnly: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        escape(text, inAttribute: inAttribute, asciiOnly: asciiOnly, into: &output)
        return output
    }

    static func escape(_ text: String, inAttribute: Bool, asciiOnly: Bool, into output: inout [UInt8]) {
        guard asciiOnly else {
            // A String is valid UTF-8, and every character escaped is ASCII, whose byte never
            // occurs inside a multi-byte sequence: the bytes are copied a run at a time, the
            // few escaped. Eight bytes without any of them (most of a text) are passed over
            // at once.
            text.withContiguousUTF8 { bytes in
                var runStart = 0
                _ = ByteWord.scan(bytes) { word in
                    let escaped = word.matches(UInt8(ascii: "&")) | word.matches(UInt8(ascii: "<")) | word.matches(UInt8(ascii: ">"))
                    return inAttribute ? escaped | word.matches(UInt8(ascii: "\"")) | word.matches(UInt8(ascii: "'")) : escaped
                } look: { index in
                    let reference: StaticString
                    switch bytes[index] {
                    case UInt8(ascii: "&"): reference = "&amp;"
                    case UInt8(ascii: "<"): reference = "&lt;"
                    case UInt8(ascii: ">"): reference = "&gt;"
                    case UInt8(ascii: "\"") where inAttribute: reference = "&quot;"
                    case UInt8(ascii: "'") where inAttribute: reference = "&#39;"
                    default: return true
                    }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< index]))
                    reference.withUTF8Buffer { output.append(contentsOf: $0) }
                    runStart = index + 1
                    return true
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            }
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;".utf8
            case "<": output += "&lt;".utf8
            case ">": output += "&gt;".utf8
            case "\"" where inAttribute: output += "&quot;".utf8
            case "'" where inAttribute: output += "&#39;".utf8
            default:
                if scalar.isASCII {
                    output.append(UInt8(scalar.value))
                } else {
                    // A page in a legacy encoding gets references, which every encoding can carry.
                    output += "&#x\(String(scalar.value, radix: 16, uppercase: true));".utf8
                }
            }
        }
    }
}
