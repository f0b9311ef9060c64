/// `length`: a target much longer than its source overflows the page's layout (menus,
/// headings, buttons) and often means text was added. The limit is the locale's
/// `maxExpansion` (`locales/<tag>.json`) times the source's length in grapheme clusters of
/// display text, but never less than the source plus `minimumAllowance`, so that "Kontakt"
/// may become "اتصل بنا" and short units do not trip.
enum LengthCheck {
    /// Grapheme clusters a target may always add to its source.
    static let minimumAllowance = 20

    static func issues(_ sentence: QASentence, _ locale: QATargetLocale) -> [QAIssue] {
        let source = sentence.sourceText.trimmingWhitespace.count
        let target = sentence.targetText.trimmingWhitespace.count
        let limit = max(Int((Double(source) * locale.maxExpansion).rounded(.up)), source + minimumAllowance)
        guard target > limit else { return [] }
        let tenths = Int((Double(target) * 10 / Double(max(source, 1))).rounded())
        return [QAIssue("the target has \(target) characters, \(tenths / 10).\(tenths % 10) times the source's \(source); \(locale.tag) allows up to \(limit) (\(locale.maxExpansion)×)")]
    }
}
