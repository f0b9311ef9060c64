public import Foundation

/// What the last completed `run` saw and wrote, so the next one does only what changed:
/// `jobs/state/batch.json`, written atomically as the run's last step. A run killed before
/// that step leaves the previous state, and the rerun redoes the same work with the same
/// result (every output is a function of the inputs and this state).
///
/// Kept compact because it covers every page of the site: a unit is one short line, and an
/// output one digest and its counts.
public struct BatchState: Sendable, Codable, Equatable {
    public static let currentVersion = 1

    /// A unit as the last run extracted it: "id hash words text", where the hash is
    /// `BatchState.digest` of its source with codes and text its first words, for reports
    /// about units that are gone.
    public struct Unit: Sendable, Hashable {
        public var id: String
        public var hash: String
        public var words: Int
        public var text: String

        public init(id: String, hash: String, words: Int, text: String) {
            self.id = id
            self.hash = hash
            self.words = words
            self.text = text
        }

        var line: String { "\(id) \(hash) \(words) \(text)" }

        init?(line: Substring) {
            let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count >= 3, let words = Int(fields[2]) else { return nil }
            self.init(id: String(fields[0]), hash: String(fields[1]), words: words, text: fields.count > 3 ? String(fields[3]) : "")
        }
    }

    /// One page in one locale as last written: the digest of its bytes and its coverage.
    public struct Output: Sendable, Codable, Hashable {
        /// Digest of the bytes written.
        public var bytes: String
        /// units, reviewed, translated, automatic, pending, fallback, pending words, bidi problems.
        public var counts: [Int]
        public var published: Bool

        public init(bytes: String, counts: [Int] = [], published: Bool = true) {
            self.bytes = bytes
            self.counts = counts
            self.published = published
        }
    }

    public struct Page: Sendable, Codable, Equatable {
        /// Digest of the page's bytes.
        public var hash: String
        /// The page's units, one per line (see `Unit`).
        public var units: String
        /// Locale tag (target, source or pseudo) → what was written for it.
        public var outputs: [String: Output]

        public init(hash: String, units: [Unit], outputs: [String: Output]) {
            self.hash = hash
            self.units = units.map(\.line).joined(separator: "\n")
            self.outputs = outputs
        }

        public var unitList: [Unit] {
            units.isEmpty ? [] : units.split(separator: "\n", omittingEmptySubsequences: false).compactMap(Unit.init(line:))
        }
    }

    /// A unit sent to translators and not translated yet, keyed by "page#unit".
    public struct OutUnit: Sendable, Codable, Hashable {
        public var job: String
        public var hash: String
        public var words: Int
    }

    /// A job sent to translators.
    public struct SentJob: Sendable, Codable, Hashable {
        public var locale: String
        public var path: String
        public var units: Int
        public var words: Int
        /// Units of this job whose source changed after it was sent.
        public var superseded: Int
    }

    public var version = currentVersion
    /// Digest of everything other than pages and memories that shapes the outputs (settings,
    /// locale definitions, glossary, ITS rules, the pipeline's own version).
    public var inputs = ""
    /// Per locale, the signature of its memory file when the outputs were made.
    public var memories: [String: String] = [:]
    public var pages: [String: Page] = [:]
    /// Per locale: units out with translators.
    public var out: [String: [String: OutUnit]] = [:]
    /// Job id → the job.
    public var jobs: [String: SentJob] = [:]

    public init() {}

    /// The state of the project's last run; an empty state (everything to do) when there is
    /// none, or when it was written by another version of the format.
    public static func load(_ project: Project) throws(ProjectError) -> BatchState {
        let url = self.url(project)
        guard FileManager.default.fileExists(atPath: url.path) else { return BatchState() }
        let bytes = try ProjectFiles.read(url, limit: 1 << 30)
        do {
            let state = try JSONDecoder().decode(BatchState.self, from: Data(bytes))
            return state.version == currentVersion ? state : BatchState()
        } catch {
            throw .invalidProjectFile(url.path, reason: "\(error); delete it to rebuild every page")
        }
    }

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        // Sorted keys make equal states equal bytes; no pretty printing, the file is large.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    public static func url(_ project: Project) -> URL {
        project.jobsFolder.appendingPathComponent("state").appendingPathComponent("batch.json")
    }

    /// A 128-bit digest for change detection (not for security): two multiply-xorshift lanes
    /// over 8-byte words, fast enough to hash every page and memory of a large site at every
    /// run (about a byte per cycle; a byte-at-a-time hash was the slowest part of a rerun).
    public static func digest(_ bytes: [UInt8]) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset + 8 <= buffer.count {
                let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                first = (first ^ word) &* 0x0000_0100_0000_01B3
                first ^= first >> 32
                second = (second ^ word) &* 0x9E37_79B9_7F4A_7C15
                second ^= second >> 29
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset ..< buffer.count { tail = tail << 8 | UInt64(buffer[index]) }
            first = ((first ^ tail) &* 0x0000_0100_0000_01B3) ^ (first >> 32)
            second = ((second ^ tail) &* 0x9E37_79B9_7F4A_7C15) ^ (second >> 29)
        }
        return hex(first) + hex(second)
    }

    public static func digest(_ text: String) -> String { digest(Array(text.utf8)) }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
