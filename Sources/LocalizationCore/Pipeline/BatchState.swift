public import Foundation
import Synchronization

/// What the last completed `run` saw and wrote, so the next one does only what changed:
/// `jobs/state/batch.tsv`, written atomically as the run's last step. A run killed before
/// that step leaves the previous state, and the rerun redoes the same work with the same
/// result (every output is a function of the inputs and this state).
///
/// It covers every page of the site and is read at every run, so it is a line-based text file
/// rather than JSON (decoding 10,000 pages of JSON took longer than everything else an
/// unchanged rerun does): one line per page with its units and outputs packed in fields, one
/// line per unit out with a translator and per job. See `encoded()` for the format.
public struct BatchState: Sendable, Equatable {
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

        /// The text without control characters, so that no separator or escape is needed.
        var line: String { "\(id) \(hash) \(words) " + String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })) }

        /// Between units in `Page.units` (never in a unit's line, see `line`).
        static let separator: Character = "\u{1F}"

        /// A unit's `line` in UTF-8: the id, hash and word count up to the first three spaces
        /// (none of them holds one), the text after them.
        init?(line: UnsafeBufferPointer<UInt8>) {
            var spaces: [Int] = []
            for index in line.indices where line[index] == UInt8(ascii: " ") {
                spaces.append(index)
                if spaces.count == 3 { break }
            }
            guard spaces.count >= 2 else { return nil }
            let field = { (range: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self) }
            let wordsEnd = spaces.count == 3 ? spaces[2] : line.count
            guard let words = Int(field(spaces[1] + 1 ..< wordsEnd)) else { return nil }
            self.init(id: field(0 ..< spaces[0]), hash: field(spaces[0] + 1 ..< spaces[1]), words: words,
                      text: spaces.count == 3 ? field(spaces[2] + 1 ..< line.count) : "")
        }
    }

    /// One page in one locale as last written: the digest of its bytes and its coverage.
    public struct Output: Sendable, Hashable {
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

    public struct Page: Sendable, Equatable {
        /// Digest of the page's bytes.
        public var hash: String
        /// The page's units (see `Unit`), separated by U+001F, parsed only for pages that changed.
        public var units: String
        public var unitCount: Int
        public var words: Int
        /// Locale tag (target, source or pseudo) → what was written for it.
        public var outputs: [String: Output]

        public init(hash: String, units: [Unit], outputs: [String: Output]) {
            self.hash = hash
            self.units = units.map(\.line).joined(separator: String(Unit.separator))
            unitCount = units.count
            words = units.reduce(0) { $0 + $1.words }
            self.outputs = outputs
        }

        init(hash: String, units: String, unitCount: Int, words: Int, outputs: [String: Output]) {
            self.hash = hash
            self.units = units
            self.unitCount = unitCount
            self.words = words
            self.outputs = outputs
        }

        /// The units, split on the separator's byte: a control character is a character of
        /// its own, so the bytes are cut where characters would be, without finding every
        /// character of every text (a cold run lists half a million units).
        public var unitList: [Unit] {
            guard !units.isEmpty else { return [] }
            var list: [Unit] = []
            list.reserveCapacity(unitCount)
            var units = units
            units.withUTF8 { bytes in
                for line in bytes.split(separator: Unit.separator.asciiValue!, omittingEmptySubsequences: false) {
                    if let unit = Unit(line: UnsafeBufferPointer(rebasing: line)) { list.append(unit) }
                }
            }
            return list
        }
    }

    /// A unit sent to translators and not translated yet, keyed by "page#unit".
    public struct OutUnit: Sendable, Hashable {
        public var job: String
        public var hash: String
        public var words: Int
    }

    /// A job sent to translators.
    public struct SentJob: Sendable, Hashable {
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
        let bytes = try ProjectFiles.read(path: url.path, limit: 1 << 30)
        do {
            return try decode(bytes)
        } catch {
            throw .invalidProjectFile(url.path, reason: "line \(error.line): \(error.reason); delete the file to rebuild every page")
        }
    }

    static let magic = "translate-pipeline batch state"

    /// The file: a header line, then one record per line, fields separated by tabs (tabs,
    /// newlines and backslashes in a field escaped as `\t`, `\n`, `\\`), in a fixed order so
    /// that equal states are equal bytes:
    ///
    ///     translate-pipeline batch state <TAB> 1
    ///     inputs  <digest>
    ///     memory  <locale> <digest>
    ///     page    <name> <hash> <units> <words> <units, joined by U+001F> <outputs>
    ///     out     <locale> <job id> <page> <unit hash words, joined by ;>
    ///     job     <job id> <locale> <path> <units> <words> <superseded>
    ///
    /// where `<outputs>` is `locale digest published c0,c1,…` per output, joined by `;`.
    public func encoded() -> [UInt8] {
        // Bytes appended in place, keys sorted rather than whole records: a large site's
        // state is tens of megabytes, written by every run that changed anything, and the run
        // waits for it. The pages and each locale's units out are encoded on every core and
        // joined in the file's order.
        let tags = out.keys.sorted()
        let sections = Mutex<[Int: [UInt8]]>([:])
        DispatchQueue.concurrentPerform(iterations: 1 + tags.count) { section in
            let bytes = section == 0 ? encodedPages() : encodedUnitsOut(tags[section - 1])
            sections.withLock { $0[section] = bytes }
        }
        var file = LineWriter()
        file.bytes.reserveCapacity(sections.withLock { $0.values.reduce(1 << 16) { $0 + $1.count } })
        file.line([Self.magic, String(version)], escaping: false)
        file.line(["inputs", inputs])
        for tag in memories.keys.sorted() {
            file.line(["memory", tag, memories[tag]!])
        }
        sections.withLock { sections in
            for section in 0 ... tags.count { file.bytes += sections[section]! }
        }
        for id in jobs.keys.sorted() {
            let job = jobs[id]!
            file.line(["job", id, job.locale, job.path, String(job.units), String(job.words), String(job.superseded)])
        }
        return file.bytes
    }

    /// The `page` records.
    private func encodedPages() -> [UInt8] {
        var file = LineWriter()
        file.bytes.reserveCapacity(pages.values.reduce(1 << 16) { $0 + $1.units.utf8.count + 64 * $1.outputs.count + 160 })
        for name in pages.keys.sorted() {
            let page = pages[name]!
            file.fields(["page", name, page.hash, String(page.unitCount), String(page.words), page.units])
            file.separator()
            for (index, tag) in page.outputs.keys.sorted().enumerated() {
                let output = page.outputs[tag]!
                if index > 0 { file.bytes.append(UInt8(ascii: ";")) }
                file.text(tag)
                file.bytes.append(0x20)
                file.text(output.bytes)
                file.bytes += output.published ? [0x20, UInt8(ascii: "1"), 0x20] : [0x20, UInt8(ascii: "0"), 0x20]
                for (position, count) in output.counts.enumerated() {
                    if position > 0 { file.bytes.append(UInt8(ascii: ",")) }
                    file.bytes += String(count).utf8
                }
            }
            file.bytes.append(0x0A)
        }
        return file.bytes
    }

    /// The `out` records of locale `tag`: one line per job and page (a large site has many
    /// units out), in the order of job, page and unit.
    private func encodedUnitsOut(_ tag: String) -> [UInt8] {
        var file = LineWriter()
        let members = OutMembers(out[tag]!)
        var start = 0
        while start < members.order.count {
            let first = members.order[start]
            var end = start + 1
            while end < members.order.count, members.sameJobAndPage(members.order[end], first) { end += 1 }
            file.fields(["out", tag, members.units[first].job, members.pages[first]])
            file.separator()
            for (index, member) in members.order[start ..< end].enumerated() {
                if index > 0 { file.bytes.append(UInt8(ascii: ";")) }
                file.text(members.ids[member])
                file.bytes.append(0x20)
                file.text(members.units[member].hash)
                file.bytes.append(0x20)
                file.bytes += String(members.units[member].words).utf8
            }
            file.bytes.append(0x0A)
            start = end
        }
        return file.bytes
    }

    /// The units out of one locale, their keys split, and their order in the `out` records:
    /// by job, page and unit id.
    ///
    /// Jobs and pages are few against the units (a large site has 150,000 units out in 80,000
    /// records): they are sorted once each, and the units by their ranks, with unit ids
    /// compared only within a page. Positions are sorted rather than the units themselves,
    /// whose five strings were retained and released at every move. Sorting the units by three
    /// strings took most of encoding the state, which the run waits for.
    struct OutMembers {
        var pages: [String] = []
        var ids: [String] = []
        var units: [OutUnit] = []
        /// Positions in the arrays above, in the records' order.
        private(set) var order: [Int] = []
        private var jobRanks: [Int32] = []
        private var pageRanks: [Int32] = []

        init(_ unitsOut: [String: OutUnit]) {
            pages.reserveCapacity(unitsOut.count)
            ids.reserveCapacity(unitsOut.count)
            units.reserveCapacity(unitsOut.count)
            for (key, unit) in unitsOut {
                let (page, id) = BatchRun.split(key: key)
                pages.append(page)
                ids.append(id)
                units.append(unit)
            }
            func ranks(_ names: [String]) -> [Int32] {
                let rankOf = Dictionary(uniqueKeysWithValues: Set(names).sorted().enumerated().map { ($1, Int32($0)) })
                return names.map { rankOf[$0]! }
            }
            let jobRanks = ranks(units.map(\.job))
            let pageRanks = ranks(pages)
            var order = Array(units.indices)
            ids.withUnsafeBufferPointer { ids in
                order.sort { first, second in
                    if jobRanks[first] != jobRanks[second] { return jobRanks[first] < jobRanks[second] }
                    if pageRanks[first] != pageRanks[second] { return pageRanks[first] < pageRanks[second] }
                    return ids[first] < ids[second]
                }
            }
            self.order = order
            self.jobRanks = jobRanks
            self.pageRanks = pageRanks
        }

        func sameJobAndPage(_ first: Int, _ second: Int) -> Bool {
            jobRanks[first] == jobRanks[second] && pageRanks[first] == pageRanks[second]
        }
    }

    /// Tab-separated fields, one record per line, tabs, newlines and backslashes escaped.
    private struct LineWriter {
        var bytes: [UInt8] = []

        /// A whole record.
        mutating func line(_ fields: [String], escaping: Bool = true) {
            if escaping { self.fields(fields) } else { bytes += fields.joined(separator: "\t").utf8 }
            bytes.append(0x0A)
        }

        /// Fields of a record that goes on (a separator, then more of it, written in place).
        mutating func fields(_ fields: [String]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { separator() }
                text(field)
            }
        }

        mutating func separator() {
            bytes.append(0x09)
        }

        /// Text within a field, escaped.
        mutating func text(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                guard utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x5C }) else { return bytes.append(contentsOf: utf8) }
                for byte in utf8 {
                    switch byte {
                    case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
                    case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
                    case 0x5C: bytes += [0x5C, 0x5C]
                    default: bytes.append(byte)
                    }
                }
            }
        }
    }

    struct FormatError: Error {
        var line: Int
        var reason: String
    }

    static func decode(_ bytes: [UInt8]) throws(FormatError) -> BatchState {
        // The header decides whether the rest is read at all.
        let headerEnd = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
        let header = String(decoding: bytes[..<headerEnd], as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
        guard header.count == 2, header[0] == magic else { throw FormatError(line: 1, reason: "not a batch state file") }
        guard header[1] == String(currentVersion) else { return BatchState() }

        // The records, in slices of whole lines decoded on every core: a large site's state
        // is tens of megabytes, read at every run.
        let body = min(headerEnd + 1, bytes.endIndex)
        let sliceCount = bytes.count - body > 1 << 20 ? ProcessInfo.processInfo.activeProcessorCount * 2 : 1
        var bounds = [body]
        for slice in 1 ..< sliceCount {
            let guess = max(bounds.last!, body + (bytes.count - body) * slice / sliceCount)
            bounds.append(bytes[guess...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.endIndex)
        }
        bounds.append(bytes.endIndex)
        let slices = bounds
        let decoded = Mutex<[Int: Result<BatchState, FormatError>]>([:])
        DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
            let result = Result { () throws(FormatError) in try decodeRecords(bytes[slices[slice] ..< slices[slice + 1]]) }
            decoded.withLock { $0[slice] = result }
        }
        var parts: [BatchState] = []
        for slice in 0 ..< sliceCount {
            switch decoded.withLock({ $0[slice]! }) {
            case .success(let part):
                parts.append(part)
            case .failure(var error):
                // Line numbers count from the start of the file, not of the slice.
                error.line += 1 + bytes[body ..< bounds[slice]].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                throw error
            }
        }
        // Joined into tables made large enough at once: growing them took longer than filling.
        var state = BatchState()
        state.pages.reserveCapacity(parts.reduce(0) { $0 + $1.pages.count })
        for tag in Set(parts.flatMap(\.out.keys)) {
            state.out[tag] = Dictionary(minimumCapacity: parts.reduce(0) { $0 + ($1.out[tag]?.count ?? 0) })
        }
        for part in parts {
            if !part.inputs.isEmpty { state.inputs = part.inputs }
            state.memories.merge(part.memories) { $1 }
            state.pages.merge(part.pages) { $1 }
            for (tag, units) in part.out { state.out[tag]!.merge(units) { $1 } }
            state.jobs.merge(part.jobs) { $1 }
        }
        return state
    }

    /// The records of `lines` (whole lines, no header); error lines count from its start.
    ///
    /// A cursor over the bytes rather than `split`: a large site's state has a hundred
    /// thousand outputs and units out, and arrays of slices per record cost more than the
    /// records.
    private static func decodeRecords(_ lines: ArraySlice<UInt8>) throws(FormatError) -> BatchState {
        try lines.withUnsafeBufferPointer { buffer throws(FormatError) in
            var state = BatchState()
            var reader = RecordReader(bytes: buffer)
            var number = 0
            while let line = reader.nextLine() {
                number += 1
                let fields = reader.fields(of: line)
                guard fields.count > 0 else { continue }
                func text(_ index: Int) -> String { reader.text(fields[index]) }
                func int(_ index: Int) throws(FormatError) -> Int {
                    guard index < fields.count, let value = reader.integer(fields[index]) else { throw FormatError(line: number, reason: "field \(index + 1) is not a number") }
                    return value
                }
                switch (reader.text(fields[0]), fields.count) {
                case ("inputs", 2):
                    state.inputs = text(1)
                case ("memory", 3):
                    state.memories[text(1)] = text(2)
                case ("page", 7):
                    var outputs: [String: Output] = [:]
                    for entry in reader.parts(of: fields[6], separatedBy: UInt8(ascii: ";")) {
                        // A source page's output has no counts: its fourth part is empty.
                        let parts = reader.parts(of: entry, separatedBy: 0x20, keepingEmpty: true)
                        guard parts.count == 4 else { throw FormatError(line: number, reason: "an output is not \"locale digest published counts\"") }
                        let counts = reader.parts(of: parts[3], separatedBy: UInt8(ascii: ",")).compactMap { reader.integer($0) }
                        outputs[reader.text(parts[0])] = Output(bytes: reader.text(parts[1]), counts: counts, published: reader.text(parts[2]) == "1")
                    }
                    state.pages[text(1)] = Page(hash: text(2), units: text(5), unitCount: try int(3), words: try int(4), outputs: outputs)
                case ("out", 5):
                    let tag = text(1), job = text(2), prefix = text(3) + "#"
                    var units = state.out[tag] ?? [:]
                    state.out[tag] = nil
                    for member in reader.parts(of: fields[4], separatedBy: UInt8(ascii: ";")) {
                        let parts = reader.parts(of: member, separatedBy: 0x20)
                        guard parts.count == 3, let words = reader.integer(parts[2]) else { throw FormatError(line: number, reason: "an out unit is not \"id hash words\"") }
                        units[prefix + reader.text(parts[0])] = OutUnit(job: job, hash: reader.text(parts[1]), words: words)
                    }
                    state.out[tag] = units
                case ("job", 7):
                    state.jobs[text(1)] = SentJob(locale: text(2), path: text(3), units: try int(4), words: try int(5), superseded: try int(6))
                case (let kind, let count):
                    throw FormatError(line: number, reason: "unknown record \"\(kind)\" with \(count) fields")
                }
            }
            return state
        }
    }

    /// Lines, fields and numbers of a state file, as ranges of its bytes.
    private struct RecordReader {
        let bytes: UnsafeBufferPointer<UInt8>
        private var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func nextLine() -> Range<Int>? {
            while position < bytes.count, bytes[position] == 0x0A { position += 1 }
            guard position < bytes.count else { return nil }
            let end = bytes.firstIndex(of: 0x0A, in: position ..< bytes.count) ?? bytes.count
            defer { position = end }
            return position ..< end
        }

        func fields(of line: Range<Int>) -> [Range<Int>] {
            parts(of: line, separatedBy: 0x09, keepingEmpty: true)
        }

        /// The ranges between separators; empty ones are dropped unless `keepingEmpty`.
        func parts(of range: Range<Int>, separatedBy separator: UInt8, keepingEmpty: Bool = false) -> [Range<Int>] {
            var parts: [Range<Int>] = []
            var start = range.lowerBound
            while true {
                let end = bytes.firstIndex(of: separator, in: start ..< range.upperBound) ?? range.upperBound
                if keepingEmpty || end > start { parts.append(start ..< end) }
                guard end < range.upperBound else { return parts }
                start = end + 1
            }
        }

        /// The field's text, unescaped (see `escape`).
        func text(_ range: Range<Int>) -> String {
            let field = UnsafeBufferPointer(rebasing: bytes[range])
            guard bytes.firstIndex(of: 0x5C, in: range) != nil else { return String(decoding: field, as: UTF8.self) }
            var unescaped: [UInt8] = []
            var escaped = false
            for byte in field {
                if escaped {
                    unescaped.append(byte == UInt8(ascii: "t") ? 0x09 : byte == UInt8(ascii: "n") ? 0x0A : byte)
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else {
                    unescaped.append(byte)
                }
            }
            return String(decoding: unescaped, as: UTF8.self)
        }

        /// A decimal number as `encoded()` writes it (digits, maybe a minus sign).
        func integer(_ range: Range<Int>) -> Int? {
            var digits = range
            let negative = digits.first.map { bytes[$0] == UInt8(ascii: "-") } ?? false
            if negative { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.count <= 18 else { return nil }
            var value = 0
            for index in digits {
                let byte = bytes[index]
                guard (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return negative ? -value : value
        }
    }

    public static func url(_ project: Project) -> URL {
        project.jobsFolder.appendingPathComponent("state").appendingPathComponent("batch.tsv")
    }

    /// A 128-bit digest for change detection (not for security): two multiply-xorshift lanes
    /// over 8-byte words, fast enough to hash every page and memory of a large site at every
    /// run (about a byte per cycle; a byte-at-a-time hash was the slowest part of a rerun).
    public static func digest(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { digest($0) }
    }

    /// `digest(_:)` of bytes in place (a snapshot's payload, read without a copy).
    static func digest(_ buffer: UnsafeRawBufferPointer) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(buffer.count)
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
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
        return hex(first) + hex(second)
    }

    public static func digest(_ text: String) -> String { digest(Array(text.utf8)) }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
