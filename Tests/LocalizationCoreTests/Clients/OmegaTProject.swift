import Foundation
import Testing
@testable import LocalizationCore

/// An OmegaT project folder around one job, run headless (`omegat --mode=console-translate`),
/// as a translator's OmegaT 3.6 (Debian's `omegat` package) would work on it.
///
/// Layout OmegaT needs: `omegat.project` (languages, folders, segmentation), the files to
/// translate in `source/`, memories whose exact matches it applies by itself in `tm/auto/`,
/// and it writes the translated files to `target/` and its statistics to `omegat/`. OmegaT
/// keeps its settings in a folder of our choosing (`--config-dir`), so the user's `~/.omegat`
/// is never touched. No display is needed in the console modes.
struct OmegaTProject {
    static var executable: String? { ExternalTool.path("omegat") }

    let root: URL

    /// - Parameter sentenceSegmentation: OmegaT's own sentence splitting of each paragraph
    ///   (its default); off, every `<target>` is one segment.
    init(root: URL, sourceLanguage: String, targetLanguage: String, sentenceSegmentation: Bool) throws {
        self.root = root
        for folder in ["source", "target", "tm/auto", "glossary", "dictionary", "omegat"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <omegat>
          <project version="1.0">
            <source_dir>__DEFAULT__</source_dir>
            <source_dir_excludes/>
            <target_dir>__DEFAULT__</target_dir>
            <tm_dir>__DEFAULT__</tm_dir>
            <glossary_dir>__DEFAULT__</glossary_dir>
            <glossary_file>__DEFAULT__</glossary_file>
            <dictionary_dir>__DEFAULT__</dictionary_dir>
            <source_lang>\(sourceLanguage)</source_lang>
            <target_lang>\(targetLanguage)</target_lang>
            <source_tok>org.omegat.tokenizer.LuceneGermanTokenizer</source_tok>
            <target_tok>org.omegat.tokenizer.LuceneArabicTokenizer</target_tok>
            <sentence_seg>\(sentenceSegmentation)</sentence_seg>
            <support_default_translations>true</support_default_translations>
            <remove_tags>false</remove_tags>
          </project>
        </omegat>

        """
        try Data(settings.utf8).write(to: root.appendingPathComponent("omegat.project"))
    }

    func addSource(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: root.appendingPathComponent("source/\(name)"))
    }

    /// A memory OmegaT applies by itself: exact matches from `tm/auto/` become translations.
    func addAutoMemory(_ name: String, _ tmx: String) throws {
        try Data(tmx.utf8).write(to: root.appendingPathComponent("tm/auto/\(name)"))
    }

    /// Runs OmegaT in `mode` with `arguments`; fails the test with OmegaT's output if it does
    /// not finish cleanly.
    private func run(_ mode: String, _ arguments: [String] = []) throws {
        let omegat = try #require(Self.executable)
        let (status, output) = try ExternalTool.run(omegat, [
            "--mode=\(mode)", "--config-dir=\(root.appendingPathComponent(".config").path)",
            "--disable-project-locking", "--no-team", "--quiet",
        ] + arguments + [root.path])
        // OmegaT reports some failures (a filter that cannot read the file) only in its log.
        try #require(status == 0 && !output.contains("Exception"), "omegat \(mode) failed: \(output.suffix(2000))")
    }

    /// Translates the project: every file of `source/` is written to `target/` with the
    /// translations OmegaT found; returns the translated file `name`.
    func translate(_ name: String) throws -> [UInt8] {
        try run("console-translate")
        return try ProjectFiles.read(root.appendingPathComponent("target/\(name)"))
    }

    /// The segments OmegaT offers the translator, as it shows them (its own tag shortcuts such
    /// as `<g0>`, `<x1/>`), read from the pseudo-translated memory OmegaT writes of them.
    func segments() throws -> Set<String> {
        let memory = root.appendingPathComponent("omegat/segments.tmx")
        try run("console-createpseudotranslatetmx", ["--pseudotranslatetmx=\(memory.path)", "--pseudotranslatetype=equal"])
        let tmx = try XMLReader().parse(try ProjectFiles.read(memory), file: "segments.tmx")
        var segments: Set<String> = []
        for body in tmx.elements(named: "body") {
            for unit in body.elements(named: "tu") {
                if let first = unit.elements(named: "tuv").first?.firstElement(named: "seg") { segments.insert(first.textContent) }
            }
        }
        return segments
    }
}
