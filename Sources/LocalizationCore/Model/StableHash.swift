/// A short stable hash (FNV-1a, 64 bits, 16 hex digits) for identifiers that must come out the
/// same in every run and on every machine: unit ids, memory entry ids.
func stableHash(_ text: String) -> String {
    var hasher = StableHasher()
    hasher.combine(text)
    return hasher.hexDigits()
}

/// The 64-bit FNV-1a value behind `stableHash`, for compact in-memory keys.
func stableHash64(_ text: String) -> UInt64 {
    var hasher = StableHasher()
    hasher.combine(text)
    return hasher.value
}

/// `stableHash` fed piece by piece: FNV-1a reads its input byte after byte, so combining
/// "a", "|", "b" gives the value of `stableHash("a|b")` without building that string.
struct StableHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        text.withContiguousUTF8 { bytes in
            for byte in bytes { combine(byte) }
        }
    }

    private mutating func combine(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }

    /// The value as 16 lower-case hex digits, zero-padded, after `prefix` ("u" + digits in
    /// one string, not two).
    func hexDigits(after prefix: String = "") -> String {
        String(unsafeUninitializedCapacity: prefix.utf8.count + 16) { buffer in
            var position = 0
            for byte in prefix.utf8 {
                buffer[position] = byte
                position += 1
            }
            for shift in stride(from: 60, through: 0, by: -4) {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0xF
                buffer[position] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                position += 1
            }
            return position
        }
    }
}
