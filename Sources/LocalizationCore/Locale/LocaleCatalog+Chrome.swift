extension LocaleCatalog {
    /// A unit that is one of the site's chrome strings in the source language ("lesen",
    /// "Stand: November 2020", "44 Mitgliedsorganisationen") gets the locale's message,
    /// with its date or number written the locale's way; other units get nil.
    public func chromeTarget(for source: Content, locale: LocaleDefinition) -> Content? {
        guard source.fragments.count == 1, case .text(let text) = source.fragments[0],
              let german = definitions[sourceLocale] else { return nil }
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        for key in LocaleDefinition.messageArguments.keys.sorted() {
            guard let germanPattern = german.messages[key],
                  let germanFormat = try? MessageFormat(germanPattern, locale: german.formattingLocale) else { continue }
            let candidates: [([String: MessageFormat.Argument], [String: MessageFormat.Argument])]
            switch LocaleDefinition.messageArguments[key] ?? [] {
            case []:
                candidates = [([:], [:])]
            case ["count"]:
                candidates = AutoTranslatables.recognize(in: trimmed).compactMap { item in
                    guard case .number(let value, 0) = item.kind else { return nil }
                    return (["count": .number(value)], ["count": .number(value)])
                }
            case ["date"]:
                candidates = AutoTranslatables.recognize(in: trimmed).compactMap { item in
                    guard case .date = item.kind, let formatted = try? item.formatted(for: locale) else { return nil }
                    return (["date": .string(item.text)], ["date": .string(formatted)])
                }
            default:
                candidates = []
            }
            for (germanArguments, targetArguments) in candidates {
                guard (try? germanFormat.format(germanArguments)) == trimmed,
                      let message = try? self.message(key, for: locale.tag, targetArguments) else { continue }
                return Content(text: text.replacingTrimmedText(with: message))
            }
        }
        return nil
    }
}
