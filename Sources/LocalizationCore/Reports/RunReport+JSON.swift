import Foundation
import Synchronization

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

/// JSON written as `JSONEncoder` pretty-prints it with sorted keys: two spaces per level,
/// `" : "` between key and value, an empty list as `[`, a blank line and `]`.
struct PrettyJSON {
    var bytes: [UInt8] = []
    /// The indentation level of the value being written.
    private(set) var depth: Int

    init(depth: Int) {
        self.depth = depth
    }

    mutating func scalar(_ value: JSONScalar) {
        value.write(into: &bytes)
    }

    /// An array of `elements`, each written by `element` one level deeper.
    mutating func array<Element>(_ elements: [Element], element: (inout PrettyJSON, Element) -> Void) {
        bytes += "[\n".utf8
        depth += 1
        if elements.isEmpty { bytes.append(0x0A) }
        write(elements, in: elements.indices, element: element)
        depth -= 1
        indent()
        bytes.append(UInt8(ascii: "]"))
    }

    /// The lines of `elements[range]` at this depth, each followed by a comma unless it is the
    /// list's last.
    private mutating func write<Element>(_ elements: [Element], in range: Range<Int>, element: (inout PrettyJSON, Element) -> Void) {
        for index in range {
            indent()
            element(&self, elements[index])
            if index < elements.count - 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(0x0A)
        }
    }

    /// `array(_:element:)` with the elements written a slice per core, for long lists: the
    /// run waits for its report, and a large site's has 80,000 coverage entries.
    mutating func arrayOnEveryCore<Element: Sendable>(_ elements: [Element], element: @Sendable (inout PrettyJSON, Element) -> Void) {
        let sliceCount = elements.count < 4096 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        guard sliceCount > 1 else { return array(elements, element: element) }
        let elementDepth = depth + 1
        let slices = Mutex<[Int: [UInt8]]>([:])
        DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
            var writer = PrettyJSON(depth: elementDepth)
            writer.write(elements, in: elements.count * slice / sliceCount ..< elements.count * (slice + 1) / sliceCount, element: element)
            let written = writer.bytes
            slices.withLock { $0[slice] = written }
        }
        bytes += "[\n".utf8
        slices.withLock { slices in
            for slice in 0 ..< sliceCount { bytes += slices[slice]! }
        }
        indent()
        bytes.append(UInt8(ascii: "]"))
    }

    /// An object of scalar members, given in the order of their keys; nil members are left
    /// out, as the encoder leaves out nil optionals.
    mutating func object(_ members: [(key: String, value: JSONScalar?)]) {
        bytes += "{\n".utf8
        depth += 1
        var first = true
        for member in members {
            guard let value = member.value else { continue }
            if !first { bytes += ",\n".utf8 }
            first = false
            indent()
            JSONScalar.text(member.key).write(into: &bytes)
            bytes += " : ".utf8
            if case .double(let fraction) = value {
                double(fraction)
            } else {
                value.write(into: &bytes)
            }
        }
        if !first { bytes.append(0x0A) }
        depth -= 1
        indent()
        bytes.append(UInt8(ascii: "}"))
    }

    /// Fractions as `JSONScalar.double` writes them, each distinct one formatted once: the
    /// coverage of 80,000 pages and locales takes few values, and formatting a `Double` costs
    /// more than looking it up.
    private var formattedFractions: [UInt64: [UInt8]] = [:]

    private mutating func double(_ value: Double) {
        if let formatted = formattedFractions[value.bitPattern] { return bytes += formatted }
        var formatted: [UInt8] = []
        JSONScalar.double(value).write(into: &formatted)
        if formattedFractions.count < 4096 { formattedFractions[value.bitPattern] = formatted }
        bytes += formatted
    }

    private mutating func indent() {
        bytes += repeatElement(0x20, count: 2 * depth)
    }
}

/// A JSON value without members, written as `JSONEncoder` writes it.
enum JSONScalar {
    case number(Int)
    case double(Double)
    case text(String)
    case flag(Bool)

    func write(into bytes: inout [UInt8]) {
        switch self {
        case .number(let value):
            bytes += String(value).utf8
        case .double(let value):
            // Whole numbers without a fraction, others in Swift's shortest form, as the
            // encoder does (coverage and thresholds are finite fractions).
            bytes += (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)").utf8
        case .flag(let value):
            bytes += (value ? "true" : "false").utf8
        case .text(let value):
            bytes.append(UInt8(ascii: "\""))
            // Most texts (keys, page paths, locales) have nothing to escape: copied whole.
            let copied: Bool? = value.utf8.withContiguousStorageIfAvailable { utf8 in
                guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == 0x5C }) else { return false }
                bytes += utf8
                return true
            }
            if copied == true { return bytes.append(UInt8(ascii: "\"")) }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes += [0x5C, UInt8(ascii: "\"")]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
                case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
                case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
                case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
                case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
                case 0 ..< 0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
