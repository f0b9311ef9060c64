import Foundation

/// The content team's run over the whole project: extract every page, write one job per
/// target language for translators, and assemble the pseudo-locales into the output folder.
public struct BatchRun: Sendable {
    /// What a run did, for the terminal and for scripts.
    public struct Report: Sendable, Encodable {
        public struct JobFile: Sendable, Encodable {
            public var locale: String
            public var path: String
            public var units: Int
            public var words: Int
        }

        public struct Output: Sendable, Encodable {
            public var locale: String
            public var folder: String
            public var pages: Int
            public var translatedUnits: Int
        }

        public var pages: Int = 0
        public var units: Int = 0
        public var words: Int = 0
        public var jobs: [JobFile] = []
        public var outputs: [Output] = []
        /// Leverage analysis of each target locale's job.
        public var analyses: [Analysis] = []
        /// Per page and locale: translated, pending, fallback, published (when `locales/` exists).
        public var coverage: CoverageReport?
        public var diagnostics: [Diagnostic] = []
    }

    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    public func run() throws(ProjectError) -> Report {
        // One run or import at a time; an import a killed command committed is finished first.
        let lock = try ProjectLock(project: project)
        defer { lock.release() }
        // A command killed mid-write leaves temporary files beside the state it was replacing.
        let stateFolders = [project.jobsFolder, project.outputFolder, MemoryStore(project: project).folder, GlossaryStore(project: project).folder]
        let swept = try ImportTransaction.recover(in: project) + ProjectFiles.sweepStaleTemporaryFiles(in: stateFolders)
        let importState = try ImportState.load(project)
        var report = Report()
        let settings = project.settings
        for path in swept.sorted() {
            report.diagnostics.append(Diagnostic(.note, file: relative(URL(fileURLWithPath: path)), "removed a temporary file an interrupted run left behind"))
        }
        let segmenter: Segmenter
        do {
            segmenter = try Segmenter.shipped(language: settings.sourceLocale)
        } catch {
            throw .invalidProjectFile(Project.fileName, reason: "sentence segmentation for \(settings.sourceLocale): \(error)")
        }
        var pages: [ExtractedPage] = []
        for name in try ProjectFiles.pages(in: project.contentFolder) {
            do {
                var page = try project.extract(pageAt: project.contentFolder.appendingPathComponent(name))
                // Translators and the memory work sentence by sentence.
                page.units = page.units.map { $0.segmented(by: segmenter) }
                report.diagnostics += page.diagnostics
                pages.append(page)
            } catch {
                // One unreadable page must not stop the others.
                report.diagnostics.append(Diagnostic(.error, file: name, "page skipped: \(error)"))
            }
        }
        report.pages = pages.count
        report.units = pages.reduce(0) { $0 + $1.units.count }
        // Words of each sentence by ICU word breaks, counted once and shared by every locale's analysis.
        let words = pages.map { page in
            page.units.map { unit in unit.segments.map { Analysis.words(in: $0.source.plainText, language: settings.sourceLocale) } }
        }
        report.words = words.joined().joined().reduce(0, +)

        let glossary = GlossaryStore(project: project).termsForJobs(diagnostics: &report.diagnostics)
        let catalog = try SiteAssembly.catalog(for: project)
        // Translators place numbers, dates and references as placeholders; the pages keep
        // them as text, which assembly rewrites for each locale.
        let jobPages = pages.map { page in
            var page = page
            page.units = page.units.map { $0.withAutoTranslatablePlaceholders() }
            return page
        }
        for tag in settings.targetLocales {
            let language = try Self.language(tag)
            let memory = try MemoryStore(project: project).load(language)
            let annotator = TermAnnotator(termbase: glossary, targetLanguage: language.tag)
            let locale = catalog?.definitions[language.tag]
            var analysis = Analysis(locale: language.tag)
            let leveraged = zip(jobPages, words).map { page, words in
                var page = page
                page.units = zip(page.units, words).map { unit, words in
                    var unit = leverage(unit, words: words, page: page.page.name, memory: memory, locale: locale, analysis: &analysis)
                    unit.terms = annotator.terms(in: unit.source)
                    return settings.copySourceToTarget ? unit.withSourceCopiedToTarget() : unit
                }
                return page
            }
            report.analyses.append(analysis)
            let document = Job.document(pages: leveraged, sourceLanguage: settings.sourceLocale, targetLanguage: language, version: project.xliffVersion)
            let url = try jobURL(for: language, folder: "outgoing")
            // With its job id, and a record of what was sent for `import` to match against.
            try JobRecords(project: project).send(document, to: url, memory: memory, memoryRevision: importState.revision(of: language.tag))
            // The job's terms as TBX beside it, for CAT tools' term panes.
            let terms = annotator.jobTermbase(units: leveraged.flatMap(\.units))
            try ProjectFiles.writeAtomically(Array(TBXWriter().write(terms).utf8), to: url.deletingPathExtension().appendingPathExtension("tbx"))
            report.jobs.append(.init(locale: language.tag, path: relative(url), units: report.units, words: report.words))
        }

        // Real locales: the localized site behind its publish gate, with a coverage report.
        if let catalog {
            let site = try SiteAssembly(project: project, catalog: catalog).assemble(pages)
            report.outputs += site.outputs
            report.coverage = site.coverage
            report.diagnostics += site.diagnostics
        }

        for style in settings.pseudoLocales {
            let language = try Self.language(style.languageTag)
            let document = Job.pseudoTranslated(
                Job.document(pages: jobPages, sourceLanguage: settings.sourceLocale, targetLanguage: language, version: project.xliffVersion),
                style: style
            )
            let jobURL = try jobURL(for: language, folder: "pseudo")
            try ProjectFiles.writeAtomically(Array(Job.serialize(document).utf8), to: jobURL)
            report.jobs.append(.init(locale: language.tag, path: relative(jobURL), units: report.units, words: report.words))

            let folder = project.outputFolder.appendingPathComponent(language.tag)
            var translated = 0
            for page in pages {
                let units = document.file(original: page.page.name)?.units ?? []
                let result = PageMerge().merge(page, units: units, language: language, jobFile: relative(jobURL))
                report.diagnostics += result.diagnostics
                translated += result.applied.count
                let url = folder.appendingPathComponent(page.page.name)
                // Pseudo pages exist to show direction faults: the same lint as published pages.
                for problem in BidiLint.check(result.bytes, direction: language.direction) {
                    report.diagnostics.append(Diagnostic(.error, file: relative(url), line: problem.line, "bidi lint: \(problem.message)"))
                }
                try ProjectFiles.writeAtomically(result.bytes, to: url)
            }
            report.outputs.append(.init(locale: language.tag, folder: relative(folder), pages: pages.count, translatedUnits: translated))
        }
        return report
    }

    /// The unit with the memory's candidates for each sentence and, for 101% and 100% matches,
    /// a pre-filled target (per the project's setting); each sentence counted in the analysis.
    /// The memory holds sentences with their numbers as text: a sentence is looked up that way,
    /// and a pre-filled target gets the sentence's placeholders back (see
    /// `AutoTranslatable+Placeholders.swift`).
    private func leverage(_ unit: TextUnit, words: [Int], page: String, memory: TranslationMemory, locale: LocaleDefinition?,
                          analysis: inout Analysis) -> TextUnit {
        var unit = unit
        let sentences = unit.segments.map { $0.source.expandingAutoTranslatables() }
        let place = "\(page)#\(unit.id)"
        let isAttribute = unit.isAttribute
        var index = 0
        unit.updateSegments { segment in
            defer { index += 1 }
            var segment = segment
            let context = MemoryEntry.Context(
                unit: place,
                previous: index > 0 ? sentences[index - 1].plainText : nil,
                next: index + 1 < sentences.count ? sentences[index + 1].plainText : nil
            )
            let matches = memory.matches(for: sentences[index], context: context, threshold: project.settings.matchThreshold, limit: 3)
            analysis.count(sentences[index], words: words[index], bestScore: matches.first?.score)
            segment.candidates = matches.map { match in
                TranslationCandidate(score: match.score, source: match.entry.source, target: match.target,
                                     origin: "memory/\(match.entry.provenance.origin.rawValue)", isAutoAdapted: match.isAutoAdapted)
            }
            if let best = matches.first, best.score >= 100, project.settings.prefillExactMatches != "none",
               let target = best.target.placingAutoTranslatables(of: segment.source, forms: { [AutoTranslatables.text(for: $0, locale: locale)] }),
               TargetCheck.problems(target: target, source: segment.source, isAttribute: isAttribute).isEmpty {
                segment.target = target
                segment.state = project.settings.prefillExactMatches == "translated" ? .translated : .initial
            }
            return segment
        }
        return unit
    }

    private static func language(_ tag: String) throws(ProjectError) -> TargetLanguage {
        do {
            return try TargetLanguage(tag)
        } catch {
            throw .invalidProjectFile(Project.fileName, reason: "target locale: \(error)")
        }
    }

    private func jobURL(for language: TargetLanguage, folder: String) throws(ProjectError) -> URL {
        let name = language.tag.lowercased() + ".xlf"
        guard ProjectFiles.isSafeName(name) else { throw .unsafeName(name) }
        return project.jobsFolder.appendingPathComponent(folder).appendingPathComponent(name)
    }

    private func relative(_ url: URL) -> String {
        let base = project.root.path + "/"
        return url.path.hasPrefix(base) ? String(url.path.dropFirst(base.count)) : url.path
    }
}
