import Foundation

/// How a fuzz target reports a broken invariant: a message and the bytes concerned on
/// standard error, then a trap, which libFuzzer records as a crash with the input that led
/// to it.
enum FuzzFailure {
    static func report(_ message: String, _ bytes: [UInt8]) -> Never {
        let excerpt = String(decoding: bytes.prefix(4000), as: UTF8.self)
        FileHandle.standardError.write(Data("FUZZ INVARIANT BROKEN: \(message)\n--- bytes (\(bytes.count)) ---\n\(excerpt)\n---\n".utf8))
        fatalError("fuzz invariant broken")
    }
}
