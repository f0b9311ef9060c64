import Foundation

/// Finds the glossary's German terms in source text, in the forms German writes them:
/// inflected ("des Lokalen Integrationsplans"), inside compounds in either position with
/// their linking elements ("Teilhabechancen", "Bildungsteilhabe", "Integrationsbeiratswahl"),
/// hyphenated ("Integrations-Beirat"), in gender forms ("Migrant*innen", "Migrant:innen",
/// "MigrantInnen", "Migrantinnen und Migranten"), and abbreviations as written ("LIP").
///
/// Inflection is Snowball's German stemmer; compounds are found by the stem of a term word
/// inside a longer word, with at least three letters on the other side (so "Migration"
/// does not match "Emigration" and a term is never found in a word's first or last letters).
/// Nouns only match capitalised words, so the noun "Teilhabe" is not the verb "teilhaben".
/// Overlapping hits keep the longest ("Integrationsbeirat" over "Integration").
public struct TermRecognizer: Sendable {
    /// One occurrence of a glossary term in a text.
    public struct Hit: Sendable, Hashable, Codable {
        public var conceptID: String
        /// The glossary's term that was found (its entry text).
        public var term: String
        /// The text as written.
        public var surface: String
        /// Start and end of `surface` in Unicode scalars of the text.
        public var start: Int
        public var end: Int
        public var status: Term.Status
    }

    struct Pattern: Sendable {
        var conceptID: String
        var term: Term
        var words: [PatternWord]
    }

    struct PatternWord: Sendable {
        /// Compared as written: short forms, words with digits ("LIP", "WIR", "2.0").
        var exact: String?
        /// `exact` with a plural "s" ("LIPs"), and its length in scalars: compared at every word.
        var exactPlural: String?
        var exactLength = 0
        var capitalised: Bool
        /// Folded forms (the word, and for gender forms the masculine and neutral ones) with stems.
        var variants: [(folded: [Unicode.Scalar], stem: [Unicode.Scalar])]
    }

    let patterns: [Pattern]
    let stemmer: Stemmer
    /// The patterns whose first word can match a given text word (see `FirstWords`).
    let firstWords: FirstWords

    /// Linking elements German puts between the parts of a compound ("Integrationsbeirat-s-wahl").
    static let linkers: [[Unicode.Scalar]] = ["", "s", "e", "es", "n", "en", "er", "ns"].map { Array($0.unicodeScalars) }
    /// Endings that make an inflected or derived word, not a compound: "Sprachmittl-er-innen"
    /// (people) is not "Sprachmittlung" (the activity), "Beteilig-ten" not "Beteiligung".
    static let endings: [[Unicode.Scalar]] = [
        "e", "en", "em", "er", "ern", "es", "n", "s", "t", "te", "ten", "ter", "tes", "tem", "in", "innen", "lich", "isch",
        "ig", "ung", "heit", "keit", "schaft", "end", "ende",
    ].map { Array($0.unicodeScalars) }
    /// Endings that make another word from a stem: adjectives and person nouns.
    static let derivations: [[Unicode.Scalar]] = ["lich", "isch", "erin", "lerin", "ler", "te", "ten"].map { Array($0.unicodeScalars) }

    /// Whether `rest` is made of endings only (so the word is not a compound).
    static func isOnlyEndings(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        if rest.isEmpty { return true }
        return endings.contains { ending in rest.starts(with: ending) && isOnlyEndings(rest.dropFirst(ending.count)) }
    }

    /// Whether what follows the stem begins a derivation ("-liche", "-erin").
    static func isDerivation(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        derivations.contains { rest.starts(with: $0) }
    }
    /// Words that join the two halves of a pair form ("Migrantinnen und Migranten").
    static let conjunctions: Set<String> = ["und", "oder", "bzw", "sowie"]

    public init(termbase: Termbase, language: String = "de") {
        let stemmer = Stemmer(language: language) ?? Stemmer(algorithm: "german")!
        self.stemmer = stemmer
        var patterns: [Pattern] = []
        for concept in termbase.concepts {
            for term in concept.terms(language) {
                let words = GermanWord.words(in: term.text)
                guard !words.isEmpty else { continue }
                patterns.append(Pattern(conceptID: concept.id, term: term, words: words.map { word in
                    Self.patternWord(word, term: term, stemmer: stemmer)
                }))
                // Forms the glossary declares (irregular plurals and the like) are found too.
                for form in term.inflectedForms {
                    let formWords = GermanWord.words(in: form)
                    guard !formWords.isEmpty else { continue }
                    patterns.append(Pattern(conceptID: concept.id, term: term, words: formWords.map { word in
                        Self.patternWord(word, term: term, stemmer: stemmer)
                    }))
                }
            }
        }
        self.patterns = patterns
        firstWords = FirstWords(patterns)
    }

    static func patternWord(_ word: GermanWord, term: Term, stemmer: Stemmer) -> PatternWord {
        let letters = word.surface.unicodeScalars.filter { $0.properties.isAlphabetic }
        let capitals = letters.filter { $0.properties.isUppercase }.count
        let isShort = term.termType?.isShortForm == true
            || word.surface.unicodeScalars.contains { $0.properties.numericType != nil }
            || (capitals >= 2 && letters.count <= 6)
        var folded = [word.folded]
        if let range = word.folded.range(of: "innen") {
            // "Migrant*innen" also stands for "Migranten" and "Migrant" (in compounds).
            folded.append(word.folded.replacingCharacters(in: range, with: "en"))
            folded.append(word.folded.replacingCharacters(in: range, with: ""))
        }
        if word.folded.hasSuffix("um") {
            // Latin plurals the stemmer does not join: "Zentrum" → "Zentren", "Gremium" → "Gremien".
            let base = String(word.folded.dropLast(2))
            folded += [base + "en", base + "ien"]
        }
        return PatternWord(
            exact: isShort ? word.surface : nil,
            exactPlural: isShort ? word.surface + "s" : nil,
            exactLength: word.surface.unicodeScalars.count,
            capitalised: word.isCapitalised && !isShort,
            variants: folded.map { (Array($0.unicodeScalars), Array(stemmer.stem($0).unicodeScalars)) }
        )
    }

    /// Every term occurrence in `text`, in text order, without overlaps.
    public func hits(in text: String) -> [Hit] {
        let words = GermanWord.words(in: text)
        guard !words.isEmpty else { return [] }
        let scalars = Array(text.unicodeScalars)
        // Every pattern is tried at every word: what a word is compared by (its folded form,
        // its stem, its hyphenated parts) is worked out once here, not once per pattern.
        var text = TextWords(words, stemmer: stemmer)

        var candidates: [Hit] = []
        for index in words.indices {
            // Only the patterns whose first word can match this word, in glossary order (the
            // order decides between equal hits); by index, as `for pattern in patterns` would
            // copy each pattern, its term and all.
            for patternIndex in firstWords.candidates(for: index, of: &text) {
                let patternWords = patterns[patternIndex].words
                let count = patternWords.count
                guard index + count <= words.count else { continue }
                var spanStart = words[index].start, spanEnd = words[index].end
                var matched = true
                for offset in 0 ..< count {
                    let current = words[index + offset]
                    if offset > 0 {
                        let gap = scalars[words[index + offset - 1].end ..< current.start]
                        guard gap.allSatisfy({ $0 == " " || $0 == "\u{A0}" || $0 == "\n" }), !gap.isEmpty else { matched = false; break }
                    }
                    let role: Role = count == 1 ? .single : offset == 0 ? .first : offset == count - 1 ? .last : .middle
                    guard let span = match(patternWords[offset], word: index + offset, of: &text, role: role) else {
                        matched = false
                        break
                    }
                    if offset == 0 { spanStart = span.lowerBound }
                    spanEnd = span.upperBound
                }
                if matched {
                    let pattern = patterns[patternIndex]
                    candidates.append(Hit(conceptID: pattern.conceptID, term: pattern.term.text,
                                          surface: GermanWord.string(scalars[spanStart ..< spanEnd]),
                                          start: spanStart, end: spanEnd, status: pattern.term.status))
                }
            }
        }
        return merged(Self.longestFirst(candidates), words: words, scalars: scalars)
    }

    enum Role { case single, first, middle, last }

    /// The patterns a text word can start, found by hashing rather than by trying all of them
    /// at every word. The keys are conditions without which `match` refuses the pattern's
    /// first word, so the candidates always include every pattern that matches (and `match`
    /// still decides):
    /// - a short form matches the word as written, with a plural "s", or a hyphenated part
    ///   of it (`byExact`: `exact` and `exactPlural`, looked up by the word and its parts);
    /// - any other word matches by its folded form equal to a variant's, by its stem equal to
    ///   a variant's stem or folded form (`byKey`, looked up by the word's folded form and its
    ///   stem), or by containing a variant's stem of four or more scalars (`byCore`, the
    ///   stem's first four scalars, looked up at every position of the folded word).
    struct FirstWords: Sendable {
        var byExact: [String: [Int]] = [:]
        var byKey: [[Unicode.Scalar]: [Int]] = [:]
        var byCore: [SIMD4<UInt32>: [Int]] = [:]

        init(_ patterns: [Pattern]) {
            for (index, pattern) in patterns.enumerated() {
                guard let word = pattern.words.first else { continue }
                if let exact = word.exact {
                    byExact[exact, default: []].append(index)
                    if let plural = word.exactPlural { byExact[plural, default: []].append(index) }
                    continue
                }
                for variant in word.variants {
                    byKey[variant.folded, default: []].append(index)
                    byKey[variant.stem, default: []].append(index)
                    if variant.stem.count >= 4 { byCore[Self.core(variant.stem[...]), default: []].append(index) }
                }
            }
        }

        static func core(_ scalars: ArraySlice<Unicode.Scalar>) -> SIMD4<UInt32> {
            let start = scalars.startIndex
            return SIMD4(scalars[start].value, scalars[start + 1].value, scalars[start + 2].value, scalars[start + 3].value)
        }

        /// The patterns that can start at word `index`, ascending, each once.
        func candidates(for index: Int, of text: inout TextWords) -> [Int] {
            var found: [Int] = []
            let word = text.words[index]
            found += byExact[word.surface] ?? []
            if let parts = text.hyphenParts[index] {
                found += byExact[parts.first] ?? []
                found += byExact[parts.last] ?? []
            }
            let folded = text.folded[index]
            found += byKey[folded] ?? []
            if !byKey.isEmpty { found += byKey[text.stem(ofWord: index)] ?? [] }
            // A stem of four or more inside a longer word.
            if folded.count > 4 {
                for position in 0 ... folded.count - 4 {
                    found += byCore[Self.core(folded[position ..< position + 4])] ?? []
                }
            }
            guard found.count > 1 else { return found }
            found.sort()
            var unique: [Int] = []
            for candidate in found where candidate != unique.last { unique.append(candidate) }
            return unique
        }
    }

    /// The words of one text with what matching compares them by, computed once per word
    /// (stems on first use: a word no pattern gets to is never stemmed).
    struct TextWords {
        let words: [GermanWord]
        /// Each word's folded form, as scalars.
        let folded: [[Unicode.Scalar]]
        /// The first and last parts of a hyphenated word ("LIP-Prozess"), nil without a hyphen.
        let hyphenParts: [(first: String, last: String)?]
        private var wordStems: [[Unicode.Scalar]?]
        /// Stems of word ends ("…beiratswahl" → "beiratswahl"), tried when a term stands at the
        /// end of a compound; keyed by the folded scalars.
        private var stems: [[Unicode.Scalar]: [Unicode.Scalar]] = [:]
        let stemmer: Stemmer

        init(_ words: [GermanWord], stemmer: Stemmer) {
            self.words = words
            self.stemmer = stemmer
            folded = words.map { Array($0.folded.unicodeScalars) }
            hyphenParts = words.map { word in
                guard word.surface.utf8.contains(UInt8(ascii: "-")) else { return nil }
                let parts = word.surface.split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count > 1, let first = parts.first, let last = parts.last else { return nil }
                return (String(first), String(last))
            }
            wordStems = Array(repeating: nil, count: words.count)
        }

        /// The stem of word `index`'s folded form.
        mutating func stem(ofWord index: Int) -> [Unicode.Scalar] {
            if let stem = wordStems[index] { return stem }
            let stem = stem(folded[index])
            wordStems[index] = stem
            return stem
        }

        mutating func stem(_ folded: [Unicode.Scalar]) -> [Unicode.Scalar] {
            if let cached = stems[folded] { return cached }
            let value = Array(stemmer.stem(GermanWord.string(folded[...])).unicodeScalars)
            stems[folded] = value
            return value
        }
    }

    /// The span (in text scalars) where the pattern word matches the text's word `index`, or nil.
    func match(_ pattern: PatternWord, word index: Int, of text: inout TextWords, role: Role) -> Range<Int>? {
        let word = text.words[index]
        if let exact = pattern.exact {
            if word.surface == exact || word.surface == pattern.exactPlural { return word.start ..< word.end }
            // "LIP-Prozess", "MiSO-Netzwerk": the short form as one part of a hyphenated compound.
            guard let parts = text.hyphenParts[index] else { return nil }
            if role == .single || role == .last, parts.first == exact {
                return word.start ..< word.start + pattern.exactLength
            }
            if role == .single || role == .first, parts.last == exact {
                return word.end - pattern.exactLength ..< word.end
            }
            return nil
        }
        if pattern.capitalised && !word.isCapitalised { return nil }
        let whole = word.start ..< word.end
        let folded = text.folded[index]
        let wordStem = text.stem(ofWord: index)
        for variant in pattern.variants {
            if folded == variant.folded { return whole }
            // Inflected: the same stem, unless the word goes on with a derivational ending
            // ("Ehrenamt" → "Ehrenamtliche" is a person, not the concept).
            if wordStem == variant.stem || wordStem == variant.folded,
               !Self.isDerivation(folded.dropFirst(variant.stem.count)) { return whole }
            let core = variant.stem
            guard core.count >= 4, folded.count > core.count else { continue }
            let allowHead = role == .single || role == .first
            let allowModifier = role == .single || role == .last
            var position = 0
            while position + core.count <= folded.count {
                defer { position += 1 }
                guard folded[position] == core[0], folded[position ..< position + core.count].elementsEqual(core) else { continue }
                if position > 0 && (!allowHead || position < 3) { continue }
                let rest = folded[(position + core.count)...]
                if position > 0, text.stem(Array(folded[position...])) == core, !Self.isDerivation(rest) { return whole }
                // As the first part of a compound: the term, a linking element, another word of
                // at least three letters that is not just endings ("Beteilig-ten").
                guard allowModifier, rest.count >= 3, !Self.isOnlyEndings(rest) else { continue }
                for linker in Self.linkers where rest.starts(with: linker) && rest.count - linker.count >= 3 {
                    if !Self.isOnlyEndings(rest.dropFirst(linker.count)) { return whole }
                }
            }
        }
        return nil
    }

    /// Non-overlapping hits, longest first, then in text order.
    static func longestFirst(_ candidates: [Hit]) -> [Hit] {
        let ordered = candidates.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if a.end - a.start != b.end - b.start { return a.end - a.start > b.end - b.start }
            if a.start != b.start { return a.start < b.start }
            // the same span: the longer term ("Integrationspolitik" over "Integration"), then a
            // preferred term over a deprecated one, then glossary order
            if a.term.unicodeScalars.count != b.term.unicodeScalars.count { return a.term.unicodeScalars.count > b.term.unicodeScalars.count }
            if a.status != b.status { return a.status == .preferred }
            return left.offset < right.offset
        }
        var kept: [Hit] = []
        for (_, hit) in ordered where !kept.contains(where: { $0.start < hit.end && hit.start < $0.end }) {
            kept.append(hit)
        }
        return kept.sorted { $0.start < $1.start }
    }

    /// Whether a word is the feminine half of a pair form ("Migrantinnen", "Migrantin").
    static func isFeminineForm(_ surface: String) -> Bool {
        let folded = GermanWord.fold(surface)
        return folded.hasSuffix("innen") || folded.hasSuffix("in")
    }

    /// Pair forms as one hit: "Migrantinnen und Migranten" (the same concept twice) and
    /// "Migrantinnen- und Migrantenorganisationen" (a truncated first half).
    func merged(_ hits: [Hit], words: [GermanWord], scalars: [Unicode.Scalar]) -> [Hit] {
        var result: [Hit] = []
        for hit in hits {
            if var previous = result.last,
               let conjunction = words.first(where: { $0.start >= previous.end && $0.end <= hit.start }),
               Self.conjunctions.contains(conjunction.surface),
               !words.contains(where: { $0.start >= previous.end && $0.end <= hit.start && $0.start != conjunction.start }),
               (previous.conceptID == hit.conceptID && Self.isFeminineForm(previous.surface))
                   || words.contains(where: { $0.end == previous.end && $0.isTruncated }) {
                previous.conceptID = hit.conceptID
                previous.term = hit.term
                previous.status = hit.status
                previous.end = hit.end
                previous.surface = GermanWord.string(scalars[previous.start ..< hit.end])
                result[result.count - 1] = previous
            } else {
                result.append(hit)
            }
        }
        return result
    }
}
