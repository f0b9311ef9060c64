/// Auto-translatables travel through jobs as placeholders: the translator places "44" or
/// "November 2020" as a code and never retypes it, and assembly writes it the target locale's
/// way ("٤٤", "نوفمبر ٢٠٢٠").
///
/// The memory keeps sentences as they are written, with the numbers as text, so that its keys
/// and the entries it already holds stay valid: a job's sentence is looked up with its
/// placeholders expanded, a returned translation is stored expanded, and a memory target is
/// turned back into placeholders before it pre-fills a job.
///
/// ```swift
/// // source  "MiSO zählt 44 Mitgliedsorganisationen."
/// // in jobs "MiSO zählt <x id="a1" ctype="x-tp-number" equiv-text="44"/> Mitgliedsorganisationen."
/// ```
extension AutoTranslatable.Kind {
    /// The placeholder's category, as written in jobs (`ctype="x-tp-…"`, `subType="tp:…"`).
    public var category: String {
        switch self {
        case .number, .year: "number"
        case .percent: "percent"
        case .date: "date"
        case .reference: "reference"
        }
    }

    /// The categories jobs may carry, for the readers.
    public static let categories: Set<String> = ["number", "percent", "date", "reference"]
}

extension InlineCode {
    /// Whether the code stands for a number, date or reference of the source's text.
    public var isAutoTranslatable: Bool { kind == .autoTranslatable }

    /// The source text a placeholder stands for: the original data (our jobs, XLIFF 2) or the
    /// text a translator's tool shows (XLIFF 1.2 `equiv-text`).
    public var placeholderText: String { originalData.isEmpty ? displayText ?? "" : originalData }

    static func placeholder(id: String, for item: AutoTranslatable) -> InlineCode {
        InlineCode(id: id, kind: .autoTranslatable, elementName: item.kind.category, originalData: item.text, displayText: item.text)
    }
}

extension Content {
    /// The auto-translatable placeholders, in order.
    public var autoTranslatables: [InlineCode] {
        fragments.compactMap { fragment in
            if case .standalone(let code, nil) = fragment, code.isAutoTranslatable { return code }
            return nil
        }
    }

    /// Whether the content holds an auto-translatable placeholder (`autoTranslatables` is not
    /// empty), found without collecting them.
    var hasAutoTranslatables: Bool {
        fragments.contains { fragment in
            if case .standalone(let code, nil) = fragment { return code.isAutoTranslatable }
            return false
        }
    }

    /// The content with every placeholder replaced by text: `text` gives it for each code
    /// (by default as the source writes it).
    public func expandingAutoTranslatables(_ text: (InlineCode) -> String = \.placeholderText) -> Content {
        guard fragments.contains(where: { $0.code?.isAutoTranslatable == true }) else { return self }
        return Content(fragments.map { fragment in
            if case .standalone(let code, nil) = fragment, code.isAutoTranslatable { return .text(text(code)) }
            return fragment
        })
    }

    /// Numbers, dates and references in the text turned into placeholders with ids
    /// `a<next>`, `a<next+1>`… (ids in `reserved` are skipped).
    func markingAutoTranslatables(next: inout Int, reserved: Set<String>) -> Content {
        var result: [Fragment] = []
        for fragment in fragments {
            guard case .text(let text) = fragment else {
                result.append(fragment)
                continue
            }
            let items = AutoTranslatables.recognize(in: text)
            // A text without items stays as it is, not rebuilt from its scalars.
            guard !items.isEmpty else {
                result.append(fragment)
                continue
            }
            let scalars = Array(text.unicodeScalars)
            var cursor = 0
            for item in items {
                result.append(.text(Self.string(scalars[cursor ..< item.range.lowerBound])))
                var id: String
                repeat {
                    next += 1
                    id = "a\(next)"
                } while reserved.contains(id)
                result.append(.standalone(.placeholder(id: id, for: item)))
                cursor = item.range.upperBound
            }
            result.append(.text(Self.string(scalars[cursor...])))
        }
        return Content(result)
    }

    /// A target written with numbers as text (a memory entry) with the source's placeholders
    /// put back: each placeholder's text is looked for as the source writes it and in
    /// `forms(code)` (the locale's way of writing it). Nil when one of them is not found
    /// exactly once: a translator then places it.
    func placingAutoTranslatables(of source: Content, forms: (InlineCode) -> [String]) -> Content? {
        // Longest first, so that "November 2020" is placed before a "2020" of its own.
        let placeholders = source.autoTranslatables.sorted { $0.placeholderText.unicodeScalars.count > $1.placeholderText.unicodeScalars.count }
        guard !placeholders.isEmpty else { return self }
        var fragments = self.fragments
        for code in placeholders {
            var seen: Set<String> = []
            let candidates = ([code.placeholderText] + forms(code)).filter { !$0.isEmpty && seen.insert($0).inserted }
            var found: [(fragment: Int, range: Range<Int>)] = []
            for (index, fragment) in fragments.enumerated() {
                guard case .text(let text) = fragment else { continue }
                let scalars = Array(text.unicodeScalars)
                for candidate in candidates {
                    found += Self.occurrences(of: Array(candidate.unicodeScalars), in: scalars).map { (index, $0) }
                }
            }
            guard found.count == 1, let place = found.first, case .text(let text) = fragments[place.fragment] else { return nil }
            let scalars = Array(text.unicodeScalars)
            fragments.replaceSubrange(place.fragment ... place.fragment, with: [
                .text(Self.string(scalars[..<place.range.lowerBound])),
                .standalone(code),
                .text(Self.string(scalars[place.range.upperBound...])),
            ])
        }
        return Content(fragments)
    }

    /// Whole occurrences only: "44" is not found inside "2044" or "4.44".
    private static func occurrences(of pattern: [Unicode.Scalar], in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        guard !pattern.isEmpty, pattern.count <= scalars.count else { return [] }
        var ranges: [Range<Int>] = []
        for start in 0 ... scalars.count - pattern.count where scalars[start ..< start + pattern.count].elementsEqual(pattern) {
            let range = start ..< start + pattern.count
            if AutoTranslatables.isBoundary(scalars, before: start), AutoTranslatables.isBoundary(scalars, after: range.upperBound),
               !ranges.contains(where: { $0.overlaps(range) }) {
                ranges.append(range)
            }
        }
        return ranges
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(scalars: scalars)
    }
}

extension TextUnit {
    /// The unit as translators get it: numbers, dates and references of its source (and of
    /// each sentence, with the same ids) as placeholders. Attribute values cannot hold codes,
    /// and a unit that is only a number or a date needs no translator (assembly fills it):
    /// both are returned as they are.
    public func withAutoTranslatablePlaceholders() -> TextUnit {
        guard !isAttribute, target == nil, AutoTranslatables.wholeItem(source) == nil else { return self }
        let reserved = Set(source.codes.map(\.id))
        var next = 0
        var unit = self
        unit.source = source.markingAutoTranslatables(next: &next, reserved: reserved)
        guard next > 0 else { return self }
        guard isSegmented else { return unit }
        var sentenceNext = 0
        unit.parts = parts.map { part in
            guard case .segment(var segment) = part else { return part }
            segment.source = segment.source.markingAutoTranslatables(next: &sentenceNext, reserved: reserved)
            return .segment(segment)
        }
        // Sentences must carry exactly the whole source's placeholders; where recognition
        // differs at a sentence's edge, the unit keeps its numbers as text.
        guard unit.segments.flatMap(\.source.autoTranslatables) == unit.source.autoTranslatables else { return self }
        return unit
    }

    /// Whether the unit's source or one of its sentences holds a placeholder: without one,
    /// `expandingAutoTranslatables(targetText:)` gives the unit back as it is.
    var hasAutoTranslatables: Bool {
        source.hasAutoTranslatables || parts.contains(where: \.hasAutoTranslatables)
    }

    /// The unit with its placeholders turned back into text: in sources as the source writes
    /// them, in targets as `targetText` gives them (the target locale's way, or the source's).
    /// A target's placeholder is read by its id from the source, since a translator's tool may
    /// return a bare `<x id="a1"/>`.
    public func expandingAutoTranslatables(targetText: (InlineCode) -> String = \.placeholderText) -> TextUnit {
        // Most units have none: nothing to gather or expand.
        guard hasAutoTranslatables else { return self }
        let sources = Dictionary((source.autoTranslatables + segments.flatMap(\.source.autoTranslatables)).map { ($0.id, $0) },
                                 uniquingKeysWith: { first, _ in first })
        func expandTarget(_ target: Content?) -> Content? {
            target?.expandingAutoTranslatables { code in targetText(sources[code.id] ?? code) }
        }
        var unit = self
        unit.source = source.expandingAutoTranslatables()
        unit.target = expandTarget(target)
        unit.parts = parts.map { part in
            guard case .segment(var segment) = part else { return part }
            segment.source = segment.source.expandingAutoTranslatables()
            segment.target = expandTarget(segment.target)
            return .segment(segment)
        }
        return unit
    }
}

extension UnitPart {
    /// Whether the part is a sentence holding a placeholder.
    var hasAutoTranslatables: Bool {
        if case .segment(let segment) = self { return segment.source.hasAutoTranslatables }
        return false
    }
}

extension AutoTranslatables {
    /// How `locale` writes the auto-translatable a placeholder stands for; its source text
    /// when it is a reference or cannot be formatted.
    public static func text(for code: InlineCode, locale: LocaleDefinition?) -> String {
        let text = code.placeholderText
        guard let locale, let item = recognize(in: text).first, item.text == text,
              let formatted = try? item.formatted(for: locale) else { return text }
        return formatted
    }
}
