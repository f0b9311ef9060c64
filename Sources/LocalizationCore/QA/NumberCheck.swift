/// `numbers`: every number of the source is in the target with the same value, and the target
/// has no number of its own. Both sides are read by value in their locale's way of writing
/// numbers (`NumberScanner`), so "1.234,5" may become "1,234.5" or "١٬٢٣٤٫٥", "44" may become
/// "٤٤" or "۴۴", and order may change.
///
/// References ("0108/2021") and the years of dates are left to `placeholders`, so that one
/// mistake gives one message.
enum NumberCheck {
    static func issues(_ sentence: QASentence, _ locale: QATargetLocale, source: QATargetLocale) -> [QAIssue] {
        let split = NumbersOfSentence(sentence, locale: locale, source: source)
        var sourceNumbers = split.sourceTokens.flatMap { token in
            NumberScanner.values(of: token, decimal: source.decimalSeparator, grouping: source.groupingSeparator).map { (token, $0) }
        }
        var targetNumbers = split.targetTokens.flatMap { token in
            NumberScanner.values(of: token, decimal: locale.decimalSeparator, grouping: locale.groupingSeparator).map { (token, $0) }
        }
        // Matching values leave; what remains is missing from or added to the target.
        var index = 0
        while index < sourceNumbers.count {
            if let match = targetNumbers.firstIndex(where: { $0.1 == sourceNumbers[index].1 }) {
                targetNumbers.remove(at: match)
                sourceNumbers.remove(at: index)
            } else {
                index += 1
            }
        }
        var issues: [QAIssue] = []
        for (missing, added) in zip(sourceNumbers, targetNumbers) {
            issues.append(QAIssue("the number \(describe(missing)) of the source is \(describe(added)) in the target"
                + expectation(missing.1, locale)))
        }
        for missing in sourceNumbers.dropFirst(targetNumbers.count) {
            issues.append(QAIssue("the number \(describe(missing)) of the source is missing from the target" + expectation(missing.1, locale)))
        }
        for added in targetNumbers.dropFirst(sourceNumbers.count) {
            issues.append(QAIssue("the target has the number \(describe(added)), which the source does not have"))
        }
        return issues
    }

    /// `"1.234,5" (1234.5)`: as written, and its value when the two differ.
    static func describe(_ number: (NumberScanner.Token, NumberScanner.Value)) -> String {
        let (token, value) = number
        return token.text == value.description ? "\"\(token.text)\"" : "\"\(token.text)\" (\(value))"
    }

    /// " (in ar: "١٬٢٣٤٫٥")": how the locale writes the value, by ICU.
    static func expectation(_ value: NumberScanner.Value, _ locale: QATargetLocale) -> String {
        let grouping = !(value.fraction.isEmpty && value.integer.count == 4)
        guard let form = try? locale.numbers.format(value.double, fractionDigits: value.fraction.count, grouping: grouping) else { return "" }
        return " (in \(locale.tag): \"\(form)\")"
    }
}

/// The numbers of a sentence that `NumberCheck` compares: without references and date years
/// (checked by `PlaceholderCheck`), and without digit sequences that are no number in the
/// source's locale ("2.0" in "WIR 2.0", the section "14.1") when the target has the same
/// digits in the same groups, in any script ("۱۴.۱").
struct NumbersOfSentence {
    var sourceTokens: [NumberScanner.Token]
    var targetTokens: [NumberScanner.Token]

    init(_ sentence: QASentence, locale: QATargetLocale, source: QATargetLocale) {
        let sourceScalars = Array(sentence.sourceText.unicodeScalars)
        let targetScalars = Array(sentence.targetText.unicodeScalars)
        let recognized = AutoTranslatables.recognize(in: sentence.sourceText)
        var references: [String] = []
        var years: [(range: Range<Int>, year: Int)] = []
        for item in recognized {
            switch item.kind {
            case .reference: references.append(item.text)
            case .date(let date): years.append((item.range, date.year))
            default: break
            }
        }
        let referenceRanges = recognized.filter { $0.kind == .reference }.map(\.range)
        var sourceTokens = NumberScanner.tokens(in: sourceScalars).filter { token in
            !referenceRanges.contains { $0.overlaps(token.range) }
                && !years.contains { $0.range.overlaps(token.range) && token.groups == [String($0.year)] }
        }
        let targetReferenceRanges = references.flatMap { targetScalars.ranges(of: Array($0.unicodeScalars)) }
        let spaceGrouping = locale.groupingSeparator.properties.generalCategory == .spaceSeparator
        var targetTokens = NumberScanner.tokens(in: targetScalars, spaceGrouping: spaceGrouping).filter { token in
            !targetReferenceRanges.contains { $0.overlaps(token.range) }
        }
        for (_, year) in years {
            let wanted = NumberScanner.Value(integer: String(year))
            if let index = targetTokens.firstIndex(where: {
                NumberScanner.values(of: $0, decimal: locale.decimalSeparator, grouping: locale.groupingSeparator).contains(wanted)
            }) {
                targetTokens.remove(at: index)
            }
        }
        sourceTokens.removeAll { token in
            guard NumberScanner.value(of: token, decimal: source.decimalSeparator, grouping: source.groupingSeparator) == nil,
                  let match = targetTokens.firstIndex(where: { $0.groups == token.groups }) else { return false }
            targetTokens.remove(at: match)
            return true
        }
        self.sourceTokens = sourceTokens
        self.targetTokens = targetTokens
    }
}

extension Array where Element == Unicode.Scalar {
    /// Ranges where `pattern` occurs, not overlapping.
    func ranges(of pattern: [Unicode.Scalar]) -> [Range<Int>] {
        guard !pattern.isEmpty, pattern.count <= count else { return [] }
        var found: [Range<Int>] = []
        var index = 0
        while index + pattern.count <= count {
            if self[index ..< index + pattern.count].elementsEqual(pattern) {
                found.append(index ..< index + pattern.count)
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }
}
