import Testing
@testable import LocalizationCore

/// `TextUnit.segment(by:)` splits a page's units where they are: each unit must come out as
/// the definition has it — its parts the segmenter's parts of its source when there are any,
/// everything else (and a unit of one sentence, or one segmented before) unchanged.
@Suite struct InPlaceSegmentationTests {
    @Test func unitsSegmentedInPlaceAreTheSegmentersParts() throws {
        let segmenter = try Segmenter.shipped(language: "de")
        var segmented = 0
        for sample in try TestPaths.samplePages() {
            let original = HTMLExtractor().extract(HTMLPage(name: sample.name, bytes: sample.bytes))
            // A unit split before keeps its parts when the segmenter finds one sentence.
            var units = original.units + original.units.prefix(3).map { unit in
                var unit = unit
                unit.parts = [.ignorable(" "), .segment(Segment(id: "s1", source: unit.source))]
                return unit
            }
            let before = units
            for index in units.indices { units[index].segment(by: segmenter) }
            for (unit, old) in zip(units, before) {
                let parts = segmenter.parts(of: old.source)
                var expected = old
                if !parts.isEmpty { expected.parts = parts }
                #expect(unit == expected, "\(sample.name): \(old.id)")
                if !parts.isEmpty { segmented += 1 }
            }
        }
        // The sample pages hold units of several sentences, so parts were set.
        #expect(segmented > 0)
    }
}
