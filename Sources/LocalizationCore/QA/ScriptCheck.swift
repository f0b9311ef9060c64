/// `script`: the target is written in its language's script. Words in another script (Latin
/// or Cyrillic in an Arabic target, Latin in a Russian one, a Cyrillic "а" hidden in an English
/// word) are reported unless the source has the same word — names, acronyms such as "MiSO",
/// "WIR 2.0" stay as they are — or they are part of an e-mail address or URL.
///
/// Scripts come from ICU (`uscript`), with Script_Extensions, so characters shared by several
/// scripts (the Arabic tatweel, combining marks, digits) never count as foreign.
enum ScriptCheck {
    static func issues(_ sentence: QASentence, _ locale: QATargetLocale) -> [QAIssue] {
        let sourceScalars = Array(sentence.sourceText.unicodeScalars)
        let sourceWords = Set(QAWords.words(in: sourceScalars).map { $0.text.lowercased() })
        let sourceText = sentence.sourceText.lowercased()
        let scalars = Array(sentence.targetText.unicodeScalars)
        let addresses = QAWords.addresses(in: scalars)
        var foreign: [String: [String]] = [:]
        var order: [String] = []
        for word in QAWords.words(in: scalars) where !addresses.contains(where: { $0.overlaps(word.range) }) {
            // Each run of foreign letters on its own: Arabic writes a prefix onto a Latin
            // acronym ("بـLHH"). A run the source has as a word, or inside a longer one
            // ("Netzwerk" of "MigrantInnenSelbstOrganisationen-Netzwerk"), is a name.
            let unknown = foreignRuns(of: word.text, locale).first { run in
                let lower = run.text.lowercased()
                return !sourceWords.contains(lower) && !(lower.count >= 3 && sourceText.contains(lower))
            }
            guard let script = unknown?.script else { continue }
            if foreign[script] == nil { order.append(script) }
            if !(foreign[script] ?? []).contains(word.text) { foreign[script, default: []].append(word.text) }
        }
        return order.map { script in
            let words = foreign[script] ?? []
            let shown = words.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ") + (words.count > 5 ? " and \(words.count - 5) more" : "")
            let mixed = words.count == 1 && words[0].unicodeScalars.contains { isOfLocale($0, locale) } ? " (letters of two scripts mixed in one word, e.g. \(firstForeign(words[0], locale)))" : ""
            return QAIssue("\(UnicodeScript.name(script)) letters in \(words.count == 1 ? "the word" : "the words") \(shown)\(mixed), which the source does not have; \(locale.tag) is written in \(locale.scriptName) script")
        }
    }

    /// The runs of letters in scripts the locale does not use, with their script; marks and
    /// characters common to all scripts stay in the run they follow.
    static func foreignRuns(of word: String, _ locale: QATargetLocale) -> [(text: String, script: String)] {
        var runs: [(text: String, script: String)] = []
        var current: (text: String.UnicodeScalarView, script: String)?
        for scalar in word.unicodeScalars {
            let script = UnicodeScript.of(scalar)
            if script == "Zyyy" || script == "Zinh" || script.isEmpty || !scalar.properties.isAlphabetic {
                current?.text.append(scalar)
                continue
            }
            let foreign: String? = isOfLocale(scalar, locale) ? nil : script
            if let run = current, run.script == foreign ?? "" {
                current?.text.append(scalar)
                continue
            }
            if let run = current, !run.script.isEmpty { runs.append((String(run.text), run.script)) }
            current = (String.UnicodeScalarView([scalar]), foreign ?? "")
        }
        if let run = current, !run.script.isEmpty { runs.append((String(run.text), run.script)) }
        return runs
    }

    static func isOfLocale(_ scalar: Unicode.Scalar, _ locale: QATargetLocale) -> Bool {
        locale.scripts.contains { UnicodeScript.character(scalar, isUsedIn: $0) }
    }

    static func firstForeign(_ word: String, _ locale: QATargetLocale) -> String {
        word.unicodeScalars.first { $0.properties.isAlphabetic && !isOfLocale($0, locale) }.map(\.codePointName) ?? ""
    }
}
