public import Foundation

/// Where a project keeps its glossary: `glossary/termbase.tbx` (TBX-Basic), written atomically.
public struct GlossaryStore: Sendable {
    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    public var folder: URL { project.root.appendingPathComponent("glossary") }
    public var url: URL { folder.appendingPathComponent("termbase.tbx") }

    /// The project's termbase; empty when it has none yet.
    public func load() throws(GlossaryError) -> Termbase {
        guard FileManager.default.fileExists(atPath: url.path) else {
            return Termbase(sourceLanguage: project.settings.sourceLocale)
        }
        return try TBXReader().read(try Self.read(url), file: url.path)
    }

    public func save(_ termbase: Termbase) throws(GlossaryError) {
        try termbase.check(file: url.path)
        do {
            try ProjectFiles.writeAtomically(Array(TBXWriter().write(termbase).utf8), to: url)
        } catch {
            throw GlossaryError(file: url.path, error.description)
        }
    }

    /// A termbase from a file a person sends: TBX (v3 or 2008/martif) or the CSV sheet.
    /// What was left out (empty placeholder terms of other tools) goes to `diagnostics`.
    public static func readExchangeFile(_ url: URL, sourceLanguage: String, diagnostics: inout [Diagnostic]) throws(GlossaryError) -> Termbase {
        let bytes = try read(url)
        let termbase: Termbase
        switch url.pathExtension.lowercased() {
        case "csv": termbase = try GlossaryCSV.read(bytes, file: url.path, sourceLanguage: sourceLanguage)
        case "tbx", "xml": termbase = try TBXReader().read(bytes, file: url.path, diagnostics: &diagnostics)
        default: throw GlossaryError(file: url.path, "unknown glossary format: use .tbx or .csv")
        }
        try termbase.check(file: url.path)
        return termbase
    }

    static func read(_ url: URL) throws(GlossaryError) -> [UInt8] {
        do {
            return try ProjectFiles.read(url, limit: 64 << 20)
        } catch {
            throw GlossaryError(file: url.path, error.description)
        }
    }
}

extension Termbase {
    /// Adds the concepts of `other`, replacing concepts with the same id; returns how many
    /// were added and replaced.
    public mutating func merge(_ other: Termbase) -> (added: Int, replaced: Int) {
        var added = 0, replaced = 0
        for concept in other.concepts {
            if let index = concepts.firstIndex(where: { $0.id == concept.id }) {
                if concepts[index] != concept { replaced += 1 }
                concepts[index] = concept
            } else {
                concepts.append(concept)
                added += 1
            }
        }
        return (added, replaced)
    }

    /// Refuses what must never enter the glossary (SECURITY.md): ids that are not XML names,
    /// bidi embeddings and overrides, zero-width and control characters in terms.
    public func check(file: String) throws(GlossaryError) {
        var ids: Set<String> = []
        for concept in concepts {
            guard GlossaryCSV.isConceptID(concept.id) else {
                throw GlossaryError(file: file, entry: concept.id, "the concept id is not a letter followed by ASCII letters, digits, '-', '_' or '.'")
            }
            guard ids.insert(concept.id).inserted else {
                throw GlossaryError(file: file, entry: concept.id, "the concept id is used twice")
            }
            for section in concept.languages {
                for term in section.terms {
                    if let scalar = term.text.unicodeScalars.first(where: Self.isRefused) {
                        throw GlossaryError(file: file, entry: concept.id, "the \(section.language) term \"\(term.text)\" contains U+\(String(scalar.value, radix: 16, uppercase: true)), which terms may not contain")
                    }
                    if Self.mixesScripts(term.text) {
                        throw GlossaryError(file: file, entry: concept.id, "the \(section.language) term \"\(term.text)\" mixes Latin, Cyrillic or Greek letters in one word")
                    }
                    if term.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        throw GlossaryError(file: file, entry: concept.id, "an empty \(section.language) term")
                    }
                }
            }
        }
    }

    /// Whether a word mixes Latin, Cyrillic and Greek letters ("Ганнoвер" with a Latin o): a
    /// confusable that would never match the real word.
    static func mixesScripts(_ text: String) -> Bool {
        for word in text.split(whereSeparator: { !$0.isLetter }) {
            var scripts: Set<Int> = []
            for scalar in word.unicodeScalars {
                switch scalar.value {
                case 0x41 ... 0x24F: scripts.insert(0)
                case 0x370 ... 0x3FF: scripts.insert(1)
                case 0x400 ... 0x52F: scripts.insert(2)
                default: break
                }
            }
            if scripts.count > 1 { return true }
        }
        return false
    }

    /// Bidi controls of any kind (a term is a key), zero-width space, BOM, C0/C1 controls.
    /// ZWNJ and ZWJ stay allowed: Persian spells words with them ("بین‌فرهنگی").
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x200E, 0x200F, 0x202A ... 0x202E, 0x2066 ... 0x2069, 0x061C, 0xFEFF: true
        case 0 ... 0x1F, 0x7F ... 0x9F: true
        default: false
        }
    }
}

extension GlossaryStore {
    /// The project's pages extracted, for finding where terms occur; unreadable pages are
    /// reported and left out.
    public func extractedPages() throws(ProjectError) -> (pages: [ExtractedPage], diagnostics: [Diagnostic]) {
        var pages: [ExtractedPage] = []
        var diagnostics: [Diagnostic] = []
        for name in try ProjectFiles.pages(in: project.contentFolder) {
            do {
                pages.append(try project.extract(pageAt: project.contentFolder.appendingPathComponent(name)))
            } catch {
                diagnostics.append(Diagnostic(.warning, file: name, "page left out of the term search: \(error)"))
            }
        }
        return (pages, diagnostics)
    }
}

extension GlossaryStore {
    /// The termbase for annotating jobs: a glossary that cannot be read is reported as an
    /// error and the jobs go out without terms rather than not at all.
    public func termsForJobs(diagnostics: inout [Diagnostic]) -> Termbase {
        do {
            return try load()
        } catch {
            diagnostics.append(Diagnostic(.error, file: error.file, line: error.line, "jobs written without glossary terms: \(error.message)"))
            return Termbase(sourceLanguage: project.settings.sourceLocale)
        }
    }
}
