import ArgumentParser
import Foundation
import LocalizationCore

/// The `--project` option every command takes.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project folder (with translate-pipeline.json).", valueName: "dir"))
    var project: String = "."

    func open() throws -> Project {
        do {
            return try Project(root: URL(fileURLWithPath: project, isDirectory: true))
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }
}

/// A failure that ends a command with exit code 1 and a message naming what went wrong.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Prints diagnostics to standard error and picks the exit code for them.
enum Console {
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    static func exitCode(for diagnostics: [Diagnostic]) -> ExitCode {
        diagnostics.contains { $0.severity == .error } ? ExitCode(3) : .success
    }

    static func fail(_ error: any Error) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return .failure
    }
}
