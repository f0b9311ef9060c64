import ArgumentParser
import Foundation
import LocalizationCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal view of a `run`: progress while it works, then the whole story on one screen.
///
/// ```swift
/// let console = RunConsole(quiet: quiet, json: json)
/// let report = try await BatchRun(project: project).run(options) { console.progress($0) }
/// throw console.finish(report)
/// ```
///
/// `finish` is `finishProgress()`, then the output for the mode, then `exitCode(for:)`; a
/// command that prints its own JSON can call those three itself (`summary` prints nothing in
/// JSON mode).
///
/// What goes where, by mode:
/// - normal: progress on standard error — a bar redrawn in place when standard error is a
///   terminal (at most ~10 redraws a second, cleared at the end), otherwise plain lines (each
///   phase's start, and every tenth of a long phase); diagnostics on standard error; the
///   summary (`RunSummary.lines`) on standard output.
/// - `--quiet`: diagnostics only (errors and warnings, `file:line: error: …`), nothing else;
///   the exit code tells how it went.
/// - `--json`: the report as JSON on standard output, nothing else there; a progress bar on a
///   terminal, no plain progress lines (logs of scripts stay clean); no diagnostics on
///   standard error (they are in the JSON).
///
/// Exit codes (`exitCode(for:)`): 0 success, 2 success with warnings, 3 done but some pages or
/// units had errors; 1 (thrown errors, `Console.fail`) means the run stopped.
///
/// The pipeline may report progress from any thread: the state is behind a `Mutex`.
final class RunConsole: Sendable {
    enum Mode: Sendable {
        case normal
        case quiet
        case json
    }

    let mode: Mode
    /// Whether standard error is a terminal (progress bar) or a log (plain lines).
    let interactive: Bool
    private let state = Mutex(State())

    private struct State {
        var plain = PlainProgress()
        var lastDraw: ContinuousClock.Instant?
        var lastPhase: RunProgress.Phase?
        /// Columns of the bar on screen, 0 when none is drawn.
        var drawn = 0
    }

    init(quiet: Bool = false, json: Bool = false, interactive: Bool = isatty(STDERR_FILENO) != 0) {
        self.mode = json ? .json : quiet ? .quiet : .normal
        self.interactive = interactive
    }

    /// Shows where the run is; pass it as the pipeline's progress handler.
    func progress(_ progress: RunProgress) {
        if mode == .quiet { return }
        let text: String? = state.withLock { state in
            if interactive {
                let now = ContinuousClock.now
                let phaseChanged = progress.phase != state.lastPhase
                let finished = progress.total > 0 && progress.done >= progress.total
                if !phaseChanged && !finished, let last = state.lastDraw, now - last < .milliseconds(100) { return nil }
                state.lastDraw = now
                state.lastPhase = progress.phase
                // Narrow terminals get a shorter bar: a wrapped line cannot be redrawn with \r.
                let bar = progress.bar(width: max(5, min(30, Self.terminalColumns() - 45)))
                let clear = String(repeating: " ", count: max(0, state.drawn - bar.count))
                state.drawn = bar.count
                return "\r" + bar + clear
            }
            guard mode == .normal, let line = state.plain.line(for: progress) else { return nil }
            return line + "\n"
        }
        if let text { Self.writeError(text) }
    }

    /// Clears the progress bar, if one is drawn; `finish` calls it.
    func finishProgress() {
        let drawn = state.withLock { state in
            defer { state.drawn = 0 }
            return state.drawn
        }
        if drawn > 0 { Self.writeError("\r" + String(repeating: " ", count: drawn) + "\r") }
    }

    /// Prints what the run did for the mode (see the type's comment) and returns the exit code
    /// to end the command with: `throw console.finish(report)`.
    func finish(_ report: RunReport) -> ExitCode {
        finishProgress()
        if mode == .json {
            do {
                print(String(decoding: try report.json().dropLast(), as: UTF8.self))
            } catch {
                return Console.fail(error)
            }
        } else {
            summary(report)
        }
        return Self.exitCode(for: report)
    }

    /// Diagnostics on standard error, then the whole story on standard output
    /// (`RunSummary.lines`): what changed, files imported, jobs written, pending work, pages
    /// per locale, analysis, coverage, the dashboard's path. Quiet: errors and warnings only.
    /// JSON: nothing (the JSON has it all).
    func summary(_ report: RunReport) {
        switch mode {
        case .json:
            return
        case .quiet:
            Console.report(report.diagnostics.filter { $0.severity >= .warning })
        case .normal:
            Console.report(report.diagnostics)
            print(RunSummary.lines(report).joined(separator: "\n"))
        }
    }

    /// 0 success, 2 success with warnings, 3 done with errors on some pages or units.
    static func exitCode(for report: RunReport) -> ExitCode {
        ExitCode(RunSummary.exitStatus(for: report))
    }

    /// Columns of the terminal on standard error (80 when unknown).
    private static func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    private static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
