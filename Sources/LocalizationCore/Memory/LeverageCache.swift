internal import Synchronization

/// What one locale's delta jobs learn about each distinct sentence, found once however often
/// the sentence stands in them: a site repeats its boilerplate and shared paragraphs on many
/// pages, and fuzzy matching is the costly part of leveraging a sentence.
///
/// Only what does not depend on where a sentence stands is kept: its fuzzy matches and its
/// word count. Exact and in-context matches (which depend on the unit and the neighbouring
/// sentences) and the analysis's repetition count stay per occurrence (see
/// `TranslationMemory.matches(for:context:limit:fuzzy:)`).
///
/// Sendable: the results are behind a `Mutex`, held only to look up and to store. Two jobs
/// meeting a new sentence at once may both compute it; they compute the same value.
final class LeverageCache: Sendable {
    /// The sentence-level results.
    struct Sentence: Sendable {
        /// `TranslationMemory.fuzzyMatches(for:threshold:limit:)` for the sentence.
        var fuzzy: [MemoryMatch]
        /// `Analysis.words(in:language:)` of the sentence's text.
        var words: Int
    }

    let memory: TranslationMemory
    let threshold: Int
    let limit: Int
    let sourceLanguage: String
    private let sentences = Mutex<[Content: Sentence]>([:])

    init(memory: TranslationMemory, threshold: Int, limit: Int, sourceLanguage: String) {
        self.memory = memory
        self.threshold = threshold
        self.limit = limit
        self.sourceLanguage = sourceLanguage
    }

    /// The sentence's fuzzy matches and word count, computed on its first occurrence.
    func sentence(_ source: Content) -> Sentence {
        if let known = sentences.withLock({ $0[source] }) { return known }
        let computed = Sentence(fuzzy: memory.fuzzyMatches(for: source, threshold: threshold, limit: limit),
                                words: Analysis.words(in: source.plainText, language: sourceLanguage))
        sentences.withLock { $0[source] = computed }
        return computed
    }

    /// The sentence's matches where it stands: `memory.matches(for:context:threshold:limit:)`.
    func matches(for source: Content, context: MemoryEntry.Context) -> (matches: [MemoryMatch], words: Int) {
        let known = sentence(source)
        return (memory.matches(for: source, context: context, limit: limit, fuzzy: known.fuzzy), known.words)
    }
}
