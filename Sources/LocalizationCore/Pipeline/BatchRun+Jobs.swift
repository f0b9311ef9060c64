internal import Foundation

extension BatchRun {
    /// For each target locale, the units of the examined pages that need a translator and are
    /// not already out with one go into a new delta job (`jobs/outgoing/<locale>-NNNN.xlf`).
    /// The state tracks what is out: a unit translated since leaves it, a unit retired with
    /// its page or text leaves it, and a unit out whose text changed is superseded (the new
    /// text goes into the new job; the old text, if it comes back, is a conflict).
    func sendDeltaJobs(examined: [ExaminedPage], memories: [String: TranslationMemory], catalog: LocaleCatalog?, options: Options,
                       state: inout BatchState, report: inout Report) async throws(ProjectError) {
        let settings = project.settings
        let examinedByName = Dictionary(examined.filter { $0.jobUnits != nil }.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let removed = Set(report.changes.pagesRemoved)
        // A unit edited or moved: its successor, to say which job supersedes it.
        var successors: [String: String] = [:]
        for change in report.changes.units where change.kind == .edited || change.kind == .moved || change.kind == .reordered {
            guard let previous = change.previousUnitID else { continue }
            successors["\(change.fromPage ?? change.page)#\(previous)"] = "\(change.page)#\(change.unitID)"
        }
        // What each locale's new job holds, decided one locale after the other (cheap) …
        var plans: [DeltaPlan] = []
        for tag in settings.targetLocales {
            let language = try Self.language(tag)
            var plan = DeltaPlan(language: language, out: state.out[language.tag] ?? [:])
            let pendingByPage = examinedByName.mapValues { Set($0.pending[language.tag] ?? []) }
            // Out units of pages that are gone or were examined again (none on a rerun with
            // nothing changed: a large site has a hundred thousand units out).
            for (key, unit) in plan.out where !removed.isEmpty || !examinedByName.isEmpty {
                let page = Self.page(ofKey: key)
                guard removed.contains(page) || examinedByName[page] != nil else { continue }
                let current = examinedByName[page]
                let id = Self.unitID(ofKey: key)
                let stillPending = pendingByPage[page]?.contains(id) ?? false
                let sameText = current?.unitsByID[id]?.hash == unit.hash
                if stillPending && sameText { continue }
                plan.out[key] = nil
                if let successor = successors[key] ?? (stillPending ? key : nil) {
                    plan.superseded.append((key, unit, successor))
                }
            }
            // In the order of the units' keys, not of the table: the report lists them so.
            plan.superseded.sort { $0.key < $1.key }
            // New work: pending units not out with a translator, in jobs of at most
            // `maxJobUnits` units, whole pages together: files a translator can open, and that
            // read back within limits.
            var number = state.jobs.values.count { $0.locale == language.tag }
            for page in examined {
                guard let jobUnits = page.jobUnits else { continue }
                let pending = Set(page.pending[language.tag] ?? [])
                let selected = XLIFFFile(original: page.name, units: jobUnits.filter { unit in
                    guard pending.contains(unit.id), let info = page.unitsByID[unit.id] else { return false }
                    return plan.out["\(page.name)#\(unit.id)"]?.hash != info.hash
                })
                guard !selected.units.isEmpty else { continue }
                let fits = plan.chunks.last.map { $0.units.count + selected.units.count <= settings.maxJobUnits } ?? false
                if !fits {
                    number += 1
                    plan.chunks.append(.init(url: try jobURL(for: language, number: number)))
                }
                plan.chunks[plan.chunks.count - 1].pages.append(selected)
                plan.chunks[plan.chunks.count - 1].units += selected.units.compactMap { unit in page.unitsByID[unit.id].map { ("\(page.name)#\(unit.id)", $0) } }
            }
            plans.append(plan)
        }
        // … then prepared and written on every core, a job per task.
        let glossary = plans.contains { !$0.chunks.isEmpty } ? GlossaryStore(project: project).termsForJobs(diagnostics: &report.diagnostics) : nil
        // The glossary's terms in a text are found once for every locale's jobs.
        let termHits = SharedTermHits(termbase: glossary ?? Termbase(sourceLanguage: settings.sourceLocale))
        let importState = try ImportState.load(project)
        // A sentence that stands in many places is fuzzy-matched once for all locales,
        // whichever job meets it first.
        let leverage = LeverageCache(memories: plans.filter { !$0.chunks.isEmpty }.map { plan in
            (plan.language.tag, memories[plan.language.tag] ?? TranslationMemory(sourceLanguage: settings.sourceLocale, targetLanguage: plan.language.tag))
        }, threshold: settings.matchThreshold, limit: Self.candidatesPerSentence, sourceLanguage: settings.sourceLocale)
        let work = plans.flatMap { plan in plan.chunks.map { (language: plan.language, chunk: $0) } }
        let sent = await concurrentMap(work, slice: 1) { item -> Result<SentDelta, ProjectError> in
            let language = item.language
            let memory = leverage.memory(for: language.tag)
            let (job, analysis) = prepareJob(item.chunk.pages, language: language, leverage: leverage, termHits: termHits,
                                             locale: catalog?.definitions[language.tag])
            guard !options.dryRun else { return .success(SentDelta(jobID: nil, analysis: analysis)) }
            do throws(ProjectError) {
                let url = item.chunk.url
                let id = try JobRecords(project: project).send(job.document, to: url, memory: memory, memoryRevision: importState.revision(of: language.tag))
                // The job's terms as TBX beside it, for CAT tools' term panes.
                try ProjectFiles.writeAtomically(Array(TBXWriter().write(job.terms).utf8), to: url.deletingPathExtension().appendingPathExtension("tbx"))
                return .success(SentDelta(jobID: id, analysis: analysis))
            } catch {
                return .failure(error)
            }
        }
        // The state records what was sent, in locale and job order.
        var results = sent.makeIterator()
        for plan in plans {
            var out = plan.out
            var firstJob: String?
            var analysis: Analysis?
            for chunk in plan.chunks {
                let delta: SentDelta
                switch results.next()! {
                case .success(let value): delta = value
                case .failure(let error): throw error
                }
                analysis = analysis.map { $0.merging(delta.analysis) } ?? delta.analysis
                let url = chunk.url
                let words = chunk.units.reduce(0) { $0 + $1.unit.words }
                report.written += [relative(url), relative(url.deletingPathExtension().appendingPathExtension("tbx"))]
                report.jobs.append(.init(locale: plan.language.tag, jobID: delta.jobID, path: relative(url), units: chunk.units.count, words: words,
                                         superseding: firstJob == nil ? plan.superseded.count : 0))
                guard let id = delta.jobID else { continue }
                firstJob = firstJob ?? id
                state.jobs[id] = .init(locale: plan.language.tag, path: relative(url), units: chunk.units.count, words: words, superseded: 0)
                for (key, unit) in chunk.units { out[key] = .init(job: id, hash: unit.hash, words: unit.words) }
            }
            if let analysis { report.analyses.append(analysis) }
            for item in plan.superseded {
                state.jobs[item.unit.job]?.superseded += 1
                report.superseded.append(.init(locale: plan.language.tag, page: Self.page(ofKey: item.key), unitID: Self.unitID(ofKey: item.key),
                                               jobID: item.unit.job, supersededBy: item.successor.flatMap { out[$0]?.job } ?? firstJob))
            }
            state.out[plan.language.tag] = out.isEmpty ? nil : out
        }
    }

    /// One locale's new work: the units that go into its delta job and what is out after it.
    struct DeltaPlan: Sendable {
        var language: TargetLanguage
        var out: [String: BatchState.OutUnit]
        var superseded: [(key: String, unit: BatchState.OutUnit, successor: String?)] = []
        /// The jobs the new work is cut into (none when there is no new work).
        var chunks: [Chunk] = []

        struct Chunk: Sendable {
            var url: URL
            /// The job's pages (a `<file>` each) with the units it sends of each.
            var pages: [XLIFFFile] = []
            var units: [(key: String, unit: BatchState.Unit)] = []
        }
    }

    struct SentDelta: Sendable {
        /// Nil in a dry run.
        var jobID: String?
        var analysis: Analysis
    }

    /// The memory's candidates a job offers for each sentence, at most.
    static let candidatesPerSentence = 3

    /// A delta job ready to send: each sentence with the memory's candidates (101% and 100%
    /// matches pre-filled per the project's setting), the glossary's terms, the analysis.
    private func prepareJob(_ pages: [XLIFFFile], language: TargetLanguage, leverage cache: LeverageCache, termHits: SharedTermHits, locale: LocaleDefinition?)
        -> (job: (document: XLIFFDocument, terms: Termbase), analysis: Analysis) {
        let settings = project.settings
        let annotator = TermAnnotator(sharing: termHits, targetLanguage: language.tag)
        var analysis = Analysis(locale: language.tag)
        // A site repeats its boilerplate on every page: terms are found once per text.
        var terms: [String: [UnitTerm]] = [:]
        let leveraged = pages.map { page in
            var page = page
            // The units have their numbers, dates and references as placeholders already
            // (`ExamineContext.unitsForJobs`), made once for all locales.
            page.units = page.units.map { unit in
                var unit = leverage(unit, page: page.original, language: language, cache: cache, locale: locale,
                                    analysis: &analysis)
                let key = MemoryEntry.key(for: unit.source)
                if let known = terms[key] {
                    unit.terms = known
                } else {
                    unit.terms = annotator.terms(in: unit.source)
                    terms[key] = unit.terms
                }
                return settings.copySourceToTarget ? unit.withSourceCopiedToTarget() : unit
            }
            return page
        }
        let document = Job.document(files: leveraged, sourceLanguage: settings.sourceLocale, targetLanguage: language, version: project.xliffVersion)
        return ((document, annotator.jobTermbase(units: leveraged.flatMap(\.units))), analysis)
    }

    /// The unit with the memory's candidates for each sentence and, for 101% and 100% matches,
    /// a pre-filled target (per the project's setting); each sentence counted in the analysis.
    /// The memory holds sentences with their numbers as text: a sentence is looked up that way,
    /// and a pre-filled target gets the sentence's placeholders back (see
    /// `AutoTranslatable+Placeholders.swift`).
    private func leverage(_ unit: TextUnit, page: String, language: TargetLanguage, cache: LeverageCache, locale: LocaleDefinition?,
                          analysis: inout Analysis) -> TextUnit {
        var unit = unit
        let sentences = unit.segments.map { $0.source.expandingAutoTranslatables() }
        let place = "\(page)#\(unit.id)"
        let isAttribute = unit.isAttribute
        var prefills: [Int: Content] = [:]
        var index = 0
        unit.updateSegments { segment in
            defer { index += 1 }
            var segment = segment
            let context = MemoryEntry.Context(
                unit: place,
                previous: index > 0 ? sentences[index - 1].plainText : nil,
                next: index + 1 < sentences.count ? sentences[index + 1].plainText : nil
            )
            // As `memory.matches(for:context:threshold:limit:)`, the fuzzy part found once per sentence.
            let (matches, words) = cache.matches(for: sentences[index], context: context, locale: language.tag)
            analysis.count(sentences[index], words: words, bestScore: matches.first?.score)
            segment.candidates = matches.map { match in
                TranslationCandidate(score: match.score, source: match.entry.source, target: match.target,
                                     origin: "memory/\(match.entry.provenance.origin.rawValue)", isAutoAdapted: match.isAutoAdapted)
            }
            if let best = matches.first, best.score >= 100, project.settings.prefillExactMatches != "none",
               let target = best.target.placingAutoTranslatables(of: segment.source, forms: { [AutoTranslatables.text(for: $0, locale: locale)] }),
               TargetCheck.problems(target: target, source: segment.source, isAttribute: isAttribute).isEmpty {
                prefills[index] = target
            }
            return segment
        }
        return Self.prefilled(unit, with: prefills, state: project.settings.prefillExactMatches == "translated" ? .translated : .initial,
                              keepingPairsWhole: project.xliffVersion != .v1_2)
    }

    /// The unit with its sentences' pre-filled targets (`prefills`, by sentence number) in
    /// `state`. With `keepingPairsWhole`, a sentence holding one half of a code pair split
    /// between two sentences is pre-filled only with the sentence of the other half (the match
    /// stays a candidate): an XLIFF 2 job would carry a half filled alone as isolated, and a
    /// translator who completes the other sentence with its half, as the source has it,
    /// returns a unit that XLIFF 2 refuses (a start code marked isolated that an end code
    /// closes). XLIFF 1.2 writes such halves as `<it>` in source and target alike, which a
    /// translator completes as they are.
    static func prefilled(_ unit: TextUnit, with prefills: [Int: Content], state: TranslationState, keepingPairsWhole: Bool) -> TextUnit {
        var filled = Set(prefills.keys)
        if keepingPairsWhole {
            var halves: [String: (opening: Int?, closing: Int?)] = [:]
            for (index, segment) in unit.segments.enumerated() {
                for fragment in segment.source.fragments {
                    if case .standalone(let code, .opening?) = fragment { halves[code.id, default: (nil, nil)].opening = index }
                    if case .standalone(let code, .closing?) = fragment { halves[code.id, default: (nil, nil)].closing = index }
                }
            }
            let pairs = halves.values.compactMap { pair in pair.opening.flatMap { opening in pair.closing.map { (opening, $0) } } }
            // Leaving one sentence out can leave another pair half filled: until none is.
            var changed = true
            while changed {
                changed = false
                for (opening, closing) in pairs where filled.contains(opening) != filled.contains(closing) {
                    filled.remove(opening)
                    filled.remove(closing)
                    changed = true
                }
            }
        }
        guard !filled.isEmpty else { return unit }
        var unit = unit
        var index = 0
        unit.updateSegments { segment in
            defer { index += 1 }
            guard filled.contains(index), let target = prefills[index] else { return segment }
            var segment = segment
            segment.target = target
            segment.state = state
            return segment
        }
        return unit
    }

    /// `jobs/outgoing/<locale>-NNNN.xlf`: numbered per locale, so translators and the content
    /// team see which job came first.
    private func jobURL(for language: TargetLanguage, number: Int) throws(ProjectError) -> URL {
        let digits = String(number)
        let name = language.tag.lowercased() + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ".xlf"
        guard ProjectFiles.isSafeName(name) else { throw .unsafeName(name) }
        return project.jobsFolder.appendingPathComponent("outgoing").appendingPathComponent(name)
    }

    /// Out units are keyed "page#unit"; unit ids have no "#".
    // On UTF-8 bytes: called for every unit out when the state is written.
    static func page(ofKey key: String) -> String { split(key: key).page }

    static func unitID(ofKey key: String) -> String { split(key: key).unitID }

    /// A unit's key (`page#unit`) split at its last "#"; a key without one is a page's.
    static func split(key: String) -> (page: String, unitID: String) {
        guard let mark = key.utf8.lastIndex(of: UInt8(ascii: "#")) else { return (key, "") }
        return (String(key[..<mark]), String(key[key.utf8.index(after: mark)...]))
    }
}
