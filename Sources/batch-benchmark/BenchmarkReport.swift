import Foundation

/// The figures of one benchmark run: the table it prints and the JSON it writes.
struct BenchmarkReport: Encodable {
    struct Phase: Encodable {
        var name: String
        var samples: [Double]
        var peakMegabytes: [Double]
        /// Per sample, the run's CPU seconds in user space and in the kernel.
        var userSeconds: [Double] = []
        var systemSeconds: [Double] = []
        var exitCodes: [Int32]
        var goalSeconds: Double
        /// Per sample, the run's own time per step (`TRANSLATE_PIPELINE_STEP_TIMES`).
        var steps: [[String: Double]] = []
        /// Per sample, the run's peak resident memory (MB) when each step ended.
        var stepPeaks: [[String: Int]] = []
        var median: Double { samples.median }
        var pass: Bool { median < goalSeconds }

        enum CodingKeys: String, CodingKey { case name, samples, peakMegabytes, userSeconds, systemSeconds, exitCodes, goalSeconds, steps, stepPeaks, median, pass }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(samples, forKey: .samples)
            try container.encode(peakMegabytes, forKey: .peakMegabytes)
            try container.encode(userSeconds, forKey: .userSeconds)
            try container.encode(systemSeconds, forKey: .systemSeconds)
            try container.encode(exitCodes, forKey: .exitCodes)
            try container.encode(goalSeconds, forKey: .goalSeconds)
            try container.encode(steps, forKey: .steps)
            try container.encode(stepPeaks, forKey: .stepPeaks)
            try container.encode(median, forKey: .median)
            try container.encode(pass, forKey: .pass)
        }
    }

    /// What `run --json` said about the site, when the run was made with `--json`.
    struct RunFigures: Encodable {
        var pages: Int?
        var units: Int?
        var words: Int?
        var publishedPerLocale: [String: Int]
    }

    var commit: String
    var binary: String
    var cores: Int
    var pages: Int
    var megabytes: Double
    var locales: [String]
    var distinctSentences: Int
    var memoryEntriesPerLocale: [String: Int]
    var generationSeconds: Double
    var runMode: String
    var runFigures: RunFigures?
    var edits: [String: Int]
    var phases: [Phase] = []
    var peakGoalMegabytes = 2048.0
    var comparison: ToolkitComparison.Figures?
    /// Why the timed runs stopped early, when they did.
    var failure: String?

    var peakMegabytes: Double { phases.flatMap(\.peakMegabytes).max() ?? 0 }

    func printTable() {
        print("")
        print("batch benchmark — commit \(commit), \(cores) cores" + (binary.isEmpty ? "" : ", binary \(binary)"))
        print(String(format: "site: %d pages, %.1f MB, %d locales (%@); memory: %d distinct sentences, entries per locale %@",
                     pages, megabytes, locales.count, locales.joined(separator: " "), distinctSentences,
                     locales.map { "\($0) \(memoryEntriesPerLocale[$0] ?? 0)" }.joined(separator: ", ")))
        if let runFigures {
            print("run (from --json): \(runFigures.pages.map(String.init) ?? "?") pages, \(runFigures.units.map(String.init) ?? "?") units, \(runFigures.words.map(String.init) ?? "?") words; published per locale: "
                + locales.map { "\($0) \(runFigures.publishedPerLocale[$0].map(String.init) ?? "?")" }.joined(separator: ", "))
        }
        if !edits.isEmpty { print("1% change: " + edits.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")) }
        if !phases.isEmpty || failure != nil { printPhases() }
        printComparison()
    }

    private func printPhases() {
        print("")
        if let failure { print("TIMED RUNS STOPPED: \(failure)\n") }
        print("phase".padded(24) + "median s".padded(11) + "samples s".padded(30) + "peak RSS MB".padded(13) + "goal".padded(10) + "result")
        for phase in phases {
            print(phase.name.padded(24) + String(format: "%.2f", phase.median).padded(11)
                + phase.samples.map { String(format: "%.2f", $0) }.joined(separator: " ").padded(30)
                + String(format: "%.0f", phase.peakMegabytes.max() ?? 0).padded(13)
                + String(format: "< %.0f s", phase.goalSeconds).padded(10) + (phase.pass ? "PASS" : "MISS"))
        }
        print("peak memory (any run)".padded(24) + "".padded(11) + "".padded(30) + String(format: "%.0f", peakMegabytes).padded(13)
            + "< 2 GB".padded(10) + (peakMegabytes < peakGoalMegabytes ? "PASS" : "MISS"))
    }

    private func printComparison() {
        guard let comparison else { return }
        print("")
        print(String(format: "extraction + merge on the same %d pages (%.1f MB):", comparison.pages, comparison.megabytes))
        let seconds = { (value: Double?) in value.map { String(format: "%.2f s", $0) } ?? "MISSING (see the notes)" }
        print("  translate-toolkit html2po         \(seconds(comparison.html2poSeconds))")
        print("  translate-toolkit po2html         \(seconds(comparison.po2htmlSeconds))")
        print("  xmllint --html --noout (parse)    \(seconds(comparison.xmllintSeconds))")
        print(String(format: "  ours, one core                    %.2f s  (%d units: extract, segment, XLIFF out and back, merge)", comparison.oursOneCoreSeconds, comparison.oursUnits))
        let steps = comparison.oursSteps
        print(String(format: "    of which extract %.2f s, segment %.2f s, XLIFF written %.2f s, read %.2f s, merge %.2f s",
                     steps.extract, steps.segment, steps.writeJob, steps.readJob, steps.merge))
        print(String(format: "  ours, both cores                  %.2f s", comparison.oursBothCoresSeconds))
        if let toolkit = comparison.toolkitSeconds {
            let ratio = toolkit / comparison.oursOneCoreSeconds
            print(String(format: "  toolkit / ours (one core)         %.1f×   goal ≥ 10×   %@   (both cores: %.1f×)", ratio, ratio >= 10 ? "PASS" : "MISS",
                         toolkit / comparison.oursBothCoresSeconds))
        }
        if let xmllint = comparison.xmllintSeconds {
            let ratio = comparison.oursOneCoreSeconds / xmllint
            print(String(format: "  ours (one core) / xmllint         %.1f×   goal ≤ 3×    %@   (both cores: %.1f×)", ratio, ratio <= 3 ? "PASS" : "MISS",
                         comparison.oursBothCoresSeconds / xmllint))
        }
        for note in comparison.notes { print("  " + note) }
    }
}

extension String {
    func padded(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
