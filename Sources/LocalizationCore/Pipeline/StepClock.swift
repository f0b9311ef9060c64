import Foundation

/// Wall time of a run's steps, printed to standard error when `TRANSLATE_PIPELINE_STEP_TIMES`
/// is set: where a run on a large site spends its time, without a profiler. Outputs never
/// depend on it.
struct StepClock {
    private let enabled = ProcessInfo.processInfo.environment["TRANSLATE_PIPELINE_STEP_TIMES"] != nil
    private var last = ContinuousClock.now

    /// Ends the step that began at the previous call (or at the clock's creation).
    mutating func finished(_ step: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let seconds = Double((now - last).components.attoseconds) / 1e18 + Double((now - last).components.seconds)
        FileHandle.standardError.write(Data("step \(step): \(String(format: "%.3f", seconds)) s\n".utf8))
        last = now
    }
}
