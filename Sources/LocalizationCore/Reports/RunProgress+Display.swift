extension RunProgress {
    /// The progress bar line for a terminal, without the carriage return:
    /// `assembling pages          [##########··········]  412/812`.
    public func bar(width: Int = 30) -> String {
        let share = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
        let filled = Int((share * Double(width)).rounded(.down))
        let phaseName = phase.rawValue + String(repeating: " ", count: max(0, Self.phaseWidth - phase.rawValue.count))
        let counter = total > 0 ? "  \(done)/\(total)" : ""
        return "\(phaseName)  [\(String(repeating: "#", count: filled))\(String(repeating: "·", count: width - filled))]\(counter)"
    }

    /// The plain line for logs: `assembling pages: 412/812`, or the phase alone when it has no count.
    public var plainLine: String {
        total > 0 ? "\(phase.rawValue): \(done)/\(total)" : phase.rawValue
    }

    /// Width of the longest phase name, so bars line up.
    static let phaseWidth = Phase.allCases.map(\.rawValue.count).max() ?? 0
}

/// Which progress updates deserve a line when the output is a log, not a terminal: the start of
/// each phase, then on a long phase at most one line per tenth of it, the last at its end (a
/// site of 10,000 pages in 8 locales must not print 80,000 lines).
public struct PlainProgress: Sendable {
    /// Phases with fewer steps get no lines (a short run prints only its summary).
    public var longPhase = 50
    private var phase: RunProgress.Phase?
    private var lastTenth = 0

    public init() {}

    /// The line to print for this update, or nil.
    public mutating func line(for progress: RunProgress) -> String? {
        if progress.phase != phase {
            phase = progress.phase
            lastTenth = progress.total > 0 ? tenth(progress) : 0
            // A run over a handful of pages is over before a line would help anyone.
            return progress.total == 0 || progress.total >= longPhase ? progress.plainLine : nil
        }
        guard progress.total >= longPhase else { return nil }
        let current = tenth(progress)
        guard current > lastTenth else { return nil }
        lastTenth = current
        return progress.plainLine
    }

    private func tenth(_ progress: RunProgress) -> Int {
        progress.total > 0 ? min(10, progress.done * 10 / progress.total) : 0
    }
}
