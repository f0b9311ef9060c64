import Foundation

/// Where the glossary's terms occur in the project's pages: every sentence, with the page
/// and the surface forms found (for review sheets and concordance).
public struct TermOccurrences: Sendable {
    /// One sentence of a page with the hits of one concept in it.
    public struct Occurrence: Sendable, Hashable {
        public var page: String
        public var unitID: String
        public var sentence: String
        public var hits: [TermRecognizer.Hit]
    }

    /// Occurrences by concept id, in page and text order.
    public private(set) var byConcept: [String: [Occurrence]] = [:]

    public init(pages: [ExtractedPage], recognizer: TermRecognizer, segmenter: Segmenter?) {
        for page in pages {
            for unit in page.units {
                let text = unit.source.plainText
                for sentence in segmenter?.segments(of: text) ?? [text] {
                    let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
                    let hits = recognizer.hits(in: trimmed)
                    for concept in Set(hits.map(\.conceptID)).sorted() {
                        byConcept[concept, default: []].append(Occurrence(
                            page: page.page.name, unitID: unit.id, sentence: trimmed, hits: hits.filter { $0.conceptID == concept }
                        ))
                    }
                }
            }
        }
    }

    public func occurrences(of conceptID: String) -> [Occurrence] {
        byConcept[conceptID] ?? []
    }
}
