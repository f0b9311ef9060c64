/// Checks that a translator's target may be assembled: it refers to exactly the source's
/// inline codes, each once, correctly paired and nested, and carries no forbidden controls.
///
/// Markup is never taken from a target; a target that does not fit its source is refused and
/// reported, never guessed at (ARCHITECTURE.md, decision 5; SECURITY.md).
public enum TargetCheck {
    /// Why a target was refused.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case missingCodes([String])
        case unknownCodes([String])
        case duplicatedCodes([String])
        case misplacedCodes([String])
        case codesInAttribute
        case forbiddenCharacter(Unicode.Scalar)

        public var description: String {
            switch self {
            case .missingCodes(let ids): "inline codes missing from the target: \(ids.joined(separator: ", "))"
            case .unknownCodes(let ids): "inline codes not in the source: \(ids.joined(separator: ", "))"
            case .duplicatedCodes(let ids): "inline codes used more than once: \(ids.joined(separator: ", "))"
            case .misplacedCodes(let ids): "inline codes closed before opened, badly nested or of another kind than in the source: \(ids.joined(separator: ", "))"
            case .codesInAttribute: "an attribute value cannot hold inline codes"
            case .forbiddenCharacter(let scalar): "the target contains the control character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)), which is not allowed"
            }
        }
    }

    /// Problems of `target` against the unit's `source`; empty when it can be assembled.
    public static func problems(target: Content, source: Content, isAttribute: Bool) -> [Problem] {
        var problems: [Problem] = []
        if let scalar = firstForbidden(in: target) {
            problems.append(.forbiddenCharacter(scalar))
        }
        if isAttribute {
            if !target.codes.isEmpty { problems.append(.codesInAttribute) }
            return problems
        }
        // Most text has no codes: then none can be missing, unknown, duplicated or misplaced.
        if !source.hasCodes, !target.hasCodes { return problems }
        let expected = placements(of: source)
        let found = placements(of: target)
        if found == expected, found.count <= 16 {
            // The target places the source's codes as the source does (most targets do): none
            // is missing, unknown or of another kind, and what the source itself may repeat or
            // nest badly is found without building sets. Repeats are looked for pairwise, so
            // only among a few codes: a unit of thousands goes the way of sets below.
            let duplicated = found.indices.filter { found[..<$0].contains(found[$0]) }.map { found[$0].id }
            if !duplicated.isEmpty { problems.append(.duplicatedCodes(unique(duplicated))) }
            let misplaced = badlyNested(target)
            if !misplaced.isEmpty { problems.append(.misplacedCodes(unique(misplaced))) }
            return problems
        }
        let expectedSet = Set(expected)
        var seen: Set<Placement> = []
        var duplicated: [String] = []
        var unknown: [String] = []
        for placement in found {
            if !expectedSet.contains(placement) {
                // Same id with another placement kind is misplaced, not unknown.
                if !expected.contains(where: { $0.id == placement.id }) { unknown.append(placement.id) }
            } else if !seen.insert(placement).inserted {
                duplicated.append(placement.id)
            }
        }
        let foundSet = Set(found)
        let missing = expected.filter { !foundSet.contains($0) }.map(\.id)
        if !missing.isEmpty { problems.append(.missingCodes(unique(missing))) }
        if !unknown.isEmpty { problems.append(.unknownCodes(unique(unknown))) }
        if !duplicated.isEmpty { problems.append(.duplicatedCodes(unique(duplicated))) }
        let misplaced = badlyNested(target) + found.filter { placement in
            !expectedSet.contains(placement) && expected.contains { $0.id == placement.id }
        }.map(\.id)
        if !misplaced.isEmpty { problems.append(.misplacedCodes(unique(misplaced))) }
        return problems
    }

    /// The first forbidden scalar of the content's text (its `plainText`), read fragment by
    /// fragment, as UTF-8: every forbidden scalar has a byte sequence of its own (a C0 control
    /// or DEL; C2 80–9F for C1 controls; E2 80 AA–AE for U+202A–U+202E; EF BF BE/BF for
    /// U+FFFE/U+FFFF), and in valid UTF-8 a sequence found at a lead byte is that scalar. No
    /// text is decoded: targets in most scripts are full of C2, E2 and EF lead bytes (quotes,
    /// dashes, the pseudo-locales' "·") that start none of them.
    static func firstForbidden(in content: Content) -> Unicode.Scalar? {
        for case .text(let text) in content.fragments {
            if let scalar = text.withContiguousUTF8(firstForbidden(utf8:)) { return scalar }
        }
        return nil
    }

    private static func firstForbidden(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        let count = bytes.count
        var found: Unicode.Scalar?
        // A sequence found at a lead byte may run on past the word looked at.
        _ = ByteWord.scan(bytes) { word in
            word.matches(below: 0x20) | word.matches(0x7F) | word.matches(0xC2) | word.matches(0xE2) | word.matches(0xEF)
        } look: { index in
            let byte = bytes[index]
            switch byte {
            case 0x09, 0x0A:
                break
            case 0x00 ... 0x1F, 0x7F:
                found = Unicode.Scalar(byte)
            case 0xC2 where index + 1 < count && (0x80 ... 0x9F).contains(bytes[index + 1]):
                found = Unicode.Scalar(bytes[index + 1])
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (0xAA ... 0xAE).contains(bytes[index + 2]):
                found = Unicode.Scalar(UInt16(0x2000) + UInt16(bytes[index + 2] & 0x3F))
            case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (0xBE ... 0xBF).contains(bytes[index + 2]):
                found = Unicode.Scalar(UInt16(0xFFC0) + UInt16(bytes[index + 2] & 0x3F))
            default:
                break
            }
            return found == nil
        }
        return found
    }

    /// Bidi embeddings and overrides ("Trojan Source"), C0/C1 controls other than tab and
    /// line feed, and noncharacters are never legitimate in a page's text.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00 ... 0x1F, 0x7F ... 0x9F: true
        case 0x202A ... 0x202E: true
        case 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    private struct Placement: Hashable {
        enum Kind: Hashable { case opening, closing, standalone, isolatedOpening, isolatedClosing }
        var id: String
        var kind: Kind
    }

    private static func placements(of content: Content) -> [Placement] {
        content.fragments.compactMap { fragment in
            switch fragment {
            case .text: nil
            case .opening(let code): Placement(id: code.id, kind: .opening)
            case .closing(let code): Placement(id: code.id, kind: .closing)
            case .standalone(let code, nil): Placement(id: code.id, kind: .standalone)
            case .standalone(let code, .opening?): Placement(id: code.id, kind: .isolatedOpening)
            case .standalone(let code, .closing?): Placement(id: code.id, kind: .isolatedClosing)
            }
        }
    }

    /// Ids of paired codes that close before they open or cross another pair.
    private static func badlyNested(_ content: Content) -> [String] {
        var open: [String] = []
        var bad: [String] = []
        for fragment in content.fragments {
            switch fragment {
            case .opening(let code):
                open.append(code.id)
            case .closing(let code):
                if open.last == code.id {
                    open.removeLast()
                } else {
                    bad.append(code.id)
                    open.removeAll { $0 == code.id }
                }
            default:
                break
            }
        }
        return bad + open
    }

    private static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}

extension String {
    func leftPadded(to length: Int, with character: Character = "0") -> String {
        count >= length ? self : String(repeating: character, count: length - count) + self
    }
}

extension Content {
    /// Whether any fragment is a code.
    var hasCodes: Bool {
        fragments.contains { if case .text = $0 { false } else { true } }
    }
}
