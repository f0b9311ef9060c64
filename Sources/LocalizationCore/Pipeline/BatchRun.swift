#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import Foundation

/// The content team's one command: imports what translators dropped in the inbox, finds the
/// pages that changed since the last run, sends translators only the units that need them
/// (delta jobs), writes every page in every locale that is not already right, and reports.
///
/// Incremental by construction: the last run's `BatchState` says what each page's bytes,
/// units and outputs were, so a rerun with nothing changed reads the pages, finds nothing to
/// do and writes nothing. Outputs are written atomically before the state, so a run killed at
/// any point is finished by the next one with the same result.
public struct BatchRun: Sendable {
    public typealias Report = RunReport

    public struct Options: Sendable {
        /// Say what would happen, write nothing.
        public var dryRun = false
        /// The date recorded for translations imported from the inbox (ISO 8601).
        public var now: String
        /// Who translated the files in the inbox, when the content team knows.
        public var translator: String?

        public init(dryRun: Bool = false, now: String? = nil, translator: String? = nil) {
            self.dryRun = dryRun
            self.now = now ?? ISO8601DateFormatter().string(from: Date())
            self.translator = translator
        }
    }

    /// Changes whenever the bytes this code writes for the same inputs change, so that the
    /// outputs of an older pipeline are rebuilt rather than trusted.
    static let outputVersion = "batch-1"

    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    public func run(_ options: Options = Options(), progress: @Sendable (RunProgress) -> Void = { _ in }) async throws(ProjectError) -> Report {
        // One run or import at a time; an import a killed command committed is finished first.
        let lock = try ProjectLock(project: project)
        defer { lock.release() }
        var clock = StepClock()
        var report = Report()
        report.dryRun = options.dryRun
        // The output folder is listed once, for the sweep and for the outputs that went missing.
        let outputFiles = ProjectFiles.files(below: project.outputFolder.path)
        if !options.dryRun {
            // A command killed mid-write leaves temporary files beside the state it was replacing.
            let stateFolders = [project.jobsFolder, MemoryStore(project: project).folder, GlossaryStore(project: project).folder]
            let swept = try ImportTransaction.recover(in: project) + ProjectFiles.sweepStaleTemporaryFiles(in: stateFolders)
                + ProjectFiles.sweepStaleTemporaryFiles(among: outputFiles, in: project.outputFolder.path)
            for path in swept.sorted() {
                report.diagnostics.append(Diagnostic(.note, file: relative(URL(fileURLWithPath: path)), "removed a temporary file an interrupted run left behind"))
            }
        }
        clock.finished("sweep")
        try importInbox(options, progress: progress, into: &report)
        clock.finished("inbox")

        let previous = try BatchState.load(project)
        clock.finished("state read")
        var state = previous
        let settings = project.settings
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter.shipped(language: settings.sourceLocale)
        } catch {
            throw .invalidProjectFile(Project.fileName, reason: "sentence segmentation for \(settings.sourceLocale): \(error)")
        }

        // What changed: pages by content hash, everything else by its inputs. Files whose
        // stat is unchanged since they were last hashed are not read again.
        var digests = FileDigests.load(project)
        let content = try ProjectFiles.contentFiles(in: project.contentFolder)
        let names = content.pages
        let scans = await scan(names, previous: previous, digests: digests, existing: Set(outputFiles), progress: progress)
        for scan in scans { if let lookup = scan.lookup { digests.note(lookup) } }
        let inputs = try inputsDigest(contentFiles: content.others, digests: &digests)
        let signatures = try memorySignatures(digests: &digests)
        clock.finished("scan")
        let rebuildAll = previous.inputs != inputs || previous.memories != signatures
        var changes = RunReport.Changes()
        let current = Set(names)
        changes.pagesRemoved = previous.pages.keys.filter { !current.contains($0) }.sorted()
        var toExamine: [String] = []
        for scan in scans {
            if let error = scan.error {
                // One unreadable page must not stop the others; its last outputs stay.
                report.diagnostics.append(Diagnostic(.error, file: scan.name, "page skipped: \(error)"))
                continue
            }
            let old = previous.pages[scan.name]
            if old == nil { changes.pagesAdded.append(scan.name) } else if old?.hash != scan.hash { changes.pagesEdited.append(scan.name) } else { changes.pagesUnchanged += 1 }
            if rebuildAll || old?.hash != scan.hash || scan.outputMissing { toExamine.append(scan.name) }
        }
        report.changes = changes

        // Extract, assemble and write the pages that need it, on every core.
        let catalog = try SiteAssembly.catalog(for: project)
        var memories: [String: TranslationMemory] = [:]
        var examined: [ExaminedPage] = []
        if !toExamine.isEmpty {
            memories = try await loadMemories(signatures, checked: previous.memories, dryRun: options.dryRun)
            clock.finished("memories read")
            let context = try ExamineContext(run: self, segmenter: segmenter, catalog: catalog, memories: memories, previous: previous, dryRun: options.dryRun)
            report.diagnostics += context.prepared?.diagnostics ?? []
            progress(.init(phase: .assembling, done: 0, total: toExamine.count))
            examined = await concurrentMap(toExamine, slice: 8, completed: { progress(.init(phase: .assembling, done: $0, total: toExamine.count)) }) { name in
                context.examine(name)
            }
            if let prepared = context.prepared, let assembly = context.assembly {
                let stylesheet = assembly.stylesheet(for: prepared)
                if (try? ProjectFiles.read(stylesheet.url)) != stylesheet.bytes {
                    if !options.dryRun { try ProjectFiles.writeAtomically(stylesheet.bytes, to: stylesheet.url) }
                    report.written.append(relative(stylesheet.url))
                }
            }
        }
        clock.finished("pages assembled")
        // A full disk or a read-only folder: stop before any state records what was not written.
        if let failure = examined.lazy.compactMap(\.writeError).first { throw failure }
        for page in examined {
            report.diagnostics += page.diagnostics
            guard let entry = page.state else { continue }
            state.pages[page.name] = entry
            report.written += page.written
        }
        for name in changes.pagesRemoved {
            for tag in (previous.pages[name]?.outputs.keys).map(Array.init) ?? [] {
                let url = project.outputFolder.appendingPathComponent(tag).appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                if !options.dryRun, unlink(url.path) != 0 {
                    throw .cannotWrite(url.path, reason: "cannot remove the page of a removed source page: \(String(cString: strerror(errno)))")
                }
                report.written.append(relative(url))
            }
            state.pages[name] = nil
        }
        // Pages are written without an `fsync` each (`examine`). They are made durable all at
        // once on a thread of their own while the jobs are prepared, so that the disk's time
        // no longer adds to the run's; the state, which says they are written, waits for it.
        let wrotePages = !examined.isEmpty || !changes.pagesRemoved.isEmpty
        let pagesFlushed = wrotePages && !options.dryRun ? flushPagesInBackground() : nil
        let changedPages = Set(changes.pagesAdded + changes.pagesEdited + changes.pagesRemoved)
        report.changes.units = ChangeDetection.unitChanges(
            old: previous.pages.filter { changedPages.contains($0.key) }.mapValues(\.unitList),
            new: state.pages.filter { changedPages.contains($0.key) }.mapValues(\.unitList)
        )

        // New work for translators, per locale.
        progress(.init(phase: .leveraging, done: 0, total: settings.targetLocales.count))
        clock.finished("changes")
        try await sendDeltaJobs(examined: examined, memories: memories, catalog: catalog, options: options, state: &state, report: &report)
        clock.finished("delta jobs")

        state.inputs = inputs
        // The state names only memories a run has read (and so checked); a site without pages
        // to assemble reads none.
        if !memories.isEmpty { state.memories = signatures }
        // The reports need neither the memories nor the pages kept for the jobs: on a large
        // site they are a gigabyte, and encoding the reports came on top of them (the cold
        // run's peak). They are freed meanwhile on a thread of their own.
        var keptForJobs = (memories, examined)
        memories = [:]
        examined = []
        let memoriesFreed = ReturnedMemory.free(&keptForJobs, leaving: ([:], []))
        progress(.init(phase: .reporting, done: 0, total: 1))
        // The dashboard of the last run that changed anything describes the site as it is.
        let writesReports = state != previous || !report.inbox.isEmpty
        // The state is encoded on one core while the report is summarized on the other.
        let finalState = state
        async let encodedState = writesReports && !options.dryRun ? finalState.encoded() : []
        summarize(state, catalog: catalog, into: &report)
        clock.finished("summary")
        report.dashboard = relative(dashboardURL)
        if writesReports {
            try await writeReports(state: encodedState, report: &report, pagesFlushed: pagesFlushed, memoriesFreed: memoriesFreed,
                                   dryRun: options.dryRun, clock: &clock)
        } else if let pagesFlushed {
            try await pagesFlushed.value.get()
        }
        digests.forgetUnseen()
        if digests.changed, !options.dryRun {
            // After the state: the cache only spares reading, it never decides an output.
            try ProjectFiles.writeAtomically(digests.encoded(), to: FileDigests.url(project))
        }
        clock.finished("digests written")
        return report
    }

    // MARK: - Inbox

    private func importInbox(_ options: Options, progress: @Sendable (RunProgress) -> Void, into report: inout Report) throws(ProjectError) {
        let inbox = Inbox(project: project)
        let waiting = inbox.waiting()
        guard !waiting.isEmpty else { return }
        progress(.init(phase: .importing, done: 0, total: waiting.count))
        if options.dryRun {
            report.inbox = waiting.map {
                .init(file: "jobs/inbox/" + $0, outcome: "would be imported", locale: nil, jobID: nil, accepted: 0, refused: 0, conflicts: 0, alternatives: 0, report: "")
            }
            return
        }
        for imported in try inbox.importWaiting(now: options.now, translator: options.translator) {
            report.inbox.append(.init(
                file: imported.file, outcome: imported.outcome.rawValue, locale: imported.locale, jobID: imported.jobID,
                accepted: imported.accepted, refused: imported.refused, conflicts: imported.conflicts, alternatives: imported.alternatives,
                report: imported.reportFiles.last ?? ""
            ))
            report.diagnostics += imported.diagnostics.filter { $0.severity >= .warning }
            for entry in imported.entries {
                for finding in entry.findings {
                    report.qaFindings.append(.init(file: imported.file, line: entry.line, page: entry.page, unitID: entry.unitID,
                                                   check: finding.check, severity: finding.severity.rawValue, message: finding.message))
                }
            }
        }
    }

    // MARK: - Change detection

    struct Scan: Sendable {
        var name: String
        var hash = ""
        var lookup: FileDigests.Lookup?
        /// An output the last run wrote for this page is gone from the output folder.
        var outputMissing = false
        var error: ProjectError?
    }

    /// Every page's content hash, and whether its outputs are all still there (`existing`:
    /// the output folder's files).
    private func scan(_ names: [String], previous: BatchState, digests: FileDigests, existing: Set<String>,
                      progress: @Sendable (RunProgress) -> Void) async -> [Scan] {
        // Paths as strings: building 90,000 URLs cost more than the checks themselves.
        let content = project.contentFolder.path
        let cacheFolder = relative(project.contentFolder)
        progress(.init(phase: .scanning, done: 0, total: names.count))
        return await concurrentMap(names, slice: 64, completed: { progress(.init(phase: .scanning, done: $0, total: names.count)) }) { name in
            var scan = Scan(name: name)
            do throws(ProjectError) {
                let lookup = try digests.digest(cacheFolder + "/" + name, path: content + "/" + name, limit: 64 << 20)
                scan.hash = lookup.digest
                scan.lookup = lookup
            } catch {
                scan.error = error
            }
            scan.outputMissing = previous.pages[name]?.outputs.keys.contains { !existing.contains($0 + "/" + name) } ?? false
            return scan
        }
    }

    /// A digest of every input other than pages and memories: the project file, the locale
    /// definitions, the glossary, ITS rules (`contentFiles`: the content folder's files other
    /// than pages) and the pipeline's output version. When it changes, every page is
    /// assembled again.
    func inputsDigest(contentFiles: [String], digests: inout FileDigests) throws(ProjectError) -> String {
        var files = [Project.fileName]
        for (folder, listed) in [(project.localesFolder, nil), (GlossaryStore(project: project).folder, nil), (project.contentFolder, contentFiles)] {
            let base = relative(folder)
            // Pages and documentation do not shape every page.
            let inputs = (listed ?? ProjectFiles.files(below: folder.path, skippingHidden: true)).filter { name in
                !["html", "htm", "md"].contains(name.split(separator: ".").last.map { $0.lowercased() } ?? "")
            }
            files += inputs.map { base + "/" + $0 }
        }
        var text = Self.outputVersion + "\n"
        for name in files.sorted() {
            let path = project.root.path + "/" + name
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let lookup = try digests.digest(name, path: path, limit: 256 << 20)
            digests.note(lookup)
            text += name + " " + lookup.digest + "\n"
        }
        return BatchState.digest(text)
    }

    /// Per target locale, the digest of its memory file ("none" when there is none): a run
    /// after an import assembles pages again.
    private func memorySignatures(digests: inout FileDigests) throws(ProjectError) -> [String: String] {
        var signatures: [String: String] = [:]
        for tag in project.settings.targetLocales {
            let url = try MemoryStore(project: project).url(for: try Self.language(tag))
            guard FileManager.default.fileExists(atPath: url.path) else {
                signatures[tag] = "none"
                continue
            }
            let lookup = try digests.digest(relative(url), path: url.path, limit: 2 << 30)
            digests.note(lookup)
            signatures[tag] = lookup.digest
        }
        return signatures
    }

    /// Every target locale's memory, read on every core, from its snapshot when it has one
    /// (`signatures`: the digests of the memory files); `checked`: the digests of the memories
    /// the last run read (see `MemoryStore.load(_:checked:)`).
    private func loadMemories(_ signatures: [String: String], checked: [String: String], dryRun: Bool) async throws(ProjectError) -> [String: TranslationMemory] {
        let store = MemoryStore(project: project)
        var languages: [TargetLanguage] = []
        for tag in project.settings.targetLocales { languages.append(try Self.language(tag)) }
        let loaded = await concurrentMap(languages, slice: 1) { language in
            Result { () throws(ProjectError) in
                try store.loadForRun(language, digest: signatures[language.tag] ?? "none", checked: checked[language.tag], dryRun: dryRun)
            }
        }
        var memories: [String: TranslationMemory] = [:]
        for (language, result) in zip(languages, loaded) {
            switch result {
            case .success(let memory): memories[language.tag] = memory
            case .failure(let error): throw error
            }
        }
        return memories
    }

    // MARK: - Reports

    /// Site-wide figures from the state: coverage per page and locale, per-locale totals,
    /// output folders, open jobs.
    private func summarize(_ state: BatchState, catalog: LocaleCatalog?, into report: inout Report) {
        let settings = project.settings
        report.pages = state.pages.count
        // Per locale by its position in the report's order, not in dictionaries keyed by tag:
        // a large site has a hundred thousand outputs, and every tally was a hash or two.
        var listed: Set<String> = []
        let tags = ([settings.sourceLocale] + settings.targetLocales + settings.pseudoLocales.map { $0.languageTag }).filter { listed.insert($0).inserted }
        let folders = tags.map { relative(project.outputFolder.appendingPathComponent($0)) }
        let thresholds = tags.map { settings.publishThreshold(for: $0) }
        var outputs = tags.indices.map { RunReport.Output(locale: tags[$0], folder: folders[$0], pages: 0, translatedUnits: 0) }
        var locales = tags.indices.map { RunReport.LocaleSummary(locale: tags[$0], threshold: thresholds[$0]) }
        var counted = [Bool](repeating: false, count: tags.count)
        let written = writtenPages(report.written, folders: folders)
        var coverage = CoverageReport()
        // Names sorted rather than whole records: moving 10,000 records cost more than sorting.
        for name in state.pages.keys.sorted() {
            let page = state.pages[name]!
            report.units += page.unitCount
            report.words += page.words
            for (position, tag) in tags.enumerated() {
                guard let output = page.outputs[tag] else { continue }
                outputs[position].pages += 1
                if written[position].contains(name) { outputs[position].pagesWritten += 1 }
                guard output.counts.count == 8 else { continue }
                let c = output.counts
                coverage.entries.append(CoverageReport.Entry(page: name, locale: tag, units: c[0], reviewed: c[1], translated: c[2], automatic: c[3],
                                                             pending: c[4], fallback: c[5], threshold: thresholds[position],
                                                             published: output.published, bidiProblems: c[7]))
                if output.published { outputs[position].translatedUnits += c[1] + c[2] + c[3] }
                counted[position] = true
                locales[position].units += c[0]
                locales[position].reviewed += c[1]
                locales[position].translated += c[2]
                locales[position].automatic += c[3]
                locales[position].pending += c[4]
                locales[position].pendingWords += c[6]
                if output.published { locales[position].pagesPublished += 1 } else { locales[position].pagesHeld += 1 }
            }
        }
        report.outputs = outputs.filter { $0.pages > 0 }
        let targets = Set(settings.targetLocales)
        report.locales = tags.indices.filter { counted[$0] && targets.contains(tags[$0]) }.map { locales[$0] }
        if catalog != nil { report.coverage = coverage }
        // Units out tallied per job first: a cold run of a large site has every unit out.
        var tallies: [String: (locale: String, units: Int, words: Int)] = [:]
        for (tag, units) in state.out {
            for unit in units.values {
                tallies[unit.job, default: (tag, 0, 0)].units += 1
                tallies[unit.job]!.words += unit.words
            }
        }
        report.openJobs = tallies.compactMap { id, tally in
            state.jobs[id].map { job in
                RunReport.OpenJob(locale: tally.locale, jobID: id, path: job.path, pendingUnits: tally.units, pendingWords: tally.words,
                                  supersededUnits: job.superseded)
            }
        }.sorted { ($0.locale, $0.path) < ($1.locale, $1.path) }
        report.glossaryPending = glossaryAwaitingReview()
    }

    /// Per output folder (`folders`, relative to the project), the names of the pages among
    /// `written` (the run's written files) that lie in it.
    private func writtenPages(_ written: [String], folders: [String]) -> [Set<String>] {
        var pages = [Set<String>](repeating: [], count: folders.count)
        guard !written.isEmpty else { return pages }
        let prefixes = folders.map { $0 + "/" }
        for path in written {
            guard let position = prefixes.firstIndex(where: { path.hasPrefix($0) }) else { continue }
            pages[position].insert(String(path.dropFirst(prefixes[position].count)))
        }
        return pages
    }

    /// Terms of the project's target locales that no organisation has decided on yet.
    private func glossaryAwaitingReview() -> [RunReport.PendingTerm] {
        let store = GlossaryStore(project: project)
        guard FileManager.default.fileExists(atPath: store.url.path), let termbase = try? store.load() else { return [] }
        var pending: [RunReport.PendingTerm] = []
        for tag in project.settings.targetLocales {
            for concept in termbase.concepts {
                let source = concept.preferredTerm(termbase.sourceLanguage)?.text ?? concept.terms(termbase.sourceLanguage).first?.text ?? concept.id
                for term in concept.terms(tag) where term.reviewDecision == .proposed {
                    pending.append(.init(locale: tag, conceptID: concept.id, source: source, term: term.text))
                }
            }
        }
        return pending
    }

    /// Makes the pages written so far durable (`flushFileSystem`) on a thread of its own; no
    /// output folder: no page was written.
    private func flushPagesInBackground() -> Task<Result<Void, ProjectError>, Never> {
        let folder = project.outputFolder
        return Task {
            await onDedicatedThread {
                Result { () throws(ProjectError) in
                    guard FileManager.default.fileExists(atPath: folder.path) else { return }
                    try ProjectFiles.flushFileSystem(containing: folder)
                }
            }
        }
    }

    /// `jobs/reports/dashboard.html`: the last run's dashboard (and `run.json` beside it).
    var dashboardURL: URL { project.jobsFolder.appendingPathComponent("reports").appendingPathComponent("dashboard.html") }

    /// The state (`encodedState`), once the pages are durable (`pagesFlushed`), then the run's
    /// JSON report and dashboard. The state goes first: it is what makes the run complete; the
    /// reports describe it.
    private func writeReports(state encodedState: [UInt8], report: inout Report, pagesFlushed: Task<Result<Void, ProjectError>, Never>?,
                              memoriesFreed: Task<Void, Never>, dryRun: Bool, clock: inout StepClock) async throws(ProjectError) {
        let json = dashboardURL.deletingLastPathComponent().appendingPathComponent("run.json")
        report.written += [relative(BatchState.url(project)), relative(json), relative(dashboardURL)]
        guard !dryRun else { return }
        // Both reports are encoded on the cores, once the memories they would come on top of
        // are freed.
        await memoriesFreed.value
        let finished = report
        let title = "translate-pipeline: " + project.root.lastPathComponent
        async let reportJSON = Result { try finished.json() }
        async let dashboard = Array(Dashboard.html(finished, title: title).utf8)
        if let pagesFlushed { try await pagesFlushed.value.get() }
        clock.finished("pages flushed")
        try ProjectFiles.writeAtomically(encodedState, to: BatchState.url(project))
        clock.finished("state written")
        switch await reportJSON {
        case .success(let bytes): try ProjectFiles.writeAtomically(bytes, to: json)
        case .failure(let error): throw .cannotWrite(json.path, reason: "the run's report cannot be written as JSON: \(error)")
        }
        try ProjectFiles.writeAtomically(await dashboard, to: dashboardURL)
        clock.finished("reports written")
    }

    static func language(_ tag: String) throws(ProjectError) -> TargetLanguage {
        do {
            return try TargetLanguage(tag)
        } catch {
            throw .invalidProjectFile(Project.fileName, reason: "target locale: \(error)")
        }
    }

    func relative(_ url: URL) -> String {
        let base = project.root.path + "/"
        return url.path.hasPrefix(base) ? String(url.path.dropFirst(base.count)) : url.path
    }
}
