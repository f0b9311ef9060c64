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
        prefix.withContiguousUTF8 { prefix in
            String(unsafeUninitializedCapacity: prefix.count + 16) { buffer in
                _ = buffer.initialize(fromContentsOf: prefix)
                let digits = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[prefix.count...]))
                digits.storeBytes(of: Self.hexDigits(of: UInt32(truncatingIfNeeded: value >> 32)).littleEndian, as: UInt64.self)
                digits.storeBytes(of: Self.hexDigits(of: UInt32(truncatingIfNeeded: value)).littleEndian, toByteOffset: 8, as: UInt64.self)
                return prefix.count + 16
            }
        }
    }

    /// The eight hex digits of `half`, the first in the lowest byte: computed for all eight at
    /// once, in a word, instead of digit by digit (about 20 instructions a digit, with the
    /// prefix read through `utf8`: 22 million of the 1,080 million extraction spends on 1,000
    /// benchmark pages).
    private static func hexDigits(of half: UInt32) -> UInt64 {
        // Each nibble moved to the low half of a byte of its own, the lowest nibble lowest…
        var nibbles = UInt64(half)
        nibbles = (nibbles | nibbles << 16) & 0x0000_FFFF_0000_FFFF
        nibbles = (nibbles | nibbles << 8) & 0x00FF_00FF_00FF_00FF
        nibbles = (nibbles | nibbles << 4) & 0x0F0F_0F0F_0F0F_0F0F
        // …then the bytes reversed, so that the most significant digit comes first.
        nibbles = nibbles.byteSwapped
        // 1 in each byte whose nibble is 10 or more (adding 6 carries it into bit 4).
        let isLetter = (nibbles &+ 0x0606_0606_0606_0606) >> 4 & 0x0101_0101_0101_0101
        // "0" + nibble, and for a letter the 39 from "9" + 1 to "a".
        return nibbles &+ 0x3030_3030_3030_3030 &+ isLetter &* 39
    }
}
