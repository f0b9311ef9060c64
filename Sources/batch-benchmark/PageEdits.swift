import Foundation

/// Changes a share of a generated site's pages as editors do between two runs: a sentence
/// reworded, a paragraph added, a paragraph deleted, two paragraphs swapped — in turn, on
/// pages chosen by a seeded generator (the same pages every time).
struct PageEdits {
    enum Kind: String, CaseIterable {
        case changeSentence = "sentence changed"
        case insertParagraph = "paragraph inserted"
        case deleteParagraph = "paragraph deleted"
        case reorderParagraphs = "paragraphs swapped"
    }

    let generator: SiteGenerator
    let pagePaths: [String]

    /// Edits `share` of the pages under `content`; returns how many of each kind.
    func apply(share: Double, to content: URL) throws -> [Kind: Int] {
        var random = SeededRandom(seed: generator.seed ^ 0xED17)
        let count = max(1, Int((Double(pagePaths.count) * share).rounded()))
        var chosen: [Int] = []
        var seen = Set<Int>()
        while chosen.count < min(count, pagePaths.count) {
            let index = random.below(pagePaths.count)
            if seen.insert(index).inserted { chosen.append(index) }
        }
        var done: [Kind: Int] = [:]
        for (order, index) in chosen.enumerated() {
            let url = content.appendingPathComponent(pagePaths[index])
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            let kind = edit(&lines, kind: Kind.allCases[order % Kind.allCases.count], random: &random)
            try Data(lines.joined(separator: "\n").utf8).write(to: url)
            done[kind, default: 0] += 1
        }
        return done
    }

    /// One edit of the page's main content (one block per line, after the h1 and intro).
    private func edit(_ lines: inout [String], kind: Kind, random: inout SeededRandom) -> Kind {
        guard let main = lines.firstIndex(of: "<main id=\"inhalt\">"), let end = lines.firstIndex(of: "</main>") else { return kind }
        let blocks = Array((main + 3) ..< end)
        let paragraphs = blocks.filter { lines[$0].hasPrefix("  <p>") }
        switch kind {
        case .changeSentence where !paragraphs.isEmpty:
            let line = random.pick(paragraphs)
            lines[line] = lines[line].replacingFirst("<p>", with: "<p>Neu seit diesem Jahr: ")
        case .deleteParagraph where !paragraphs.isEmpty:
            lines.remove(at: random.pick(paragraphs))
        case .reorderParagraphs where blocks.count >= 2:
            let first = random.below(blocks.count - 1)
            lines.swapAt(blocks[first], blocks[first + 1 + random.below(blocks.count - first - 1)])
        default:
            let paragraph = SiteGenerator.paragraph(sample: generator.sample, sentences: 1 + random.below(3), random: &random)
            lines.insert("  " + paragraph, at: blocks.isEmpty ? end : random.pick(blocks))
            return .insertParagraph
        }
        return kind
    }
}
