import Testing
@testable import LocalizationCore

/// A `lang` value is trimmed of spaces only when it starts or ends with one; the result must be
/// what `trimmingCharacters(in: " ")` gives for every value.
@Suite struct LanguageAttributeTests {
    @Test func languageValuesAreTrimmedOfSpaces() {
        let values = [" fr ", "fr ", " fr", "  fr  ", "fr", "f r", "  ", " \u{301}fr", "fr \u{301}", "en-GB", "\u{A0}fr\u{A0}", " ar"]
        let paragraphs = values.map { "<p lang=\"\($0)\">Ein Absatz mit Text</p>" }.joined(separator: "\n")
        let page = "<html lang=\"de\"><body>\n\(paragraphs)\n</body></html>"
        let units = HTMLExtractor().extract(HTMLPage(name: "index.html", bytes: Array(page.utf8))).units
        let expected = values.map { value -> String? in
            let trimmed = value.trimmingCharacters(in: " ")
            return trimmed.isEmpty ? nil : trimmed
        }
        #expect(units.map(\.sourceLanguage) == expected)
        #expect(expected.contains("fr") && expected.contains(" \u{301}fr"))
    }
}
