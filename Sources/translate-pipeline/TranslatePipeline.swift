import ArgumentParser

@main
struct TranslatePipeline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate-pipeline",
        abstract: "Localizes a site's HTML pages through XLIFF jobs for translators.",
        discussion: """
        Pages are read from the project's content folder, translatable text goes to XLIFF \
        jobs, and returned translations are merged into localized pages with every byte \
        outside the translated text kept as it was.

        Exit codes: 0 success; 1 failure, nothing written; 2 done, with warnings; 3 done, \
        but some units were refused or some pages had problems (see the messages).
        """,
        subcommands: [RunCommand.self, ExtractCommand.self, MergeCommand.self, PseudoCommand.self, SegmentCommand.self, MemoryCommand.self, GlossaryCommand.self, ImportCommand.self]
    )
}
