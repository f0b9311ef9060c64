/// A page after extraction: its translatable units, and the skeleton that puts them back.
public struct ExtractedPage: Sendable {
    public let page: HTMLPage
    /// Units in page order, each with an id no other unit of the page has. The skeleton's
    /// slots name their units by position here: a change to the units keeps their order.
    public var units: [TextUnit]
    public var skeleton: PageSkeleton
    /// What extraction noticed: malformed markup, invalid bytes, rule files it could not use.
    public var diagnostics: [Diagnostic]
    /// The page's declared language (`<html lang>`), if any.
    public var language: String?
}

/// Where each unit's text lies in the page's bytes; everything outside these slots is the
/// page's own bytes, written back unchanged (the Okapi skeleton model).
public struct PageSkeleton: Sendable {
    /// The bytes of one inline code in the page: a standalone code has only `opening`.
    struct CodeRanges: Sendable, Hashable {
        var opening: Range<Int>
        var closing: Range<Int>?
    }

    enum SlotKind: Sendable, Hashable {
        /// Element content with its codes, by code id.
        case content(codes: [String: CodeRanges])
        /// An attribute value; `quote` is the byte around it, `nil` for an unquoted value.
        case attribute(quote: UInt8?)
    }

    struct Slot: Sendable, Hashable {
        var unitID: String
        /// The position of the slot's unit in `ExtractedPage.units`: assembly finds the unit's
        /// target by it, without hashing the id. Mapping the units (segmenting them) keeps it
        /// right; reordering or removing them would not.
        var unitIndex: Int
        var range: Range<Int>
        var kind: SlotKind
    }

    /// Where `<html>` declares (or can be given) its language and direction.
    struct RootLanguage: Sendable, Hashable {
        /// The value of `lang`, if the attribute exists.
        var lang: Range<Int>?
        var langQuote: UInt8?
        var dir: Range<Int>?
        var dirQuote: UInt8?
        /// Before the tag's closing `>` (or `/>`), where missing attributes are inserted.
        var insertionPoint: Int
    }

    /// Slots sorted by where they start; an attribute slot can lie inside a code of a
    /// content slot.
    var slots: [Slot]
    var rootLanguage: RootLanguage?
}
