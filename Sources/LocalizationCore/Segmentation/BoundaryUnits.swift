internal import CICU

/// The UTF-16 code units without which a segmenter finds no boundary in a text: those after
/// which ICU's sentence break iterator can break (sentence terminators, paragraph separators)
/// and, for each break rule, those that every match of its before-pattern contains. A text
/// with none of them is one sentence and needs neither ICU nor the rules: most units of a page
/// (headings, links, labels, table cells) are such texts.
///
/// Derived from ICU and the rules alone, never from texts seen: there is no set (and so no
/// shortcut) when the locale's sentence rules are tailored or a break rule's pattern has no
/// character every match must contain (`RegexShape.requiredCharacterPatterns`).
struct BoundaryUnits: Sendable {
    /// One bit per UTF-16 code unit: bit `unit & 63` of word `unit >> 6`.
    private let bits: [UInt64]
    /// For each byte value of UTF-8, whether a character that begins with it may be one of
    /// the units: an ASCII byte is the character itself; a lead byte stands for the range of
    /// characters it begins (any of them in the set); a continuation byte begins none.
    private let mayBeginUnit: [Bool]

    init?(breakRules: [SRXRules.Rule], locale: String) {
        var bits = [UInt64](repeating: 0, count: 1 << 10)
        var status: Int32 = 0
        guard cicu_sentence_boundary_units(locale, &bits, &status) == 1, status <= 0 else { return nil }
        // Every character that is not a surrogate (those are in the set already), once each:
        // the matches of a one-character pattern over them are the characters it matches.
        let characters = (UInt16(0) ... 0xFFFF).filter { $0 & 0xF800 != 0xD800 }
        for rule in breakRules {
            // A break rule breaks where a match of its before-pattern ends (the after-pattern
            // can only take positions away), and every match has a character of each required
            // part: the part that matches the fewest characters is the one that counts.
            let required = RegexShape(pattern: rule.before)?.requiredCharacterPatterns ?? []
            var fewest: [UInt16]?
            for pattern in required {
                guard let regex = try? ICURegex(pattern) else { return nil }
                let matched = regex.withText(characters) { $0.allMatches() }.flatMap { characters[$0] }
                if matched.count < fewest?.count ?? .max { fewest = matched }
            }
            guard let fewest else { return nil }
            for unit in fewest { bits[Int(unit >> 6)] |= 1 &<< UInt64(unit & 63) }
        }
        self.bits = bits
        self.mayBeginUnit = Self.leadBytes(of: bits)
    }

    /// `mayBeginUnit` for the set `bits`.
    private static func leadBytes(of bits: [UInt64]) -> [Bool] {
        func containsAny(_ units: ClosedRange<UInt32>) -> Bool {
            units.contains { bits[Int($0 >> 6)] & (1 &<< UInt64($0 & 63)) != 0 }
        }
        return (0 ... 255).map { (byte: UInt32) in
            switch byte {
            case 0 ..< 0x80: containsAny(byte ... byte)
            case 0xC2 ..< 0xE0: containsAny((byte & 0x1F) << 6 ... (byte & 0x1F) << 6 | 0x3F)
            case 0xE0 ..< 0xF0: containsAny((byte & 0x0F) << 12 ... (byte & 0x0F) << 12 | 0xFFF)
            // Beyond the BMP: the surrogates of a pair.
            case 0xF0 ..< 0xF5: containsAny(0xD800 ... 0xDFFF)
            // Continuation bytes, and bytes valid UTF-8 never holds.
            default: false
            }
        }
    }

    func contains(_ unit: UInt16) -> Bool {
        bits[Int(unit >> 6)] & (1 &<< UInt64(unit & 63)) != 0
    }

    /// Whether a character of `text` is one of the units (a character beyond the BMP always
    /// is, its surrogates being in the set), found on the text's UTF-8 without converting it:
    /// a byte that begins no possible unit (most letters, spaces, umlauts) is passed over with
    /// one look-up, and only a character whose lead byte may begin one is decoded.
    func occur(in text: String) -> Bool {
        text.withContiguousUTF8 { bytes in
            mayBeginUnit.withUnsafeBufferPointer { mayBeginUnit in
                for index in bytes.indices where mayBeginUnit[Int(bytes[index])] {
                    // Stepping byte by byte is safe: continuation bytes never begin a unit.
                    if bytes[index] < 0x80 || containsCharacter(in: bytes, at: index) { return true }
                }
                return false
            }
        }
    }

    /// Whether the character whose (valid, multi-byte) UTF-8 sequence begins at `index` has
    /// a UTF-16 unit in the set.
    private func containsCharacter(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = UInt32(bytes[index])
        switch lead {
        case 0xC0 ..< 0xE0:
            return contains(UInt16(lead & 0x1F) << 6 | UInt16(bytes[index + 1] & 0x3F))
        case 0xE0 ..< 0xF0:
            return contains(UInt16(lead & 0x0F) << 12 | UInt16(bytes[index + 1] & 0x3F) << 6 | UInt16(bytes[index + 2] & 0x3F))
        default:
            let scalar = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            return contains(UInt16(0xD800 | (scalar - 0x10000) >> 10)) || contains(UInt16(0xDC00 | scalar & 0x3FF))
        }
    }
}
