import Foundation
import Testing
@testable import LocalizationCore

@Suite struct SegmenterTests {
    static let german = try! Segmenter.german()

    func sentences(_ text: String) -> [String] {
        Self.german.segments(of: text).map { $0.trimmingCharacters(in: " \n\t") }.filter { !$0.isEmpty }
    }

    @Test func keepsGermanAbbreviationsOrdinalsAndNumbersTogether() {
        #expect(sentences("Wir brauchen Getränke, z. B. Wasser, Saft, Bier usw. Das reicht.") == ["Wir brauchen Getränke, z. B. Wasser, Saft, Bier usw.", "Das reicht."])
        #expect(sentences("Ich kann u.a. Spanisch, d. h. viel. Sie besucht eine kath. Schule.") == ["Ich kann u.a. Spanisch, d. h. viel.", "Sie besucht eine kath. Schule."])
        #expect(sentences("Funde aus dem 1. -3. Jahrhundert. 1. Dies ist eine Liste.") == ["Funde aus dem 1. -3. Jahrhundert.", "1. Dies ist eine Liste."])
        #expect(sentences("Der Rat beschloss es am 3. Oktober. Danach ging es weiter.") == ["Der Rat beschloss es am 3. Oktober.", "Danach ging es weiter."])
        #expect(sentences("Seit dem 1. Januar 2020 gilt der Plan. Er wirkt.") == ["Seit dem 1. Januar 2020 gilt der Plan.", "Er wirkt."])
        #expect(sentences("Bitte überweisen Sie 5.300,25 Euro. Wir haben 1.000.000 Euro.") == ["Bitte überweisen Sie 5.300,25 Euro.", "Wir haben 1.000.000 Euro."])
        #expect(sentences("Das Strategiepapier (Beschluss-Drucksache Nr. 0108/2021) gilt. Dr. Meyer und St. Georg auch.") == ["Das Strategiepapier (Beschluss-Drucksache Nr. 0108/2021) gilt.", "Dr. Meyer und St. Georg auch."])
        #expect(sentences("70 Expert*innen und Migrant:innen wirkten mit. MigrantInnen auch.") == ["70 Expert*innen und Migrant:innen wirkten mit.", "MigrantInnen auch."])
        #expect(sentences("Das Netzwerk Hannover e. V. berät. Es ist ca. 10 Jahre alt, bzw. älter.") == ["Das Netzwerk Hannover e. V. berät.", "Es ist ca. 10 Jahre alt, bzw. älter."])
        #expect(sentences("„Ich habe keine Zeit“, sagte sie. „Und auch keine Lust.“ Wir gehen.") == ["„Ich habe keine Zeit“, sagte sie.", "„Und auch keine Lust.“", "Wir gehen."])
    }

    @Test func segmentsJoinBackToTheText() {
        var generator = SplitMix64(seed: 7)
        let words = ["Teilhabe", "z. B.", "Nr. 12", "am 3. Oktober", "Migrant*innen", ".", "!", "?", " ", "\n", "„Zitat.“", "1.000,5", "usw.", "Die", "der"]
        for _ in 0 ..< 300 {
            let text = (0 ..< Int(generator.next() % 30)).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            #expect(Self.german.segments(of: text).joined() == text)
        }
    }

    @Test func shippedRulesLoadAndConformanceRuleFilesLoad() throws {
        let rules = try ShippedRules.german()
        #expect(try rules.rules(for: "de").count >= 6)
        #expect(try rules.rules(for: "de-AT").count >= 6)
        #expect(try rules.rules(for: "fa").count == 1)
        guard TestPaths.hasConformance else { return }
        for name in ["openxliff-default.srx", "okapi-2013-defaultSegmentation.srx"] {
            let url = TestPaths.conformance.appendingPathComponent("segmentation/srx/\(name)")
            let loaded = try SRXRules(try ProjectFiles.read(url), file: name)
            let segmenter = try Segmenter(rules: loaded, language: "de")
            #expect(!loaded.languageRules.isEmpty)
            #expect(segmenter.segments(of: "Das ist ein Satz. Das ist noch einer.").count == 2, "\(name)")
        }
    }

    @Test func invalidRulesAreReportedWithTheirPattern() {
        let srx = """
        <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body><languagerules>
        <languagerule languagerulename="X"><rule break="no"><beforebreak>(unclosed</beforebreak></rule></languagerule>
        </languagerules><maprules><languagemap languagepattern=".*" languagerulename="X"/></maprules></body></srx>
        """
        #expect(throws: SegmentationError.invalidPattern("(unclosed", offset: 9, reason: "U_REGEX_MISMATCHED_PAREN")) {
            try Segmenter(rules: try SRXRules(Array(srx.utf8), file: "x.srx"), language: "de")
        }
    }
}

extension SegmenterTests {
    static func code(_ id: String) -> InlineCode {
        InlineCode(id: id, kind: .formatting, elementName: "b", originalData: "<b>")
    }

    @Test func codesStayWithTheirSentence() {
        let content = Content([
            .text("Der Rat tagt. "), .opening(Self.code("1")), .text("Der WIR 2.0"), .closing(Self.code("1")),
            .text(" gilt seit Februar 2021. Er wirkt"), .standalone(Self.code("2")), .text("."),
        ])
        let segments = Self.german.segments(of: content)
        #expect(segments.map(\.shape) == ["Der Rat tagt. ", "{1}Der WIR 2.0{/1} gilt seit Februar 2021. ", "Er wirkt{2/}."])
        #expect(Content.joining(segments) == content)
    }

    @Test func aPairAcrossSentencesBecomesIsolatedHalves() {
        let content = Content([.opening(Self.code("1")), .text("Satz eins. Satz zwei."), .closing(Self.code("1")), .text(" Drei.")])
        let segments = Self.german.segments(of: content)
        #expect(segments.map(\.shape) == ["{1>}Satz eins. ", "Satz zwei.{<1} ", "Drei."])
        #expect(Content.joining(segments) == content)
    }

    @Test func closingCodeAfterThePeriodEndsTheSentence() {
        let content = Content([.text("Das ist "), .opening(Self.code("1")), .text("fett."), .closing(Self.code("1")), .text(" Das nicht.")])
        #expect(Self.german.segments(of: content).map(\.shape) == ["Das ist {1}fett.{/1} ", "Das nicht."])
    }

    @Test func segmentingSampleUnitsIsLossless() throws {
        for page in try TestPaths.samplePages() {
            for unit in HTMLExtractor().extract(HTMLPage(name: page.name, bytes: page.bytes)).units {
                #expect(Content.joining(Self.german.segments(of: unit.source)) == unit.source, "\(page.name): \(unit.source.plainText)")
            }
        }
    }
}
