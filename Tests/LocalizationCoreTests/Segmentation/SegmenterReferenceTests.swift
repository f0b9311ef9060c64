import Foundation
import Testing
@testable import LocalizationCore

/// `Segmenter.boundaries(in:)` tests the rules only where a boundary can result, and no-break
/// rules only near it (`CompiledRules.LocalReach`). These tests compare it with the rules'
/// plain definition — every rule searched over the whole text, the first to reach a position
/// deciding it — on real text and on many generated strings, for the shipped rules and for the
/// conformance SRX files, whose patterns exercise the fallback to whole-text search.
@Suite struct SegmenterReferenceTests {
    /// The boundaries by definition, as the segmenter computed them before it tested rules
    /// locally.
    static func referenceBoundaries(_ segmenter: Segmenter, _ text: [UInt16]) -> [Int] {
        guard !text.isEmpty, let compiled = try? CompiledRules(segmenter.rules, language: segmenter.language) else { return [] }
        return text.withUnsafeBufferPointer { text in
            var decisions: [Int: Bool] = [:]
            for rule in compiled.rules {
                for position in rule.positions(in: text) {
                    let canonical = Segmenter.skippingWhitespace(text, from: position)
                    if decisions[canonical] == nil { decisions[canonical] = rule.isBreak }
                }
            }
            var breaks = Set(Segmenter.icuBoundaries(text, locale: segmenter.language, iterator: nil).filter { decisions[$0] != false })
            for (position, isBreak) in decisions where isBreak { breaks.insert(position) }
            return breaks.filter { $0 > 0 && $0 < text.count }.sorted()
        }
    }

    /// Segmenters under test: the shipped rules for German and another language, and the
    /// conformance SRX files when they are present.
    static func segmenters() throws -> [(name: String, segmenter: Segmenter)] {
        var result = [("shipped de", try Segmenter.german()), ("shipped fa", try Segmenter.shipped(language: "fa"))]
        if TestPaths.hasConformance {
            for name in ["openxliff-default.srx", "okapi-2013-defaultSegmentation.srx"] {
                let url = TestPaths.conformance.appendingPathComponent("segmentation/srx/\(name)")
                let rules = try SRXRules(try ProjectFiles.read(url), file: name)
                for language in ["de", "en"] { result.append(("\(name) \(language)", try Segmenter(rules: rules, language: language))) }
            }
        }
        return result
    }

    /// Text from the sample pages (units and whole pages' text lines), the seed pages and the
    /// golden segmentation cases.
    static func realTexts() throws -> [String] {
        var texts: [String] = []
        for page in try TestPaths.samplePages() {
            for unit in HTMLExtractor().extract(HTMLPage(name: page.name, bytes: page.bytes)).units {
                texts.append(unit.source.plainText)
                texts.append(unit.source.displayText)
            }
        }
        let seeds = TestPaths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? [] {
            guard let text = try? String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8) else { continue }
            texts.append(text)
            texts += text.split(separator: "\n").map(String.init)
        }
        if TestPaths.hasConformance {
            let url = TestPaths.conformance.appendingPathComponent("segmentation/pysbd_golden.json")
            if let data = try? Data(contentsOf: url), let groups = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] {
                for group in groups.values {
                    for item in group["cases"] as? [[String: Any]] ?? [] {
                        if let text = item["text"] as? String { texts.append(text) }
                    }
                }
            }
        }
        return texts
    }

    /// Strings made of pieces that the rules and ICU react to: abbreviations, ordinals, dates,
    /// list numbers, quotes, line breaks and blank lines, unusual white space, letters outside
    /// the BMP, emoji, and the placeholder that stands for inline codes.
    static func generatedTexts(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            "Teilhabe", "z. B.", "z.B.", "d. h.", "u. a.", "e. V.", "i. d. R.", "Nr. 12", "Nr.", "bzw.", "Dr. Meyer", "St. Georg", "ca.",
            "am 3. Oktober", "1. Januar 2020", "vom 12. Juni", "im 19. Jahrhundert", "zum 2. Mal", "die 2. Auflage", "seit dem 1. Mai",
            "3.", "12.", "123.", "1234.", "1.000,5", "5.300,25", "Migrant*innen", "Migrant:innen", "usw.", "etc.", "Die", "der", "Am", "eine",
            ".", "!", "?", ":", ";", "…", "...", "?!", ",", "„Zitat.“", "(Klammer.)", "\"Zitat.\"", "'x.'",
            " ", "  ", "\n", "\n\n", "\n \n", " \n\t\n", "\u{A0}", "\u{2009}", "\u{3000}", "\u{2028}", "\u{2029}", "\r\n", "\t",
            "• 2.", "- 3.", "– 4.", "1. Dies ist eine Liste.", "𝐀.", "𝐀. 𝐁.", "😀", "😀.", "𝟏.", "\u{FFFC}", "\u{FFFC}.", "Ünïcödé",
            "Ölförderung.", "ß.", "A", "b.", "Mr.", "U.S.A.", "Prof. Dr.", "Fig. 3", "No. 5", "p.m.", "e.g.", "Abs. 2", "S. 14", "Tel.",
        ]
        var generator = SplitMix64(seed: seed)
        return (0 ..< count).map { _ in
            let length = Int(generator.next() % 40)
            return (0 ..< length).map { _ in
                let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
                return generator.next() % 3 == 0 ? piece : piece + " "
            }.joined()
        }
    }

    @Test func boundariesAgreeWithTheRulesDefinitionOnRealText() throws {
        let texts = try Self.realTexts()
        #expect(texts.count > 100)
        for (name, segmenter) in try Self.segmenters() {
            var withBoundaries = 0
            for text in texts {
                let units = Array(text.utf16)
                let fast = segmenter.boundaries(in: units)
                #expect(fast == Self.referenceBoundaries(segmenter, units), "\(name): \(text.prefix(80))")
                if !fast.isEmpty { withBoundaries += 1 }
            }
            // The comparison means something only if there are boundaries to find.
            #expect(withBoundaries > 20, "\(name)")
        }
    }

    @Test func boundariesAgreeWithTheRulesDefinitionOnGeneratedText() throws {
        let texts = Self.generatedTexts(count: 1500, seed: 2026)
        for (name, segmenter) in try Self.segmenters() {
            var vetoed = 0
            for text in texts {
                let units = Array(text.utf16)
                let fast = segmenter.boundaries(in: units)
                #expect(fast == Self.referenceBoundaries(segmenter, units), "\(name): \(text.debugDescription)")
                let icu = units.withUnsafeBufferPointer { Segmenter.icuBoundaries($0, locale: segmenter.language, iterator: nil) }
                if icu.dropLast().contains(where: { !fast.contains($0) }) { vetoed += 1 }
            }
            // No-break rules did veto ICU boundaries in many of the strings (except with the
            // shipped rules for a language other than German, which have none).
            if name != "shipped fa" { #expect(vetoed > 100, "\(name)") }
        }
    }

    @Test func utf16TextIsDecodedAsTheStandardLibraryDoes() {
        var generator = SplitMix64(seed: 11)
        // Letters, umlauts, a pair's halves alone and together, the placeholder.
        let alphabet: [UInt16] = [0x41, 0x20, 0x2E, 0xE4, 0x7FF, 0x800, 0xFFFC, 0xFFFF, 0xD835, 0xDC00, 0xD83D, 0xDE00, 0xDBFF, 0xDFFF]
        for _ in 0 ..< 2000 {
            let units = (0 ..< Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            #expect(String(utf16: units[...]) == String(decoding: units, as: UTF16.self), "\(units)")
            #expect(Array(String(utf16: units[...]).utf8) == Array(String(decoding: units, as: UTF16.self).utf8))
        }
    }

    @Test func patternShapesBoundTheirMatches() throws {
        #expect(RegexShape(pattern: #"\b\p{L}\."#)?.maximumLength == 4)
        #expect(RegexShape(pattern: #"\b(?:Nr|bzw)\."#)?.maximumLength == 8)
        #expect(RegexShape(pattern: #"\b\d{1,3}\."#)?.maximumLength == 8)
        #expect(RegexShape(pattern: #"(?<=x+)a(?=\s*b)"#)?.maximumLength == 2)
        let unbounded = try #require(RegexShape(pattern: #"(?:^|\n|[.!?:]\s)[\s•\-–]*\d{1,3}\."#))
        #expect(unbounded.maximumLength == nil)
        #expect(unbounded.characterPatterns == [#"\n"#, "[.!?:]", #"\s"#, #"[\s•\-–]"#, #"\d"#, #"\."#])
        for unsupported in [#"(?i)abc"#, #"(a)\1"#, #"\X"#, #"\Qa.b\E"#, #"a{2"#, "(a", "a)", #"[{ab}]"#] {
            #expect(RegexShape(pattern: unsupported) == nil, "\(unsupported)")
        }
        // Every match of a bounded pattern in generated text is within its bound.
        let texts = Self.generatedTexts(count: 300, seed: 7)
        for (_, segmenter) in try Self.segmenters() {
            for rule in segmenter.rules where !rule.before.isEmpty {
                guard let bound = RegexShape(pattern: rule.before)?.maximumLength else { continue }
                let regex = try ICURegex(rule.before)
                for text in texts {
                    let matches = regex.withText(Array(text.utf16)) { $0.allMatches() }
                    #expect(matches.allSatisfy { $0.count <= bound }, "\(rule.before)")
                }
            }
        }
    }
}
