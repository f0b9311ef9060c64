extension Segmenter {
    /// Placeholder for an inline code while boundaries are computed (OBJECT REPLACEMENT
    /// CHARACTER: ICU treats it as an ordinary character, neither letter nor punctuation).
    private static let placeholder: UInt16 = 0xFFFC

    /// The sentences of a unit's content, inline codes kept with the sentence they belong to:
    /// an opening code at a boundary goes with the next sentence, a closing code with the
    /// previous one; a pair that still spans a boundary is split into isolated halves.
    /// Joined (and re-paired), the segments give the content back.
    public func segments(of content: Content) -> [Content] {
        var units: [UInt16] = []
        var codeAt: [Int: Content.Fragment] = [:]
        for fragment in content.fragments {
            if case .text(let text) = fragment {
                units += text.utf16
            } else {
                codeAt[units.count] = fragment
                units.append(Self.placeholder)
            }
        }
        var cuts: [Int] = []
        for boundary in boundaries(in: units) {
            let cut = Self.adjusted(boundary, units: units, codeAt: codeAt)
            if cut > (cuts.last ?? 0), cut < units.count { cuts.append(cut) }
        }
        var segments: [Content] = []
        var start = 0
        for end in cuts + [units.count] where end > start {
            segments.append(Self.content(units: units, range: start ..< end, codeAt: codeAt))
            start = end
        }
        return segments.isEmpty ? [content] : segments
    }

    /// Moves a boundary so that codes stay with their sentence.
    private static func adjusted(_ boundary: Int, units: [UInt16], codeAt: [Int: Content.Fragment]) -> Int {
        var cut = boundary
        // Closing codes right after the boundary end the previous sentence.
        while cut < units.count, let fragment = codeAt[cut], fragment.isClosing {
            cut = skippingWhitespace(units, from: cut + 1)
        }
        // Opening codes before the boundary (and the white space after them) begin the next.
        while true {
            var before = cut
            while before > 0, isWhitespace(units[before - 1]) { before -= 1 }
            guard before > 0, let fragment = codeAt[before - 1], fragment.isOpening else { break }
            cut = before - 1
        }
        return cut
    }

    private static func content(units: [UInt16], range: Range<Int>, codeAt: [Int: Content.Fragment]) -> Content {
        var fragments: [Content.Fragment] = []
        var textStart = range.lowerBound
        for offset in range {
            guard let fragment = codeAt[offset] else { continue }
            if textStart < offset { fragments.append(.text(String(decoding: units[textStart ..< offset], as: UTF16.self))) }
            fragments.append(fragment)
            textStart = offset + 1
        }
        if textStart < range.upperBound { fragments.append(.text(String(decoding: units[textStart ..< range.upperBound], as: UTF16.self))) }
        // A pair cut by the boundary becomes isolated halves in each sentence.
        let opened = Set(fragments.compactMap { if case .opening(let code) = $0 { code.id } else { nil } })
        let closed = Set(fragments.compactMap { if case .closing(let code) = $0 { code.id } else { nil } })
        return Content(fragments.map { fragment in
            switch fragment {
            case .opening(let code) where !closed.contains(code.id): .standalone(code, isolated: .opening)
            case .closing(let code) where !opened.contains(code.id): .standalone(code, isolated: .closing)
            default: fragment
            }
        })
    }
}

extension Content {
    /// Segments joined back into one unit's content, isolated halves paired again.
    public static func joining(_ segments: [Content]) -> Content {
        Content(pairingIsolatedHalves(segments.flatMap(\.fragments)))
    }
}

extension Content.Fragment {
    var isOpening: Bool {
        switch self {
        case .opening, .standalone(_, .opening?): true
        default: false
        }
    }

    var isClosing: Bool {
        switch self {
        case .closing, .standalone(_, .closing?): true
        default: false
        }
    }
}
