internal import Foundation

extension BatchRun {
    /// A page this run extracted and assembled.
    struct ExaminedPage: Sendable {
        var name: String
        /// The units some target locale still needs, in page order, as translators get them:
        /// sentence by sentence, numbers and dates as placeholders (`unitsForJobs`); nil when
        /// the page could not be read.
        var jobUnits: [TextUnit]?
        /// The page's new state; nil when it could not be read (its last outputs stay).
        var state: BatchState.Page?
        /// Per target locale: the units with no usable translation, in page order.
        var pending: [String: [String]] = [:]
        /// Output files this run wrote (or, in a dry run, would write).
        var written: [String] = []
        var diagnostics: [Diagnostic] = []
        /// An output that could not be written: the run stops before it records any state.
        var writeError: ProjectError?
        /// The page's units as the state records them, by id.
        var unitsByID: [String: BatchState.Unit] = [:]
    }

    /// What examining any page needs, shared read-only by the tasks that examine pages.
    struct ExamineContext: Sendable {
        let run: BatchRun
        let segmenter: Segmenter
        let assembly: SiteAssembly?
        let prepared: SiteAssembly.Prepared?
        /// For target locales without a definition in `locales/`: pending is decided by the memory alone.
        let memories: [String: TranslationMemory]
        let previousOutputs: [String: [String: BatchState.Output]]
        let dryRun: Bool
        /// Each pseudo-locale's output folder, as a path (see `SiteAssembly.Prepared.folders`).
        let pseudoFolders: [String: String]
        /// The project folder's path and a slash: outputs are named relative to it.
        let rootPrefix: String

        init(run: BatchRun, segmenter: Segmenter, catalog: LocaleCatalog?, memories: [String: TranslationMemory], previous: BatchState, dryRun: Bool) throws(ProjectError) {
            self.run = run
            self.segmenter = segmenter
            self.memories = memories
            assembly = catalog.map { SiteAssembly(project: run.project, catalog: $0) }
            prepared = try assembly?.prepare(memories: memories)
            previousOutputs = previous.pages.mapValues(\.outputs)
            self.dryRun = dryRun
            var pseudoFolders: [String: String] = [:]
            for style in run.project.settings.pseudoLocales {
                guard let language = try? TargetLanguage(style.languageTag) else { continue }
                pseudoFolders[language.tag] = run.project.outputFolder.appendingPathComponent(language.tag).path
            }
            self.pseudoFolders = pseudoFolders
            rootPrefix = run.project.root.path + "/"
        }

        /// Extracts and segments the page, assembles it in every locale and pseudo-locale,
        /// and writes each output whose bytes differ from what the last run wrote.
        func examine(_ name: String) -> ExaminedPage {
            let project = run.project
            var result = ExaminedPage(name: name)
            var page: ExtractedPage
            do {
                page = try project.extract(pageAt: project.contentFolder.appendingPathComponent(name))
            } catch {
                result.diagnostics.append(Diagnostic(.error, file: name, "page skipped: \(error)"))
                return result
            }
            let bytes = page.page.bytes
            // Translators and the memory work sentence by sentence.
            for index in page.units.indices { page.units[index].segment(by: segmenter) }
            result.diagnostics += page.diagnostics
            let source = project.settings.sourceLocale
            let units = page.units.map { unit in
                BatchState.Unit(
                    // 64 bits tell a unit's versions apart; the state holds hundreds of thousands.
                    id: unit.id, hash: String(BatchState.digest(MemoryEntry.key(for: unit.source)).prefix(16)),
                    words: unit.segments.reduce(0) { $0 + Analysis.words(in: $1.source.plainText, language: source) },
                    text: Self.collapsedPrefix(unit.source.plainText, length: 60)
                )
            }
            result.unitsByID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let words = result.unitsByID.mapValues(\.words)
            var outputs: [String: BatchState.Output] = [:]
            var assembled: [SiteAssembly.PageOutput] = []
            if let assembly, let prepared {
                assembled = assembly.assemble(page, with: prepared)
            }
            for output in assembled {
                var counts: [Int] = []
                if let entry = output.coverage {
                    result.pending[output.locale] = output.pendingUnits
                    counts = [entry.units, entry.reviewed, entry.translated, entry.automatic, entry.pending, entry.fallback,
                              output.pendingUnits.reduce(0) { $0 + (words[$1] ?? 0) }, entry.bidiProblems]
                }
                outputs[output.locale] = BatchState.Output(bytes: BatchState.digest(output.bytes), counts: counts, published: output.coverage?.published ?? true)
                result.diagnostics += output.diagnostics
                write(output.bytes, toPath: output.path, locale: output.locale, digest: outputs[output.locale]!.bytes, into: &result)
            }
            // Locales the catalog does not define get no pages; their jobs still need the pending units.
            for tag in project.settings.targetLocales where result.pending[(try? TargetLanguage(tag).tag) ?? tag] == nil {
                guard let language = try? TargetLanguage(tag), let memory = memories[language.tag] else { continue }
                result.pending[language.tag] = page.units.filter { !Self.isTranslated($0, page: name, in: memory) }.map(\.id)
            }
            let pseudoMerge = project.settings.pseudoLocales.isEmpty ? nil : PseudoMerge(page)
            for style in project.settings.pseudoLocales {
                guard let pseudoMerge, let language = try? TargetLanguage(style.languageTag) else { continue }
                let pseudo = pseudoPage(pseudoMerge, style: style, language: language)
                outputs[language.tag] = BatchState.Output(bytes: BatchState.digest(pseudo.bytes))
                result.diagnostics += pseudo.diagnostics
                write(pseudo.bytes, toPath: pseudo.path, locale: language.tag, digest: outputs[language.tag]!.bytes, into: &result)
            }
            result.state = BatchState.Page(hash: BatchState.digest(bytes), units: units, outputs: outputs)
            // Only units some locale still needs go on to the jobs, and of the page only what a
            // job says of it: a large site's pages are not all kept in memory until the jobs
            // are written.
            let pendingAnywhere = Set(result.pending.values.joined())
            result.jobUnits = Self.unitsForJobs(page.units.filter { pendingAnywhere.contains($0.id) })
            return result
        }

        /// Pending units as every locale's job sends them, with their numbers, dates and
        /// references as placeholders (see `AutoTranslatable+Placeholders.swift`): made once
        /// per unit here, not once per locale in the jobs. The page's bytes, line table and
        /// skeleton, which only assembly uses, are not kept: on a 10,000-page site they were a
        /// tenth of a gigabyte held until the jobs.
        static func unitsForJobs(_ units: [TextUnit]) -> [TextUnit] {
            units.map { $0.withAutoTranslatablePlaceholders() }
        }

        /// A pseudo-translated page: every unit through the pseudo-localizer and back through
        /// the merge, with the same bidi lint as published pages (pseudo pages exist to show
        /// direction faults).
        private func pseudoPage(_ merge: PseudoMerge, style: PseudoLocalizer.Style, language: TargetLanguage) -> (path: String, bytes: [UInt8], diagnostics: [Diagnostic]) {
            let folder = pseudoFolders[language.tag] ?? run.project.outputFolder.appendingPathComponent(language.tag).path
            let path = folder + "/" + merge.page.page.name
            let merged = merge.merge(style: style, language: language, jobFile: "pseudo-locale \(language.tag)")
            var diagnostics = merged.diagnostics
            for problem in BidiLint.check(merged.bytes, direction: language.direction) {
                diagnostics.append(Diagnostic(.error, file: relative(path), line: problem.line, "bidi lint: \(problem.message)"))
            }
            return (path, merged.bytes, diagnostics)
        }

        /// Writes an output unless the last run wrote the same bytes and they are still there.
        private func write(_ bytes: [UInt8], toPath path: String, locale: String, digest: String, into result: inout ExaminedPage) {
            if previousOutputs[result.name]?[locale]?.bytes == digest, FileManager.default.fileExists(atPath: path) { return }
            if !dryRun {
                do {
                    // Made durable all at once before the state records them (`writeReports`).
                    try ProjectFiles.writeAtomically(bytes, toPath: path, durable: false)
                } catch {
                    result.writeError = result.writeError ?? error
                    return
                }
            }
            result.written.append(relative(path))
        }

        /// An output's path relative to the project folder, as `BatchRun.relative(_:)` gives it
        /// for the output's URL.
        private func relative(_ path: String) -> String {
            path.hasPrefix(rootPrefix) ? String(path.dropFirst(rootPrefix.count)) : path
        }

        /// The first `length` characters of `text` with its white space collapsed: words (runs
        /// of characters that are not white space) joined by one space, as
        /// `text.split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(length)`
        /// gives them, without splitting the rest of a long unit's text.
        static func collapsedPrefix(_ text: String, length: Int) -> String {
            var words: [Substring] = []
            var characters = 0
            var wordStart: String.Index?
            var index = text.startIndex
            // Words until, joined, they make more than `length` characters (`characters`
            // counts a space after each word, the last one's too).
            while index < text.endIndex, characters <= length + 1 {
                if text[index].isWhitespace {
                    if let start = wordStart {
                        words.append(text[start ..< index])
                        characters += words[words.count - 1].count + 1
                        wordStart = nil
                    }
                } else if wordStart == nil {
                    wordStart = index
                }
                index = text.index(after: index)
            }
            if let start = wordStart { words.append(text[start ..< index]) }
            let joined = words.joined(separator: " ")
            // The collapsed text begins with `joined`, so their first `length` characters are
            // the same once `joined` has more: only its last character may end early. Joining
            // can merge a character across the space (a combining mark after it), so the
            // count above is checked; texts of such marks take the long way.
            guard index == text.endIndex || joined.count > length else {
                return String(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(length))
            }
            return String(joined.prefix(length))
        }

        /// Whether every sentence of a unit has a translated or reviewed exact match.
        static func isTranslated(_ unit: TextUnit, page: String, in memory: TranslationMemory) -> Bool {
            unit.segments.allSatisfy { segment in
                memory.matches(for: segment.source, context: MemoryEntry.Context(unit: "\(page)#\(unit.id)"), threshold: 100, limit: 3)
                    .contains { $0.score >= 100 && $0.entry.state >= .translated }
            }
        }
    }
}
