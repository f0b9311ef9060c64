/// `untranslated`: the target is the source, or the source with only its numbers or names
/// changed — the translator's tool copied the source and nobody translated it. A source that
/// is nothing but names, numbers, codes and addresses ("MiSO", "hannover.de", "2020") may
/// rightly stay as it is and is not reported.
enum UntranslatedCheck {
    static func issues(_ sentence: QASentence) -> [QAIssue] {
        let source = sentence.source.plainText
        let target = sentence.target.plainText
        let sourceWords = translatableWords(source)
        guard !sourceWords.isEmpty else { return [] }
        if source.trimmingWhitespace == target.trimmingWhitespace {
            return [QAIssue("the target is the same as the source; translate it")]
        }
        if translatableWords(target) == sourceWords {
            return [QAIssue("the target is the source with only numbers or names changed; translate it")]
        }
        return []
    }

    /// The words to translate, lower-cased: no names, numbers or addresses. Protected names are
    /// codes, so `plainText` already leaves them out.
    static func translatableWords(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let addresses = QAWords.addresses(in: scalars)
        return QAWords.words(in: scalars).filter { word in
            !QAWords.isName(word.text) && !addresses.contains { $0.overlaps(word.range) }
        }.map { $0.text.lowercased() }
    }
}
