import Foundation
import Testing
@testable import LocalizationCore

/// Exact lookups compare a sentence's key with entries' sources piece by piece
/// (`MemoryEntry.spells`) instead of building each entry's key; they must answer what
/// comparing the built keys (`entry.key == key`) answers. Held to it on generated contents
/// with codes, decomposed text (in entries whose source was changed after they were made, so
/// not in NFC) and keys that differ from an entry's by one piece, one byte, or only in form.
@Suite struct MemoryEntryKeyTests {
    static let bold = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>")
    static let link = InlineCode(id: "12", kind: .link, elementName: "a", originalData: "<a href='/'>")
    static let texts = ["Der Rat tagt.", "za\u{0308}hlt", "zählt", "", " ", "\u{E001}", "مرحبا", "1", "e\u{0301}"]

    struct Case {
        var contents: [Content] = []
        var keys: [String] = []
    }

    /// Contents, and keys to ask for: their own, cut short, one byte changed, decomposed.
    static func generated(seed: UInt64) -> Case {
        var random = SplitMix64(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        var result = Case()
        for _ in 0 ..< 60 {
            // Fragments as they stand, uncoalesced, so that texts meet and codes have odd ids.
            var content = Content()
            content.fragments = (0 ..< Int(random.next() % 5)).map { _ in
                switch random.next() % 5 {
                case 0: .opening(pick([bold, link]))
                case 1: .closing(pick([bold, link]))
                case 2: .standalone(pick([bold, link]), isolated: pick([nil, .opening, .closing]))
                default: .text(pick(texts))
                }
            }
            result.contents.append(content)
            let key = MemoryEntry.key(for: content)
            var bytes = Array(key.utf8)
            result.keys.append(key)
            result.keys.append(String(decoding: bytes.dropLast(), as: UTF8.self))
            if !bytes.isEmpty {
                bytes[Int(random.next() % UInt64(bytes.count))] ^= 1
                result.keys.append(String(decoding: bytes, as: UTF8.self))
            }
            result.keys.append(key.replacingOccurrences(of: "ä", with: "a\u{0308}").replacingOccurrences(of: "é", with: "e\u{0301}"))
            result.keys.append(key + pick(texts))
        }
        return result
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64]) func spellingAKeyIsHavingIt(seed: UInt64) {
        let generated = Self.generated(seed: seed)
        for content in generated.contents {
            let built = MemoryEntry.key(for: content)
            for key in generated.keys {
                let spells = MemoryEntry.spells(key, content)
                if spells { #expect(built == key, "\(content) spells \(key.debugDescription)") }
                // In NFC byte for byte (`==` on content would compare canonical equivalents).
                let isNFC = content.fragments.allSatisfy { fragment in
                    guard case .text(let text) = fragment else { return true }
                    return text.utf8.elementsEqual(text.nfc.utf8)
                }
                if isNFC {
                    #expect(spells == built.utf8.elementsEqual(key.utf8), "\(content), \(key.debugDescription)")
                }
            }
        }
    }

    /// `hasKey` and `exactEntries` against the straightforward comparison of built keys.
    @Test(arguments: [5, 6, 7] as [UInt64]) func lookupsFindWhatComparingKeysFinds(seed: UInt64) {
        let generated = Self.generated(seed: seed)
        var random = SplitMix64(seed: seed)
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en")
        for (number, content) in generated.contents.enumerated() {
            var entry = MemoryEntry(source: content, target: Content(text: "t\(number)"), provenance: .init(origin: .sample, date: "2026"),
                                    context: .init(unit: "u\(random.next() % 3)"))
            // Some sources as they stand, not in NFC: the entry's key is still its NFC form.
            if random.next() % 3 == 0 { entry.source = content }
            memory.add(entry)
        }
        for key in generated.keys {
            let hash = stableHash64(key)
            let expected = memory.entries.indices.filter { memory.keyHash(at: $0) == hash && memory.entries[$0].key == key }
            #expect(memory.exactEntries(forKey: key) == expected.map { memory.entries[$0] }, "\(key.debugDescription)")
            for index in memory.entries.indices {
                #expect(memory.hasKey(key, hash: hash, at: index) == expected.contains(index), "\(key.debugDescription) at \(index)")
            }
        }
    }
}
