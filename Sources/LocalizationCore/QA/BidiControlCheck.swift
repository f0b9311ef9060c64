/// `bidi-controls`: the invisible characters of SECURITY.md. Embeddings and overrides
/// (U+202A–202E) reorder what a reader sees against what the text says ("Trojan Source") and
/// are refused everywhere; the isolates (U+2066–2069) must be balanced, or they spill over the
/// rest of the page; the marks LRM, RLM and ALM are how right-to-left text keeps a number or a
/// name in place and are fine there. An attribute value (`alt`, `title`) gets no bidi control
/// (a mark there is only a warning, since assembly drops it)
/// at all. Zero-width characters and the BOM the source lacks are refused; ZWNJ and ZWJ are
/// letters' business inside a word (the Persian half-space), not between words. C0/C1
/// controls other than tab and line feed are refused always, as assembly refuses them.
enum BidiControlCheck {
    static let embeddings: ClosedRange<UInt32> = 0x202A ... 0x202E
    static let isolateOpenings: Set<UInt32> = [0x2066, 0x2067, 0x2068]
    static let isolateClosing: UInt32 = 0x2069
    static let marks: Set<UInt32> = [0x200E, 0x200F, 0x061C]
    static let invisible: Set<UInt32> = [0x200B, 0x2060, 0xFEFF, 0x180E, 0x2061, 0x2062, 0x2063, 0x2064]

    static func issues(_ sentence: QASentence, _ locale: QATargetLocale) -> [QAIssue] {
        let scalars = Array(sentence.target.plainText.unicodeScalars)
        let sourceScalars = Set(sentence.source.plainText.unicodeScalars)
        var issues: [QAIssue] = []
        var reported: Set<Unicode.Scalar> = []
        func report(_ scalar: Unicode.Scalar, _ message: String, cap: QASeverity? = nil) {
            guard reported.insert(scalar).inserted else { return }
            issues.append(QAIssue(message, cap: cap))
        }
        let isBidiControl = { (scalar: Unicode.Scalar) in
            embeddings.contains(scalar.value) || isolateOpenings.contains(scalar.value) || scalar.value == isolateClosing || marks.contains(scalar.value)
        }
        var openIsolates = 0
        var unbalanced = false
        for (offset, scalar) in scalars.enumerated() {
            let value = scalar.value
            if sentence.isAttribute, marks.contains(value) {
                // Assembly drops marks from attribute values (SiteAssembly): the same sentence
                // in running text keeps its mark, so the translation itself is sound.
                report(scalar, "\(scalar.codePointName) in an attribute value (\"alt\", \"title\"…) is dropped when the page is published: "
                    + "no bidi control may stand there", cap: .warning)
                continue
            }
            if sentence.isAttribute, isBidiControl(scalar) {
                report(scalar, "\(scalar.codePointName) in an attribute value (\"alt\", \"title\"…): no bidi control is allowed there")
                continue
            }
            if embeddings.contains(value) {
                report(scalar, "\(scalar.codePointName) is not allowed: embeddings and overrides can make text display differently from what it says; use an isolate (U+2066–2069) or LRM/RLM")
            } else if isolateOpenings.contains(value) {
                openIsolates += 1
            } else if value == isolateClosing {
                if openIsolates == 0 { unbalanced = true } else { openIsolates -= 1 }
            } else if marks.contains(value), locale.direction == .leftToRight, !sourceScalars.contains(scalar) {
                report(scalar, "\(scalar.codePointName) in a left-to-right \(locale.tag) target; it is only needed in right-to-left text", cap: .warning)
            } else if invisible.contains(value), !sourceScalars.contains(scalar) {
                report(scalar, "\(scalar.codePointName) is invisible and not in the source; remove it")
            } else if value == 0x200C || value == 0x200D, !sourceScalars.contains(scalar) {
                let inWord = offset > 0 && offset + 1 < scalars.count && isJoining(scalars[offset - 1]) && isJoining(scalars[offset + 1])
                if !inWord { report(scalar, "\(scalar.codePointName) outside a word is invisible and not in the source; remove it") }
            } else if TargetCheck.isForbidden(scalar) {
                report(scalar, "the control character \(scalar.codePointName) is not allowed in a page's text")
            }
        }
        if unbalanced || openIsolates > 0 {
            issues.append(QAIssue("unbalanced bidi isolates: every U+2066/2067/2068 needs its own U+2069 POP DIRECTIONAL ISOLATE after it, within the sentence"
                + (openIsolates > 0 ? " (\(openIsolates) not closed)" : " (a U+2069 closes nothing)")))
        }
        return issues
    }

    /// Letters and marks, and emoji that ZWJ joins into one picture.
    static func isJoining(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.isEmoji && scalar.value > 0xFF
            || [.nonspacingMark, .spacingMark].contains(scalar.properties.generalCategory)
    }
}
