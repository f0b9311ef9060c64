/// `brackets`: brackets and quotation marks open and close in pairs. Quotation marks follow
/// each language's convention, so all of German „…“, English “…”, Russian and Arabic «…»,
/// Danish »…«, Swedish ”…” and Japanese 「…」 pair up; an apostrophe inside a word ("м’ята",
/// "WIR 2.0'ın") is not a quotation mark. A sentence whose source is itself unbalanced (a
/// parenthesis that spans two sentences) is only reported for other kinds of brackets.
enum BracketCheck {
    enum Family: String, CaseIterable {
        case parentheses = "parenthesis"
        case square = "square bracket"
        case curly = "curly bracket"
        case double = "double quotation mark"
        case single = "single quotation mark"
        case corner = "corner bracket"
    }

    struct Problem: Hashable {
        var family: Family
        var scalar: Unicode.Scalar
        var opened: Bool
    }

    static func issues(_ sentence: QASentence) -> [QAIssue] {
        let sourceFamilies = Set(problems(in: sentence.sourceText).map(\.family))
        let problems = problems(in: sentence.targetText).filter { !sourceFamilies.contains($0.family) }
        return problems.map { problem in
            problem.opened
                ? QAIssue("the \(problem.family.rawValue) \(String(problem.scalar)) (\(problem.scalar.codePointName)) is opened but never closed")
                : QAIssue("the \(problem.family.rawValue) \(String(problem.scalar)) (\(problem.scalar.codePointName)) closes nothing that was opened")
        }
    }

    /// Unbalanced marks, in order.
    static func problems(in text: String) -> [Problem] {
        let scalars = Array(text.unicodeScalars)
        var stack: [(scalar: Unicode.Scalar, closers: Set<Unicode.Scalar>, family: Family)] = []
        var problems: [Problem] = []
        func open(_ scalar: Unicode.Scalar, _ closers: Set<Unicode.Scalar>, _ family: Family) { stack.append((scalar, closers, family)) }
        /// Closes the innermost mark `scalar` can close; false when none is open.
        func close(_ scalar: Unicode.Scalar) -> Bool {
            guard let index = stack.lastIndex(where: { $0.closers.contains(scalar) }) else { return false }
            for unclosed in stack[(index + 1)...] { problems.append(Problem(family: unclosed.family, scalar: unclosed.scalar, opened: true)) }
            stack.removeSubrange(index...)
            return true
        }
        for (offset, scalar) in scalars.enumerated() {
            let letterBefore = offset > 0 && scalars[offset - 1].properties.isAlphabetic
            let letterAfter = offset + 1 < scalars.count && scalars[offset + 1].properties.isAlphabetic
            switch scalar {
            case "(": open(scalar, [")"], .parentheses)
            case "[": open(scalar, ["]"], .square)
            case "{": open(scalar, ["}"], .curly)
            case "「": open(scalar, ["」"], .corner)
            case "『": open(scalar, ["』"], .corner)
            case ")", "]", "}", "」", "』":
                if !close(scalar) { problems.append(Problem(family: family(closing: scalar), scalar: scalar, opened: false)) }
            case "„": open(scalar, ["“", "”"], .double)
            case "‚": open(scalar, ["‘", "’"], .single)
            case "«": open(scalar, ["»"], .double)
            case "‹": open(scalar, ["›"], .single)
            case "“", "”", "»", "\"":
                // Closing when something it closes is open; else opening (English “, Danish »…«,
                // Swedish ”…”, typewriter quotes).
                if !close(scalar) {
                    let closers: Set<Unicode.Scalar> = switch scalar {
                    case "“": ["”"]
                    case "»": ["«"]
                    case "\"": ["\""]
                    default: ["”"]
                    }
                    open(scalar, closers, .double)
                }
            case "›":
                if !close(scalar) { open(scalar, ["‹"], .single) }
            case "‘", "’", "'":
                // An apostrophe: inside a word, or before a suffix ("WIR 2.0'ın", "2014'te").
                let digitBefore = offset > 0 && UnicodeScript.digitValue(scalars[offset - 1]) != nil
                if (letterBefore || digitBefore) && letterAfter { continue }
                if !close(scalar) {
                    if scalar == "’" || (scalar == "'" && letterBefore) { continue }  // a final apostrophe (Migranten’)
                    open(scalar, scalar == "‘" ? ["’"] : ["'"], .single)
                }
            default:
                continue
            }
        }
        problems += stack.map { Problem(family: $0.family, scalar: $0.scalar, opened: true) }
        return problems
    }

    private static func family(closing scalar: Unicode.Scalar) -> Family {
        switch scalar {
        case ")": .parentheses
        case "]": .square
        case "}": .curly
        default: .corner
        }
    }
}
