/// `placeholders`: the auto-translatables of the source (`AutoTranslatables`) survive
/// translation. A reference such as the council paper "0108/2021" is an identifier: it stays
/// exactly as written, in Western digits. A date ("November 2020", "1. Januar 2020") may be
/// written the target's way, but keeps its year, in any digits.
///
/// In jobs these are placeholder codes (`InlineCode.Kind.autoTranslatable`), which
/// `inline-codes` checks like every code (each exactly once); their text counts here as the
/// reader will see it.
enum PlaceholderCheck {
    static func issues(_ sentence: QASentence, _ locale: QATargetLocale) -> [QAIssue] {
        let targetScalars = Array(sentence.targetText.unicodeScalars)
        var issues: [QAIssue] = []
        for item in AutoTranslatables.recognize(in: sentence.sourceText) {
            switch item.kind {
            case .reference:
                guard targetScalars.ranges(of: Array(item.text.unicodeScalars)).isEmpty else { continue }
                let western = String(String.UnicodeScalarView(targetScalars.map { scalar in
                    UnicodeScript.digitValue(scalar).flatMap { Unicode.Scalar(UInt8(48 + $0)) } ?? scalar
                }))
                if western.contains(item.text) {
                    issues.append(QAIssue("the reference \"\(item.text)\" must keep the source's Western digits; write it exactly as \"\(item.text)\""))
                } else {
                    issues.append(QAIssue("the reference \"\(item.text)\" is missing from the target; it must appear exactly as written"))
                }
            case .date(let date):
                let year = NumberScanner.Value(integer: String(date.year))
                let hasYear = NumberScanner.tokens(in: targetScalars).contains { token in
                    NumberScanner.values(of: token, decimal: locale.decimalSeparator, grouping: locale.groupingSeparator).contains(year)
                }
                if !hasYear {
                    let form = (try? locale.numbers.format(Double(date.year), grouping: false)).map { " (in \(locale.tag): \"\($0)\")" } ?? ""
                    issues.append(QAIssue("the date \"\(item.text)\" lost its year: \(date.year)\(form) is not in the target"))
                }
            default:
                continue
            }
        }
        return issues
    }
}
