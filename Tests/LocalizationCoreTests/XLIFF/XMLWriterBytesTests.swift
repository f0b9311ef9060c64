import Testing
@testable import LocalizationCore

/// `XMLWriter.Bytes`, the writer's buffer of its own memory, against an array doing the same:
/// pieces of every size appended past the buffer's capacity many times over, repeated bytes,
/// the last bytes taken back and dropped.
@Suite struct XMLWriterBytesTests {
    @Test func bytesKeepWhatAnArrayKeeps() {
        var generator = SplitMix64(seed: 5)
        for capacity in [0, 1, 16, 100] {
            var bytes = XMLWriter.Bytes(capacity: capacity)
            var expected: [UInt8] = []
            for step in 0 ..< 2000 {
                let piece = (0 ..< Int(generator.next() % 40)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                switch step % 5 {
                case 0:
                    piece.withUnsafeBufferPointer { bytes.append($0) }
                    expected += piece
                case 1:
                    bytes.append(piece.first ?? 0x20)
                    expected.append(piece.first ?? 0x20)
                case 2:
                    bytes.append(0x20, count: piece.count)
                    expected += repeatElement(0x20, count: piece.count)
                case 3:
                    #expect(bytes.popLast() == expected.popLast())
                default:
                    let kept = max(0, expected.count - piece.count % 8)
                    bytes.truncate(to: kept)
                    expected.removeSubrange(kept...)
                }
                #expect(bytes.count == expected.count)
            }
            #expect(bytes.array == expected)
            #expect(bytes.string == String(decoding: expected, as: UTF8.self))
        }
    }
}
