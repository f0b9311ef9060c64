import ArgumentParser
import Foundation
import LocalizationCore

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Writes an XLIFF job with a page's translatable text.",
        discussion: """
        Text in elements and translatable attributes (alt, title, placeholder, aria-label, \
        meta description and og:*) becomes units; inline markup becomes codes the translator \
        moves but cannot change; translate="no" and ITS 2.0 rules are honoured.
        Example: translate-pipeline extract content/index.html --target ar -o jobs/index.ar.xlf
        """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "The HTML page.")
    var page: String

    @Option(help: ArgumentHelp("The target language (BCP 47), e.g. ar, fa, uk.", valueName: "locale"))
    var target: String

    @Option(help: "The XLIFF version to write: 1.2 or 2.1.")
    var xliff: String = "1.2"

    @Option(name: .short, help: ArgumentHelp("Where to write the job.", valueName: "job.xlf"))
    var output: String

    func validate() throws {
        guard ["1.2", "2.1"].contains(xliff) else { throw ValidationError("--xliff must be 1.2 or 2.1") }
    }

    func run() throws {
        do {
            let project = try options.open()
            let language = try TargetLanguage(target)
            var extracted = try project.extract(pageAt: URL(fileURLWithPath: page))
            // Jobs are made as the batch makes them: sentence by sentence, numbers and dates as placeholders.
            let segmenter = try Segmenter.shipped(language: project.settings.sourceLocale)
            extracted.units = extracted.units.map { $0.segmented(by: segmenter).withAutoTranslatablePlaceholders() }
            Console.report(extracted.diagnostics)
            let document = Job.document(pages: [extracted], sourceLanguage: project.settings.sourceLocale, targetLanguage: language,
                                        version: XLIFFDocument.Version(rawValue: xliff) ?? .v1_2)
            try ProjectFiles.writeAtomically(Job.serializedBytes(document), to: URL(fileURLWithPath: output))
            let sentences = extracted.units.reduce(0) { $0 + $1.segments.count }
            print("\(extracted.page.name): \(extracted.units.count) units, \(sentences) sentences → \(output) (XLIFF \(xliff), \(language.tag))")
            throw Console.exitCode(for: extracted.diagnostics)
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Console.fail(error)
        }
    }
}
