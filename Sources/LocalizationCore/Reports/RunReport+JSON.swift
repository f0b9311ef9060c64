import Foundation

extension RunReport {
    /// The report as `JSONEncoder` writes it with sorted keys and pretty printing (the
    /// `run.json` beside the dashboard, and `run --json`), byte for byte, with its three long
    /// lists written here rather than through `Codable`: the per-page coverage, the unit
    /// changes and the files written.
    ///
    /// A cold run of 10,000 pages in 8 locales reports 80,000 coverage entries, half a million
    /// added units and a hundred thousand files; encoding them through `Codable` took seconds,
    /// and a generic encoder of our own was no faster (the cost is in `Codable`'s dispatch for
    /// each value). So the rest of the report goes through `JSONEncoder` with those lists
    /// empty, and each is put where the encoder writes its empty form: in pretty-printed JSON
    /// a line's indentation gives its depth, and strings never hold a raw line break, so
    /// `\n    "units" : [` can only be the member of `changes`. `RunReportJSONTests` compares
    /// the result with `JSONEncoder`'s own on reports with every kind of member.
    public func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // A fraction JSON cannot hold is the encoder's to refuse.
        guard coverage?.entries.allSatisfy({ $0.coverage.isFinite && $0.threshold.isFinite }) ?? true else {
            return Array(try encoder.encode(self)) + [0x0A]
        }
        var rest = self
        rest.coverage = coverage.map { _ in CoverageReport() }
        rest.changes.units = []
        rest.written = []
        var bytes = Array(try encoder.encode(rest))

        var writer = PrettyJSON(depth: 2)
        writer.array(changes.units) { writer, change in
            writer.object([
                ("fromPage", change.fromPage.map(JSONScalar.text)), ("kind", .text(change.kind.rawValue)), ("page", .text(change.page)),
                ("previousUnitID", change.previousUnitID.map(JSONScalar.text)), ("text", .text(change.text)), ("unitID", .text(change.unitID)),
            ])
        }
        let units = writer.bytes
        writer = PrettyJSON(depth: 1)
        writer.array(written) { writer, path in writer.scalar(.text(path)) }
        let files = writer.bytes
        var replacements = [(Array("\n    \"units\" : [\n\n    ]".utf8), Array("\n    \"units\" : ".utf8) + units),
                            (Array("\n  \"written\" : [\n\n  ]".utf8), Array("\n  \"written\" : ".utf8) + files)]
        if let coverage {
            writer = PrettyJSON(depth: 2)
            writer.arrayOnEveryCore(coverage.entries) { writer, entry in
                writer.object([
                    ("automatic", .number(entry.automatic)), ("bidiProblems", .number(entry.bidiProblems)), ("coverage", .double(entry.coverage)),
                    ("fallback", .number(entry.fallback)), ("locale", .text(entry.locale)), ("page", .text(entry.page)),
                    ("pending", .number(entry.pending)), ("published", .flag(entry.published)), ("reviewed", .number(entry.reviewed)),
                    ("threshold", .double(entry.threshold)), ("translated", .number(entry.translated)), ("units", .number(entry.units)),
                ])
            }
            replacements.append((Array("\n    \"entries\" : [\n\n    ]".utf8), Array("\n    \"entries\" : ".utf8) + writer.bytes))
        }
        for (empty, full) in replacements {
            // Each empty form stands exactly once; otherwise the encoder's output is not what
            // this code expects, and the straightforward way is still right.
            guard let range = Self.only(empty, in: bytes) else { return Array(try encoder.encode(self)) + [0x0A] }
            bytes.replaceSubrange(range, with: full)
        }
        bytes.append(0x0A)
        return bytes
    }

    /// The range of the one occurrence of `pattern` in `bytes`; nil when there is none or more.
    private static func only(_ pattern: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        var found: Range<Int>?
        var index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index ..< index + pattern.count].elementsEqual(pattern) {
                guard found == nil else { return nil }
                found = index ..< index + pattern.count
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }
}
