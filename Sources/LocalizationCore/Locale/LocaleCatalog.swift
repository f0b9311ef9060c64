public import Foundation

/// The project's locale definitions (`locales/*.json`), checked when read, with page-chrome
/// messages resolved along each locale's fallback chain.
public struct LocaleCatalog: Sendable {
    public let definitions: [String: LocaleDefinition]
    public let sourceLocale: String

    public init(definitions: [LocaleDefinition], sourceLocale: String) {
        self.definitions = Dictionary(definitions.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first })
        self.sourceLocale = sourceLocale
    }

    /// Reads every `*.json` file of `folder`; the first bad definition stops with its error.
    public static func load(folder: URL, sourceLocale: String) throws(LocaleDefinitionError) -> LocaleCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw .unreadable(file: folder.lastPathComponent, reason: "\(error)")
        }
        var definitions: [LocaleDefinition] = []
        for name in names {
            let file: LocaleDefinition.File
            do {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                guard data.count < 1 << 20 else { throw LocaleDefinitionError.unreadable(file: name, reason: "larger than 1 MB") }
                file = try JSONDecoder().decode(LocaleDefinition.File.self, from: data)
            } catch let error as LocaleDefinitionError {
                throw error
            } catch {
                throw .unreadable(file: name, reason: "\(error)")
            }
            definitions.append(try LocaleDefinition(file: file, name: name, sourceLocale: sourceLocale))
        }
        let catalog = LocaleCatalog(definitions: definitions, sourceLocale: sourceLocale)
        for definition in definitions {
            for key in LocaleDefinition.messageArguments.keys.sorted() where catalog.pattern(key, for: definition.tag) == nil {
                throw .missingMessage(file: "\(definition.tag).json", key: key)
            }
        }
        return catalog
    }

    /// The definition of a target tag, or an error that says which file to add.
    public func definition(for tag: String, folder: String = "locales") throws(LocaleDefinitionError) -> LocaleDefinition {
        guard let definition = definitions[tag] else { throw .noDefinition(tag: tag, folder: folder) }
        return definition
    }

    /// The pattern of a message for a locale: its own, else the first along its fallback chain,
    /// with the locale whose pattern it is (its plural rules and digits apply).
    public func pattern(_ key: String, for tag: String) -> (pattern: String, locale: LocaleDefinition)? {
        guard let definition = definitions[tag] else { return nil }
        for candidate in [tag] + definition.fallback {
            if let other = definitions[candidate], let pattern = other.messages[key] { return (pattern, other) }
        }
        return nil
    }

    /// A page-chrome message formatted for a locale.
    public func message(_ key: String, for tag: String, _ arguments: [String: MessageFormat.Argument] = [:]) throws(LocaleDefinitionError) -> String {
        guard let (pattern, locale) = pattern(key, for: tag) else { throw .missingMessage(file: "\(tag).json", key: key) }
        do {
            return try MessageFormat(pattern, locale: locale.formattingLocale).format(arguments)
        } catch {
            throw .invalidMessage(file: "\(locale.tag).json", key: key, error)
        }
    }
}
