import Foundation
import LocalizationCore

/// Writes `memory/<locale>.xlf` for a generated site in the project's own format
/// (`MemoryStore`): every distinct sentence of the site's text, extracted and segmented by the
/// library exactly as `run` does, with a `PseudoScript` target. A locale's memory covers a
/// page's own text when that page counts as translated in the locale (`coverage` of the
/// pages, chosen per locale), and nearly all shared text; so most pages pass the publish gate
/// and some do not, differently per locale. Entries say they are synthetic (creator
/// "batch-benchmark").
struct MemoryGenerator {
    let project: Project
    let locales: [String]
    /// Share of pages whose own text each locale's memory translates.
    let coverage: Double

    static let creator = "batch-benchmark (synthetic benchmark data, not translations)"

    struct Summary {
        var sentences: Int
        var entriesPerLocale: [String: Int]
    }

    func write(blocks: [SiteGenerator.MemoryBlock]) throws -> Summary {
        let segmenter = try Segmenter.shipped(language: project.settings.sourceLocale)
        let start = TimedRun.monotonicSeconds()
        // Each block's sentences, extracted once on every core; locales then only choose.
        let sentences: [[Content]] = ParallelMap.map(0 ..< blocks.count, chunk: 16) { index in
            let block = blocks[index]
            let html = "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n\(block.head)\n</head>\n<body>\n\(block.body)\n</body>\n</html>\n"
            let page = HTMLExtractor().extract(HTMLPage(name: "block.html", bytes: Array(html.utf8)))
            return page.units.flatMap { $0.segmented(by: segmenter).segments.map(\.source) }
        }
        let distinct = Set(sentences.joined().map { $0 }).count
        print(String(format: "  %d blocks extracted and segmented in %.1f s", blocks.count, TimedRun.monotonicSeconds() - start))
        let provenance = MemoryEntry.Provenance(origin: .import, creator: Self.creator, date: "2026-11-27T00:00:00Z")
        let store = MemoryStore(project: project)
        try FileManager.default.createDirectory(at: store.folder, withIntermediateDirectories: true)
        let counts = ParallelMap.map(0 ..< locales.count, chunk: 1) { index -> Result<Int, any Error> in
            let locale = locales[index]
            let script = PseudoScript(locale: locale)
            var seen = Set<Content>()
            var entries: [MemoryEntry] = []
            for (block, contents) in zip(blocks, sentences) where isTranslated(block.owner, in: locale) {
                for source in contents where seen.insert(source).inserted {
                    entries.append(MemoryEntry(source: source, target: script.target(for: source), state: .translated, provenance: provenance))
                }
            }
            return Result {
                let memory = TranslationMemory(sourceLanguage: project.settings.sourceLocale, targetLanguage: locale, entries: entries)
                // MemoryStore's own format and file name; written without its fsync, which on
                // a busy disk made generation slow and proves nothing here.
                try Data(MemoryFile.write(memory).utf8).write(to: store.url(for: TargetLanguage(locale)))
                return entries.count
            }
        }
        var perLocale: [String: Int] = [:]
        for (locale, count) in zip(locales, counts) { perLocale[locale] = try count.get() }
        return Summary(sentences: distinct, entriesPerLocale: perLocale)
    }

    /// Whether the locale's memory has the block's sentences: a page's own text when the page
    /// is among the translated share for this locale, shared text nearly always (one shared
    /// paragraph in twenty is new and untranslated in each locale).
    func isTranslated(_ owner: SiteGenerator.MemoryBlock.Owner, in locale: String) -> Bool {
        switch owner {
        case .page(let index):
            return Double(stableHash64("page \(index) \(locale)") % 10_000) / 10_000 < coverage
        case .shared(let name):
            return name == "chrome" || stableHash64("shared \(name) \(locale)") % 20 != 0
        }
    }
}
