import Foundation
@testable import LocalizationCore

/// The annotated sentences of `Fixtures/recognition-set.txt`: plain text and the gold
/// occurrences (concept and span in Unicode scalars).
struct RecognitionSet {
    struct Occurrence: Hashable, CustomStringConvertible {
        var conceptID: String
        var start: Int
        var end: Int
        var surface: String
        var description: String { "\(surface) [\(conceptID)] at \(start)-\(end)" }
    }

    struct Sentence {
        var origin: String
        var line: Int
        var text: String
        var gold: [Occurrence]
    }

    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/recognition-set.txt")

    static func load() throws -> [Sentence] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var sentences: [Sentence] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.hasPrefix("#"), !line.isEmpty else { continue }
            let columns = line.split(separator: "\t", maxSplits: 1)
            guard columns.count == 2 else { throw SetError(line: index + 1, message: "no tab between origin and sentence") }
            var plain = String.UnicodeScalarView()
            var gold: [Occurrence] = []
            var scalars = Array(columns[1].unicodeScalars)[...]
            while let first = scalars.first {
                if first == "[", let close = scalars.firstIndex(of: "]"), let bar = scalars[..<close].lastIndex(of: "|") {
                    let surface = String(String.UnicodeScalarView(scalars[scalars.startIndex + 1 ..< bar]))
                    let concept = String(String.UnicodeScalarView(scalars[bar + 1 ..< close]))
                    let start = plain.count
                    plain.append(contentsOf: surface.unicodeScalars)
                    gold.append(Occurrence(conceptID: concept, start: start, end: plain.count, surface: surface))
                    scalars = scalars[(close + 1)...]
                } else {
                    plain.append(first)
                    scalars = scalars.dropFirst()
                }
            }
            sentences.append(Sentence(origin: String(columns[0]), line: index + 1, text: String(plain), gold: gold))
        }
        return sentences
    }

    struct SetError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "recognition-set.txt:\(line): \(message)" }
    }
}
