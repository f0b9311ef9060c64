import Foundation
@testable import LocalizationCore

/// A TMX OmegaT 3.6 applies as exact matches: translations written the way OmegaT shows a
/// segment, with its tag shortcuts (`<g0>…</g0>`, `<x1/>`) as text.
///
/// Why not the memory's own TMX (`memory export --tmx`): OmegaT 3.6 turns TMX `<bpt>`/`<ph>`
/// into shortcuts of its own making, so entries with inline codes never match the segments
/// its XLIFF filter shows (measured: only code-free segments matched). A translator's OmegaT
/// memory holds exactly this form, so it is what a real project round trip carries.
struct OmegaTMemory {
    private(set) var entries: [(source: String, target: String)] = []

    /// The content OmegaT puts into a segment: it leaves out codes and white space at both ends
    /// (a standalone code, or a pair that encloses everything), and writes them back around the
    /// translation from the source.
    struct Trimmed {
        var leading: [Content.Fragment]
        var core: [Content.Fragment]
        var trailing: [Content.Fragment]
    }

    static func trimmed(_ content: Content) -> Trimmed {
        var core = content.fragments
        var leading: [Content.Fragment] = []
        var trailing: [Content.Fragment] = []
        while let first = core.first, let last = core.last {
            if case .text(let text) = first, text.first?.isWhitespace == true {
                let kept = text.drop { $0.isWhitespace }
                leading.append(.text(String(text.dropLast(kept.count))))
                core[0] = .text(String(kept))
                if kept.isEmpty { core.removeFirst() }
            } else if case .text(let text) = last, text.last?.isWhitespace == true {
                let space = text.reversed().prefix { $0.isWhitespace }.count
                trailing.insert(.text(String(text.suffix(space))), at: 0)
                core[core.count - 1] = .text(String(text.dropLast(space)))
                if space == text.count { core.removeLast() }
            } else if case .standalone = first {
                leading.append(core.removeFirst())
            } else if case .standalone = last {
                trailing.insert(core.removeLast(), at: 0)
            } else if case .opening(let open) = first, case .closing(let close) = last, open.id == close.id,
                      !core.dropLast().contains(where: { if case .closing(let code) = $0 { code.id == open.id } else { false } }) {
                // A pair around everything, not one that closes and another that opens.
                leading.append(core.removeFirst())
                trailing.insert(core.removeLast(), at: 0)
            } else {
                break
            }
        }
        return Trimmed(leading: leading, core: core, trailing: trailing)
    }

    /// `fragments` with OmegaT's shortcuts (the first letter of the XLIFF 1.2 element: `<g0>`,
    /// `<x1/>`), codes numbered from `start` in the order they open in `source` (so a target's
    /// codes get the numbers of the source's); nil when a code is not in the source, or is half
    /// of a pair split across units (OmegaT shows those otherwise).
    static func shortcutText(_ fragments: [Content.Fragment], numberedAs source: [Content.Fragment], from start: Int) -> String? {
        var numbers: [String: Int] = [:]
        for fragment in source {
            switch fragment {
            case .opening(let code), .standalone(let code, nil):
                numbers[code.id] = numbers[code.id] ?? start + numbers.count
            default:
                break
            }
        }
        var text = ""
        for fragment in fragments {
            switch fragment {
            case .text(let run): text += run
            case .opening(let code): guard let number = numbers[code.id] else { return nil }; text += "<g\(number)>"
            case .closing(let code): guard let number = numbers[code.id] else { return nil }; text += "</g\(number)>"
            case .standalone(let code, nil): guard let number = numbers[code.id] else { return nil }; text += "<x\(number)/>"
            case .standalone(_, _?): return nil
            }
        }
        return text
    }

    /// Adds `target` as the translation of `source` when OmegaT shows the source as one of
    /// `segments` and the target keeps the codes OmegaT leaves out of the segment where they
    /// were (OmegaT writes those back from the source); returns whether it was added.
    mutating func add(source: Content, target: Content, segments: Set<String>) -> Bool {
        let source = Self.trimmed(source)
        let target = Self.trimmed(target)
        let edges: ([Content.Fragment]) -> [Content.Fragment] = { $0.filter { if case .text = $0 { false } else { true } } }
        guard edges(source.leading) == edges(target.leading), edges(source.trailing) == edges(target.trailing) else { return false }
        // OmegaT numbers a segment's codes from 0, or on from the codes it left out before it.
        let leadingCodes = edges(source.leading).count { if case .closing = $0 { false } else { true } }
        for start in Set([0, leadingCodes]).sorted() {
            guard let sourceText = Self.shortcutText(source.core, numberedAs: source.core, from: start),
                  segments.contains(sourceText),
                  let targetText = Self.shortcutText(target.core, numberedAs: source.core, from: start)
            else { continue }
            entries.append((sourceText, targetText))
            return true
        }
        return false
    }

    /// The memory as TMX 1.4, paragraph segments, `srclang` `source`.
    func tmx(source: String, target: String) -> String {
        var xml = XMLWriter()
        xml.open("tmx", ["version": "1.4"], indent: false)
        xml.empty("header", ["creationtool": "translate-pipeline tests", "creationtoolversion": ToolInfo.version, "segtype": "paragraph",
                             "o-tmf": "OmegaT TMX", "adminlang": "en", "srclang": source, "datatype": "plaintext"])
        xml.open("body")
        for entry in entries {
            xml.open("tu")
            for (language, text) in [(source, entry.source), (target, entry.target)] {
                xml.open("tuv", ["xml:lang": language])
                xml.element("seg", text: text)
                xml.close()
            }
            xml.close()
        }
        xml.close()
        xml.close()
        return xml.finish()
    }
}
