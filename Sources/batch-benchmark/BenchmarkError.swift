/// Why the benchmark stopped: the sample cannot be read, or a step failed (message says which).
enum BenchmarkError: Error, CustomStringConvertible {
    case sample(String)
    case run(String)

    var description: String {
        switch self {
        case .sample(let message): "sample content: \(message)"
        case .run(let message): message
        }
    }
}
