internal import Synchronization

extension LocaleCatalog {
    /// A unit that is one of the site's chrome strings in the source language ("lesen",
    /// "Stand: November 2020", "44 Mitgliedsorganisationen") gets the locale's message,
    /// with its date or number written the locale's way; other units get nil.
    public func chromeTarget(for source: Content, locale: LocaleDefinition) -> Content? {
        let chrome = ChromeStrings(catalog: self)
        return chrome.target(for: chrome.matches(for: source), locale: locale)
    }
}

/// The source language's chrome messages, compiled once per run, so that every unit of every
/// page is compared with them without parsing a message pattern.
///
/// Matching is split in two: which messages a unit's text is in the source language does not
/// depend on the target locale (``matches(for:)``, once per unit), and the target message is
/// formatted per locale (``target(for:locale:)``). Formatted messages are kept: the same chrome
/// strings stand on every page.
struct ChromeStrings: Sendable {
    /// A unit whose text reads as one chrome message in the source language.
    struct Match: Sendable {
        enum Argument: Sendable {
            case plain
            case count(Double)
            case date(AutoTranslatable)
        }

        var key: String
        var argument: Argument
        /// The unit's text: the message replaces it between its leading and trailing white space.
        var text: String
    }

    private enum Arguments: Sendable {
        case plain
        case count
        case date
    }

    /// A source-language message, in the order messages are tried (by key).
    private struct Message: Sendable {
        var key: String
        var format: MessageFormat
        var arguments: Arguments
        /// A message without arguments, formatted.
        var fixed: String?
    }

    let catalog: LocaleCatalog
    private let messages: [Message]
    private let cache = Cache()

    /// Messages formatted with given arguments: source-language forms and target messages.
    private final class Cache: Sendable {
        struct Key: Hashable, Sendable {
            var key: String
            /// The target locale; nil for the message in the source language.
            var locale: String?
            var arguments: [String: MessageFormat.Argument]
        }

        let messages = Mutex<[Key: String?]>([:])

        func message(_ key: Key, _ make: () -> String?) -> String? {
            if let known = messages.withLock({ $0[key] }) { return known }
            let message = make()
            messages.withLock { messages in
                // Bounded: a site's numbers and dates are many, but not without end.
                if messages.count > 100_000 { messages.removeAll() }
                messages[key] = .some(message)
            }
            return message
        }
    }

    init(catalog: LocaleCatalog) {
        self.catalog = catalog
        guard let source = catalog.definitions[catalog.sourceLocale] else {
            messages = []
            return
        }
        messages = LocaleDefinition.messageArguments.keys.sorted().compactMap { key in
            guard let pattern = source.messages[key],
                  let format = try? MessageFormat(pattern, locale: source.formattingLocale) else { return nil }
            let arguments: Arguments
            switch LocaleDefinition.messageArguments[key] ?? [] {
            case []: arguments = .plain
            case ["count"]: arguments = .count
            case ["date"]: arguments = .date
            // Other messages (the fallback notice) are never the text of a unit.
            default: return nil
            }
            return Message(key: key, format: format, arguments: arguments, fixed: arguments == .plain ? try? format.format() : nil)
        }
    }

    /// The messages the unit's text is in the source language, in the order they are tried:
    /// by key, then by the number or date of the text the message holds.
    func matches(for source: Content) -> [Match] {
        matches(for: source, recognized: nil)
    }

    /// `matches(for:)` given the auto-translatables recognised in the source's `plainText`
    /// (nil: recognised here if a message needs them). For a unit of one text, they are those
    /// of its trimmed text (`AutoTranslatables.wholeItem(_:recognized:)` says why); only their
    /// kinds and texts are read.
    func matches(for source: Content, recognized: [AutoTranslatable]?) -> [Match] {
        guard !messages.isEmpty, source.fragments.count == 1, case .text(let text) = source.fragments[0] else { return [] }
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return [] }
        var items = recognized
        var matches: [Match] = []
        for message in messages {
            switch message.arguments {
            case .plain:
                if message.fixed == trimmed { matches.append(Match(key: message.key, argument: .plain, text: text)) }
            case .count:
                items = items ?? AutoTranslatables.recognize(in: trimmed)
                for item in items ?? [] {
                    guard case .number(let value, 0) = item.kind,
                          sourceText(message, ["count": .number(value)]) == trimmed else { continue }
                    matches.append(Match(key: message.key, argument: .count(value), text: text))
                }
            case .date:
                items = items ?? AutoTranslatables.recognize(in: trimmed)
                for item in items ?? [] {
                    guard case .date = item.kind, sourceText(message, ["date": .string(item.text)]) == trimmed else { continue }
                    matches.append(Match(key: message.key, argument: .date(item), text: text))
                }
            }
        }
        return matches
    }

    /// The first match that has a message in `locale`, as the unit's target.
    func target(for matches: [Match], locale: LocaleDefinition) -> Content? {
        for match in matches {
            let arguments: [String: MessageFormat.Argument]
            switch match.argument {
            case .plain: arguments = [:]
            case .count(let value): arguments = ["count": .number(value)]
            case .date(let item):
                guard let formatted = try? item.formatted(for: locale) else { continue }
                arguments = ["date": .string(formatted)]
            }
            let key = Cache.Key(key: match.key, locale: locale.tag, arguments: arguments)
            guard let message = cache.message(key, { try? catalog.message(match.key, for: locale.tag, arguments) }) else { continue }
            return Content(text: match.text.replacingTrimmedText(with: message))
        }
        return nil
    }

    private func sourceText(_ message: Message, _ arguments: [String: MessageFormat.Argument]) -> String? {
        cache.message(Cache.Key(key: message.key, locale: nil, arguments: arguments)) {
            try? message.format.format(arguments)
        }
    }
}
