/// A piece of markup inside translatable text, kept as a reference the translator can move
/// but not edit.
///
/// Paired codes (`<b>…</b>`) appear twice in a unit's content, as `.opening` and `.closing`
/// placements with the same ``id``; standalone codes (`<br>`, an `<img>`, a protected name)
/// appear once. The original bytes never travel through XLIFF as markup: assembly rebuilds
/// markup from the source page's codes by id (ARCHITECTURE.md, decision 5).
public struct InlineCode: Sendable, Hashable {
    /// What a code is, in the vocabulary both XLIFF versions understand.
    public enum Kind: String, Sendable, Hashable {
        /// Formatting (`<b>`, `<em>`, `<span>`…).
        case formatting
        /// A hyperlink (`<a>`).
        case link
        /// An image or other embedded object.
        case image
        /// A line break (`<br>`, `<wbr>`).
        case lineBreak
        /// Content that must not be translated (`translate="no"`), carried whole.
        case protected
        /// A number, date or reference of the source's text ("44", "November 2020",
        /// "0108/2021"): the translator places it, assembly writes it the target locale's way
        /// (see `AutoTranslatable+Placeholders.swift`).
        case autoTranslatable
        /// Any other inline element.
        case other
    }

    /// Identifier unique within its unit; the opening and closing placements share it.
    public var id: String
    public var kind: Kind
    /// The HTML element name, lower-cased (`"b"`, `"a"`, `"br"`); for an auto-translatable,
    /// its category (`"number"`, `"percent"`, `"date"`, `"reference"`).
    public var elementName: String
    /// The original markup as it stands in the source page (for a paired code, the tag that
    /// this placement stands for).
    public var originalData: String
    /// What a translator's tool shows for the code (e.g. `"MiSO"` for a protected name).
    public var displayText: String?
    /// Whether a translator may delete the code from the target.
    public var canDelete: Bool
    /// Whether a translator may copy the code into the target more than once.
    public var canCopy: Bool
    /// Attributes the code carried in an exchange format (TMX `x`, `type`, `assoc`, `pos`),
    /// kept so that it is written back as it was read.
    public var formatAttributes: [String: String]

    public init(
        id: String, kind: Kind, elementName: String, originalData: String,
        displayText: String? = nil, canDelete: Bool = false, canCopy: Bool = false,
        formatAttributes: [String: String] = [:]
    ) {
        self.id = id
        self.kind = kind
        self.elementName = elementName
        self.originalData = originalData
        self.displayText = displayText
        self.canDelete = canDelete
        self.canCopy = canCopy
        self.formatAttributes = formatAttributes
    }
}
