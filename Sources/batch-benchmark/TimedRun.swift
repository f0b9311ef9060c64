import Foundation

/// One child process, timed: wall time by the monotonic clock, and the child's own peak
/// resident memory from `wait4`'s rusage (`ru_maxrss`, kilobytes on Linux), so the figure is
/// the pipeline's and not the benchmark's.
struct TimedRun {
    /// One step of a run as it printed it (`StepClock` in the library).
    struct Step {
        var name: String
        var seconds: Double
        /// The run's peak resident memory when the step ended, in megabytes.
        var peakMegabytes: Int?

        init?(line: Substring) {
            guard line.hasPrefix("step "), let colon = line.range(of: ": ") else { return nil }
            let figures = line[colon.upperBound...].split(separator: " ")
            guard figures.count >= 2, figures[1] == "s", let seconds = Double(figures[0]) else { return nil }
            name = String(line[line.index(line.startIndex, offsetBy: 5) ..< colon.lowerBound])
            self.seconds = seconds
            if let peak = figures.firstIndex(of: "peak"), peak + 1 < figures.count { peakMegabytes = Int(figures[peak + 1]) }
        }
    }

    struct Outcome {
        var status: Int32
        var seconds: Double
        var peakMegabytes: Double
        /// The child's CPU time in user space and in the kernel (`ru_utime`, `ru_stime`): the
        /// kernel's share shows what the file system cost (see `timePipeline`).
        var userSeconds: Double
        var systemSeconds: Double
        var stdout: URL
        var stderr: URL

        /// "step NAME: SECONDS s (resident R MB, peak P MB)" lines of the child's error output,
        /// in order (the memory part only where the system reports it).
        var steps: [Step] {
            let text = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap(Step.init(line:))
        }

        /// The last lines of the child's error output, for a failure message.
        var stderrTail: String {
            let text = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
            return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(15).joined(separator: "\n")
        }
    }

    /// Runs `arguments[0]` (a path) with the arguments, output to files under `logs`.
    static func run(_ arguments: [String], logs: URL, name: String) throws -> Outcome {
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let stdout = logs.appendingPathComponent("\(name).out")
        let stderr = logs.appendingPathComponent("\(name).err")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = monotonicSeconds()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchmarkError.run("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = monotonicSeconds() - start
        // Exit code when it exited, 128 + signal when a signal ended it (as shells report it).
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        func cpuSeconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return Outcome(status: code, seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024,
                       userSeconds: cpuSeconds(usage.ru_utime), systemSeconds: cpuSeconds(usage.ru_stime), stdout: stdout, stderr: stderr)
    }

    static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The full path of `name` on PATH, or nil.
    static func which(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

extension Array where Element == Double {
    var median: Double {
        guard !isEmpty else { return .nan }
        let sorted = self.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
