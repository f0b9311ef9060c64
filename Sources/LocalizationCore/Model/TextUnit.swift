/// The translatable unit every stage of the pipeline passes on: one run of text from a page
/// (a paragraph, a heading, an attribute value) with its inline codes, its target if any,
/// and what the source says about how to translate it.
public struct TextUnit: Sendable, Hashable, Identifiable {
    /// Where the text sits in the page.
    public enum Placement: Sendable, Hashable {
        /// Element content (a paragraph, a heading, a list item, a table cell…).
        case elementContent(elementName: String)
        /// The value of a translatable attribute (`alt`, `title`, meta `content`…).
        case attribute(elementName: String, attributeName: String)
    }

    /// Stable identifier: it depends on the unit's own text and structural context, not on
    /// its position, so edits elsewhere on the page do not change it.
    public var id: String
    public var placement: Placement
    /// A readable structural name for translators, e.g. `"main/section/p"` or `"img/@alt"`.
    public var name: String
    public var source: Content
    public var target: Content?
    public var state: TranslationState
    /// Localization notes from the source (ITS `localizationNote`, `its-loc-note`).
    public var notes: [Note]
    /// The language the source content is marked as (`lang`), when it differs from the page's.
    public var sourceLanguage: String?
    /// The direction the source content is marked with (`dir` / ITS directionality).
    public var direction: TextDirection?
    /// 1-based line of the unit's first byte in the source page, for diagnostics.
    public var line: Int
    /// Translations the memory offers, best first (for a unit that is not segmented).
    public var candidates: [TranslationCandidate] = []
    /// The unit's sentences and the white space between them, when it has more than one
    /// sentence (see `Segment`); empty otherwise. `source` stays the whole unit's content.
    public var parts: [UnitPart] = []
    /// Glossary terms found in the source, with their translations (see `TermAnnotator`).
    public var terms: [UnitTerm] = []

    public init(
        id: String, placement: Placement, name: String, source: Content, target: Content? = nil,
        state: TranslationState = .initial, notes: [Note] = [], sourceLanguage: String? = nil,
        direction: TextDirection? = nil, line: Int = 0
    ) {
        self.id = id
        self.placement = placement
        self.name = name
        self.source = source
        self.target = target
        self.state = state
        self.notes = notes
        self.sourceLanguage = sourceLanguage
        self.direction = direction
        self.line = line
    }
}

/// A note for the translator.
public struct Note: Sendable, Hashable {
    public enum Priority: Int, Sendable, Hashable {
        /// ITS `alert`: the translator must read it.
        case alert = 1
        /// ITS `description`: background information.
        case description = 2
    }

    public var text: String
    public var priority: Priority

    public init(_ text: String, priority: Priority = .description) {
        self.text = text
        self.priority = priority
    }
}

/// Text direction as declared in a source page or a locale.
public enum TextDirection: String, Sendable, Hashable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"
}

/// Where a unit's target stands in the translation workflow, with the XLIFF 2 names;
/// XLIFF 1.2 maps onto them (see `XLIFF12Reader`).
public enum TranslationState: String, Sendable, Hashable, CaseIterable {
    case initial
    case translated
    case reviewed
    case final
}

extension TextUnit {
    /// Whether the unit is an attribute value (which cannot hold inline codes).
    public var isAttribute: Bool {
        if case .attribute = placement { return true }
        return false
    }
}
