/// A short stable hash (FNV-1a, 64 bits, 16 hex digits) for identifiers that must come out the
/// same in every run and on every machine: unit ids, memory entry ids.
func stableHash(_ text: String) -> String {
    let hex = String(stableHash64(text), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

/// The 64-bit FNV-1a value behind `stableHash`, for compact in-memory keys.
func stableHash64(_ text: String) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }
    return value
}
