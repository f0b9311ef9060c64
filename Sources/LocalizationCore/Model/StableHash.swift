/// A short stable hash (FNV-1a, 64 bits, 16 hex digits) for identifiers that must come out the
/// same in every run and on every machine: unit ids, memory entry ids.
func stableHash(_ text: String) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
