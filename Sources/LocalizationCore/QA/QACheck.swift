/// One quality check run on a translator's target when a job comes back. The raw values are
/// the names a project file uses (`{"qa": {"length": "error"}}`); each check has a default
/// severity, chosen so that only what would break a page or mislead a reader refuses a unit
/// (see `README.md` in this folder).
public enum QACheck: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    /// Inline codes missing, extra, duplicated, badly nested, or moved out of the pair that
    /// held them in the source.
    case inlineCodes = "inline-codes"
    /// Numbers compared by value, whatever digits and separators the locale writes them with.
    case numbers
    /// References kept verbatim, dates keeping their year.
    case placeholders
    /// Glossary terms (`TermCheck`).
    case glossary
    /// Target longer than the locale's expansion limit allows.
    case length
    /// Leading or trailing white space different from the source's.
    case whitespace
    /// The sentence ends with other punctuation than the source, or with another script's form.
    case endPunctuation = "end-punctuation"
    /// Target equal to the source, or equal apart from numbers and names.
    case untranslated
    /// Words in another script than the locale's that the source does not have.
    case script
    /// Bidi embeddings and overrides, unbalanced isolates, invisible characters.
    case bidiControls = "bidi-controls"
    /// Two or more spaces in a row that the source does not have.
    case doubleSpaces = "double-spaces"
    /// Unbalanced brackets and quotation marks.
    case brackets

    /// The severity a project gets when its file does not name the check.
    ///
    /// Errors refuse the unit: broken codes and Trojan Source characters would reach a public
    /// page, and a changed number or reference misinforms the reader (a date, an amount, the
    /// council paper cited). Everything a reviewer may decide is a warning.
    public var defaultSeverity: QASeverity {
        switch self {
        case .inlineCodes, .numbers, .placeholders, .bidiControls: .error
        case .glossary, .length, .whitespace, .endPunctuation, .untranslated, .script, .doubleSpaces, .brackets: .warning
        }
    }
}

extension QACheck: CustomStringConvertible {
    public var description: String { rawValue }
}
