import Foundation
import LocalizationCore

/// The German text and page chrome of the repository's sample site, read at run time (never
/// copied into the benchmark): the generator builds every page from these.
struct SampleText: Sendable {
    /// Sentences of running text (at least four words), as the library segments them.
    var sentences: [String]
    /// Short texts: headings, list items, link texts.
    var phrases: [String]
    /// `<header>…</header>` of the sample's home page: the same on every generated page.
    var header: String
    /// `<footer>…</footer>` of the sample's home page.
    var footer: String

    /// The repository root, found from this file's path: `Sources/batch-benchmark/…`.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func load(from root: URL = repositoryRoot) throws -> SampleText {
        let project = try Project(root: root)
        let segmenter = try Segmenter.shipped(language: "de")
        var sentences: [String] = []
        var phrases: [String] = []
        let enumerator = FileManager.default.enumerator(at: project.contentFolder, includingPropertiesForKeys: nil)
        var pages: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "html" { pages.append(url) }
        }
        for url in pages.sorted(by: { $0.path < $1.path }) {
            let page = try project.extract(pageAt: url)
            for unit in page.units where !unit.isAttribute {
                for segment in unit.segmented(by: segmenter).segments {
                    let text = segment.source.plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    let words = text.split(separator: " ").count
                    if words >= 4, text.count >= 25 { sentences.append(text) } else if words >= 1, text.count >= 4 { phrases.append(text) }
                }
            }
        }
        let home = try String(contentsOf: project.contentFolder.appendingPathComponent("index.html"), encoding: .utf8)
        guard let header = home.slice(from: "<header", through: "</header>"),
              let footer = home.slice(from: "<footer", through: "</footer>") else {
            throw BenchmarkError.sample("content/index.html has no <header> or <footer>")
        }
        return SampleText(sentences: Array(Set(sentences)).sorted(), phrases: Array(Set(phrases)).sorted(), header: header, footer: footer)
    }
}

extension String {
    /// The text from the first `start` through the first `end` after it.
    func slice(from start: String, through end: String) -> String? {
        guard let lower = range(of: start), let upper = range(of: end, range: lower.upperBound ..< endIndex) else { return nil }
        return String(self[lower.lowerBound ..< upper.upperBound])
    }

    /// Text escaped for HTML content and attribute values.
    var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
