import Dispatch
import Foundation
import LocalizationCore

/// Extraction plus merge on the same pages by three tools, in the same run: translate-toolkit's
/// `html2po` then `po2html` (folder in, folder out), a bare libxml2 parse (`xmllint --html
/// --noout`, one process for all files), and ours in-process: extract, segment, write the
/// XLIFF job, read it back, merge — on one core and on both.
///
/// Both ours and the toolkit merge untranslated files (po2html with empty msgstrs, ours with
/// no targets), so both rebuild every page from what they extracted. Both write their files
/// the same way: the toolkit opens, writes and closes each file, and so does ours here
/// (`writePlainly`) — not `Data.write(to:)`, which also fsyncs every file.
///
/// Without translate-toolkit (or with `runsToolkit` false) ours and xmllint are still timed;
/// the toolkit's figures are then missing, and a note says so.
struct ToolkitComparison {
    struct Figures: Encodable {
        var pages: Int
        var megabytes: Double
        var html2poSeconds: Double?
        var po2htmlSeconds: Double?
        var xmllintSeconds: Double?
        var oursOneCoreSeconds: Double
        var oursBothCoresSeconds: Double
        var oursUnits: Int
        var oursSteps: Steps
        /// The same runs in CPU time (see `CPUFigures`).
        var cpu: CPUFigures
        var notes: [String]
        /// The goals: toolkit ≥ 10× our time, ours ≤ 3× the bare parse (one core each).
        var toolkitOverOurs: Double?
        var oursOverXmllint: Double?
        var toolkitGoalPass: Bool?
        var xmllintGoalPass: Bool?

        var toolkitSeconds: Double? {
            guard let html2poSeconds, let po2htmlSeconds else { return nil }
            return html2poSeconds + po2htmlSeconds
        }
    }

    /// CPU time (user + system) in seconds: children's from the kernel's accounts, ours from
    /// this thread's clock. On a machine shared with other work wall-clock times swing with
    /// the load; CPU times much less.
    struct CPUFigures: Encodable {
        var html2po: Double?
        var po2html: Double?
        var xmllint: Double?
        var oursOneCore = 0.0
        var oursSteps = Steps()

        var toolkit: Double? {
            guard let html2po, let po2html else { return nil }
            return html2po + po2html
        }

        /// One line for the report's notes.
        var summary: String {
            func seconds(_ value: Double?) -> String { value.map { String(format: "%.2f s", $0) } ?? "missing" }
            var line = "CPU time (user+sys): html2po \(seconds(html2po)), po2html \(seconds(po2html)), xmllint \(seconds(xmllint)), "
                + String(format: "ours one core %.2f s (extract %.2f, segment %.2f, XLIFF written %.2f, read %.2f, merge %.2f)",
                         oursOneCore, oursSteps.extract, oursSteps.segment, oursSteps.writeJob, oursSteps.readJob, oursSteps.merge)
            if let toolkit { line += String(format: "; toolkit / ours %.1f×", toolkit / oursOneCore) }
            if let xmllint { line += String(format: "; ours / xmllint %.1f×", oursOneCore / xmllint) }
            return line
        }
    }

    let pages: [URL]
    let root: URL
    let work: URL
    /// Whether html2po and po2html are run (they take most of the comparison's time).
    var runsToolkit = true

    func run() throws -> Figures {
        let input = work.appendingPathComponent("in")
        try? FileManager.default.removeItem(at: work)
        var bytes = 0
        var names: [String] = []
        for url in pages {
            let name = String(url.path.dropFirst(root.path.count + 1))
            let destination = input.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: url, to: destination)
            bytes += (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            names.append(name)
        }
        var notes: [String] = []
        var cpu = CPUFigures()
        var html2po: Double?
        var po2html: Double?
        let logs = work.appendingPathComponent("logs")
        if !runsToolkit {
            notes.append("TOOLKIT NOT RUN (--skip-toolkit): no toolkit figures, no toolkit/ours ratio")
        } else if let tool = Self.toolkit("html2po"), let back = Self.toolkit("po2html") {
            let po = work.appendingPathComponent("po")
            var childrenCPU = Self.childrenCPUSeconds()
            let extract = try TimedRun.run([tool, "--progress=none", "-i", input.path, "-o", po.path], logs: logs, name: "html2po")
            if extract.status == 0 {
                html2po = extract.seconds
                cpu.html2po = Self.childrenCPUSeconds() - childrenCPU
                childrenCPU = Self.childrenCPUSeconds()
                let merge = try TimedRun.run([back, "--progress=none", "-i", po.path, "-t", input.path, "-o", work.appendingPathComponent("toolkit-out").path], logs: logs, name: "po2html")
                if merge.status == 0 {
                    po2html = merge.seconds
                    cpu.po2html = Self.childrenCPUSeconds() - childrenCPU
                } else { notes.append("po2html failed (exit \(merge.status)): \(merge.stderrTail)") }
            } else {
                notes.append("html2po failed (exit \(extract.status)): \(extract.stderrTail)")
            }
        } else {
            notes.append("TOOLKIT MISSING: html2po/po2html not found, no toolkit figures, no toolkit/ours ratio (pip install translate-toolkit==3.20.4)")
        }
        var xmllint: Double?
        if let tool = TimedRun.which("xmllint") {
            let childrenCPU = Self.childrenCPUSeconds()
            let parse = try TimedRun.run([tool, "--html", "--noout"] + names.map { input.appendingPathComponent($0).path }, logs: logs, name: "xmllint")
            // xmllint's exit code counts HTML5 elements libxml2 does not know as errors; the parse is done either way.
            if parse.status < 128 {
                xmllint = parse.seconds
                cpu.xmllint = Self.childrenCPUSeconds() - childrenCPU
            } else { notes.append("xmllint ended by signal \(parse.status - 128)") }
        } else {
            notes.append("SKIPPED: xmllint not installed (apt-get install libxml2-utils)")
        }
        let ours = work.appendingPathComponent("ours")
        try FileManager.default.createDirectory(at: ours, withIntermediateDirectories: true)
        let urls = names.map { input.appendingPathComponent($0) }
        let segmenter = try Segmenter.shipped(language: "de")
        let language = try TargetLanguage("en")
        var units = 0
        var steps = Steps()
        let threadCPU = Self.threadCPUSeconds()
        let oneCore = try timed {
            units = try Self.extractAndMerge(urls, index: 0, of: 1, segmenter: segmenter, language: language, output: ours, steps: &steps, cpuSteps: &cpu.oursSteps)
        }
        cpu.oursOneCore = Self.threadCPUSeconds() - threadCPU
        notes.append(cpu.summary)
        let failures = ManagedFailures()
        let bothCores = try timed {
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                do { _ = try Self.extractAndMerge(urls, index: part, of: 2, segmenter: segmenter, language: language, output: ours) } catch { failures.record(error) }
            }
            if let error = failures.first { throw error }
        }
        var figures = Figures(pages: names.count, megabytes: Double(bytes) / 1_048_576, html2poSeconds: html2po, po2htmlSeconds: po2html,
                              xmllintSeconds: xmllint, oursOneCoreSeconds: oneCore, oursBothCoresSeconds: bothCores, oursUnits: units, oursSteps: steps, cpu: cpu, notes: notes)
        figures.toolkitOverOurs = figures.toolkitSeconds.map { $0 / oneCore }
        figures.oursOverXmllint = xmllint.map { oneCore / $0 }
        figures.toolkitGoalPass = figures.toolkitOverOurs.map { $0 >= 10 }
        figures.xmllintGoalPass = figures.oursOverXmllint.map { $0 <= 3 }
        return figures
    }

    /// Seconds spent in each step of ours, summed over pages (one core), to show where the time goes.
    struct Steps: Encodable {
        var extract = 0.0
        var segment = 0.0
        var writeJob = 0.0
        var readJob = 0.0
        var merge = 0.0
    }

    /// Every `count`-th page from `index`: extracted, segmented, written as an XLIFF job,
    /// read back and merged, the job and the page written to `output`. Returns the units.
    static func extractAndMerge(_ urls: [URL], index: Int, of count: Int, segmenter: Segmenter, language: TargetLanguage, output: URL) throws -> Int {
        var steps = Steps()
        var cpuSteps = Steps()
        return try extractAndMerge(urls, index: index, of: count, segmenter: segmenter, language: language, output: output, steps: &steps, cpuSteps: &cpuSteps)
    }

    /// `steps` in wall-clock time, `cpuSteps` in this thread's CPU time.
    static func extractAndMerge(_ urls: [URL], index: Int, of count: Int, segmenter: Segmenter, language: TargetLanguage, output: URL,
                                steps: inout Steps, cpuSteps: inout Steps) throws -> Int {
        var units = 0
        var clock = TimedRun.monotonicSeconds()
        var cpuClock = threadCPUSeconds()
        func lap(_ step: WritableKeyPath<Steps, Double>) {
            let now = TimedRun.monotonicSeconds()
            let cpuNow = threadCPUSeconds()
            steps[keyPath: step] += now - clock
            cpuSteps[keyPath: step] += cpuNow - cpuClock
            clock = now
            cpuClock = cpuNow
        }
        for position in stride(from: index, to: urls.count, by: count) {
            let url = urls[position]
            let name = "page-\(position).html"
            clock = TimedRun.monotonicSeconds()
            cpuClock = threadCPUSeconds()
            var page = HTMLExtractor().extract(HTMLPage(name: name, bytes: Array(try Data(contentsOf: url))))
            lap(\.extract)
            page.units = page.units.map { $0.segmented(by: segmenter) }
            units += page.units.count
            lap(\.segment)
            let job = Job.serialize(Job.document(pages: [page], sourceLanguage: "de", targetLanguage: language, version: .v1_2))
            let jobURL = output.appendingPathComponent(name + ".xlf")
            try writePlainly(Array(job.utf8), to: jobURL)
            lap(\.writeJob)
            let document = try XLIFFReader().read(Array(try Data(contentsOf: jobURL)), file: jobURL.path)
            lap(\.readJob)
            let merged = PageMerge().merge(page, units: document.file(original: name)?.units ?? [], language: language, jobFile: jobURL.path)
            try writePlainly(merged.bytes, to: output.appendingPathComponent(name))
            lap(\.merge)
        }
        return units
    }

    /// Writes `bytes` to `url` as html2po and po2html write their output (Python's `open`,
    /// `write`, `close`): no temporary file, no fsync. This is the comparison's own writer;
    /// the product's writes (`ProjectFiles.writeAtomically`) stay atomic and durable.
    static func writePlainly(_ bytes: [UInt8], to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BenchmarkError.run("cannot write \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { throw BenchmarkError.run("cannot write \(url.path): \(String(cString: strerror(errno)))") }
                offset += written
            }
        }
    }

    /// CPU time of this thread so far.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// CPU time of this process's children that have ended and been waited for (the
    /// `cutime` and `cstime` fields of /proc/self/stat).
    static func childrenCPUSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return 0 }
        // Fields after the command name, which may hold spaces; cutime and cstime are the
        // 16th and 17th fields of the line, the 14th and 15th after the name.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 14, let user = Double(fields[13]), let system = Double(fields[14]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func toolkit(_ name: String) -> String? {
        TimedRun.which("/opt/translate-toolkit/bin/\(name)") ?? TimedRun.which(name)
    }

    private func timed(_ body: () throws -> Void) throws -> Double {
        let start = TimedRun.monotonicSeconds()
        try body()
        return TimedRun.monotonicSeconds() - start
    }
}
