#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

extension String {
    /// Runs `body` with the string's UTF-8 as one buffer: a native string's own storage, without
    /// the copy of the string value that the mutating `withUTF8` needs (one retain and release
    /// per call, thousands per job); a bridged string is made contiguous first.
    func withContiguousUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }

    /// Whether the two strings are the same bytes of UTF-8: one memcmp. Strings of other bytes
    /// can still be equal as Strings (`é` precomposed and `e` with a combining accent).
    func hasSameUTF8(as other: String) -> Bool {
        withContiguousUTF8 { bytes in
            other.withContiguousUTF8 { otherBytes in
                bytes.count == otherBytes.count && (bytes.isEmpty || memcmp(bytes.baseAddress!, otherBytes.baseAddress!, bytes.count) == 0)
            }
        }
    }
}
