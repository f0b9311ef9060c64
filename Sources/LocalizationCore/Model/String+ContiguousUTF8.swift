extension String {
    /// Runs `body` with the string's UTF-8 as one buffer: a native string's own storage, without
    /// the copy of the string value that the mutating `withUTF8` needs (one retain and release
    /// per call, thousands per job); a bridged string is made contiguous first.
    func withContiguousUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
