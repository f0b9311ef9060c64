import Synchronization
import Testing
@testable import LocalizationCore

/// `Segmenter.parts(of:)` (for `TextUnit.segmented(by:)`) remembers a unit's parts by its
/// exact content (`PartsMemory`): content met again must get, byte for byte,
/// the parts it gets afresh — also content with the same text and other codes, or text that
/// `String` compares as equal but is spelled with other code points.
@Suite struct PartsMemoryTests {
    static func code(_ id: String, data: String = "<b>", attributes: [String: String] = [:]) -> InlineCode {
        InlineCode(id: id, kind: .formatting, elementName: "b", originalData: data, formatAttributes: attributes)
    }

    /// The sample pages' units, generated texts, and variants of each: other codes around the
    /// same text, codes that differ only in their data, decomposed "ä".
    static func contents() throws -> [Content] {
        var texts: [String] = []
        var contents: [Content] = []
        for page in try TestPaths.samplePages() {
            for unit in HTMLExtractor().extract(HTMLPage(name: page.name, bytes: page.bytes)).units {
                contents.append(unit.source)
                texts.append(unit.source.plainText)
            }
        }
        texts += SegmenterReferenceTests.generatedTexts(count: 200, seed: 7)
        for text in texts {
            let spelledApart = text + " Bär. Ba\u{308}r."
            let spelledTogether = text + " Bär. Bär."
            for text in [text, spelledApart, spelledTogether] {
                let middle = text.index(text.startIndex, offsetBy: text.count / 2)
                let (head, tail) = (String(text[..<middle]), String(text[middle...]))
                contents += [
                    Content(text: text),
                    Content([.opening(code("1")), .text(head), .closing(code("1")), .text(tail)]),
                    Content([.opening(code("2")), .text(head), .closing(code("2")), .text(tail)]),
                    Content([.opening(code("1", data: "<b class=\"x\">")), .text(head), .closing(code("1")), .text(tail)]),
                    Content([.standalone(code("1"), isolated: .opening), .text(head), .closing(code("1")), .text(tail)]),
                    Content([.text(head), .standalone(code("1")), .text(tail)]),
                    Content([.text(head), .standalone(code("1", attributes: ["x": "ä"])), .text(tail)]),
                    Content([.text(head), .standalone(code("1", attributes: ["x": "a\u{308}"])), .text(tail)]),
                ]
            }
        }
        return contents
    }

    /// Every byte of the parts: texts and codes as UTF-8, so that canonically equivalent
    /// spellings differ.
    static func bytes(_ parts: [UnitPart]) -> [[[UInt8]]] {
        parts.map { part in
            switch part {
            case .ignorable(let space): [[4] + Array(space.utf8)]
            case .segment(let segment): [Array(segment.id.utf8)] + segment.source.fragments.map(bytes)
            }
        }
    }

    static func bytes(_ fragment: Content.Fragment) -> [UInt8] {
        switch fragment {
        case .text(let text): [0] + Array(text.utf8)
        case .opening(let code): [1] + bytes(code)
        case .closing(let code): [2] + bytes(code)
        case .standalone(let code, let half): [3, half == .opening ? 1 : half == .closing ? 2 : 0] + bytes(code)
        }
    }

    static func bytes(_ code: InlineCode) -> [UInt8] {
        let attributes = code.formatAttributes.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.flatMap { [$0.key, $0.value] }
        return ([code.id, code.kind.rawValue, code.elementName, code.originalData, code.displayText ?? "-", "\(code.canDelete)\(code.canCopy)"]
            + attributes).flatMap { Array($0.utf8) + [0xFF] }
    }

    @Test func rememberedPartsAreThePartsFoundAfresh() throws {
        let segmenter = try Segmenter.german()
        let contents = try Self.contents()
        for round in 0 ..< 2 {
            for content in contents {
                let parts = segmenter.parts(of: content)
                let fresh = UnitPart.parts(ofSentences: segmenter.segments(of: content))
                #expect(Self.bytes(parts) == Self.bytes(fresh), "round \(round): \(content.plainText.debugDescription)")
            }
        }
        // Every content was remembered the first time: the second round finds nothing afresh.
        var memory = PartsMemory(limit: CompiledRules.rememberedUnitLimit)
        var foundAfresh = [0, 0]
        for round in 0 ..< 2 {
            for content in contents {
                _ = memory.parts(of: content) {
                    foundAfresh[round] += 1
                    return UnitPart.parts(ofSentences: segmenter.segments(of: content))
                }
            }
        }
        #expect(foundAfresh[0] > contents.count / 2)
        #expect(foundAfresh[1] == 0)
    }

    /// Looks `content` up in `memory`: the parts remembered, or nil when they had to be found
    /// (they are then remembered as `marker`).
    static func lookUp(_ content: Content, in memory: inout PartsMemory, marker: String = "new") -> String? {
        var found = false
        let parts = memory.parts(of: content) {
            found = true
            return [.ignorable(marker)]
        }
        guard !found, case .ignorable(let remembered)? = parts.first else { return nil }
        return remembered
    }

    @Test func contentIsKnownAgainOnlyWithTheSameBytes() {
        var memory = PartsMemory(limit: CompiledRules.rememberedUnitLimit)
        let bold = Content([.opening(Self.code("1")), .text("Bär."), .closing(Self.code("1"))])
        #expect(Self.lookUp(bold, in: &memory, marker: "bold") == nil)
        #expect(Self.lookUp(Content([.opening(Self.code("1")), .text("Bär."), .closing(Self.code("1"))]), in: &memory) == "bold")
        let others = [
            Content([.opening(Self.code("1")), .text("Ba\u{308}r."), .closing(Self.code("1"))]),
            Content([.opening(Self.code("2")), .text("Bär."), .closing(Self.code("2"))]),
            Content([.opening(Self.code("1", data: "<b id=\"x\">")), .text("Bär."), .closing(Self.code("1"))]),
            Content([.standalone(Self.code("1"), isolated: .opening), .text("Bär."), .closing(Self.code("1"))]),
            Content([.standalone(Self.code("1"), isolated: .closing), .text("Bär."), .closing(Self.code("1"))]),
            Content([.standalone(Self.code("1")), .text("Bär."), .closing(Self.code("1"))]),
            Content([.closing(Self.code("1")), .text("Bär."), .closing(Self.code("1"))]),
            Content([.opening(Self.code("1", attributes: ["x": "1"])), .text("Bär."), .closing(Self.code("1"))]),
            Content(text: "Bär."),
            // The same bytes, placed otherwise between the fields.
            Content([.opening(InlineCode(id: "1f", kind: .formatting, elementName: "b", originalData: "<b>")), .text("Bär."), .closing(Self.code("1"))]),
        ]
        // Codes that differ in one field each (bold's code has kind .formatting, element "b",
        // no display text, and may be neither deleted nor copied).
        let variants = [
            InlineCode(id: "1", kind: .other, elementName: "b", originalData: "<b>"),
            InlineCode(id: "1", kind: .formatting, elementName: "strong", originalData: "<b>"),
            InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>", displayText: "b"),
            InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>", displayText: ""),
            InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>", canDelete: true),
            InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>", canCopy: true),
            InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>", formatAttributes: ["x": ""]),
        ]
        for (index, other) in (others + variants.map { Content([.opening($0), .text("Bär."), .closing(Self.code("1"))]) }).enumerated() {
            #expect(Self.lookUp(other, in: &memory, marker: "\(index)") == nil, "\(other.fragments)")
            #expect(Self.lookUp(other, in: &memory) == "\(index)", "\(other.fragments)")
        }
        let precomposedName = Content([.standalone(Self.code("1", attributes: ["ä": "1"]))])
        #expect(Self.lookUp(precomposedName, in: &memory) == nil)
        #expect(Self.lookUp(Content([.standalone(Self.code("1", attributes: ["a\u{308}": "1"]))]), in: &memory) == nil)
        // The same attributes, whatever order the dictionaries list them in.
        var attributes: [String: String] = [:]
        attributes.reserveCapacity(64)
        for index in (0 ..< 20).reversed() { attributes["a\(index)"] = "\(index)" }
        let listed = Dictionary(uniqueKeysWithValues: (0 ..< 20).map { ("a\($0)", "\($0)") })
        #expect(Self.lookUp(Content([.standalone(Self.code("1", attributes: listed))]), in: &memory, marker: "listed") == nil)
        #expect(Self.lookUp(Content([.standalone(Self.code("1", attributes: attributes))]), in: &memory) == "listed")
    }

    /// Every field of `InlineCode` must be spelled (`PartsMemory.spell(_:kind:_:)`): a field
    /// left out would let two units that differ in it share the parts (and codes) of one.
    @Test func everyFieldOfACodeIsSpelled() {
        let fields = Mirror(reflecting: Self.code("1")).children.map(\.label)
        #expect(fields == ["id", "kind", "elementName", "originalData", "displayText", "canDelete", "canCopy", "formatAttributes"],
                "InlineCode's fields changed: spell the new ones in PartsMemory and test them in contentIsKnownAgainOnlyWithTheSameBytes")
    }

    @Test func contentsWithTheSameHashKeepTheirOwnParts() throws {
        // Every content collides with every other.
        var memory = PartsMemory(limit: CompiledRules.rememberedUnitLimit, hash: { _ in 7 })
        let contents = Array(try Self.contents().prefix(300))
        var markers: [String?] = []
        for (index, content) in contents.enumerated() { markers.append(Self.lookUp(content, in: &memory, marker: "\(index)")) }
        for (index, content) in contents.enumerated() {
            // A content met before gets the marker of its first time.
            let first = contents.firstIndex { PartsMemory.spelling(of: $0) == PartsMemory.spelling(of: content) }!
            #expect(markers[index] == (first == index ? nil : "\(first)"))
            #expect(Self.lookUp(content, in: &memory) == "\(first)")
        }
    }

    @Test func forgettingAtTheLimitKeepsTheLatest() {
        let contents = (0 ..< 40).map { Content(text: "Satz \($0). Noch ein Satz.") }
        let spelled = PartsMemory.spelling(of: contents[0]).count
        var memory = PartsMemory(limit: spelled * 10)
        for (index, content) in contents.prefix(10).enumerated() { #expect(Self.lookUp(content, in: &memory, marker: "\(index)") == nil) }
        #expect(memory.count == 10)
        for (index, content) in contents.prefix(10).enumerated() { #expect(Self.lookUp(content, in: &memory) == "\(index)") }
        // The eleventh goes beyond the limit: the others are forgotten, it is remembered.
        #expect(Self.lookUp(contents[10], in: &memory, marker: "10") == nil)
        #expect(memory.count == 1)
        #expect(Self.lookUp(contents[10], in: &memory) == "10")
        #expect(Self.lookUp(contents[0], in: &memory, marker: "0 again") == nil)
        #expect(Self.lookUp(contents[0], in: &memory) == "0 again")
        #expect(Self.lookUp(contents[10], in: &memory) == "10")
    }
}
