import Synchronization
import Testing
@testable import LocalizationCore

/// `Segmenter.segments(of:)` remembers a unit's sentences by its exact content
/// (`CompiledRules.rememberedSentences`): content met again must get, byte for byte, the
/// sentences it gets afresh — also content with the same text and other codes, or text that
/// `String` compares as equal but is spelled with other code points.
@Suite struct SentenceMemoryTests {
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

    /// Every byte of the sentences: texts and codes as UTF-8, so that canonically equivalent
    /// spellings differ.
    static func bytes(_ sentences: [Content]) -> [[[UInt8]]] {
        sentences.map { sentence in
            sentence.fragments.map { fragment -> [UInt8] in
                switch fragment {
                case .text(let text): return [0] + Array(text.utf8)
                case .opening(let code): return [1] + bytes(code)
                case .closing(let code): return [2] + bytes(code)
                case .standalone(let code, let half): return [3, half == .opening ? 1 : half == .closing ? 2 : 0] + bytes(code)
                }
            }
        }
    }

    static func bytes(_ code: InlineCode) -> [UInt8] {
        let attributes = code.formatAttributes.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.flatMap { [$0.key, $0.value] }
        return ([code.id, code.kind.rawValue, code.elementName, code.originalData, code.displayText ?? "-", "\(code.canDelete)\(code.canCopy)"]
            + attributes).flatMap { Array($0.utf8) + [0xFF] }
    }

    @Test func rememberedSentencesAreTheSentencesFoundAfresh() throws {
        let segmenter = try Segmenter.german()
        let contents = try Self.contents()
        var answeredFromMemory = 0
        for round in 0 ..< 2 {
            for content in contents {
                let remembered = segmenter.pool.withLock { $0.last?.rememberedSentences[Segmenter.ExactContent(content)] != nil }
                let sentences = segmenter.segments(of: content)
                let fresh = segmenter.withPooledRules { segmenter.segmentsFound(of: content, using: $0).sentences }
                #expect(Self.bytes(sentences) == Self.bytes(fresh), "round \(round): \(content.plainText.debugDescription)")
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
        for other in others { #expect(key(bold) != key(other), "\(other.fragments)") }
        let precomposedName = Content([.standalone(Self.code("1", attributes: ["ä": "1"]))])
        #expect(key(precomposedName) != key(Content([.standalone(Self.code("1", attributes: ["a\u{308}": "1"]))])))
    }
}
