internal import Synchronization

/// What the delta jobs of all target locales learn about each distinct sentence, found once
/// however often the sentence stands in them: a site repeats its boilerplate and shared
/// paragraphs on many pages, and fuzzy matching is the costly part of leveraging a sentence.
/// The locales' memories hold much the same sources, so a sentence's fuzzy candidates are
/// searched once for all locales (`CrossLocaleFuzzyIndex`); each locale ranks its own entries
/// among them when its jobs first meet the sentence (a new sentence is often pending in one or
/// two locales only, so no locale ranks for the others).
///
/// Only what does not depend on where a sentence stands is kept: its candidates, its fuzzy
/// matches in each locale's memory and its word count. Exact and in-context matches (which
/// depend on the unit and the neighbouring sentences) and the analysis's repetition count stay
/// per occurrence (see `TranslationMemory.matches(for:context:limit:fuzzy:)`).
///
/// Sendable: the results are behind `Mutex`es, held only to look up and to store. Two jobs
/// meeting a new sentence at once may both compute it; they compute the same value.
final class LeverageCache: Sendable {
    /// The sentence-level results.
    final class Sentence: Sendable {
        let candidates: CrossLocaleFuzzyIndex.Candidates
        /// `Analysis.words(in:language:)` of the sentence's text.
        let words: Int
        /// `TranslationMemory.fuzzyMatches(for:threshold:limit:)` for the sentence, per locale
        /// in the order of `locales`, once a job of the locale has met it.
        let fuzzy: Mutex<[[MemoryMatch]?]>

        init(candidates: CrossLocaleFuzzyIndex.Candidates, words: Int, locales: Int) {
            self.candidates = candidates
            self.words = words
            fuzzy = Mutex(Array(repeating: nil, count: locales))
        }
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

    /// The sentence's candidates and word count, found on its first occurrence in any
    /// locale's job.
    func sentence(_ source: Content) -> Sentence {
        if let known = sentences.withLock({ $0[source] }) { return known }
        let computed = Sentence(candidates: index.candidates(for: source, threshold: threshold),
                                words: Analysis.words(in: source.plainText, language: sourceLanguage), locales: locales.count)
        return sentences.withLock { sentences in
            if let stored = sentences[source] { return stored }
            sentences[source] = computed
            return computed
        }
    }

    /// The sentence's fuzzy matches in `locale`'s memory, ranked on the locale's first request.
    func fuzzyMatches(for source: Content, locale: String) -> (fuzzy: [MemoryMatch], words: Int) {
        let slot = slots[locale]!
        let sentence = sentence(source)
        if let known = sentence.fuzzy.withLock({ $0[slot] }) { return (known, sentence.words) }
        let ranked = index.fuzzyMatches(inMemory: slot, of: sentence.candidates, limit: limit)
        sentence.fuzzy.withLock { $0[slot] = ranked }
        return (ranked, sentence.words)
    }

    /// The sentence's matches where it stands in `locale`'s job:
    /// `memory.matches(for:context:threshold:limit:)` of that locale's memory.
    func matches(for source: Content, context: MemoryEntry.Context, locale: String) -> (matches: [MemoryMatch], words: Int) {
        let (fuzzy, words) = fuzzyMatches(for: source, locale: locale)
        return (memory(for: locale).matches(for: source, context: context, limit: limit, fuzzy: fuzzy), words)
    }
}
