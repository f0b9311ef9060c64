import Foundation

/// Runs the release `translate-pipeline run` on a project as a child process, quietly:
/// `--quiet` when the binary has it, else `--json` with the report to a file (which then
/// also gives pages, units and words).
struct PipelineRunner {
    let binary: String
    let quiet: Bool
    let logs: URL

    /// Exit codes of a run that did its work: 0, 2 (warnings) and 3 (done, some pages with problems).
    static let accepted: Set<Int32> = [0, 2, 3]

    init(binary: String, logs: URL) throws {
        self.binary = binary
        self.logs = logs
        // The runs print their time per step to standard error (logs/*.err), for the report.
        setenv("TRANSLATE_PIPELINE_STEP_TIMES", "1", 1)
        let help = try TimedRun.run([binary, "run", "--help"], logs: logs, name: "run-help")
        quiet = ((try? String(contentsOf: help.stdout, encoding: .utf8)) ?? "").contains("--quiet")
    }

    func run(project: URL, name: String) throws -> TimedRun.Outcome {
        let outcome = try TimedRun.run([binary, "run", "--project", project.path, quiet ? "--quiet" : "--json"], logs: logs, name: name)
        guard Self.accepted.contains(outcome.status) else {
            throw BenchmarkError.run("\(name): translate-pipeline run exited with \(outcome.status); its error output ends:\n\(outcome.stderrTail)")
        }
        return outcome
    }

    /// Build the release binary beside this benchmark's own (same scratch path), so that the
    /// figures are always of the current source; returns its path.
    static func buildPipeline() throws -> String {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        // <scratch>/<triple>/<configuration>/batch-benchmark
        let scratch = executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let command = ["/usr/bin/env", "swift", "build", "-c", "release", "--product", "translate-pipeline", "--scratch-path", scratch.path,
                       "--package-path", SampleText.repositoryRoot.path]
        print("building: \(command.dropFirst().joined(separator: " "))")
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("batch-benchmark-build-\(getpid())")
        let build = try TimedRun.run(command, logs: logs, name: "build")
        guard build.status == 0 else {
            throw BenchmarkError.run("""
            building translate-pipeline failed (exit \(build.status)):
            \(build.stderrTail)
            build it yourself and pass it: --binary \(scratch.path)/release/translate-pipeline
            """)
        }
        return scratch.appendingPathComponent("release/translate-pipeline").path
    }
}
