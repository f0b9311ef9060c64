/// `whitespace` and `double-spaces`: white space a reader does not see in the CAT tool but
/// does on the page — a sentence glued to the next one, or a gap in the middle of a line.
enum SpacingCheck {
    /// `whitespace`: leading and trailing white space as in the source.
    static func edgeIssues(_ sentence: QASentence) -> [QAIssue] {
        let source = Array(sentence.sourceText.unicodeScalars)
        let target = Array(sentence.targetText.unicodeScalars)
        var issues: [QAIssue] = []
        let sourceLeading = source.prefix { $0.properties.isWhitespace }
        let targetLeading = target.prefix { $0.properties.isWhitespace }
        if !sourceLeading.elementsEqual(targetLeading), targetLeading.count < target.count {
            issues.append(QAIssue("the source starts with \(describe(sourceLeading)), the target with \(describe(targetLeading)); keep the source's spacing at the start"))
        }
        let sourceTrailing = source.reversed().prefix { $0.properties.isWhitespace }.reversed()
        let targetTrailing = target.reversed().prefix { $0.properties.isWhitespace }.reversed()
        if !sourceTrailing.elementsEqual(targetTrailing), targetTrailing.count < target.count {
            issues.append(QAIssue("the source ends with \(describe(Array(sourceTrailing))), the target with \(describe(Array(targetTrailing))); keep the source's spacing at the end"))
        }
        return issues
    }

    /// `double-spaces`: runs of two or more spaces within a line that the source does not have.
    /// Spacing after a line break is indentation of the page's source, not a double space.
    static func doubleSpaceIssues(_ sentence: QASentence) -> [QAIssue] {
        let sourceRuns = doubleSpaces(in: Array(sentence.sourceText.unicodeScalars)).count
        let target = Array(sentence.targetText.unicodeScalars)
        let targetRuns = doubleSpaces(in: target)
        guard targetRuns.count > sourceRuns, let first = targetRuns.first else { return [] }
        let before = target[..<first.lowerBound].split { $0.properties.isWhitespace }.last.map { String(String.UnicodeScalarView($0)) }
        let place = before.map { "after \"\($0)\"" } ?? "at the start"
        let extra = targetRuns.count - sourceRuns
        return [QAIssue("\(extra == 1 ? "two or more spaces in a row" : "\(extra) places with two or more spaces in a row") that the source does not have (first \(place))")]
    }

    static func doubleSpaces(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index].isHorizontalSpace else { index += 1; continue }
            let start = index
            while index < scalars.count, scalars[index].isHorizontalSpace { index += 1 }
            let afterLineBreak = start > 0 && scalars[start - 1].properties.isWhitespace && !scalars[start - 1].isHorizontalSpace
            let beforeLineBreak = index < scalars.count && scalars[index].properties.isWhitespace
            if index - start >= 2, !afterLineBreak, !beforeLineBreak { runs.append(start ..< index) }
        }
        return runs
    }

    /// "no white space", "1 space", "a line break and 4 spaces", "U+00A0 NO-BREAK SPACE".
    static func describe<S: Collection>(_ space: S) -> String where S.Element == Unicode.Scalar {
        if space.isEmpty { return "no white space" }
        var parts: [String] = []
        var index = space.startIndex
        while index != space.endIndex {
            let scalar = space[index]
            var count = 0
            while index != space.endIndex, space[index] == scalar { count += 1; index = space.index(after: index) }
            let name = switch scalar {
            case " ": count == 1 ? "1 space" : "\(count) spaces"
            case "\n", "\r": count == 1 ? "a line break" : "\(count) line breaks"
            case "\t": count == 1 ? "a tab" : "\(count) tabs"
            default: count == 1 ? scalar.codePointName : "\(count) × \(scalar.codePointName)"
            }
            parts.append(name)
        }
        return parts.joined(separator: " and ")
    }
}
