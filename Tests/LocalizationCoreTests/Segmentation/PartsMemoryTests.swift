import Synchronization
import Testing
@testable import LocalizationCore

/// `Segmenter.parts(of:)` (for `TextUnit.segmented(by:)`) remembers a unit's parts by its
/// exact content (`CompiledRules.rememberedParts`): content met again must get, byte for byte,
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
        var answeredFromMemory = 0
        for round in 0 ..< 2 {
            for content in contents {
                let remembered = segmenter.pool.withLock { $0.last?.rememberedParts[Segmenter.ExactContent(content)] != nil }
                let parts = segmenter.parts(of: content)
                let fresh = UnitPart.parts(ofSentences: segmenter.segments(of: content))
                #expect(Self.bytes(parts) == Self.bytes(fresh), "round \(round): \(content.plainText.debugDescription)")
                if remembered { answeredFromMemory += 1 }
            }
        }
        // The second round was answered from memory.
        #expect(answeredFromMemory >= contents.count)
    }

    @Test func contentIsTheSameKeyOnlyWithTheSameBytes() {
        let key = { (content: Content) in Segmenter.ExactContent(content) }
        let bold = Content([.opening(Self.code("1")), .text("Bär."), .closing(Self.code("1"))])
        #expect(key(bold) == key(Content([.opening(Self.code("1")), .text("Bär."), .closing(Self.code("1"))])))
        #expect(key(bold).hashValue == key(Content([.opening(Self.code("1")), .text("Bär."), .closing(Self.code("1"))])).hashValue)
        let others = [
            Content([.opening(Self.code("1")), .text("Ba\u{308}r."), .closing(Self.code("1"))]),
            Content([.opening(Self.code("2")), .text("Bär."), .closing(Self.code("2"))]),
            Content([.opening(Self.code("1", data: "<b id=\"x\">")), .text("Bär."), .closing(Self.code("1"))]),
            Content([.standalone(Self.code("1"), isolated: .opening), .text("Bär."), .closing(Self.code("1"))]),
            Content([.opening(Self.code("1", attributes: ["x": "1"])), .text("Bär."), .closing(Self.code("1"))]),
            Content(text: "Bär."),
        ]
        // Codes that differ in one field each (bold's code has kind .formatting, element "b",
        // no display text, and may be neither deleted nor copied).
        let variants = [
            InlineCode(id: "1", kind: .other, elementName: "b", originalData: "<b>"),
            InlineCode(id: "1", kind: .formatting, elementName: "strong", originalData: "<b>"),
            InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>", displayText: "b"),
            InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>", canDelete: true),
            InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>", canCopy: true),
        ]
        for variant in variants {
            let other = Content([.opening(variant), .text("Bär."), .closing(Self.code("1"))])
            #expect(key(bold) != key(other), "\(variant)")
        }
        for other in others { #expect(key(bold) != key(other), "\(other.fragments)") }
        let precomposedName = Content([.standalone(Self.code("1", attributes: ["ä": "1"]))])
        #expect(key(precomposedName) != key(Content([.standalone(Self.code("1", attributes: ["a\u{308}": "1"]))])))
    }
}
