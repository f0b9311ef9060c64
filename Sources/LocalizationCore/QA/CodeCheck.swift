/// `inline-codes`: the target refers to the source's codes as assembly needs them
/// (`TargetCheck`: each exactly once, paired and nested, none in an attribute value), relaxed
/// where a code allows it (`canDelete`: may be missing; `canCopy`: may appear more than once).
///
/// Reordering is allowed: languages put phrases in another order, and assembly rebuilds the
/// markup by id, so any well-nested order gives a valid page. Two things are not: a code moved
/// into or out of the pair that held it in the source (the protected name "MiSO" taken out of
/// its link changes what the link says), and a pair that held text in the source holding none
/// in the target (an empty link or heading that screen readers announce as nothing).
enum CodeCheck {
    static func issues(_ sentence: QASentence) -> [QAIssue] {
        let sourceCodes = Dictionary(sentence.source.codes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func name(_ id: String) -> String {
            guard let code = sourceCodes[id] else { return "code \(id)" }
            // A number or date the translator places rather than types (see AutoTranslatable+Placeholders.swift).
            if code.isAutoTranslatable { return "placeholder \(id) (the \(code.elementName) \"\(code.placeholderText)\")" }
            if let display = code.displayText, !display.isEmpty { return "code \(id) (\"\(display)\")" }
            return "code \(id) (<\(code.elementName)>)"
        }
        func names(_ ids: [String]) -> String { ids.map(name).joined(separator: ", ") }
        var issues: [QAIssue] = []
        for problem in TargetCheck.problems(target: sentence.target, source: sentence.source, isAttribute: sentence.isAttribute) {
            switch problem {
            case .missingCodes(let ids):
                let required = ids.filter { sourceCodes[$0]?.canDelete != true }
                if !required.isEmpty { issues.append(QAIssue("\(names(required)) missing from the target; place each code of the source exactly once")) }
            case .unknownCodes(let ids):
                issues.append(QAIssue("the target has code\(ids.count == 1 ? "" : "s") \(ids.joined(separator: ", ")) that the source does not have; use only the source's codes"))
            case .duplicatedCodes(let ids):
                let single = ids.filter { sourceCodes[$0]?.canCopy != true }
                if !single.isEmpty { issues.append(QAIssue("\(names(single)) used more than once in the target; each may appear only once")) }
            case .misplacedCodes(let ids):
                issues.append(QAIssue("\(names(ids)): closed before opened, crossing another code, or an opening/closing tag where the source has the other; keep each pair's start before its end and pairs inside one another"))
            case .codesInAttribute:
                issues.append(QAIssue("an attribute value (\"alt\", \"title\"…) cannot hold inline codes; remove them"))
            case .forbiddenCharacter:
                continue  // reported by `bidi-controls`, with the character's name
            }
        }
        guard issues.isEmpty, !sentence.isAttribute else { return issues }
        let sourceParents = parents(in: sentence.source)
        let targetParents = parents(in: sentence.target)
        for (id, parent) in sourceParents.sorted(by: { $0.key < $1.key }) {
            guard let moved = targetParents[id], moved != parent else { continue }
            let was = parent.map { "inside \(name($0))" } ?? "outside every pair"
            let now = moved.map { "inside \(name($0))" } ?? "outside every pair"
            issues.append(QAIssue("\(name(id)) is \(was) in the source but \(now) in the target; codes may change order, not which pair holds them"))
        }
        let sourceEmpty = emptyPairs(in: sentence.source)
        for id in emptyPairs(in: sentence.target) where !sourceEmpty.contains(id) {
            issues.append(QAIssue("\(name(id)) holds text in the source but nothing in the target; put the words it marks inside it"))
        }
        return issues
    }

    /// For each code, the paired code that directly holds it (nil: none).
    static func parents(in content: Content) -> [String: String?] {
        var open: [String] = []
        var parents: [String: String?] = [:]
        for fragment in content.fragments {
            switch fragment {
            case .opening(let code):
                parents[code.id] = .some(open.last)
                open.append(code.id)
            case .closing(let code):
                if let index = open.lastIndex(of: code.id) { open.remove(at: index) }
            case .standalone(let code, _):
                parents[code.id] = .some(open.last)
            case .text:
                break
            }
        }
        return parents
    }

    /// Ids of pairs with no visible text and no code that shows text between their halves.
    static func emptyPairs(in content: Content) -> Set<String> {
        var empty: Set<String> = []
        let fragments = content.fragments
        for (start, fragment) in fragments.enumerated() {
            guard case .opening(let code) = fragment,
                  let end = fragments[(start + 1)...].firstIndex(where: { if case .closing(let other) = $0 { other.id == code.id } else { false } }) else { continue }
            let inner = Content(Array(fragments[(start + 1) ..< end]))
            let shows = inner.displayText.unicodeScalars.contains { !$0.properties.isWhitespace }
                || inner.codes.contains { $0.kind == .image }
            if !shows { empty.insert(code.id) }
        }
        return empty
    }
}
