import ArgumentParser
import Foundation
import LocalizationCore

struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Imports, exports and queries the translation memory of a locale.",
        discussion: """
        Each target locale has its memory in memory/<locale>.xlf (XLIFF 2.1, with provenance \
        for every entry). Matches are graded as CAT tools grade them: 101 (same text, same \
        place), 100 (same text), fuzzy (similar text, with penalties for case, spacing, \
        punctuation, inline codes and numbers; a match differing only in numbers is adapted).
        """,
        subcommands: [MemoryImportCommand.self, MemoryExportCommand.self, MemoryMatchCommand.self, MemoryConcordanceCommand.self]
    )
}

/// The options every memory command takes: the project and the memory's locale.
struct MemoryOptions: ParsableArguments {
    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The target locale of the memory (BCP 47), e.g. ar, fa, uk.", valueName: "locale"))
    var locale: String

    func language() throws -> TargetLanguage {
        try TargetLanguage(locale)
    }

    /// The project's memory store and the memory of the locale, or a failure that names why.
    func open() throws -> (store: MemoryStore, language: TargetLanguage, memory: TranslationMemory) {
        do {
            let store = MemoryStore(project: try project.open())
            let language = try language()
            return (store, language, try store.load(language))
        } catch {
            throw Console.fail(error)
        }
    }
}

struct MemoryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Adds the translations of TMX files or returned XLIFF jobs to a locale's memory."
    )

    @OptionGroup var options: MemoryOptions

    @Argument(help: ArgumentHelp("TMX (.tmx) or XLIFF (.xlf, .xliff) files.", valueName: "file"))
    var files: [String]

    @Option(help: "Who translated the XLIFF files (recorded as their creator).")
    var translator: String?

    @Option(help: "Where the XLIFF files' translations come from: translator or sample (unreviewed sample data).")
    var origin: String = "translator"

    func validate() throws {
        guard ["translator", "sample"].contains(origin) else { throw ValidationError("--origin must be translator or sample") }
    }

    func run() throws {
        let opened = try options.open()
        var memory = opened.memory
        do {
            let now = ISO8601DateFormatter().string(from: Date())
            // Placeholders of numbers and dates are stored the locale's way when it is defined.
            let locale = try SiteAssembly.catalog(for: opened.store.project)?.definitions[opened.language.tag]
            for file in files {
                let bytes = try ProjectFiles.read(URL(fileURLWithPath: file))
                let name = URL(fileURLWithPath: file).lastPathComponent
                let changed: Int
                if file.lowercased().hasSuffix(".tmx") {
                    changed = memory.add(try TMXReader().read(bytes, file: file), file: name, now: now)
                } else {
                    changed = memory.add(try XLIFFReader().read(bytes, file: file), file: name, translator: translator,
                                         origin: MemoryEntry.Origin(rawValue: origin) ?? .translator, locale: locale, now: now)
                }
                print("\(file): \(changed) entries added or updated")
            }
            try opened.store.save(memory, for: opened.language)
            print("\(try opened.store.url(for: opened.language).path): \(memory.entries.count) entries")
        } catch {
            throw Console.fail(error)
        }
    }
}

struct MemoryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Writes a locale's memory as TMX 1.4b."
    )

    @OptionGroup var options: MemoryOptions

    @Flag(help: "Write TMX (the only export format so far; kept for scripts that name it).")
    var tmx = false

    @Option(name: .short, help: ArgumentHelp("Where to write the TMX file.", valueName: "file.tmx"))
    var output: String

    func run() throws {
        let memory = try options.open().memory
        do {
            try ProjectFiles.writeAtomically(Array(TMXWriter().write(memory.tmxDocument()).utf8), to: URL(fileURLWithPath: output))
            print("\(memory.entries.count) entries → \(output)")
        } catch {
            throw Console.fail(error)
        }
    }
}

struct MemoryMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Prints the best memory matches for each line of standard input."
    )

    @OptionGroup var options: MemoryOptions

    @Option(help: "The lowest score shown (0–100).")
    var threshold: Int = 75

    @Flag(help: "Print JSON, one object per input line.")
    var json = false

    func validate() throws {
        guard (0 ... 100).contains(threshold) else { throw ValidationError("--threshold must be from 0 to 100") }
    }

    func run() throws {
        let memory = try options.open().memory
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        while let line = readLine(strippingNewline: true) {
            let matches = memory.matches(for: Content(text: line), threshold: threshold, limit: 3)
            if json {
                let report = MatchReport(segment: line, matches: matches.map(MatchReport.Match.init))
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(line)
                if matches.isEmpty { print("  (no match at \(threshold)% or more)") }
                for match in matches {
                    let adapted = match.isAutoAdapted ? ", numbers adapted" : ""
                    print("  \(match.score)%  \(match.target.displayText)  [\(match.entry.provenance.origin.rawValue)\(adapted)]")
                }
            }
        }
    }
}

struct MemoryConcordanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concordance",
        abstract: "Shows where a word or phrase occurs in the memory's sources, with the translations."
    )

    @OptionGroup var options: MemoryOptions

    @Argument(help: "The word or phrase (case does not matter).")
    var words: [String]

    func run() throws {
        let memory = try options.open().memory
        let results = memory.concordance(words.joined(separator: " "))
        if results.isEmpty { print("\"\(words.joined(separator: " "))\" does not occur in the \(memory.targetLanguage) memory") }
        for (entry, ranges) in results {
            var source = entry.source.plainText
            // Mark occurrences with »…« so they stand out on any terminal.
            for range in ranges.reversed() {
                source.replaceSubrange(range, with: "»" + source[range] + "«")
            }
            print(source)
            print("  → \(entry.target.displayText)  [\(entry.provenance.origin.rawValue)\(entry.context.unit.map { ", " + $0 } ?? "")]")
        }
    }
}

/// The JSON shape of `memory match --json`.
struct MatchReport: Encodable {
    struct Match: Encodable {
        var score: Int
        var kind: String
        var source: String
        var target: String
        var origin: String
        var autoAdapted: Bool
        var penalties: [String]

        init(_ match: MemoryMatch) {
            score = match.score
            kind = match.kind.rawValue
            source = match.entry.source.plainText
            target = match.target.plainText
            origin = match.entry.provenance.origin.rawValue
            autoAdapted = match.isAutoAdapted
            penalties = match.penalties
        }
    }

    var segment: String
    var matches: [Match]
}
