extension Segmenter {
    /// Placeholder for an inline code while boundaries are computed (OBJECT REPLACEMENT
    /// CHARACTER: ICU treats it as an ordinary character, neither letter nor punctuation).
    private static let placeholder: UInt16 = 0xFFFC

    /// The sentences of a unit's content, inline codes kept with the sentence they belong to:
    /// an opening code at a boundary goes with the next sentence, a closing code with the
    /// previous one; a pair that still spans a boundary is split into isolated halves.
    /// Joined (and re-paired), the segments give the content back.
    public func segments(of content: Content) -> [Content] {
        segmentsFound(of: content) { boundaries(in: $0) }
    }

    /// The parts of a unit whose source is `content` (`TextUnit.parts`; empty for one
    /// sentence), remembered by the exact content (`PartsMemory`).
    func parts(of content: Content) -> [UnitPart] {
        withPooledRules { compiled in
            func find() -> [UnitPart] {
                let sentences = segmentsFound(of: content) { units in units.withUnsafeBufferPointer { boundaries(in: $0, using: compiled) } }
                return UnitPart.parts(ofSentences: sentences)
            }
            return compiled?.rememberedParts.parts(of: content, orFind: find) ?? find()
        }
    }

    /// `segments(of:)` with the boundaries that `boundaries` finds in the UTF-16 text.
    func segmentsFound(of content: Content, boundaries: ([UInt16]) -> [Int]) -> [Content] {
        var units: [UInt16] = []
        // At most one UTF-16 unit per UTF-8 byte of text, and one per code.
        units.reserveCapacity(content.fragments.reduce(0) { count, fragment in
            if case .text(let text) = fragment { count + text.utf8.count } else { count + 1 }
        })
        var codeAt: [Int: Content.Fragment] = [:]
        // Where the codes are, in order: a sentence's content is built from these, not by
        // looking up every offset.
        var codeOffsets: [Int] = []
        for fragment in content.fragments {
            if case .text(let text) = fragment {
                _ = text.allUTF16Units { units.append($0); return true }
            } else {
                codeAt[units.count] = fragment
                codeOffsets.append(units.count)
                units.append(Self.placeholder)
            }
        }
        var cuts: [Int] = []
        for boundary in units.isEmpty ? [] : boundaries(units) {
            let cut = Self.adjusted(boundary, units: units, codeAt: codeAt)
            if cut > (cuts.last ?? 0), cut < units.count { cuts.append(cut) }
        }
        var segments: [Content] = []
        var start = 0
        for end in cuts + [units.count] where end > start {
            segments.append(Self.content(units: units, range: start ..< end, codeOffsets: codeOffsets, codeAt: codeAt))
            start = end
        }
        return segments.isEmpty ? [content] : segments
    }

    /// Whether `content` can have a boundary: not when none of its characters (a code counting
    /// as the placeholder that stands for it) is among the `boundaryUnits`.
    func mayHaveBoundary(_ content: Content) -> Bool {
        guard let boundaryUnits else { return true }
        return content.fragments.contains { fragment in
            if case .text(let text) = fragment { boundaryUnits.occur(in: text) } else { boundaryUnits.contains(Self.placeholder) }
        }
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

    private static func content(units: [UInt16], range: Range<Int>, codeOffsets: [Int], codeAt: [Int: Content.Fragment]) -> Content {
        var fragments: [Content.Fragment] = []
        var textStart = range.lowerBound
        for offset in codeOffsets where range.contains(offset) {
            guard let fragment = codeAt[offset] else { continue }
            if textStart < offset { fragments.append(.text(String(utf16: units[textStart ..< offset]))) }
            fragments.append(fragment)
            textStart = offset + 1
        }
        if textStart < range.upperBound { fragments.append(.text(String(utf16: units[textStart ..< range.upperBound]))) }
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

extension String {
    /// Whether every UTF-16 code unit of the string satisfies `predicate`, stopping at the
    /// first that does not: the units are decoded from the UTF-8 the string holds, in one pass
    /// (`utf16` yields them one by one through an index). A String's UTF-8 is valid, so a lead
    /// byte tells how long its sequence is.
    func allUTF16Units(satisfy predicate: (UInt16) -> Bool) -> Bool {
        withContiguousUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = UInt32(bytes[index])
                switch lead {
                case 0 ..< 0x80:
                    guard predicate(UInt16(lead)) else { return false }
                    index += 1
                case 0xC0 ..< 0xE0:
                    guard predicate(UInt16(lead & 0x1F) << 6 | UInt16(bytes[index + 1] & 0x3F)) else { return false }
                    index += 2
                case 0xE0 ..< 0xF0:
                    let unit = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    guard predicate(UInt16(unit)) else { return false }
                    index += 3
                default:
                    let scalar = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                        | UInt32(bytes[index + 3] & 0x3F)
                    guard predicate(UInt16(0xD800 | (scalar - 0x10000) >> 10)), predicate(UInt16(0xDC00 | scalar & 0x3FF)) else { return false }
                    index += 4
                }
            }
            return true
        }
    }

    /// The text of UTF-16 code units, each unpaired surrogate replaced by U+FFFD: what
    /// `String(decoding:as: UTF16.self)` gives, transcoded to UTF-8 in one pass (the standard
    /// library decodes UTF-16 scalar by scalar).
    init(utf16 units: ArraySlice<UInt16>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count * 3)
        var index = units.startIndex
        while index < units.endIndex {
            let unit = units[index]
            index += 1
            var scalar = UInt32(unit)
            if unit & 0xF800 == 0xD800 {
                if unit & 0xFC00 == 0xD800, index < units.endIndex, units[index] & 0xFC00 == 0xDC00 {
                    scalar = 0x10000 + ((UInt32(unit) & 0x3FF) << 10) + (UInt32(units[index]) & 0x3FF)
                    index += 1
                } else {
                    scalar = 0xFFFD
                }
            }
            switch scalar {
            case 0 ..< 0x80:
                bytes.append(UInt8(scalar))
            case 0x80 ..< 0x800:
                bytes.append(UInt8(0xC0 | scalar >> 6))
                bytes.append(UInt8(0x80 | scalar & 0x3F))
            case 0x800 ..< 0x10000:
                bytes.append(UInt8(0xE0 | scalar >> 12))
                bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | scalar & 0x3F))
            default:
                bytes.append(UInt8(0xF0 | scalar >> 18))
                bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | scalar & 0x3F))
            }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
