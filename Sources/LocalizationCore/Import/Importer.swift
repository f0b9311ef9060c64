public import Foundation

/// `translate-pipeline import`: translators' returned files into the memory.
///
/// For each file: archive its bytes under `jobs/received/<sha256>.<ext>` before parsing; a file
/// imported before is a no-op; parse it with the secure reader; refuse units whose targets
/// carry markup or target `translate="no"` content; match every unit to the job record it
/// came from (its job id, else locale + page + unit id; files not from our jobs by page and
/// source text); check every translated sentence (`ImportChecks`); and commit the accepted
/// sentences, the conflict and alternative candidates and the ledger entry in one
/// `ImportTransaction`. A JSON and an HTML report are written per file.
public struct Importer: Sendable {
    public let project: Project
    public var translator: String?
    /// ISO 8601 date and time recorded as the import's date (`TRANSLATE_PIPELINE_NOW` in tests).
    public var now: String
    public var xmlLimits = XMLReader.Limits(maximumFileBytes: 32 << 20, maximumTextBytes: 1 << 20)
    public var zipLimits = ZipPackage.Limits()
    public var lockTimeout: Double?
    /// The target locale of files that name none (translate-toolkit's `po2xliff`); a file that
    /// names one is taken at its word.
    public var defaultLocale: String?
    /// Where ZIP packages are unpacked (a fresh folder each, removed afterwards).
    public var temporaryRoot = FileManager.default.temporaryDirectory

    public init(project: Project, translator: String?, now: String) {
        self.project = project
        self.translator = translator
        self.now = now
    }

    /// Imports files, folders (their XLIFF and ZIP files, sorted) and ZIP packages, in order,
    /// under the project lock. Each file is its own all-or-nothing change.
    public func importPaths(_ paths: [String]) throws(ProjectError) -> [ImportReport] {
        let lock = try ProjectLock(project: project, timeout: lockTimeout)
        defer { lock.release() }
        try ImportTransaction.recover(in: project)
        return try importPathsHoldingLock(paths)
    }

    /// `importPaths` for a caller that holds the project lock already (`run`'s inbox).
    func importPathsHoldingLock(_ paths: [String]) throws(ProjectError) -> [ImportReport] {
        var session = try Session(importer: self)
        var reports: [ImportReport] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                throw .cannotRead(path, reason: "no such file or folder")
            }
            let files = isFolder.boolValue ? Self.importable(in: url).map { (path + "/" + $0, url.appendingPathComponent($0)) } : [(path, url)]
            for (name, file) in files {
                reports += try session.importFile(file, name: name)
            }
        }
        return reports
    }

    /// Files a folder holds that import takes (relative paths, sorted; hidden ones skipped).
    static func importable(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path + "/"
        var names: [String] = []
        for case let url as URL in enumerator {
            let ext = url.pathExtension.lowercased()
            guard ZipPackage.importedExtensions.contains(ext) || ext == "zip" else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(base) { names.append(String(path.dropFirst(base.count))) }
        }
        return names.sorted()
    }
}

extension Importer {
    /// One import command's work: the current pages (each extracted once, when needed), the
    /// state, the records.
    struct Session {
        let importer: Importer
        var project: Project { importer.project }
        var state: ImportState
        let records: [JobRecord]
        /// The project's pages as jobs are made, extracted when a returned file names them.
        let pages: CurrentPages
        let glossary: Termbase?
        let waivers: [TermWaiver]
        /// Locale definitions, for QA and for storing placeholders the locale's way.
        let catalog: LocaleCatalog?

        init(importer: Importer) throws(ProjectError) {
            self.importer = importer
            let project = importer.project
            state = try ImportState.load(project)
            records = try JobRecords(project: project).all()
            let segmenter: Segmenter
            do {
                segmenter = try Segmenter.shipped(language: project.settings.sourceLocale)
            } catch {
                throw .invalidProjectFile(Project.fileName, reason: "sentence segmentation for \(project.settings.sourceLocale): \(error)")
            }
            pages = CurrentPages(project: project, segmenter: segmenter)
            catalog = try SiteAssembly.catalog(for: project)
            var diagnostics: [Diagnostic] = []
            let store = GlossaryStore(project: project)
            glossary = FileManager.default.fileExists(atPath: store.url.path) ? store.termsForJobs(diagnostics: &diagnostics) : nil
            waivers = (try? store.loadWaivers()) ?? []
        }

        /// Imports one file given by the user (a ZIP package: each XLIFF file in it).
        mutating func importFile(_ url: URL, name: String) throws(ProjectError) -> [ImportReport] {
            let bytes = try ProjectFiles.read(url, limit: max(importer.xmlLimits.maximumFileBytes, importer.zipLimits.maximumBytes) + 1)
            let ext = Self.archiveExtension(url.pathExtension)
            let sha = SHA256.hex(bytes)
            let archived = try archive(bytes, sha: sha, ext: ext)
            // A package is not in the ledger; each file in it is (so a package sent twice is a no-op).
            guard ext == "zip" else { return [try importBytes(bytes, sha: sha, name: name, archived: archived)] }
            let unpacked: (folder: URL, members: [ZipPackage.Member])
            do {
                unpacked = try ZipPackage(limits: importer.zipLimits).unpack(url, name: name, temporaryRoot: importer.temporaryRoot)
            } catch {
                var report = ImportReport(file: name, sha256: sha, archivedAs: archived, outcome: .refused)
                report.error = error.description
                try writeReport(&report)
                return [report]
            }
            defer { try? FileManager.default.removeItem(at: unpacked.folder) }
            var reports: [ImportReport] = []
            for member in unpacked.members {
                reports += try importFile(member.url, name: "\(name):\(member.path)")
            }
            return reports
        }

        /// Other tools name the file they extracted a page to ("/tmp/po/wir-2-0/index.po" for
        /// "wir-2-0/index.html"): the page whose name without extension ends that name at a
        /// folder boundary, the longest such. Names are only compared, never opened.
        func page(extractedTo original: String, pages names: [String]) -> [String: TextUnit]? {
            guard let stem = Self.stem(original) else { return nil }
            let found = names.compactMap { name -> (name: String, length: Int)? in
                guard let pageStem = Self.stem(name), stem == pageStem || stem.hasSuffix("/" + pageStem) else { return nil }
                return (name, pageStem.count)
            }.max { $0.length < $1.length }
            return found.flatMap { pages[$0.name] }
        }

        /// "nachhaltigkeitsbericht/unterziel-14-1.po" → "nachhaltigkeitsbericht/unterziel-14-1".
        static func stem(_ name: String) -> String? {
            guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return nil }
            return String(name[..<dot])
        }

        static func archiveExtension(_ ext: String) -> String {
            let lowered = ext.lowercased()
            return ZipPackage.importedExtensions.contains(lowered) || lowered == "zip" ? lowered : "bin"
        }

        /// Keeps the received bytes before anything reads them; returns the path in the project.
        func archive(_ bytes: [UInt8], sha: String, ext: String) throws(ProjectError) -> String {
            let name = "\(sha).\(ext)"
            let url = project.jobsFolder.appendingPathComponent("received").appendingPathComponent(name)
            if !FileManager.default.fileExists(atPath: url.path) {
                try ProjectFiles.writeAtomically(bytes, to: url)
            }
            return "\(project.settings.jobsDirectory)/received/\(name)"
        }

        mutating func importBytes(_ bytes: [UInt8], sha: String, name: String, archived: String) throws(ProjectError) -> ImportReport {
            var report = ImportReport(file: name, sha256: sha, archivedAs: archived, outcome: .refused)
            report.translator = importer.translator
            if let receipt = state.imported.first(where: { $0.sha256 == sha }) {
                report.outcome = .alreadyImported
                report.importedOn = receipt.date
                return report
            }
            do {
                let plan = try match(bytes, name: name, sha: sha, report: &report)
                report.outcome = .imported
                try writeReport(&report)
                try commit(plan, report: report)
            } catch let refusal as FileRefusal {
                report.error = refusal.message
                try writeReport(&report)
            } catch let error as ProjectError {
                throw error
            } catch {
                report.error = "\(error)"
                try writeReport(&report)
            }
            return report
        }

        /// A reason the whole file is refused, with its location.
        struct FileRefusal: Error {
            var message: String
        }

        /// What one file changes: the locale's new memory and the state's new entries.
        struct Plan {
            var language: TargetLanguage
            var memory: TranslationMemory
            var memoryChanged: Bool
            var candidates: [ImportState.Candidate]
            var receipt: ImportState.Receipt
        }

        private func match(_ bytes: [UInt8], name: String, sha: String, report: inout ImportReport) throws -> Plan {
            let root: XML.Element
            do {
                root = try XMLReader(limits: importer.xmlLimits).parse(bytes, file: name)
            } catch {
                throw FileRefusal(message: "\(error)")
            }
            let jobID = JobRecord.jobID(in: root)
            report.jobID = jobID
            let (screened, markupRefusals) = TargetMarkupScreen().screen(root)
            let document: XLIFFDocument
            do {
                document = try XLIFFReader().read(screened, file: name)
            } catch {
                throw FileRefusal(message: "\(error)")
            }
            guard let tag = document.targetLanguage ?? importer.defaultLocale,
                  let locale = project.settings.targetLocales.first(where: { $0.lowercased() == tag.lowercased() }) else {
                throw FileRefusal(message: "\(name): the file's target language \"\(document.targetLanguage ?? "(none)")\" is not one this project "
                    + "translates into (\(project.settings.targetLocales.joined(separator: ", ")))")
            }
            report.locale = locale
            var record: JobRecord?
            if let jobID {
                guard ProjectFiles.isSafeName(jobID + ".json"), !jobID.contains("\0") else {
                    throw FileRefusal(message: "\(name): the job id \"\(jobID.prefix(80))\" is not one this project writes; refused")
                }
                guard let found = records.first(where: { $0.jobID == jobID }) else {
                    throw FileRefusal(message: "\(name): job \(jobID) was never sent by this project; refused")
                }
                guard found.locale.lowercased() == locale.lowercased() else {
                    throw FileRefusal(message: "\(name): job \(jobID) was sent for \(found.locale), but the file is for \(locale); refused")
                }
                record = found
            }
            let language: TargetLanguage
            do {
                language = try TargetLanguage(locale)
            } catch {
                throw FileRefusal(message: "\(name): target locale \(locale): \(error)")
            }
            var memory = try MemoryStore(project: project).load(language)
            let definition = catalog?.definitions[language.tag]
            let checks = ImportChecks(qualityChecks: QualityChecks(
                project: project, termCheck: glossary.map { TermCheck(termbase: $0, targetLanguage: locale, waivers: waivers) }, locale: definition))
            let localeRecords = records.filter { $0.locale.lowercased() == locale.lowercased() }

            for refusal in markupRefusals {
                report.entries.append(.init(disposition: .refused, page: refusal.page, unitID: refusal.unitID, segmentID: nil, sentence: nil,
                                            line: refusal.line, findings: [refusal.finding]))
                report.refused += 1
            }
            var accepted: [XLIFFFile] = []
            var candidates: [ImportState.Candidate] = []
            for file in document.files {
                var acceptedUnits: [TextUnit] = []
                for returned in file.units {
                    let translated = returned.segments.filter { ($0.target.map { !$0.isEmpty } ?? false) && $0.state >= .translated }
                    guard !translated.isEmpty else { continue }
                    func refuseUnit(_ check: String, _ message: String) {
                        report.entries.append(.init(disposition: .refused, page: file.original, unitID: returned.id, segmentID: nil,
                                                    sentence: returned.source.plainText, line: returned.line == 0 ? nil : returned.line,
                                                    findings: [ImportFinding(check: check, severity: .error, message: message)]))
                        report.refused += translated.count
                    }
                    // Which record and which current unit this unit answers.
                    var unitRecord = record?.unit(page: file.original, id: returned.id)
                    if record == nil {
                        unitRecord = localeRecords.reversed().lazy.compactMap { $0.unit(page: file.original, id: returned.id) }.first
                    }
                    var unit = returned
                    var current: TextUnit?
                    var sentRecord: JobRecord.Unit?
                    if let record {
                        guard let unitRecord else {
                            if let other = records.first(where: { $0.jobID != record.jobID && $0.unit(page: file.original, id: returned.id) != nil }) {
                                refuseUnit("unknown-unit", "this unit belongs to job \(other.jobID) (\(other.locale)), not to job \(record.jobID); refused")
                            } else {
                                refuseUnit("unknown-unit", "job \(record.jobID) has no unit \"\(returned.id)\" on page \"\(file.original)\"; refused")
                            }
                            continue
                        }
                        sentRecord = unitRecord
                    } else if let unitRecord, JobRecord.hash(returned.source) == unitRecord.sourceHash {
                        sentRecord = unitRecord
                    }
                    if let sentRecord {
                        guard JobRecord.hash(returned.source) == sentRecord.sourceHash else {
                            refuseUnit("source-changed", "the source text in the file differs from the text that was sent "
                                + "(\"\(returned.source.plainText.prefix(80))\"); the source must not be edited — translate the unit as sent")
                            continue
                        }
                        current = pages[file.original]?[returned.id]
                    } else {
                        // Not from one of our jobs: the page by name (only ever compared with the
                        // names of current pages) and the unit by its source text.
                        guard let pageUnits = pages[file.original] ?? page(extractedTo: file.original, pages: pages.names) else {
                            refuseUnit("unknown-unit", "\"\(file.original.prefix(80))\" is not a page of this project; refused")
                            continue
                        }
                        // Other tools write numbers and dates as text: compared, and checked, that way.
                        let candidates = pageUnits.values.sorted(by: { $0.id < $1.id }).map { $0.expandingAutoTranslatables() }
                        let key = MemoryEntry.key(for: returned.source)
                        let text = returned.source.plainText
                        guard let found = candidates.first(where: { MemoryEntry.key(for: $0.source) == key })
                            ?? candidates.first(where: { $0.source.codes.isEmpty && $0.source.plainText == text }) else {
                            refuseUnit("unknown-unit", "the source \"\(text.prefix(80))\" matches no current unit of page \(file.original); refused")
                            continue
                        }
                        current = found
                        unit.id = found.id
                        if !returned.isSegmented, found.isSegmented, let target = returned.target {
                            // A whole-unit translation of a unit we split: checked whole against our source.
                            unit = found
                            unit.parts = []
                            unit.target = target
                            unit.state = returned.state
                        } else if MemoryEntry.key(for: returned.source) != MemoryEntry.key(for: found.source) {
                            unit.source = found.source
                        }
                    }
                    let sourceChanged = sentRecord != nil && (current == nil || JobRecord.hash(current!.source) != sentRecord!.sourceHash)
                    let place = "\(file.original)#\(unit.id)"
                    let findings = checks.findings(for: unit, targetLanguage: locale)
                    // The sentences as the memory stores them: numbers and dates as text, the locale's way.
                    let stored = Dictionary(unit.expandingAutoTranslatables { AutoTranslatables.text(for: $0, locale: definition) }.segments.map { ($0.id, $0) },
                                            uniquingKeysWith: { first, _ in first })
                    var keptUnit = unit
                    keptUnit.updateSegments { segment in
                        guard let target = segment.target, !target.isEmpty, segment.state >= .translated else { return segment }
                        var segment = segment
                        let sent = sentRecord?.sentences.first { $0.id == segment.id }
                        if let proposal = sent?.proposal, proposal == JobRecord.hash(target), segment.state < .reviewed {
                            report.unchangedProposals += 1
                            segment.target = nil
                            segment.state = .initial
                            return segment
                        }
                        let segmentID = unit.isSegmented ? segment.id : nil
                        let own = findings.filter { $0.segmentID == segmentID }
                        let storedSource = stored[segment.id]?.source ?? segment.source
                        let storedTarget = stored[segment.id]?.target ?? target
                        report.warnings += own.count { $0.severity == .warning }
                        let line = unit.line == 0 ? nil : unit.line
                        func entry(_ disposition: ImportReport.Entry.Disposition, _ extra: [ImportFinding] = []) -> ImportReport.Entry {
                            .init(disposition: disposition, page: file.original, unitID: unit.id, segmentID: segmentID, sentence: storedSource.plainText,
                                  line: line, findings: own + extra)
                        }
                        func candidate(_ kind: ImportState.Candidate.Kind, _ reason: String) -> ImportState.Candidate {
                            .init(kind: kind, locale: locale, page: file.original, unitID: unit.id, segmentID: segment.id,
                                  source: storedSource.plainText, target: XLIFF12Writer.inline(target), reason: reason,
                                  translator: importer.translator, jobID: jobID, fileSHA256: sha, date: importer.now)
                        }
                        if own.contains(where: { $0.severity == .error }) {
                            report.entries.append(entry(.refused))
                            report.refused += 1
                            segment.target = nil
                            segment.state = .initial
                            return segment
                        }
                        if sourceChanged {
                            let reason = "the page's source changed since the job was made; kept as a candidate, not applied"
                            report.entries.append(entry(.conflict, [ImportFinding(check: "conflict", severity: .warning, message: reason, segmentID: segmentID)]))
                            report.conflicts += 1
                            candidates.append(candidate(.conflict, reason))
                            segment.target = nil
                            segment.state = .initial
                            return segment
                        }
                        let sentAt = sent?.memoryTarget
                        // Changed since the job was sent (or, for a file not from our jobs, delivered
                        // by a translator at all) and different from this translation.
                        let inContext = memory.exactEntries(forKey: MemoryEntry.key(for: storedSource))
                            .last { $0.context.unit == place && $0.state >= .translated }
                        if let existing = inContext?.target,
                           MemoryEntry.key(for: existing) != MemoryEntry.key(for: storedTarget.nfc),
                           sentRecord == nil ? inContext?.provenance.origin == .translator : JobRecord.hash(existing) != sentAt {
                            let reason = "another translation of this sentence reached the memory after the job was sent (\"\(existing.plainText.prefix(80))\"); "
                                + "yours is kept as an alternative for review"
                            report.entries.append(entry(.alternative, [ImportFinding(check: "alternative", severity: .warning, message: reason, segmentID: segmentID)]))
                            report.alternatives += 1
                            candidates.append(candidate(.alternative, reason))
                            segment.target = nil
                            segment.state = .initial
                            return segment
                        }
                        report.accepted += 1
                        if !own.isEmpty { report.entries.append(entry(.accepted)) }
                        return segment
                    }
                    if keptUnit.segments.contains(where: { $0.target != nil && $0.state >= .translated }) {
                        acceptedUnits.append(keptUnit)
                    }
                }
                if !acceptedUnits.isEmpty { accepted.append(XLIFFFile(original: file.original, units: acceptedUnits)) }
            }
            let provenance = "\(jobID ?? "no job") \(report.archivedAs)"
            let changes = memory.add(XLIFFDocument(version: document.version, sourceLanguage: document.sourceLanguage, targetLanguage: locale, files: accepted),
                                     file: provenance, translator: importer.translator, origin: .translator, locale: definition, now: importer.now)
            report.memoryChanges = changes
            let receipt = ImportState.Receipt(sha256: sha, name: name, date: importer.now, translator: importer.translator, locale: locale, jobID: jobID,
                                              accepted: report.accepted, refused: report.refused, conflicts: report.conflicts, alternatives: report.alternatives)
            return Plan(language: language, memory: memory, memoryChanged: changes > 0, candidates: candidates, receipt: receipt)
        }

        /// The report files, written before the commit (they are derived, and rewritten the same
        /// when a killed import runs again).
        func writeReport(_ report: inout ImportReport) throws(ProjectError) {
            let folder = project.jobsFolder.appendingPathComponent("reports")
            let base = String(report.sha256.prefix(16))
            report.reportFiles = ["json", "html"].map { "\(project.settings.jobsDirectory)/reports/\(base).\($0)" }
            try ProjectFiles.writeAtomically(JobRecords.encode(report), to: folder.appendingPathComponent(base + ".json"))
            try ProjectFiles.writeAtomically(Array(report.html().utf8), to: folder.appendingPathComponent(base + ".html"))
        }

        mutating func commit(_ plan: Plan, report: ImportReport) throws(ProjectError) {
            var state = self.state
            let locale = plan.language.tag.lowercased()
            if plan.memoryChanged { state.revisions[locale] = state.revision(of: locale) + 1 }
            state.imported.append(plan.receipt)
            state.candidates += plan.candidates
            var files: [(path: String, bytes: [UInt8])] = [("\(project.settings.jobsDirectory)/\(ImportState.path)", state.encoded())]
            if plan.memoryChanged {
                let memoryURL = try MemoryStore(project: project).url(for: plan.language)
                files.insert(("memory/\(memoryURL.lastPathComponent)", Array(MemoryFile.write(plan.memory).utf8)), at: 0)
            }
            try ImportTransaction(files: files).commit(in: project)
            self.state = state
        }
    }
}

extension Importer {
    /// The project's current pages, units by id, sentence by sentence with numbers and dates
    /// as placeholders (as jobs are made). A page is extracted the first time a returned file
    /// names it: a site has thousands of pages, a returned job a few.
    final class CurrentPages {
        let project: Project
        let segmenter: Segmenter
        /// Every page of the content folder, by name.
        let names: [String]
        private let known: Set<String>
        private var extracted: [String: [String: TextUnit]?] = [:]

        init(project: Project, segmenter: Segmenter) {
            self.project = project
            self.segmenter = segmenter
            names = (try? ProjectFiles.pages(in: project.contentFolder)) ?? []
            known = Set(names)
        }

        /// The page's units, nil when the project has no such page or it cannot be read.
        subscript(name: String) -> [String: TextUnit]? {
            if let known = extracted[name] { return known }
            var units: [String: TextUnit]?
            if known.contains(name), let page = try? project.extract(pageAt: project.contentFolder.appendingPathComponent(name)) {
                units = Dictionary(page.units.map { ($0.id, $0.segmented(by: segmenter).withAutoTranslatablePlaceholders()) },
                                   uniquingKeysWith: { first, _ in first })
            }
            extracted[name] = units
            return units
        }
    }
}
