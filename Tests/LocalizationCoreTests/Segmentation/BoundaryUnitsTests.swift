import Testing
@testable import LocalizationCore

/// `TextUnit.segmented(by:)` asks neither ICU nor the rules about a text none of whose
/// characters is among the segmenter's `BoundaryUnits`. These tests check the claim that
/// allows it — such a text has no boundary — character by character and on real and
/// generated text, and that the set is derived from ICU and the rules as it says.
@Suite struct BoundaryUnitsTests {
    static let german = try! Segmenter.german()

    @Test func noCharacterOutsideTheSetMakesABoundary() throws {
        var segmentersTested = 0
        for (name, segmenter) in try SegmenterReferenceTests.segmenters() {
            // Words that are no boundary units themselves (with rules that need only "\S",
            // every letter is one).
            guard let boundaryUnits = segmenter.boundaryUnits, !boundaryUnits.occur(in: "Das Ende Neuer Satz Dritter") else { continue }
            var tested = 0
            // Each character where a terminator would stand: after a word, before spaces and
            // a capital, repeated, and at the end.
            for unit in UInt16(0) ... 0xFFFF where !boundaryUnits.contains(unit) {
                let text = Array("Das Ende".utf16) + [unit] + Array(" Neuer Satz".utf16) + [unit, unit] + Array("  Dritter".utf16) + [unit]
                let found = segmenter.boundaries(in: text)
                #expect(found.isEmpty, "\(name): U+\(String(unit, radix: 16)) gives \(found)")
                tested += 1
            }
            #expect(tested > 60000, "\(name)")
            segmentersTested += 1
        }
        #expect(segmentersTested >= 2)
    }

    @Test func textsTheShortcutSkipsHaveNoBoundary() throws {
        let texts = try SegmenterReferenceTests.realTexts() + SegmenterReferenceTests.generatedTexts(count: 1500, seed: 7)
        for (name, segmenter) in try SegmenterReferenceTests.segmenters() where segmenter.boundaryUnits != nil {
            var skipped = 0
            for text in texts where !segmenter.mayHaveBoundary(Content(text: text)) {
                #expect(segmenter.boundaries(in: Array(text.utf16)).isEmpty, "\(name): \(text.debugDescription)")
                skipped += 1
            }
            // Short texts without punctuation (headings, links) are common in both sets.
            #expect(skipped > 30, "\(name)")
        }
    }

    @Test func skippedUnitsAreTheUnitsSegmentationLeavesWhole() throws {
        var skipped = 0
        for page in try TestPaths.samplePages() {
            for unit in HTMLExtractor().extract(HTMLPage(name: page.name, bytes: page.bytes)).units {
                guard !Self.german.mayHaveBoundary(unit.source) else { continue }
                #expect(Self.german.segments(of: unit.source).count == 1, "\(page.name): \(unit.source.plainText)")
                skipped += 1
            }
        }
        #expect(skipped > 20)
    }

    @Test func theSetHoldsTerminatorsSeparatorsAndWhatBreakRulesNeed() throws {
        let units = try #require(Self.german.boundaryUnits)
        for scalar: Unicode.Scalar in [".", "!", "?", "\n", "\r", "\u{85}", "\u{2029}", "\u{3002}", "\u{0964}", "\u{203C}"] {
            #expect(units.contains(UInt16(scalar.value)), "U+\(String(scalar.value, radix: 16))")
        }
        for scalar: Unicode.Scalar in ["a", "Ä", " ", "\t", ",", ":", ";", "\u{FFFC}", "\u{A0}", "\u{2026}"] {
            #expect(!units.contains(UInt16(scalar.value)), "U+\(String(scalar.value, radix: 16))")
        }
        #expect(units.contains(0xD835) && units.contains(0xDC00))
        #expect(units.occur(in: "𝐀"))
        #expect(!units.occur(in: "Übersicht der Beratungsstellen"))
        #expect(units.occur(in: "Übersicht."))

        // A break rule adds the characters each of its matches needs.
        let rule = SRXRules.Rule(isBreak: true, before: "[xy]\\s+", after: "")
        let withRule = try #require(BoundaryUnits(breakRules: [rule], locale: "de"))
        #expect(withRule.contains(UInt16(UInt8(ascii: "x"))) && withRule.contains(UInt16(UInt8(ascii: "y"))))
        #expect(!withRule.contains(UInt16(UInt8(ascii: "z"))) && !withRule.contains(0x20))
        // Nothing is known when a break rule needs no particular character, or when the
        // locale's sentence rules are tailored (Greek ends questions with ";").
        #expect(BoundaryUnits(breakRules: [SRXRules.Rule(isBreak: true, before: "", after: "x")], locale: "de") == nil)
        #expect(BoundaryUnits(breakRules: [SRXRules.Rule(isBreak: true, before: "a|b", after: "")], locale: "de") == nil)
        #expect(BoundaryUnits(breakRules: [], locale: "el") == nil)
    }

    @Test func requiredCharactersAreThoseEveryMatchConsumes() {
        #expect(RegexShape(pattern: #"\n[^\S\n]*\n"#)?.requiredCharacterPatterns == [#"\n"#, #"\n"#])
        #expect(RegexShape(pattern: #"(?:a)b?c*d+e{0,2}f{1,}"#)?.requiredCharacterPatterns == ["d", "f"])
        #expect(RegexShape(pattern: #"(?<=x)y(?=z)"#)?.requiredCharacterPatterns == ["y"])
        #expect(RegexShape(pattern: #"a|b"#)?.requiredCharacterPatterns == [])
        #expect(RegexShape(pattern: #"(?:a|b)\s"#)?.requiredCharacterPatterns == [#"\s"#])
        #expect(RegexShape(pattern: "")?.requiredCharacterPatterns == [])
    }

    /// `occur(in:)` reads UTF-8 and decodes only characters whose lead byte may begin a unit:
    /// it must answer as a look at every UTF-16 unit does, for every character and in text.
    @Test func unitsOccurInTextAsInItsUTF16() throws {
        for (name, segmenter) in try SegmenterReferenceTests.segmenters() {
            guard let units = segmenter.boundaryUnits else { continue }
            func expectOccurrence(_ text: String) {
                #expect(units.occur(in: text) == text.utf16.contains(where: units.contains), "\(name): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            for value in UInt32(0) ... 0x10FFFF where value % 97 == 0 || value <= 0xFFFF {
                guard let scalar = Unicode.Scalar(value) else { continue }
                expectOccurrence("ab" + String(Character(scalar)) + "cd")
            }
            for text in SegmenterReferenceTests.generatedTexts(count: 300, seed: 5) + ["", "€", "„Ja“", "𝐀", "a😀b\u{FFFF}\u{10FFFF}", "\u{85}", "\u{2029}"] {
                expectOccurrence(text)
            }
        }
    }

    @Test func utf16UnitsAreDecodedAsTheStandardLibraryDoes() {
        for text in SegmenterReferenceTests.generatedTexts(count: 300, seed: 11) + ["", "ä", "€", "𝐀", "a😀b\u{FFFF}\u{10FFFF}"] {
            var units: [UInt16] = []
            #expect(text.allUTF16Units { units.append($0); return true })
            #expect(units == Array(text.utf16), "\(text.debugDescription)")
        }
        #expect(!"abc".allUTF16Units { $0 != UInt16(UInt8(ascii: "b")) })
    }
}
