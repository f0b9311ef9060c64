/// `end-punctuation`: a sentence ends like its source — a question stays a question, a list
/// item ending in a comma still ends in one — written the way the target's script writes it:
/// Arabic-script languages (Arabic, Persian, Sorani) use "؟" (U+061F), "،" (U+060C) and
/// "؛" (U+061B) for "?", "," and ";", and keep "." and ":".
enum EndPunctuationCheck {
    enum Mark: String, Sendable {
        case fullStop = "a full stop"
        case question = "a question mark"
        case exclamation = "an exclamation mark"
        case comma = "a comma"
        case semicolon = "a semicolon"
        case colon = "a colon"
        case ellipsis = "an ellipsis"
    }

    static func issues(_ sentence: QASentence, _ locale: QATargetLocale) -> [QAIssue] {
        let source = lastMark(of: sentence.sourceText)
        let target = lastMark(of: sentence.targetText)
        let arabicScript = locale.scripts.contains("Arab")
        var issues: [QAIssue] = []
        if source?.mark == .fullStop, target == nil, endsWithAbbreviation(sentence.sourceText) {
            // "Nr." → "الرقم": the dot was the abbreviation's, not the sentence's.
        } else if source?.mark != target?.mark {
            let wanted = source.map { "\($0.mark.rawValue) (\(form(of: $0.mark, arabicScript: arabicScript)))" } ?? "no punctuation mark"
            let found = target.map { "\($0.mark.rawValue) (\(String($0.scalar)))" } ?? "no punctuation mark"
            issues.append(QAIssue("the source ends with \(wanted), the target with \(found)"))
        } else if let target, let expected = expectedScalar(for: target.mark, arabicScript: arabicScript), expected != target.scalar,
                  arabicScript || target.scalar.properties.name?.hasPrefix("ARABIC") == true {
            issues.append(QAIssue("the target ends with \(target.scalar.codePointName); \(locale.scriptName) text writes \(expected.codePointName)"))
        }
        return issues
    }

    /// The final punctuation mark, looking past closing quotes and brackets, white space and
    /// bidi marks ("(Stand: November 2020)." ends with a full stop; "…“" with what precedes it).
    static func lastMark(of text: String) -> (mark: Mark, scalar: Unicode.Scalar)? {
        let skipped: Set<Unicode.Scalar> = [")", "]", "}", "\"", "'", "“", "”", "’", "»", "«", "›", "‹", "」", "』"]
        let scalars = text.unicodeScalars.reversed().drop {
            $0.properties.isWhitespace || $0.properties.generalCategory == .format || skipped.contains($0)
        }
        guard let last = scalars.first else { return nil }
        if last == ".", scalars.dropFirst().prefix(2).allSatisfy({ $0 == "." }), scalars.count >= 3 { return (.ellipsis, "…") }
        let mark: Mark? = switch last {
        case ".", "。", "።", "۔": .fullStop
        case "?", "؟", "፧", "？": .question
        case "!", "！": .exclamation
        case ",", "،", "፣", "，": .comma
        case ";", "؛", "፤", "；": .semicolon
        case ":", "፥", "：": .colon
        case "…": .ellipsis
        default: nil
        }
        return mark.map { ($0, last) }
    }

    /// Whether the final full stop closes an abbreviation ("Nr.", "Abs.", "e.V.", "z. B."): a
    /// last word of at most three letters, or with a dot inside.
    static func endsWithAbbreviation(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        guard trimmed.hasSuffix(".") else { return false }
        let last = trimmed.dropLast().split(whereSeparator: { $0.isWhitespace }).last ?? ""
        let letters = last.filter(\.isLetter)
        return !letters.isEmpty && (letters.count <= 3 || last.contains("."))
    }

    static func expectedScalar(for mark: Mark, arabicScript: Bool) -> Unicode.Scalar? {
        switch mark {
        case .question: arabicScript ? "؟" : "?"
        case .comma: arabicScript ? "،" : ","
        case .semicolon: arabicScript ? "؛" : ";"
        default: nil
        }
    }

    static func form(of mark: Mark, arabicScript: Bool) -> String {
        if let scalar = expectedScalar(for: mark, arabicScript: arabicScript) { return String(scalar) }
        return switch mark {
        case .fullStop: "."
        case .exclamation: "!"
        case .colon: ":"
        case .ellipsis: "…"
        case .question: "?"
        case .comma: ","
        case .semicolon: ";"
        }
    }
}
