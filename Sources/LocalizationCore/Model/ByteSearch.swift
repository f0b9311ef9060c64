#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Finding one byte in UTF-8 or other bytes with memchr, at memory speed rather than byte by
/// byte: the HTML lexer's `<`, a page's and a state file's line feeds, a file's `!`s.
extension UnsafeBufferPointer<UInt8> {
    /// The first index of `byte` within `range` of the buffer.
    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = baseAddress, let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

extension [UInt8] {
    /// The first index of `byte` at or after `start`.
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < count else { return nil }
        return withUnsafeBufferPointer { $0.firstIndex(of: byte, in: start ..< $0.count) }
    }
}
