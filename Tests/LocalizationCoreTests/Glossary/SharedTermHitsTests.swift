import Foundation
import Testing
@testable import LocalizationCore

/// Annotators that share the hits of each text (one recognition for all languages' jobs)
/// against annotators that each find them anew.
struct SharedTermHitsTests {
    @Test func sharedHitsGiveEveryLanguageTheTermsItsOwnAnnotatorFinds() throws {
        let termbase = try GlossaryExchangeTests.projectTermbase()
        let pages = try TestPaths.samplePages().map { HTMLExtractor().extract(HTMLPage(name: $0.name, bytes: $0.bytes)) }
        var texts = pages.flatMap { $0.units.map(\.source) }
        // The same words decomposed: Swift takes them for equal, the recognizer counts their
        // scalars (so the offsets differ), and the shared hits must not mix them up.
        texts += texts.prefix(40).map { Content(text: $0.plainText.decomposedStringWithCanonicalMapping) }
        #expect(texts.count > 100)
        let shared = SharedTermHits(termbase: termbase)
        let languages = ["ar", "fa", "tr", "en"]
        let own = Dictionary(uniqueKeysWithValues: languages.map { ($0, TermAnnotator(termbase: termbase, targetLanguage: $0)) })
        var found = 0
        // Twice over, languages interleaved: later texts are answered from the shared hits.
        for _ in 0 ..< 2 {
            for text in texts {
                for language in languages {
                    let terms = TermAnnotator(sharing: shared, targetLanguage: language).terms(in: text)
                    #expect(terms == own[language]!.terms(in: text), "\(language): \(text.plainText)")
                    found += terms.count
                }
            }
        }
        #expect(found > 0)
    }
}
