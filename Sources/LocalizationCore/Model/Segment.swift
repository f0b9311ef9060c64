/// One sentence of a unit: what a translator translates at a time and what the memory stores
/// and matches. A unit of one sentence has no segments of its own (`TextUnit.parts` is empty)
/// and is its own segment.
public struct Segment: Sendable, Hashable {
    /// Unique among the unit's parts (`s1`, `s2`…), so that XLIFF fragment references such as
    /// `#s2` and 1.2 `mid` attributes point at it.
    public var id: String
    /// The sentence without the white space around it (that is kept in `UnitPart.ignorable`).
    public var source: Content
    public var target: Content?
    public var state: TranslationState
    /// Translations the memory offers for this sentence, best first.
    public var candidates: [TranslationCandidate]

    public init(id: String, source: Content, target: Content? = nil, state: TranslationState = .initial, candidates: [TranslationCandidate] = []) {
        self.id = id
        self.source = source
        self.target = target
        self.state = state
        self.candidates = candidates
    }
}

/// A piece of a segmented unit, in order: the sentences and the white space between them
/// (XLIFF 2 `<segment>` / `<ignorable>`; in 1.2 the `<mrk mtype="seg">` elements and the
/// text between them).
public enum UnitPart: Sendable, Hashable {
    case segment(Segment)
    case ignorable(String)

    public var segment: Segment? {
        if case .segment(let segment) = self { return segment }
        return nil
    }

    /// The parts of a unit split into `sentences` (see `TextUnit.segmented(by:)`); empty when
    /// fewer than two sentences are left.
    static func parts(ofSentences sentences: [Content]) -> [UnitPart] {
        guard sentences.count > 1 else { return [] }
        var parts: [UnitPart] = []
        var segments = 0
        func appendIgnorable(_ space: String) {
            if case .ignorable(let previous)? = parts.last {
                parts[parts.count - 1] = .ignorable(previous + space)
            } else {
                parts.append(.ignorable(space))
            }
        }
        for sentence in sentences {
            let (leading, core, trailing) = sentence.splittingOuterWhitespace()
            if !leading.isEmpty { appendIgnorable(leading) }
            if !core.isEmpty {
                segments += 1
                parts.append(.segment(Segment(id: "s\(segments)", source: core)))
            }
            if !trailing.isEmpty { appendIgnorable(trailing) }
        }
        return segments > 1 ? parts : []
    }
}

extension TextUnit {
    /// Whether the unit is split into sentences.
    public var isSegmented: Bool {
        // Matched, not asked `segment`, which copies the sentence (a retain of each field) to test it.
        parts.contains { if case .segment = $0 { true } else { false } }
    }

    /// The unit's sentences: its segments, or the whole unit as one segment.
    public var segments: [Segment] {
        guard isSegmented else {
            return [Segment(id: "s1", source: source, target: target, state: state, candidates: candidates)]
        }
        return parts.compactMap(\.segment)
    }

    /// The unit split by `segmenter`; a unit of one sentence is returned as it is. Each
    /// sentence's leading and trailing white space becomes an ignorable part, so that memory
    /// keys do not depend on the spacing between sentences.
    public func segmented(by segmenter: Segmenter) -> TextUnit {
        var unit = self
        unit.segment(by: segmenter)
        return unit
    }

    /// Splits the unit in place (see `segmented(by:)`): a page's units segmented where they
    /// are, without a copy of each (a retain and a release of its dozen fields) and a new array.
    public mutating func segment(by segmenter: Segmenter) {
        // Most units (headings, links, labels) have no character a sentence can end at.
        guard segmenter.mayHaveBoundary(source) else { return }
        let parts = segmenter.parts(of: source)
        guard !parts.isEmpty else { return }
        self.parts = parts
    }

    /// Replaces each segment by `transform`'s result, then derives the unit's target and state
    /// from the segments (see `updateTargetFromSegments()`).
    public mutating func updateSegments(_ transform: (Segment) -> Segment) {
        guard isSegmented else {
            let segment = transform(segments[0])
            target = segment.target
            state = segment.state
            candidates = segment.candidates
            return
        }
        parts = parts.map { part in
            if case .segment(let segment) = part { .segment(transform(segment)) } else { part }
        }
        updateTargetFromSegments()
    }

    /// A segmented unit's target is its segments' targets with the source's spacing, once
    /// every segment has one; its state is the least advanced of the segments'.
    public mutating func updateTargetFromSegments() {
        guard isSegmented else { return }
        let segments = self.segments
        guard segments.allSatisfy({ $0.target.map { !$0.isEmpty } ?? false }) else {
            target = nil
            state = .initial
            return
        }
        target = Content.joining(parts.map { part in
            switch part {
            case .segment(let segment): segment.target ?? Content([])
            case .ignorable(let space): Content(text: space)
            }
        })
        state = segments.map(\.state).min() ?? .initial
    }
}

extension Content {
    /// Ids of codes whose opening half and closing half both occur among `contents` (the
    /// sentences of one unit): pairs that XLIFF writes as start and end across sentences.
    static func idsPairedAcross(_ contents: [Content]) -> Set<String> {
        var opened: Set<String> = []
        var closed: Set<String> = []
        for fragment in contents.flatMap(\.fragments) {
            if case .standalone(let code, .opening?) = fragment { opened.insert(code.id) }
            if case .standalone(let code, .closing?) = fragment { closed.insert(code.id) }
        }
        return opened.intersection(closed)
    }

    /// White space before the first and after the last character of text, cut off; codes at
    /// the edges stay in the content.
    func splittingOuterWhitespace() -> (leading: String, core: Content, trailing: String) {
        var fragments = fragments
        var leading = ""
        var trailing = ""
        if case .text(let text)? = fragments.first {
            let kept = text.drop { $0.isWhitespace }
            leading = String(text[..<kept.startIndex])
            fragments[0] = .text(String(kept))
            if kept.isEmpty { fragments.removeFirst() }
        }
        if case .text(let text)? = fragments.last {
            var end = text.endIndex
            while end > text.startIndex, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
            trailing = String(text[end...])
            fragments[fragments.count - 1] = .text(String(text[..<end]))
            if end == text.startIndex { fragments.removeLast() }
        }
        return (leading, Content(fragments), trailing)
    }
}
