/// SplitMix64: a small, fast, seeded generator, so that the same seed gives the same site on
/// every machine and every run (Foundation's randomness is seeded by the system).
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0 ..< bound`.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index skewed towards the front (Zipf-like): a few shared paragraphs appear on very
    /// many pages, most on a handful, as boilerplate does on a real site.
    mutating func skewed(_ count: Int) -> Int {
        let u = Double(next() >> 11) / Double(1 << 53)
        return min(count - 1, Int(Double(count) * u * u * u))
    }
}

/// A stable 64-bit hash of a string (FNV-1a), for per-locale choices that must not depend on
/// generation order or on Swift's per-process hash seed.
func stableHash64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash
}
