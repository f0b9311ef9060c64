internal import CICU

/// An ICU call that failed: which operation, and ICU's own error name
/// (e.g. `U_ILLEGAL_ARGUMENT_ERROR`), so a message says what and where.
public struct ICUError: Error, Sendable, Hashable, CustomStringConvertible {
    public let operation: String
    public let code: Int32
    /// For pattern syntax errors: the UTF-16 offset in the pattern.
    public let offset: Int?

    init(_ operation: String, code: Int32, offset: Int? = nil) {
        self.operation = operation
        self.code = code
        self.offset = offset
    }

    public var name: String { String(cString: cicu_error_name(code)) }

    public var description: String {
        "\(operation) failed: \(name)" + (offset.map { " at offset \($0)" } ?? "")
    }
}

/// Calls into CICU that fill UTF-8 buffers.
enum ICUCall {
    /// U_BUFFER_OVERFLOW_ERROR: the preflight answer.
    static let bufferOverflow: Int32 = 15

    /// Calls `body` with a buffer of `initialCapacity` bytes; only a longer result costs a second
    /// call, with the length the first one reported (the C functions preflight, see cicu.h).
    /// Most results (a number, a date, a message) are short, and a call that opens an ICU
    /// service costs far more than the buffer.
    static func string(
        _ operation: String,
        initialCapacity: Int = 256,
        _ body: (UnsafeMutablePointer<CChar>?, Int32, UnsafeMutablePointer<Int32>) -> Int32
    ) throws(ICUError) -> String {
        var status: Int32 = 0
        var needed: Int32 = 0
        let first: String? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: initialCapacity) { buffer in
            needed = body(buffer.baseAddress, Int32(initialCapacity), &status)
            guard status <= 0, needed <= Int32(initialCapacity) else { return nil }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(needed)), as: UTF8.self)
        }
        if let first { return first }
        guard status == bufferOverflow else { throw ICUError(operation, code: status) }
        var buffer = [CChar](repeating: 0, count: Int(needed) + 1)
        status = 0
        let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress, needed + 1, &status) }
        guard status <= 0 else { throw ICUError(operation, code: status) }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Runs `body` with C strings for every element of `strings`.
    static func withCStrings<Result>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> Result) -> Result {
        let copies: [UnsafeMutablePointer<CChar>] = strings.map { string in
            let bytes = Array(string.utf8CString)
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
            copy.initialize(from: bytes, count: bytes.count)
            return copy
        }
        defer { copies.forEach { $0.deallocate() } }
        return body(copies.map { UnsafePointer($0) })
    }
}
