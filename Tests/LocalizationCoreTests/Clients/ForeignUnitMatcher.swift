import Foundation
@testable import LocalizationCore

/// Finds the unit, or the sentence of a unit, that a unit of a file the pipeline did not write
/// stands for: by page name and source text, since such a file's ids mean nothing to us
/// (translate-toolkit numbers its units by PO entry).
///
/// This is what the importer needs to take a foreign file's translations; the text is
/// compared as a reader sees it (`normalized`), because tools extract a page differently: with
/// inline markup as escaped text, references unresolved, white space re-flowed.
struct ForeignUnitMatcher {
    enum Match: Hashable, CustomStringConvertible {
        case unit(page: String, id: String)
        case sentence(page: String, unit: String, segment: String)

        var description: String {
            switch self {
            case .unit(let page, let id): "\(page)#\(id)"
            case .sentence(let page, let unit, let segment): "\(page)#\(unit)/\(segment)"
            }
        }
    }

    /// Page → normalized text → the units and sentences with that text. A text that occurs
    /// more than once on a page (a link text repeated in the navigation, a description in two
    /// `<meta>`s) is a repetition: the foreign file has it once, and its translation is meant
    /// for every occurrence.
    private var index: [String: [String: [Match]]] = [:]

    /// Indexes the units of `job` and, for units of several sentences, each sentence.
    init(job: XLIFFDocument) {
        for file in job.files {
            for unit in file.units {
                add(unit.source, .unit(page: file.original, id: unit.id), page: file.original)
                guard unit.isSegmented else { continue }
                for segment in unit.segments {
                    add(segment.source, .sentence(page: file.original, unit: unit.id, segment: segment.id), page: file.original)
                }
            }
        }
    }

    private mutating func add(_ source: Content, _ match: Match, page: String) {
        let text = Self.normalized(source.displayText)
        guard !text.isEmpty else { return }
        index[page, default: [:]][text, default: []].append(match)
    }

    /// The units and sentences of `page` whose text is `source` (markup as text allowed);
    /// empty when there is none.
    func matches(page: String, source: String) -> [Match] {
        index[page]?[Self.normalized(Self.removingMarkup(source))] ?? []
    }

    /// Text as a reader sees it: character references resolved, runs of white space (no-break
    /// spaces too: html2po turns `&nbsp;` into a space) as one space, none at the ends, NFC.
    static func normalized(_ text: String) -> String {
        let resolved = HTMLCharacterReferences.resolve(text)
        let words = resolved.split(whereSeparator: { character in character.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
        return words.joined(separator: " ").precomposedStringWithCanonicalMapping
    }

    /// `text` without the HTML tags a tool left in it as text (`<strong>`, `</a>`); the text
    /// between them stays. References are resolved afterwards, so an escaped `&lt;` the page
    /// showed as text is not taken for a tag.
    static func removingMarkup(_ text: String) -> String {
        var result = ""
        var inTag = false
        for character in text {
            if !inTag, character == "<" {
                inTag = true
            } else if inTag, character == ">" {
                inTag = false
            } else if !inTag {
                result.append(character)
            }
        }
        return inTag ? text : result
    }
}
