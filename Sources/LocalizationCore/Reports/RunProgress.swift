/// Where a long run is, for a progress bar or plain progress lines: `run` calls its progress
/// handler at the start of each phase and as pages are done.
public struct RunProgress: Sendable, Hashable {
    public enum Phase: String, Sendable, Hashable, CaseIterable {
        /// Returned files from the inbox.
        case importing = "importing returned files"
        /// Hashing pages to find what changed.
        case scanning = "scanning pages"
        /// Memory and glossary for the delta jobs.
        case leveraging = "preparing jobs"
        /// Pages that changed: extracted, then assembled in every locale.
        case assembling = "assembling pages"
        case reporting = "writing reports"
    }

    public var phase: Phase
    public var done: Int
    public var total: Int

    public init(phase: Phase, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }
}
