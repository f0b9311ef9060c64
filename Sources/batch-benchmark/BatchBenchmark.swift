import Foundation
import LocalizationCore

/// Times the whole pipeline on a generated city site (issue 7, item 5): a cold full run, an
/// unchanged rerun, a run after 1% of the pages changed and a second unchanged rerun, each
/// with the child's peak memory, against the goals (60 s, 2 s, 5 s, 2 GB); and extraction plus
/// merge against translate-toolkit's html2po/po2html and a bare libxml2 parse on the same pages,
/// as ratios measured in the same run.
///
/// Usage: swift run -c release batch-benchmark [--pages 10000] [--locales 8] [--out DIR]
///        [--toolkit-pages 1000] [--skip-toolkit] [--repeat 3] — see `BenchmarkOptions`.
@main
enum BatchBenchmark {
    static func main() {
        do {
            try run(BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst())))
        } catch {
            FileHandle.standardError.write(Data("batch-benchmark: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ options: BenchmarkOptions) throws {
        let sample = try SampleText.load()
        let generator = SiteGenerator(sample: sample, seed: options.seed)
        let generatedFolder = options.out.appendingPathComponent("project")
        let generated = try GeneratedProject.prepare(at: generatedFolder, options: options, generator: generator)
        let pagePaths = (0 ..< options.pages).map(generator.path(of:))
        guard !options.generateOnly else { return }

        var report = BenchmarkReport(
            commit: commit(), binary: "", cores: ProcessInfo.processInfo.activeProcessorCount, pages: generated.pages,
            megabytes: Double(generated.bytes) / 1_048_576, locales: options.locales, distinctSentences: generated.sentences,
            memoryEntriesPerLocale: generated.entriesPerLocale, generationSeconds: generated.seconds, runMode: "", edits: [:]
        )
        if !options.skipRuns {
            // A failed run ends the timing, not the benchmark: what was measured is still
            // printed and written, with the failure, and the exit code says so.
            do {
                try timePipeline(options, sample: sample, project: generatedFolder, pagePaths: pagePaths, report: &report)
            } catch {
                report.failure = "\(error)"
            }
        }

        if options.toolkitPages > 0 {
            progress(options.skipToolkit ? "extraction and merge against xmllint (translate-toolkit skipped)…" : "comparison with translate-toolkit and xmllint…")
            // The same evenly spread subset for all three tools.
            let count = min(options.toolkitPages, pagePaths.count)
            let subset = (0 ..< count).map { generatedFolder.appendingPathComponent("content").appendingPathComponent(pagePaths[$0 * pagePaths.count / count]) }
            var comparison = ToolkitComparison(pages: subset, root: generatedFolder.appendingPathComponent("content"),
                                               work: options.out.appendingPathComponent("compare"))
            // Ours and the bare parse are timed either way.
            comparison.runsToolkit = !options.skipToolkit
            report.comparison = try comparison.run()
        }
        report.printTable()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let json = options.out.appendingPathComponent("benchmark.json")
        try encoder.encode(report).write(to: json)
        print("\nfigures written to \(json.path)")
        if let failure = report.failure {
            FileHandle.standardError.write(Data("batch-benchmark: FAILED: \(failure)\n".utf8))
            exit(1)
        }
    }

    /// The four timed phases of `translate-pipeline run` on copies of the generated project.
    static func timePipeline(_ options: BenchmarkOptions, sample: SampleText, project: URL, pagePaths: [String],
                             report: inout BenchmarkReport) throws {
        let binary = try options.binary ?? PipelineRunner.buildPipeline()
        let logs = options.out.appendingPathComponent("logs")
        let runner = try PipelineRunner(binary: binary, logs: logs)
        print("timing \(binary) run --project … \(runner.quiet ? "--quiet" : "--json (no --quiet yet; report written to \(logs.path)/*.out)")")
        report.binary = binary
        report.runMode = runner.quiet ? "--quiet" : "--json"

        // (a) Cold: a fresh copy of the generated project each time, no site/ or jobs/ yet, in
        // a folder of its own. The copies are deleted after the timed runs, never just before
        // one: on ext4 without a journal (these machines) every file created checks the inodes
        // deleted recently and steps past them, and a cold run right after the previous copy's
        // 110,000 pages were deleted spent most of its time in the kernel (`recently_deleted`,
        // seen with perf): 77 to 97 s instead of 60 s, and still 63 s two and a half minutes
        // after the deletion.
        let copies = CopiesOfProject(folder: options.out.appendingPathComponent("runs"))
        defer { copies.removeAll() }
        var cold = BenchmarkReport.Phase(name: "cold full run", samples: [], peakMegabytes: [], exitCodes: [], goalSeconds: 60)
        var coldCopies: [URL] = []
        for repetition in 0 ..< options.coldRepeats {
            let copy = try copies.make(of: project, named: "cold-\(repetition + 1)")
            coldCopies.append(copy)
            progress("cold run \(repetition + 1)/\(options.coldRepeats)…")
            let outcome = try runner.run(project: copy, name: "cold-\(repetition + 1)")
            record(outcome, in: &cold)
            if repetition == 0, !runner.quiet { report.runFigures = runFigures(outcome.stdout) }
        }
        report.phases.append(cold)
        // The other phases go on from the last cold run's copy (`--cold-repeat` is at least 1).
        let work = coldCopies[coldCopies.count - 1]
        // (b) Unchanged rerun.
        report.phases.append(try repeated("unchanged rerun", goal: 2, count: options.repeats, runner: runner, project: work))
        // (c) 1% of the pages edited before each run (other pages each time).
        var changed = BenchmarkReport.Phase(name: "after 1% changed", samples: [], peakMegabytes: [], exitCodes: [], goalSeconds: 5)
        for repetition in 0 ..< options.repeats {
            let edits = PageEdits(generator: SiteGenerator(sample: sample, seed: options.seed &+ UInt64(repetition)), pagePaths: pagePaths)
            let done = try edits.apply(share: 0.01, to: work.appendingPathComponent("content"))
            if repetition == 0 { report.edits = Dictionary(uniqueKeysWithValues: done.map { ($0.key.rawValue, $0.value) }) }
            progress("1% changed, run \(repetition + 1)/\(options.repeats)…")
            record(try runner.run(project: work, name: "changed-\(repetition + 1)"), in: &changed)
        }
        report.phases.append(changed)
        // (d) Unchanged again: the state after an incremental run must be as good as after a full one.
        report.phases.append(try repeated("unchanged rerun again", goal: 2, count: 1, runner: runner, project: work))
    }

    static func repeated(_ name: String, goal: Double, count: Int, runner: PipelineRunner, project: URL) throws -> BenchmarkReport.Phase {
        var phase = BenchmarkReport.Phase(name: name, samples: [], peakMegabytes: [], exitCodes: [], goalSeconds: goal)
        for repetition in 0 ..< count {
            progress("\(name) \(repetition + 1)/\(count)…")
            record(try runner.run(project: project, name: name.replacingOccurrences(of: " ", with: "-") + "-\(repetition + 1)"), in: &phase)
        }
        return phase
    }

    static func record(_ outcome: TimedRun.Outcome, in phase: inout BenchmarkReport.Phase) {
        phase.samples.append(outcome.seconds)
        phase.peakMegabytes.append(outcome.peakMegabytes)
        phase.userSeconds.append(outcome.userSeconds)
        phase.systemSeconds.append(outcome.systemSeconds)
        phase.exitCodes.append(outcome.status)
        let steps = outcome.steps
        phase.steps.append(Dictionary(steps.map { ($0.name, $0.seconds) }) { first, second in first + second })
        print(String(format: "  %.2f s (CPU %.1f s user, %.1f s kernel), peak %.0f MB, exit %d",
                     outcome.seconds, outcome.userSeconds, outcome.systemSeconds, outcome.peakMegabytes, outcome.status))
        phase.stepPeaks.append(Dictionary(steps.compactMap { step in step.peakMegabytes.map { (step.name, $0) } }) { first, second in max(first, second) })
        if !steps.isEmpty {
            print("    steps: " + steps.filter { $0.seconds >= 0.05 }.map { $0.name + String(format: " %.2f s", $0.seconds) }.joined(separator: ", "))
            // Where the peak was reached: the steps that raised it.
            var peak = 0
            let raised = steps.compactMap { step -> String? in
                guard let stepPeak = step.peakMegabytes, stepPeak > peak else { return nil }
                peak = stepPeak
                return "\(step.name) \(stepPeak) MB"
            }
            if !raised.isEmpty { print("    peak after: " + raised.joined(separator: ", ")) }
        }
    }

    /// Pages, units, words and published pages per locale from a `run --json` report.
    static func runFigures(_ url: URL) -> BenchmarkReport.RunFigures? {
        guard let data = try? Data(contentsOf: url), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        var published: [String: Int] = [:]
        let entries = (object["coverage"] as? [String: Any])?["entries"] as? [[String: Any]] ?? []
        for entry in entries where entry["published"] as? Bool == true {
            if let locale = entry["locale"] as? String { published[locale, default: 0] += 1 }
        }
        return .init(pages: object["pages"] as? Int, units: object["units"] as? Int, words: object["words"] as? Int, publishedPerLocale: published)
    }

    /// The repository's commit (and whether the tree has changes), for the figures' record.
    static func commit() -> String {
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("batch-benchmark-git-\(getpid())")
        defer { try? FileManager.default.removeItem(at: logs) }
        let root = SampleText.repositoryRoot
        guard let head = try? TimedRun.run(["/usr/bin/env", "git", "-C", root.path, "rev-parse", "--short", "HEAD"], logs: logs, name: "head"),
              head.status == 0, let hash = try? String(contentsOf: head.stdout, encoding: .utf8) else { return "unknown" }
        let status = try? TimedRun.run(["/usr/bin/env", "git", "-C", root.path, "status", "--porcelain", "--untracked-files=no"], logs: logs, name: "status")
        let dirty = status.flatMap { try? String(contentsOf: $0.stdout, encoding: .utf8) }.map { !$0.isEmpty } ?? false
        return hash.trimmingCharacters(in: .whitespacesAndNewlines) + (dirty ? " (with uncommitted changes)" : "")
    }

    static func progress(_ message: String) {
        print(message)
        fflush(nil)
    }
}
