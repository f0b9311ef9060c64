internal import CICU
import Foundation

/// One target locale as the site publishes it: read from `locales/<tag>.json` (format in
/// `locales/README.md`), with script, direction and native name taken from ICU/CLDR rather
/// than written by hand, and the page-chrome strings as ICU MessageFormat patterns.
public struct LocaleDefinition: Sendable, Hashable {
    /// Keys of the page-chrome messages and the arguments each one takes.
    public static let messageArguments: [String: Set<String>] = [
        "read": [],
        "asOf": ["date"],
        "memberOrganisations": ["count"],
        "languageSwitcher": [],
        "fallbackNotice": ["language"],
        "untranslatedNotice": [],
    ]

    /// Who stands behind the strings of a definition.
    public enum Review: String, Sendable, Hashable, Codable {
        /// The source language's own strings.
        case source
        /// Written by the project, not yet reviewed by a speaker from the community.
        case proposed
        /// Reviewed by a speaker from the community.
        case reviewed
    }

    /// The canonical BCP 47 tag, e.g. "fa".
    public let tag: String
    /// The ISO 15924 script from CLDR likely subtags, e.g. "Arab", "Cyrl", "Ethi".
    public let script: String
    public let direction: TextDirection
    /// CLDR numbering system used for numbers and dates ("latn", "arab", "arabext").
    public let numberingSystem: String
    /// CLDR calendar for dates ("gregory": the city's dates are Gregorian in every language).
    public let calendar: String
    /// Date skeletons for a month ("yMMMM") and for a day ("yMMMMd").
    public let monthSkeleton: String
    public let daySkeleton: String
    /// The language's name in itself, from CLDR ("فارسی", "Türkçe").
    public let nativeName: String
    /// Locales to take a missing message from, in order; the last one is the source language.
    public let fallback: [String]
    public let review: Review
    /// Message key → ICU MessageFormat pattern, as written in the file.
    public let messages: [String: String]
    /// How much longer than its German source a target may be (display text in grapheme
    /// clusters), e.g. 1.5; nil when the file sets none (QA then uses its default).
    public let maxExpansion: Double?

    /// The tag ICU formats with: the language plus calendar and numbering system extensions,
    /// e.g. "fa-u-ca-gregory-nu-arabext".
    public var formattingLocale: String { "\(tag)-u-ca-\(calendar)-nu-\(numberingSystem)" }

    public var numbers: NumberFormatting { NumberFormatting(locale: formattingLocale) }
    public var dates: DateFormatting { DateFormatting(locale: formattingLocale) }

    /// The file's fields, before ICU checks them.
    struct File: Decodable {
        var tag: String
        var numberingSystem: String?
        var calendar: String?
        var monthSkeleton: String?
        var daySkeleton: String?
        var fallback: [String]?
        var review: Review
        var messages: [String: String]
        var maxExpansion: Double?
    }

    /// Checks a decoded file: tag, numbering system, calendar, fallback chain and every message.
    init(file: File, name: String, sourceLocale: String) throws(LocaleDefinitionError) {
        let language: TargetLanguage
        do {
            language = try TargetLanguage(file.tag)
        } catch {
            throw .invalidTag(file: name, error)
        }
        guard name == "\(language.tag).json" else { throw .fileNameMismatch(file: name, tag: language.tag) }
        tag = language.tag
        direction = language.direction
        script = Self.likelyScript(of: language.tag)
        numberingSystem = file.numberingSystem ?? "latn"
        guard numberingSystem.utf8.allSatisfy({ (UInt8(ascii: "a") ... UInt8(ascii: "z")).contains($0) }),
              cicu_numbering_system_is_known(numberingSystem) != 0 else {
            throw .unknownNumberingSystem(file: name, numberingSystem)
        }
        calendar = file.calendar ?? "gregory"
        monthSkeleton = file.monthSkeleton ?? "yMMMM"
        daySkeleton = file.daySkeleton ?? "yMMMMd"
        let fallback = file.fallback ?? [sourceLocale]
        for entry in fallback {
            do { _ = try TargetLanguage(entry) } catch { throw .invalidTag(file: name, error) }
        }
        guard fallback.last == sourceLocale || language.tag == sourceLocale else {
            throw .fallbackMustEndInSource(file: name, source: sourceLocale)
        }
        self.fallback = fallback
        review = file.review
        messages = file.messages
        if let ratio = file.maxExpansion, !(1 ... 10).contains(ratio) {
            throw .invalidMaxExpansion(file: name, ratio)
        }
        maxExpansion = file.maxExpansion
        do {
            nativeName = try DisplayNames.nativeName(of: tag)
            _ = try DateFormatting(locale: formattingLocale).format(CalendarDate(year: 2020, month: 11), skeleton: monthSkeleton)
        } catch {
            throw .icu(file: name, error)
        }
        try checkMessages(file: name)
    }

    /// Every message compiles, takes exactly its arguments, and selects only plural
    /// categories CLDR gives the language (with `other` always present).
    private func checkMessages(file: String) throws(LocaleDefinitionError) {
        let categories: Set<String>
        do { categories = try PluralRules(locale: tag).categories } catch { throw .icu(file: file, error) }
        for (key, pattern) in messages.sorted(by: { $0.key < $1.key }) {
            guard let expected = Self.messageArguments[key] else { throw .unknownMessage(file: file, key: key) }
            let format: MessageFormat
            do { format = try MessageFormat(pattern, locale: formattingLocale) } catch { throw .invalidMessage(file: file, key: key, error) }
            guard format.argumentNames == expected else {
                throw .wrongArguments(file: file, key: key, expected: expected.sorted(), found: format.argumentNames.sorted())
            }
            let selectors = Self.pluralSelectors(in: pattern)
            if !selectors.isEmpty {
                let unknown = selectors.subtracting(categories).filter { !$0.hasPrefix("=") }
                guard unknown.isEmpty, selectors.contains("other") else {
                    throw .pluralCategories(file: file, key: key, unknown: unknown.sorted(), allowed: categories.sorted())
                }
            }
        }
    }

    /// The selector keywords of every `plural` argument in a pattern ("one", "few", "=0"…).
    static func pluralSelectors(in pattern: String) -> Set<String> {
        let scalars = Array(pattern.unicodeScalars)
        let marker = Array("plural,".unicodeScalars)
        var selectors: Set<String> = []
        var start = 0
        while start + marker.count <= scalars.count {
            guard Array(scalars[start ..< start + marker.count]) == marker else { start += 1; continue }
            var cursor = start + marker.count
            start = cursor
            // Cases: `keyword {message}` until the argument's closing brace.
            while cursor < scalars.count {
                while cursor < scalars.count, scalars[cursor].properties.isWhitespace { cursor += 1 }
                guard cursor < scalars.count, scalars[cursor] != "}" else { break }
                var keyword = ""
                while cursor < scalars.count, scalars[cursor] != "{", !scalars[cursor].properties.isWhitespace {
                    keyword.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                while cursor < scalars.count, scalars[cursor].properties.isWhitespace { cursor += 1 }
                if keyword.hasPrefix("offset:") { continue }
                guard cursor < scalars.count, scalars[cursor] == "{" else { break }
                selectors.insert(keyword)
                var depth = 0
                repeat {
                    if scalars[cursor] == "{" { depth += 1 } else if scalars[cursor] == "}" { depth -= 1 }
                    cursor += 1
                } while depth > 0 && cursor < scalars.count
            }
        }
        return selectors
    }

    /// The script CLDR likely subtags give the tag ("uk" → "Cyrl").
    static func likelyScript(of tag: String) -> String {
        var status: Int32 = 0
        var buffer = [CChar](repeating: 0, count: 160)
        let length = cicu_locale_maximize(tag, &buffer, Int32(buffer.count), &status)
        guard status <= 0, length > 0 else { return "" }
        let maximized = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return maximized.split(separator: "-").dropFirst().first { $0.count == 4 && $0.allSatisfy(\.isLetter) }.map(String.init) ?? ""
    }
}

/// Why a locale definition cannot be used; each case names the file.
public enum LocaleDefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case invalidTag(file: String, LocaleError)
    case fileNameMismatch(file: String, tag: String)
    case unknownNumberingSystem(file: String, String)
    case fallbackMustEndInSource(file: String, source: String)
    case unknownMessage(file: String, key: String)
    case missingMessage(file: String, key: String)
    case invalidMessage(file: String, key: String, ICUError)
    case wrongArguments(file: String, key: String, expected: [String], found: [String])
    case pluralCategories(file: String, key: String, unknown: [String], allowed: [String])
    case icu(file: String, ICUError)
    case invalidMaxExpansion(file: String, Double)
    case noDefinition(tag: String, folder: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot be read: \(reason)"
        case .invalidTag(let file, let error): "\(file): \(error)"
        case .fileNameMismatch(let file, let tag): "\(file): defines '\(tag)', so it must be named \(tag).json"
        case .unknownNumberingSystem(let file, let system): "\(file): '\(system)' is not a CLDR numbering system (e.g. 'latn', 'arab', 'arabext')"
        case .fallbackMustEndInSource(let file, let source): "\(file): the fallback chain must end in the source language '\(source)'"
        case .unknownMessage(let file, let key): "\(file): unknown message '\(key)' (known: \(LocaleDefinition.messageArguments.keys.sorted().joined(separator: ", ")))"
        case .missingMessage(let file, let key): "\(file): message '\(key)' is missing here and in every locale of the fallback chain"
        case .invalidMessage(let file, let key, let error): "\(file): message '\(key)': \(error)"
        case .wrongArguments(let file, let key, let expected, let found):
            "\(file): message '\(key)' must use the arguments {\(expected.joined(separator: ", "))}, not {\(found.joined(separator: ", "))}"
        case .pluralCategories(let file, let key, let unknown, let allowed):
            "\(file): message '\(key)' selects plural categories \(unknown) the language does not have, or lacks 'other' (CLDR: \(allowed.joined(separator: ", ")))"
        case .icu(let file, let error): "\(file): \(error)"
        case .invalidMaxExpansion(let file, let ratio): "\(file): maxExpansion \(ratio) must be between 1 and 10 (e.g. 1.5: a target may be half again as long as its source)"
        case .noDefinition(let tag, let folder): "no locale definition for '\(tag)' in \(folder)/ (add \(tag).json, see locales/README.md)"
        }
    }
}
