import Testing
@testable import LocalizationCore

/// Units split into sentences: the model, both XLIFF versions in and out, and the memory
/// import that stores sentences.
@Suite struct SegmentTests {
    static let bold = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>")
    static let boldEnd = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "</b>")

    /// "Der Rat tagt am 3. Oktober. Die <b>Sitzung ist öffentlich. Alle</b> sind eingeladen."
    static func unit() throws -> TextUnit {
        let source = Content([
            .text("Der Rat tagt am 3. Oktober.  Die "), .opening(bold), .text("Sitzung ist öffentlich. Alle"), .closing(boldEnd),
            .text(" sind eingeladen."),
        ])
        return TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: source).segmented(by: try Segmenter.german())
    }

    @Test func aUnitIsSplitIntoSentencesWithTheSpacingKeptApart() throws {
        let unit = try Self.unit()
        #expect(unit.segments.map(\.source.plainText) == ["Der Rat tagt am 3. Oktober.", "Die Sitzung ist öffentlich.", "Alle sind eingeladen."])
        #expect(unit.segments.map(\.id) == ["s1", "s2", "s3"])
        #expect(unit.parts.compactMap { if case .ignorable(let space) = $0 { space } else { nil } } == ["  ", " "])
        // The bold pair crosses a sentence boundary: each sentence holds one half.
        #expect(unit.segments[1].source.fragments.contains(.standalone(Self.bold, isolated: .opening)))
        #expect(unit.segments[2].source.fragments.contains(.standalone(Self.boldEnd, isolated: .closing)))
        #expect(Content.joining(unit.parts.map { part in
            switch part {
            case .segment(let segment): segment.source
            case .ignorable(let space): Content(text: space)
            }
        }) == unit.source)
    }

    @Test func aSentenceUnitIsLeftAsItIs() throws {
        let unit = TextUnit(id: "u", placement: .elementContent(elementName: "p"), name: "p", source: Content(text: "Am 1. Januar 2020 z. B. nicht."))
        let segmented = unit.segmented(by: try Segmenter.german())
        #expect(!segmented.isSegmented)
        #expect(segmented.segments.count == 1)
    }

    @Test func theUnitTargetIsTheSentencesJoinedOnceAllAreTranslated() throws {
        var unit = try Self.unit()
        unit.updateSegments { segment in
            var segment = segment
            if segment.id != "s3" {
                segment.target = Content(text: "T-\(segment.id).")
                segment.state = .reviewed
            }
            return segment
        }
        #expect(unit.target == nil, "one sentence is still missing")
        unit.updateSegments { segment in
            var segment = segment
            if segment.id == "s3" {
                segment.target = Content(text: "T-s3.")
                segment.state = .translated
            }
            return segment
        }
        #expect(unit.target?.plainText == "T-s1.  T-s2. T-s3.")
        #expect(unit.state == .translated, "the least advanced sentence decides")
    }

    @Test(arguments: [XLIFFDocument.Version.v1_2, .v2_1])
    func sentencesSurviveAWriteAndReadWithPartialTargets(version: XLIFFDocument.Version) throws {
        var unit = try Self.unit()
        unit.updateSegments { segment in
            var segment = segment
            switch segment.id {
            case "s1": segment.target = Content(text: "The council meets on 3 October.")
            case "s2": segment.target = Content([.text("The "), .standalone(Self.bold, isolated: .opening), .text("meeting is public.")])
            default: break
            }
            segment.state = segment.target == nil ? .initial : .translated
            segment.candidates = segment.id == "s3"
                ? [TranslationCandidate(score: 87, source: Content(text: "Alle sind willkommen."), target: Content(text: "All are welcome."), origin: "memory/sample")]
                : []
            return segment
        }
        let document = XLIFFDocument(version: version, sourceLanguage: "de", targetLanguage: "en", files: [XLIFFFile(original: "p.html", units: [unit])])
        let text = Job.serialize(document)
        let read = try XLIFFReader().read(Array(text.utf8), file: "job.xlf").files[0].units[0]

        // XLIFF 1.2 does not carry the codes' original markup: compare text and code placement.
        #expect(read.segments.map(\.source.shape) == unit.segments.map(\.source.shape))
        #expect(read.segments.map(\.target?.shape) == unit.segments.map(\.target?.shape))
        #expect(read.source.shape == unit.source.shape)
        #expect(read.target == nil, "a unit with an untranslated sentence has no target")
        if version == .v1_2 {
            #expect(text.contains(#"<alt-trans mid="s3" match-quality="87%""#))
        } else {
            #expect(text.contains(##"ref="#s3""##))
            #expect(text.contains(#"<ec startRef="1""#), "the pair across sentences is <sc>/<ec> within the unit")
        }
    }

    @Test func aReturnedUnitIsStoredSentenceBySentence() throws {
        var unit = try Self.unit()
        unit.updateSegments { segment in
            var segment = segment
            segment.target = Content(text: "EN \(segment.id).")
            segment.state = .translated
            return segment
        }
        let document = XLIFFDocument(version: .v1_2, sourceLanguage: "de", targetLanguage: "en", files: [XLIFFFile(original: "p.html", units: [unit])])
        let returned = try XLIFFReader().read(Array(Job.serialize(document).utf8), file: "back.xlf")
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en")
        #expect(memory.add(returned, file: "back.xlf", translator: "Anna", now: "2026-11-26T12:00:00Z") == 3)
        #expect(memory.entries.map(\.target.plainText) == ["EN s1.", "EN s2.", "EN s3."])
        #expect(memory.entries[1].context == .init(unit: "p.html#u1", previous: "Der Rat tagt am 3. Oktober.", next: "Alle sind eingeladen."))
        // The middle sentence, found again in another paragraph between the same neighbours, is 101%.
        let match = try #require(memory.matches(for: unit.segments[1].source, context: .init(unit: "q.html#x", previous: "Der Rat tagt am 3. Oktober.", next: "Alle sind eingeladen.")).first)
        #expect(match.score == 101)
    }

    @Test func aUnitTranslatedWholeIsAlignedWhenTheSentencesCorrespond() throws {
        let source = Content(text: "Der Rat tagt heute. Die Sitzung ist öffentlich.")
        let aligned = TextUnit(id: "a", placement: .elementContent(elementName: "p"), name: "p", source: source,
                               target: Content(text: "The council meets today. The meeting is public."), state: .translated)
        let merged = TextUnit(id: "b", placement: .elementContent(elementName: "p"), name: "p", source: Content(text: "Es regnet. Es ist kalt."),
                              target: Content(text: "It is raining and cold."), state: .translated)
        let document = XLIFFDocument(version: .v1_2, sourceLanguage: "de", targetLanguage: "en", files: [XLIFFFile(original: "p.html", units: [aligned, merged])])
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en")
        memory.add(document, file: "whole.xlf", translator: nil, now: "2026-11-26T12:00:00Z")
        #expect(memory.entries.map(\.source.plainText) == ["Der Rat tagt heute.", "Die Sitzung ist öffentlich.", "Es regnet. Es ist kalt."])
        #expect(memory.entries.map(\.target.plainText) == ["The council meets today.", "The meeting is public.", "It is raining and cold."])
    }
}
