extension String {
    /// A string of Unicode scalars, built through their UTF-8 bytes: appending to a
    /// `String.UnicodeScalarView` one scalar at a time costs several times more, and assembly
    /// builds strings of scalars for every unit of every page in every locale.
    init(scalars: some Sequence<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for scalar in scalars {
            UTF8.encode(scalar) { bytes.append($0) }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
