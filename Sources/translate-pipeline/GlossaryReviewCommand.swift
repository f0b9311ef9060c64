import ArgumentParser
import Foundation
import LocalizationCore

struct GlossaryReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review sheets for organisations: an HTML page and a CSV of decisions to fill in.",
        subcommands: []
    )
}
