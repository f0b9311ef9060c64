internal import Synchronization

/// What the delta jobs of all target locales learn about each distinct sentence, found once
/// however often the sentence stands in them and for every locale at once: a site repeats its
/// boilerplate and shared paragraphs on many pages, fuzzy matching is the costly part of
/// leveraging a sentence, and the locales' memories hold much the same sources (one search of
/// a `CrossLocaleFuzzyIndex` serves them all).
///
/// Only what does not depend on where a sentence stands is kept: its fuzzy matches in each
/// locale's memory and its word count. Exact and in-context matches (which depend on the unit
/// and the neighbouring sentences) and the analysis's repetition count stay per occurrence (see
/// `TranslationMemory.matches(for:context:limit:fuzzy:)`).
///
/// Sendable: the results are behind a `Mutex`, held only to look up and to store. Two jobs
/// meeting a new sentence at once may both compute it; they compute the same value.
final class LeverageCache: Sendable {
    /// The sentence-level results.
    struct Sentence: Sendable {
        /// `TranslationMemory.fuzzyMatches(for:threshold:limit:)` for the sentence, per locale
        /// in the order of `locales`.
        var fuzzy: [[MemoryMatch]]
        /// `Analysis.words(in:language:)` of the sentence's text.
        var words: Int
    }

    /// The locales served, in the order of `index.memories`.
    let locales: [String]
    let index: CrossLocaleFuzzyIndex
    let threshold: Int
    let limit: Int
    let sourceLanguage: String
    private let slots: [String: Int]
    private let sentences = Mutex<[Content: Sentence]>([:])

    /// A cache for the memories of several locales (each locale once).
    init(memories: [(locale: String, memory: TranslationMemory)], threshold: Int, limit: Int, sourceLanguage: String) {
        locales = memories.map(\.locale)
        index = CrossLocaleFuzzyIndex(memories.map(\.memory))
        slots = Dictionary(memories.enumerated().map { ($1.locale, $0) }, uniquingKeysWith: { first, _ in first })
        self.threshold = threshold
        self.limit = limit
        self.sourceLanguage = sourceLanguage
    }

    /// A cache for one memory, under its target language.
    convenience init(memory: TranslationMemory, threshold: Int, limit: Int, sourceLanguage: String) {
        self.init(memories: [(memory.targetLanguage, memory)], threshold: threshold, limit: limit, sourceLanguage: sourceLanguage)
    }

    /// The memory of `locale` (one the cache was made for).
    func memory(for locale: String) -> TranslationMemory {
        index.memories[slots[locale]!]
    }

    /// The sentence's fuzzy matches in every locale's memory and its word count, computed on
    /// its first occurrence in any locale's job.
    func sentence(_ source: Content) -> Sentence {
        if let known = sentences.withLock({ $0[source] }) { return known }
        let computed = Sentence(fuzzy: index.fuzzyMatches(for: source, threshold: threshold, limit: limit),
                                words: Analysis.words(in: source.plainText, language: sourceLanguage))
        sentences.withLock { $0[source] = computed }
        return computed
    }

    /// The sentence's matches where it stands in `locale`'s job:
    /// `memory.matches(for:context:threshold:limit:)` of that locale's memory.
    func matches(for source: Content, context: MemoryEntry.Context, locale: String) -> (matches: [MemoryMatch], words: Int) {
        let slot = slots[locale]!
        let known = sentence(source)
        return (index.memories[slot].matches(for: source, context: context, limit: limit, fuzzy: known.fuzzy[slot]), known.words)
    }
}
