import Synchronization
import Testing
@testable import LocalizationCore

/// `Segmenter.boundaries(in:)` remembers what it found for a text (`CompiledRules.remembered`):
/// a text met again must get exactly the boundaries it gets afresh, texts that differ only
/// slightly (one code unit, a canonically equivalent spelling) must not share an answer, and
/// forgetting at the limit must not change an answer.
@Suite struct SegmenterMemoryTests {
    /// Generated texts, each also in variants that `String` would compare as equal or that
    /// share a long prefix with it.
    static func texts() -> [[UInt16]] {
        var texts: [[UInt16]] = []
        for text in SegmenterReferenceTests.generatedTexts(count: 400, seed: 99) {
            texts.append(Array(text.utf16))
            // "ä" precomposed and decomposed: equal as Strings, different code units.
            texts.append(Array((text + "Bär. Ende.").utf16))
            texts.append(Array((text + "Ba\u{308}r. Ende.").utf16))
            texts.append(Array((text + "z. B. Ende.").utf16))
            texts.append(Array((text + "z. b. Ende.").utf16))
        }
        return texts
    }

    @Test func rememberedBoundariesAreTheBoundariesFoundAfresh() throws {
        let segmenter = try Segmenter.german()
        let texts = Self.texts()
        // Each text is asked for three times, interleaved with the others; every answer is
        // compared with the rules' definition, computed without memory.
        var answeredFromMemory = 0
        for round in 0 ..< 3 {
            for text in texts {
                let remembered = segmenter.pooledRulesRemember(text)
                let found = segmenter.boundaries(in: text)
                #expect(found == SegmenterReferenceTests.referenceBoundaries(segmenter, text), "round \(round): \(String(decoding: text, as: UTF16.self).debugDescription)")
                if remembered { answeredFromMemory += 1 }
            }
        }
        // The later rounds were answered from memory (empty texts are never remembered).
        #expect(answeredFromMemory > texts.count)
    }

    @Test func forgettingAtTheLimitKeepsAnswersRight() throws {
        let compiled = try CompiledRules(try Segmenter.german().rules, language: "de")
        let texts = Self.texts()
        let reference = try Segmenter.german()
        for text in texts where !text.isEmpty {
            let found = text.withUnsafeBufferPointer { compiled.boundaries(in: $0, locale: "de") }
            compiled.remembered.remember(found, for: text, size: text.count)
        }
        #expect(compiled.remembered.entries.count > 100)
        // One text of the limit's size makes the table start again.
        let large = [UInt16](repeating: 0x61, count: CompiledRules.rememberedUnitLimit)
        compiled.remembered.remember([], for: large, size: large.count)
        #expect(compiled.remembered.entries.count == 1)
        for text in texts.prefix(50) {
            #expect(reference.boundaries(in: text) == SegmenterReferenceTests.referenceBoundaries(reference, text))
        }
    }
}

extension Segmenter {
    /// Whether the rules the next call will use remember `text` (tests only).
    func pooledRulesRemember(_ text: [UInt16]) -> Bool {
        pool.withLock { $0.last?.remembered[text] != nil }
    }
}
