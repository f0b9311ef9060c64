import ArgumentParser
import Foundation
import LocalizationCore

struct PseudoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pseudo",
        abstract: "Fills a job's targets with pseudo-translations, codes kept.",
        discussion: """
        accented: Latin letters with accents, about 35% longer, in brackets (en-XA).
        rtl: Latin letters replaced by Arabic-script letters, to test right-to-left pages (ar-XB).
        Example: translate-pipeline pseudo jobs/index.xlf --style rtl -o jobs/index.rtl.xlf
        """
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "The XLIFF job.")
    var job: String

    @Option(help: "accented or rtl.")
    var style: Style

    enum Style: String, ExpressibleByArgument, CaseIterable {
        case accented
        case rtl

        var library: PseudoLocalizer.Style {
            switch self {
            case .accented: .accented
            case .rtl: .rightToLeft
            }
        }
    }

    @Option(name: .short, help: ArgumentHelp("Where to write the pseudo-translated job (may be the same file).", valueName: "job.xlf"))
    var output: String

    func run() throws {
        do {
            let document = try XLIFFReader().read(try ProjectFiles.read(URL(fileURLWithPath: job)), file: job)
            let pseudo = Job.pseudoTranslated(document, style: style.library)
            try ProjectFiles.writeAtomically(Job.serializedBytes(pseudo), to: URL(fileURLWithPath: output))
            let count = pseudo.files.reduce(0) { $0 + $1.units.count }
            print("\(count) units pseudo-translated (\(style.rawValue)) → \(output)")
        } catch {
            throw Console.fail(error)
        }
    }
}
