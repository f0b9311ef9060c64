import Foundation

/// Wall time of a run's steps, printed to standard error when `TRANSLATE_PIPELINE_STEP_TIMES`
/// is set: where a run on a large site spends its time, without a profiler. Outputs never
/// depend on it.
///
/// Each line also gives the process's resident memory at the step's end and its peak so far
/// (Linux: `VmRSS`, `VmHWM` of `/proc/self/status`), so a peak can be traced to its step.
struct StepClock {
    private let enabled = ProcessInfo.processInfo.environment["TRANSLATE_PIPELINE_STEP_TIMES"] != nil
    private var last = ContinuousClock.now

    /// Ends the step that began at the previous call (or at the clock's creation).
    mutating func finished(_ step: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let seconds = Double((now - last).components.attoseconds) / 1e18 + Double((now - last).components.seconds)
        var line = "step \(step): \(String(format: "%.3f", seconds)) s"
        if let memory = Self.residentMemory() {
            line += " (resident \(memory.resident) MB, peak \(memory.peak) MB)"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
        last = now
    }

    /// Resident and peak resident memory in megabytes, where the system says.
    private static func residentMemory() -> (resident: Int, peak: Int)? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func megabytes(_ field: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
                  let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
            return kilobytes / 1024
        }
        guard let resident = megabytes("VmRSS"), let peak = megabytes("VmHWM") else { return nil }
        return (resident, peak)
    }
}
