import Foundation
import Testing
@testable import LocalizationCore

/// A job pre-fills a sentence's target from an exact match; when a code pair is split between
/// two sentences, both sentences with a half keep their pre-filled targets or neither does, so
/// that a translator completing the unit returns pairs XLIFF 2 accepts.
@Suite struct HalfFilledPairTests {
    static func code(_ id: String) -> InlineCode {
        InlineCode(id: id, kind: .formatting, elementName: "b", originalData: "<b>")
    }

    /// Sentences `s1`…`sN` from their fragments, none with a target yet.
    static func unit(_ sentences: [[Content.Fragment]]) -> TextUnit {
        var unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: Content(sentences.flatMap { $0 }))
        unit.parts = sentences.enumerated().flatMap { index, fragments -> [UnitPart] in
            let segment = Segment(id: "s\(index + 1)", source: Content(fragments))
            return index == 0 ? [.segment(segment)] : [.ignorable(" "), .segment(segment)]
        }
        return unit
    }

    /// The unit pre-filled (in XLIFF 2) where `prefilled` says, each sentence with its source.
    static func prefill(_ prefilled: Set<Int>) -> TextUnit {
        let unit = unit(sentences)
        let prefills = Dictionary(uniqueKeysWithValues: prefilled.map { ($0, unit.segments[$0].source) })
        return BatchRun.prefilled(unit, with: prefills, state: .translated, keepingPairsWhole: true)
    }

    static func filled(_ unit: TextUnit) -> [Int] {
        unit.segments.indices.filter { unit.segments[$0].target != nil }
    }

    /// `<b>` opened in s2 and closed in s3; `<i>` (code 2) opened in s1 and closed in s2.
    static let sentences: [[Content.Fragment]] = [
        [.text("Der Rat tagt "), .standalone(code("2"), isolated: .opening), .text("heute.")],
        [.text("Die "), .standalone(code("2"), isolated: .closing), .standalone(code("1"), isolated: .opening), .text("Sitzung ist öffentlich.")],
        [.text("Alle"), .standalone(code("1"), isolated: .closing), .text(" sind eingeladen.")],
        [.text("Danke.")],
    ]

    @Test func aPairHalfFilledLosesItsTargetAndEveryPairItLeavesHalfFilled() {
        // s2 and s3 hold the halves of code 1: filled together, both stay.
        #expect(Self.filled(Self.prefill([0, 1, 2])) == [0, 1, 2])
        // s3 alone: it gets no target, and keeps the state it had.
        let alone = Self.prefill([2, 3])
        #expect(Self.filled(alone) == [3])
        #expect(alone.segments[2].state == .initial)
        #expect(alone.segments[3].state == .translated)
        // s1 and s2: code 2 is whole, but s2 leaves code 1 half filled; without s2, code 2 is
        // half filled in turn, and s1 goes too.
        #expect(Self.filled(Self.prefill([0, 1, 3])) == [3])
        // A sentence without a half is never touched.
        #expect(Self.filled(Self.prefill([3])) == [3])
        // XLIFF 1.2 pre-fills every sentence with a match.
        let unit = Self.unit(Self.sentences)
        #expect(Self.filled(BatchRun.prefilled(unit, with: [2: unit.segments[2].source], state: .translated, keepingPairsWhole: false)) == [2])
    }

    /// End to end: a memory holds the sentence with the start of a `<b>` that the next sentence
    /// ends. The XLIFF 2.1 job offers it as a match without pre-filling it, and the job,
    /// completed as a translator's tool completes it (each sentence's codes as its source has
    /// them), reads back as valid XLIFF 2; pre-filled, it held an isolated start code that the
    /// completed sentence's end code then closed.
    @Test func anXLIFF2JobCompletedSentenceBySentenceIsValid() async throws {
        let root = try temporaryFolder("half-filled")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data(#"{"targetLocales": ["en"], "pseudoLocales": [], "xliffVersion": "2.1"}"#.utf8).write(to: root.appendingPathComponent(Project.fileName))
        try Data("<p>Der Rat tagt heute. Die <b>Sitzung ist öffentlich. Alle</b> sind eingeladen.</p>".utf8)
            .write(to: root.appendingPathComponent("content/rat.html"))
        let project = try Project(root: root)
        let bold = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>")
        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en")
        memory.add(MemoryEntry(source: Content([.text("Die "), .standalone(bold, isolated: .opening), .text("Sitzung ist öffentlich.")]),
                               target: Content([.text("The "), .standalone(bold, isolated: .opening), .text("meeting is public.")]),
                               provenance: .init(origin: .translator, date: "2026-11-26T12:00:00Z")))
        try MemoryStore(project: project).save(memory, for: try TargetLanguage("en"))

        _ = try await BatchRun(project: project).run()
        let text = String(decoding: try ProjectFiles.read(root.appendingPathComponent("jobs/outgoing/en-0001.xlf")), as: UTF8.self)
        let unit = try #require(try XLIFFReader().read(Array(text.utf8), file: "en.xlf").files.first?.units.first)
        #expect(unit.segments.map(\.target) == [nil, nil, nil])
        #expect(text.contains(##"ref="#s2" type="tm" origin="memory/translator" matchQuality="100""##))
        #expect(!text.contains("isolated"))

        // Each sentence's target: its source, codes and all.
        let completed = try NSRegularExpression(pattern: "(<segment[^>]*>\\s*<source>((?:(?!</source>).)*)</source>)(\\s*</segment>)", options: [.dotMatchesLineSeparators])
            .stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1<target>$2</target>$3")
        #expect(completed.components(separatedBy: "<target>").count - text.components(separatedBy: "<target>").count == 3)
        let returned = try XLIFFReader().read(Array(completed.utf8), file: "en-returned.xlf")
        #expect(returned.files.first?.units.first?.segments.allSatisfy { $0.target != nil } == true)
    }
}
