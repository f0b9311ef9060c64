internal import CICU

/// The UTF-16 code units without which a segmenter finds no boundary in a text: those after
/// which ICU's sentence break iterator can break (sentence terminators, paragraph separators)
/// and, for each break rule, those that every match of its before-pattern contains. A text
/// with none of them is one sentence and needs neither ICU nor the rules: most units of a page
/// (headings, links, labels, table cells) are such texts.
///
/// Derived from ICU and the rules alone, never from texts seen: there is no set (and so no
/// shortcut) when the locale's sentence rules are tailored or a break rule's pattern has no
/// character every match must contain (`RegexShape.requiredCharacterPatterns`).
struct BoundaryUnits: Sendable {
    /// One bit per UTF-16 code unit: bit `unit & 63` of word `unit >> 6`.
    private let bits: [UInt64]

    init?(breakRules: [SRXRules.Rule], locale: String) {
        var bits = [UInt64](repeating: 0, count: 1 << 10)
        var status: Int32 = 0
        guard cicu_sentence_boundary_units(locale, &bits, &status) == 1, status <= 0 else { return nil }
        // Every character that is not a surrogate (those are in the set already), once each:
        // the matches of a one-character pattern over them are the characters it matches.
        let characters = (UInt16(0) ... 0xFFFF).filter { $0 & 0xF800 != 0xD800 }
        for rule in breakRules {
            // A break rule breaks where a match of its before-pattern ends (the after-pattern
            // can only take positions away), and every match has a character of each required
            // part: the part that matches the fewest characters is the one that counts.
            let required = RegexShape(pattern: rule.before)?.requiredCharacterPatterns ?? []
            var fewest: [UInt16]?
            for pattern in required {
                guard let regex = try? ICURegex(pattern) else { return nil }
                let matched = regex.withText(characters) { $0.allMatches() }.flatMap { characters[$0] }
                if matched.count < fewest?.count ?? .max { fewest = matched }
            }
            guard let fewest else { return nil }
            for unit in fewest { bits[Int(unit >> 6)] |= 1 &<< UInt64(unit & 63) }
        }
        self.bits = bits
    }

    func contains(_ unit: UInt16) -> Bool {
        bits[Int(unit >> 6)] & (1 &<< UInt64(unit & 63)) != 0
    }

    /// Whether a character of `text` is one of the units (a character beyond the BMP always
    /// is, its surrogates being in the set), found without converting the text.
    func occur(in text: String) -> Bool {
        !text.allUTF16Units { !contains($0) }
    }
}
