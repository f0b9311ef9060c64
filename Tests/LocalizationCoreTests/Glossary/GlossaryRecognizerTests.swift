import Foundation
import Testing
@testable import LocalizationCore

@Suite struct GlossaryRecognizerTests {
    static let termbase: Termbase = {
        let url = TestPaths.packageRoot.appendingPathComponent("glossary/termbase.tbx")
        return try! TBXReader().read(try! ProjectFiles.read(url), file: url.path)
    }()
    static let recognizer = TermRecognizer(termbase: termbase)

    /// Precision and recall on the annotated set (sample pages, seed, written sentences);
    /// both must stay at 95% or more. A hit counts when concept and span are exactly right.
    @Test(arguments: ["all", "heldout"])
    func precisionAndRecallOnTheAnnotatedSet(part: String) throws {
        let sentences = try RecognitionSet.load().filter { part == "all" || $0.origin == part }
        var gold = 0, found = 0, correct = 0
        var misses: [String] = [], falseHits: [String] = []
        for sentence in sentences {
            let hits = Set(Self.recognizer.hits(in: sentence.text).map {
                RecognitionSet.Occurrence(conceptID: $0.conceptID, start: $0.start, end: $0.end, surface: $0.surface)
            })
            let expected = Set(sentence.gold)
            gold += expected.count
            found += hits.count
            correct += hits.intersection(expected).count
            misses += expected.subtracting(hits).map { "line \(sentence.line): missed \($0)" }
            falseHits += hits.subtracting(expected).map { "line \(sentence.line): false hit \($0)" }
        }
        let precision = Double(correct) / Double(max(found, 1))
        let recall = Double(correct) / Double(max(gold, 1))
        print("Glossary recognition (\(part)) on \(sentences.count) sentences, \(gold) annotated occurrences: "
            + "precision \(String(format: "%.1f", precision * 100))% (\(correct)/\(found)), "
            + "recall \(String(format: "%.1f", recall * 100))% (\(correct)/\(gold))")
        for line in misses + falseHits { print("  " + line) }
        #expect(gold >= (part == "all" ? 150 : 50))
        #expect(precision >= 0.95, "precision \(precision)")
        #expect(recall >= 0.95, "recall \(recall)")
    }

    @Test(arguments: [
        ("Teilhabechancen", "teilhabe"), ("Bildungsteilhabe", "teilhabe"), ("Integrationsbeiräte", "integrationsbeirat"),
        ("Integrationsbeiratswahl", "integrationsbeirat"), ("Integrations-Beirat", "integrationsbeirat"),
        ("des Lokalen Integrationsplans", "lokaler-integrationsplan"), ("Migrant:innen", "migrantinnen"),
        ("MigrantInnen", "migrantinnen"), ("Migrant*innen", "migrantinnen"), ("Familienzentren", "familienzentrum"),
    ])
    func findsTheFormsTheIssueNames(text: String, concept: String) {
        let hits = Self.recognizer.hits(in: text)
        #expect(hits.map(\.conceptID) == [concept], "\(text): \(hits)")
        #expect(hits.first?.surface == (text.hasPrefix("des ") ? String(text.dropFirst(4)) : text))
    }

    @Test func pairFormsAreOneHit() {
        let hits = Self.recognizer.hits(in: "für Migrantinnen und Migranten")
        #expect(hits.map(\.surface) == ["Migrantinnen und Migranten"])
        #expect(hits.first?.start == 4)
        #expect(hits.first?.end == 30)
    }

    @Test(arguments: ["Wir beraten Sie.", "Die Lippen", "die teilhaben können", "Emigration", "Remigration", "Sprachmittlerinnen", "Stadträtin"])
    func doesNotHitInsideUnrelatedWords(text: String) {
        #expect(Self.recognizer.hits(in: text).isEmpty, "\(text): \(Self.recognizer.hits(in: text))")
    }

    @Test func reportsDeprecatedTermsWithTheirStatus() {
        let hits = Self.recognizer.hits(in: "Der Ausländerbeirat tagte.")
        #expect(hits.map(\.conceptID) == ["integrationsbeirat"])
        #expect(hits.first?.status == .superseded)
    }

    @Test func stemsGermanWithSnowball() throws {
        let stemmer = try #require(Stemmer(language: "de"))
        #expect(stemmer.stem("integrationsbeiräte") == "integrationsbeirat")
        #expect(stemmer.stem("integrationsbeirat") == "integrationsbeirat")
        #expect(Stemmer(language: "fa") == nil)
    }
}
