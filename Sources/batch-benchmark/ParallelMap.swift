import Dispatch

/// `map` on every core, results in input order.
enum ParallelMap {
    static func map<T: Sendable>(_ range: Range<Int>, chunk: Int = 64, _ transform: @Sendable (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: range.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            let chunks = (range.count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { part in
                let start = range.lowerBound + part * chunk
                for index in start ..< min(range.upperBound, start + chunk) {
                    buffer[index - range.lowerBound] = transform(index)
                }
            }
        }
        return results.map { $0! }
    }
}
