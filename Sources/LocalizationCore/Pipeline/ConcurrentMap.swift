/// Maps `items` on every core with structured concurrency: the items are cut into slices,
/// one child task per slice, results in the items' order. `completed` is called on the
/// calling task after each slice, with the number of items done, for progress reports.
func concurrentMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], slice: Int = 16, completed: (Int) -> Void = { _ in },
    _ transform: @escaping @Sendable (Item) -> Result
) async -> [Result] {
    guard !items.isEmpty else { return [] }
    var results = [Result?](repeating: nil, count: items.count)
    await withTaskGroup(of: (Int, [Result]).self) { group in
        for start in stride(from: 0, to: items.count, by: slice) {
            let part = Array(items[start ..< min(items.count, start + slice)])
            group.addTask { (start, part.map(transform)) }
        }
        var done = 0
        for await (start, part) in group {
            for (offset, result) in part.enumerated() { results[start + offset] = result }
            done += part.count
            completed(done)
        }
    }
    return results.map { $0! }
}
