import ArgumentParser

@main
struct TranslatePipeline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate-pipeline",
        abstract: "Localizes HTML pages through XLIFF jobs for translators."
    )
}
