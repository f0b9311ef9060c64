import ArgumentParser
import Foundation
import LocalizationCore

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Writes a localized page from the page and a translated XLIFF job.",
        discussion: """
        Every target is checked against the page's own source: a target with missing, \
        extra or duplicated inline codes, or with forbidden control characters, is refused \
        and named; the page keeps its source text there. With no usable targets the output \
        is the original page, byte for byte.
        Example: translate-pipeline merge content/index.html jobs/index.ar.xlf -o site/ar/index.html
        """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "The HTML page the job was made from.")
    var page: String

    @Argument(help: "The XLIFF job (1.2 or 2.x) with targets.")
    var job: String

    @Option(name: .short, help: ArgumentHelp("Where to write the localized page.", valueName: "out.html"))
    var output: String

    func run() throws {
        do {
            let project = try options.open()
            let extracted = try project.extract(pageAt: URL(fileURLWithPath: page))
            let document = try XLIFFReader().read(try ProjectFiles.read(URL(fileURLWithPath: job)), file: job)
            guard let file = document.file(original: extracted.page.name) ?? (document.files.count == 1 ? document.files.first : nil) else {
                throw CommandFailure(message: "\(job): no <file> for the page \(extracted.page.name) (the job has: \(document.files.map(\.original).joined(separator: ", ")))")
            }
            let language = try document.targetLanguage.map { (tag) throws -> TargetLanguage in try TargetLanguage(tag) }
            let result = PageMerge().merge(extracted, units: file.units, language: language, jobFile: job)
            let diagnostics = extracted.diagnostics + result.diagnostics
            Console.report(diagnostics)
            try ProjectFiles.writeAtomically(result.bytes, to: URL(fileURLWithPath: output))
            print("\(extracted.page.name): \(result.applied.count) of \(extracted.units.count) units translated → \(output)")
            throw Console.exitCode(for: diagnostics)
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Console.fail(error)
        }
    }
}
