import Foundation
import LocalizationCore

/// The benchmark's project folder: the sample's settings with the benchmark's target locales,
/// the repository's `locales/` and `glossary/`, a generated `content/` and `memory/`. Made
/// once per set of parameters and reused (a marker file records them).
struct GeneratedProject: Codable {
    var key: String
    var pages: Int
    var bytes: Int
    var sentences: Int
    var entriesPerLocale: [String: Int]
    var seconds: Double

    static let markerName = ".batch-benchmark.json"

    static func prepare(at folder: URL, options: BenchmarkOptions, generator: SiteGenerator) throws -> GeneratedProject {
        let marker = folder.appendingPathComponent(markerName)
        if !options.regenerate, let data = try? Data(contentsOf: marker),
           let existing = try? JSONDecoder().decode(GeneratedProject.self, from: data), existing.key == options.generationKey {
            print("reusing the generated project in \(folder.path) (--regenerate to make it again)")
            return existing
        }
        let start = TimedRun.monotonicSeconds()
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let repository = SampleText.repositoryRoot
        // The sample's settings as they are, only the target locales replaced.
        let settingsData = try Data(contentsOf: repository.appendingPathComponent(Project.fileName))
        guard var settings = try JSONSerialization.jsonObject(with: settingsData) as? [String: Any] else {
            throw BenchmarkError.sample("\(Project.fileName) is not a JSON object")
        }
        settings["targetLocales"] = options.locales
        try JSONSerialization.data(withJSONObject: settings, options: [.prettyPrinted, .sortedKeys])
            .write(to: folder.appendingPathComponent(Project.fileName))
        for name in ["locales", "glossary"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let project = try Project(root: folder)
        let site = try generator.write(pageCount: options.pages, to: project.contentFolder)
        let pagesSeconds = TimedRun.monotonicSeconds() - start
        let memory = try MemoryGenerator(project: project, locales: options.locales, coverage: options.coverage).write(blocks: site.blocks)
        let seconds = TimedRun.monotonicSeconds() - start
        print(String(format: "generated %d pages (%.1f MB) in %.1f s, memories (%d distinct sentences) in %.1f s more",
                     options.pages, Double(site.bytes) / 1_048_576, pagesSeconds, memory.sentences, seconds - pagesSeconds))
        let generated = GeneratedProject(key: options.generationKey, pages: options.pages, bytes: site.bytes, sentences: memory.sentences,
                                         entriesPerLocale: memory.entriesPerLocale, seconds: seconds)
        try JSONEncoder().encode(generated).write(to: marker)
        return generated
    }
}
