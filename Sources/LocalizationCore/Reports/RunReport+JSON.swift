import Foundation

extension RunReport {
    /// The report as `JSONEncoder` writes it with sorted keys and pretty printing (the
    /// `run.json` beside the dashboard, and `run --json`), byte for byte, with the per-page
    /// coverage written here rather than through `Codable`.
    ///
    /// A site of 10,000 pages in 8 locales has 80,000 coverage entries; encoding them through
    /// `Codable` took about a second of a run that changed 100 pages, and a generic encoder
    /// of our own was no faster (the cost is in `Codable`'s dispatch for each value). So the
    /// rest of the report goes through `JSONEncoder` and the coverage is placed among its
    /// members where the encoder would have put it: pretty-printed members of the top-level
    /// object are the lines that start with two spaces and a quote. `RunReportJSONTests`
    /// compares the result with `JSONEncoder`'s own on reports with every kind of member.
    public func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // A fraction JSON cannot hold is the encoder's to refuse.
        guard let coverage, coverage.entries.allSatisfy({ $0.coverage.isFinite && $0.threshold.isFinite }) else {
            return Array(try encoder.encode(self)) + [0x0A]
        }
        var rest = self
        rest.coverage = nil
        var bytes = Array(try encoder.encode(rest))
        var member = Array("\n  \"coverage\" : ".utf8)
        coverage.writeJSON(into: &member, depth: 1)
        member.append(UInt8(ascii: ","))
        // Before the first top-level member that sorts after "coverage" (a report always has
        // some: its arrays are encoded even when empty), its comma moved with it.
        let start = Array("\n  \"".utf8)
        var index = 0
        var insertion: Int?
        while let found = Self.find(start, in: bytes, from: index) {
            let keyStart = found + start.count
            let keyEnd = bytes[keyStart...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
            if String(decoding: bytes[keyStart ..< keyEnd], as: UTF8.self) > "coverage" {
                insertion = found
                break
            }
            index = keyEnd
        }
        guard let insertion else {
            // Cannot happen for a `RunReport`; the straightforward way is still right.
            return Array(try encoder.encode(self)) + [0x0A]
        }
        bytes.insert(contentsOf: member, at: insertion)
        bytes.append(0x0A)
        return bytes
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index ..< index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}

extension CoverageReport {
    /// The report as `JSONEncoder` pretty-prints it with sorted keys, at `depth` levels of
    /// indentation.
    func writeJSON(into bytes: inout [UInt8], depth: Int) {
        let outer = [UInt8](repeating: 0x20, count: 2 * depth)
        let list = outer + [0x20, 0x20]
        let item = list + [0x20, 0x20]
        let field = item + [0x20, 0x20]
        bytes += "{\n".utf8 + list + "\"entries\" : [\n".utf8
        if entries.isEmpty { bytes += "\n".utf8 }
        for (index, entry) in entries.enumerated() {
            bytes += item + "{\n".utf8
            // In the order of the keys' names.
            let members: [(String, JSONScalar)] = [
                ("automatic", .number(entry.automatic)), ("bidiProblems", .number(entry.bidiProblems)), ("coverage", .double(entry.coverage)),
                ("fallback", .number(entry.fallback)), ("locale", .text(entry.locale)), ("page", .text(entry.page)),
                ("pending", .number(entry.pending)), ("published", .flag(entry.published)), ("reviewed", .number(entry.reviewed)),
                ("threshold", .double(entry.threshold)), ("translated", .number(entry.translated)), ("units", .number(entry.units)),
            ]
            for (position, (key, value)) in members.enumerated() {
                bytes += field + [UInt8(ascii: "\"")] + key.utf8 + "\" : ".utf8
                value.write(into: &bytes)
                if position < members.count - 1 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(0x0A)
            }
            bytes += item + [UInt8(ascii: "}")]
            if index < entries.count - 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(0x0A)
        }
        bytes += list + "]\n".utf8 + outer + [UInt8(ascii: "}")]
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
