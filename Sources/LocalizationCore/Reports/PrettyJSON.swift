import Foundation
import Synchronization

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
        object { writer in
            for member in members {
                writer.member(member.key, member.value)
            }
        }
    }

    /// An object whose members `members` writes (`member(_:_:)`), in the order of their keys.
    mutating func object(_ members: (inout PrettyJSON) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        let outerMembers = membersWritten
        membersWritten = 0
        members(&self)
        bytes.append(0x0A)
        depth -= 1
        indent()
        bytes.append(UInt8(ascii: "}"))
        membersWritten = outerMembers
    }

    /// A member of the object being written, whose value `value` writes.
    mutating func member(_ key: String, _ value: (inout PrettyJSON) -> Void) {
        bytes += (membersWritten == 0 ? "\n" : ",\n").utf8
        membersWritten += 1
        indent()
        JSONScalar.text(key).write(into: &bytes)
        bytes += " : ".utf8
        value(&self)
    }

    /// A scalar member; none for nil, as the encoder leaves out nil optionals.
    mutating func member(_ key: String, _ value: JSONScalar?) {
        guard let value else { return }
        member(key) { writer in
            if case .double(let fraction) = value {
                writer.double(fraction)
            } else {
                value.write(into: &writer.bytes)
            }
        }
    }

    /// How many members the innermost object being written has so far.
    private var membersWritten = 0

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
