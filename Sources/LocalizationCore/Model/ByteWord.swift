/// Eight bytes of UTF-8 tested at once (SWAR): the scans of escaping (pages, XML) and of
/// forbidden controls look for a few byte values that most words of text do not contain, and
/// skip such a word with a handful of operations instead of eight comparisons and branches.
struct ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    let value: UInt64

    /// The eight bytes at `offset` of `bytes` (`offset + 8 <= bytes.count`).
    init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) {
        value = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// Nonzero when some byte is `byte`. A borrow can mark bytes after a true match too, so
    /// only "zero or not" is exact, which is all the scans ask.
    func matches(_ byte: UInt8) -> UInt64 {
        let difference = value ^ (Self.ones &* UInt64(byte))
        return (difference &- Self.ones) & ~difference & Self.highBits
    }

    /// Nonzero when some byte is below `bound` (at most 0x80); exact as `matches(_:)` is.
    func matches(below bound: UInt8) -> UInt64 {
        (value &- Self.ones &* UInt64(bound)) & ~value & Self.highBits
    }

    /// Calls `look` with the offset of every byte of `bytes` that may matter, in order: a word
    /// of eight for which `suspect` is zero is passed over whole; each byte of any other word,
    /// and of the tail shorter than a word, is looked at. `look` returns false to stop the scan,
    /// and then so does `scan`.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, suspect: (ByteWord) -> UInt64, look: (Int) -> Bool) -> Bool {
        var index = 0
        while index < bytes.count {
            let end = min(index + 8, bytes.count)
            if end - index == 8, suspect(ByteWord(bytes, at: index)) == 0 {
                index = end
                continue
            }
            for offset in index ..< end {
                guard look(offset) else { return false }
            }
            index = end
        }
        return true
    }
}
