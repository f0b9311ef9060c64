import Dispatch
import Foundation
import LocalizationCore

/// Extraction plus merge on the same pages by three tools, in the same run: translate-toolkit's
/// `html2po` then `po2html` (folder in, folder out), a bare libxml2 parse (`xmllint --html
/// --noout`, one process for all files), and ours in-process: extract, segment, write the
/// XLIFF job, read it back, merge — on one core and on both.
///
/// Both rebuild every page from what they extracted: po2html from the template and the PO
/// file's empty msgstrs; ours from the skeleton and the job read back, every unit given its
/// source as its target first (the translator's part, not timed). Ours needs targets to do
/// that work at all: a page without a single target is its original bytes. Both write their files
/// plainly: the toolkit opens, writes and closes each file, and so does ours here
/// (`writePlainly`) — not `Data.write(to:)`, which also fsyncs every file.
///
/// What the file system does is kept out of the figures, as far as it depends on what was
/// deleted or written before: every file the tools write exists before they are timed
/// (`OutputFiles`), and ours does not truncate the files it writes again (`writePlainly`).
/// Without that, the steps that write files (XLIFF written, merge) varied 2.5–4× from one
/// benchmark to the next. Ours is timed in several passes on one core (and on both), each
/// figure the median, in wall-clock and in CPU time; xmllint as often.
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
        /// Of `oursOneCore`, the time in the kernel (reading and writing files, page faults).
        var oursOneCoreSystem = 0.0
        var oursSteps = Steps()

        var toolkit: Double? {
            guard let html2po, let po2html else { return nil }
            return html2po + po2html
        }

        /// One line for the report's notes.
        var summary: String {
            func seconds(_ value: Double?) -> String { value.map { String(format: "%.2f s", $0) } ?? "missing" }
            var line = "CPU time (user+sys, medians): html2po \(seconds(html2po)), po2html \(seconds(po2html)), xmllint \(seconds(xmllint)), "
                + String(format: "ours one core %.2f s (sys %.2f; extract %.2f, segment %.2f, XLIFF written %.2f, read %.2f, merge %.2f)",
                         oursOneCore, oursOneCoreSystem, oursSteps.extract, oursSteps.segment, oursSteps.writeJob, oursSteps.readJob, oursSteps.merge)
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
    /// How often ours (on one core, then on both) and xmllint are timed; each figure is the
    /// median of the passes. The toolkit, fifty times slower and far steadier, runs once.
    var passes = 3

    func run() throws -> Figures {
        let input = work.appendingPathComponent("in")
        let ours = work.appendingPathComponent("ours")
        let po = work.appendingPathComponent("po")
        let toolkitOut = work.appendingPathComponent("toolkit-out")
        var bytes = 0
        var names: [String] = []
        for url in pages {
            names.append(String(url.path.dropFirst(root.path.count + 1)))
            bytes += (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        }
        var notes: [String] = []
        // Every file the tools write exists before any of them is timed (see `OutputFiles`).
        let preparation = try OutputFiles.prepare([
            (input, names),
            (ours, names.indices.flatMap { ["page-\($0).html", "page-\($0).html.xlf"] }),
            (po, names.map { String($0.dropLast(".html".count)) + ".po" }),
            (toolkitOut, names),
        ])
        for (url, name) in zip(pages, names) {
            try Self.writePlainly(Array(try Data(contentsOf: url)), to: input.appendingPathComponent(name))
        }
        notes.append(preparation.summary)
        var cpu = CPUFigures()
        var html2po: Double?
        var po2html: Double?
        let logs = work.appendingPathComponent("logs")
        if !runsToolkit {
            notes.append("TOOLKIT NOT RUN (--skip-toolkit): no toolkit figures, no toolkit/ours ratio")
        } else if let tool = Self.toolkit("html2po"), let back = Self.toolkit("po2html") {
            var childrenCPU = Self.childrenCPUSeconds()
            let extract = try TimedRun.run([tool, "--progress=none", "-i", input.path, "-o", po.path], logs: logs, name: "html2po")
            if extract.status == 0 {
                html2po = extract.seconds
                cpu.html2po = Self.childrenCPUSeconds() - childrenCPU
                childrenCPU = Self.childrenCPUSeconds()
                let merge = try TimedRun.run([back, "--progress=none", "-i", po.path, "-t", input.path, "-o", toolkitOut.path], logs: logs, name: "po2html")
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
            // Short and cheap: timed as often as ours, the median kept.
            var wall: [Double] = []
            var processor: [Double] = []
            for _ in 0 ..< passes {
                let childrenCPU = Self.childrenCPUSeconds()
                let parse = try TimedRun.run([tool, "--html", "--noout"] + names.map { input.appendingPathComponent($0).path }, logs: logs, name: "xmllint")
                // xmllint's exit code counts HTML5 elements libxml2 does not know as errors; the parse is done either way.
                guard parse.status < 128 else {
                    notes.append("xmllint ended by signal \(parse.status - 128)")
                    break
                }
                wall.append(parse.seconds)
                processor.append(Self.childrenCPUSeconds() - childrenCPU)
            }
            if !wall.isEmpty {
                xmllint = wall.median
                cpu.xmllint = processor.median
            }
        } else {
            notes.append("SKIPPED: xmllint not installed (apt-get install libxml2-utils)")
        }
        let urls = names.map { input.appendingPathComponent($0) }
        let segmenter = try Segmenter.shipped(language: "de")
        let language = try TargetLanguage("en")
        var units = 0
        var oneCorePasses: [Pass] = []
        for _ in 0 ..< passes {
            var pass = Pass()
            let start = TimedRun.monotonicSeconds()
            let usage = ThreadUsage.now()
            units = try Self.extractAndMerge(urls, index: 0, of: 1, segmenter: segmenter, language: language, output: ours,
                                             steps: &pass.steps, cpuSteps: &pass.cpuSteps)
            pass.seconds = TimedRun.monotonicSeconds() - start
            let used = ThreadUsage.now() - usage
            (pass.cpuSeconds, pass.systemSeconds) = (used.cpuSeconds, used.systemSeconds)
            oneCorePasses.append(pass)
        }
        let oneCore = Pass.median(of: oneCorePasses)
        cpu.oursOneCore = oneCore.cpuSeconds
        cpu.oursOneCoreSystem = oneCore.systemSeconds
        cpu.oursSteps = oneCore.cpuSteps
        notes.append(cpu.summary)
        notes.append("ours one core, \(passes) passes (wall / CPU s): " + oneCorePasses.map { String(format: "%.2f / %.2f", $0.seconds, $0.cpuSeconds) }.joined(separator: ", "))
        let failures = ManagedFailures()
        var bothCorePasses: [Double] = []
        for _ in 0 ..< passes {
            bothCorePasses.append(try timed {
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    do { _ = try Self.extractAndMerge(urls, index: part, of: 2, segmenter: segmenter, language: language, output: ours) } catch { failures.record(error) }
                }
                if let error = failures.first { throw error }
            })
        }
        var figures = Figures(pages: names.count, megabytes: Double(bytes) / 1_048_576, html2poSeconds: html2po, po2htmlSeconds: po2html,
                              xmllintSeconds: xmllint, oursOneCoreSeconds: oneCore.seconds, oursBothCoresSeconds: bothCorePasses.median,
                              oursUnits: units, oursSteps: oneCore.steps, cpu: cpu, notes: notes)
        figures.toolkitOverOurs = figures.toolkitSeconds.map { $0 / oneCore.seconds }
        figures.oursOverXmllint = xmllint.map { oneCore.seconds / $0 }
        figures.toolkitGoalPass = figures.toolkitOverOurs.map { $0 >= 10 }
        figures.xmllintGoalPass = figures.oursOverXmllint.map { $0 <= 3 }
        return figures
    }

    /// One timed pass of ours on one core.
    struct Pass {
        var seconds = 0.0
        var cpuSeconds = 0.0
        var systemSeconds = 0.0
        var steps = Steps()
        var cpuSteps = Steps()

        /// Each figure the median of the passes' (so the steps need not add up to the total).
        static func median(of passes: [Pass]) -> Pass {
            func median(_ figure: (Pass) -> Double) -> Double { passes.map(figure).median }
            func steps(_ steps: (Pass) -> Steps) -> Steps {
                Steps(extract: median { steps($0).extract }, segment: median { steps($0).segment }, writeJob: median { steps($0).writeJob },
                      readJob: median { steps($0).readJob }, merge: median { steps($0).merge })
            }
            return Pass(seconds: median(\.seconds), cpuSeconds: median(\.cpuSeconds), systemSeconds: median(\.systemSeconds),
                        steps: steps(\.steps), cpuSteps: steps(\.cpuSteps))
        }
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
            // Paths are made before the clock starts: they are the benchmark's, not the work's.
            // Files are read as the batch reads pages and jobs (`ProjectFiles.read(path:)`).
            let name = "page-\(position).html"
            let jobURL = output.appendingPathComponent(name + ".xlf")
            let pageURL = output.appendingPathComponent(name)
            let (pagePath, jobPath) = (url.path, jobURL.path)
            clock = TimedRun.monotonicSeconds()
            cpuClock = threadCPUSeconds()
            var page = HTMLExtractor().extract(HTMLPage(name: name, bytes: try ProjectFiles.read(path: pagePath)))
            lap(\.extract)
            for index in page.units.indices { page.units[index].segment(by: segmenter) }
            units += page.units.count
            lap(\.segment)
            let job = Job.serializedBytes(Job.document(pages: [page], sourceLanguage: "de", targetLanguage: language, version: .v1_2))
            try writePlainly(job, to: jobURL)
            lap(\.writeJob)
            let document = try XLIFFReader().read(try ProjectFiles.read(path: jobPath), file: jobPath)
            lap(\.readJob)
            let returned = Self.translatedAsTheSource(document.file(original: name)?.units ?? [])
            clock = TimedRun.monotonicSeconds()
            cpuClock = threadCPUSeconds()
            let merged = PageMerge().merge(page, units: returned, language: language, jobFile: jobURL.path)
            try writePlainly(merged.bytes, to: pageURL)
            lap(\.merge)
            // A refused target would leave work undone and the figure too low.
            guard merged.applied.count == page.units.count else {
                throw BenchmarkError.run("\(url.path): \(page.units.count - merged.applied.count) of \(page.units.count) units not merged back: "
                    + (merged.diagnostics.first.map { "\($0)" } ?? "no diagnostic"))
            }
        }
        return units
    }

    /// The job's units as a translator returns them, each with a target: here its source.
    static func translatedAsTheSource(_ units: [TextUnit]) -> [TextUnit] {
        units.map { unit in
            var unit = unit
            unit.target = unit.source
            return unit
        }
    }

    /// Writes `bytes` to `url` as html2po and po2html write their output — open, write, close:
    /// no temporary file, no fsync — except that the file is not truncated when opened but cut
    /// to length after the write. This is the comparison's own writer; the product's writes
    /// (`ProjectFiles.writeAtomically`) stay atomic and durable.
    ///
    /// Why not `O_TRUNC`: ext4 (`auto_da_alloc`) flushes a file truncated on open when it is
    /// closed, and a truncation waits for the flush of the bytes written before. Ours writes
    /// the same files in every pass: with `O_TRUNC`, 2,000 files took 9 s of wall-clock time
    /// and 0.6 s of system time here instead of 0.1 s and 0.05 s, most of it waiting for the
    /// disk. The toolkit writes each of its files once, into an empty one (`OutputFiles`).
    static func writePlainly(_ bytes: [UInt8], to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
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
        guard ftruncate(descriptor, off_t(bytes.count)) == 0 else {
            throw BenchmarkError.run("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// This thread's CPU time so far, user and system apart (`getrusage(RUSAGE_THREAD)`).
    struct ThreadUsage {
        var cpuSeconds: Double
        var systemSeconds: Double

        static func now() -> ThreadUsage {
            var usage = rusage()
            // RUSAGE_THREAD (1): glibc declares it only under _GNU_SOURCE, which Swift's Glibc
            // module does not set.
            getrusage(__rusage_who_t(1), &usage)
            func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
            return ThreadUsage(cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), systemSeconds: seconds(usage.ru_stime))
        }

        static func - (lhs: ThreadUsage, rhs: ThreadUsage) -> ThreadUsage {
            ThreadUsage(cpuSeconds: lhs.cpuSeconds - rhs.cpuSeconds, systemSeconds: lhs.systemSeconds - rhs.systemSeconds)
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

extension ToolkitComparison {
    /// The comparison's folders, kept from one benchmark to the next with exactly the files
    /// the tools write, each made (empty) before any tool is timed.
    ///
    /// Why: this machine's root file system is ext4 without a journal, and there a new file's
    /// inode is looked for past every inode deleted in the last minute or so (the kernel's
    /// `recently_deleted`, one buffer-cache lookup each). Created right after the previous
    /// comparison's 5,000 files were deleted, 2,000 files took 2.3 s of system time instead of
    /// 0.1 s — which the timed steps that write files (XLIFF written, merge) paid, 0.3 to 1.4 s
    /// of CPU from one run to the next, depending on what this and other processes had just
    /// deleted. Writing into existing files (open with `O_TRUNC`) allocates no inode.
    enum OutputFiles {
        struct Preparation {
            var created = 0
            var removed = 0
            var seconds = 0.0
            var cpuSeconds = 0.0

            var summary: String {
                String(format: "output files made before timing: %d created, %d stale removed, %.2f s (CPU %.2f s; not timed)",
                       created, removed, seconds, cpuSeconds)
            }
        }

        /// Makes each folder hold exactly the files named (paths relative to it): missing ones
        /// are created empty, others removed. Files already there keep their contents.
        static func prepare(_ folders: [(folder: URL, names: [String])]) throws -> Preparation {
            var preparation = Preparation()
            let start = TimedRun.monotonicSeconds()
            let usage = ThreadUsage.now()
            for (folder, names) in folders {
                let expected = Set(names)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let existing = (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? [])
                    .filter { !isDirectory(folder.appendingPathComponent($0)) }
                for name in existing where !expected.contains(name) {
                    try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                    preparation.removed += 1
                }
                for name in expected.subtracting(existing) {
                    let url = folder.appendingPathComponent(name)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try ToolkitComparison.writePlainly([], to: url)
                    preparation.created += 1
                }
            }
            preparation.seconds = TimedRun.monotonicSeconds() - start
            preparation.cpuSeconds = (ThreadUsage.now() - usage).cpuSeconds
            return preparation
        }

        private static func isDirectory(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}
