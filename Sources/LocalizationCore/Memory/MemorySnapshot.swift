/// A memory's entries in a compact binary form, made from its XLIFF file and named by that
/// file's digest, so that a run after a small change does not parse eight 40 MB XLIFF files
/// again (that took most of such a run). The XLIFF file stays the memory; a snapshot is a
/// cache beside the run's state: one made from other bytes, or damaged, is not used.
///
/// It keeps the memory's fuzzy index too (its words by number and each entry's word numbers):
/// finding the words of every entry again took most of the jobs of such a run, for the few
/// sentences it had to look up. The index is derived from the entries' sources alone, so it is
/// as valid as they are.
///
/// Reading one is what a run after a small change spends most of its time on before it
/// assembles pages, so the snapshot keeps what reading would otherwise compute for every
/// entry: its key hash (`MemoryEntry.keyHash(for:)`), and the entries as a memory held them,
/// each key and context unit once, so they are taken as they are rather than added one by
/// one. The distinct provenances are kept once (most of a memory's entries share one) and
/// shared by the entries read back, which saves an allocation per entry and its memory.
///
/// Layout: a header line `translate-pipeline memory snapshot <TAB> 3`, a line with the digest
/// of the XLIFF bytes it was made from, a line with the digest of the payload, then the
/// payload: the languages, the number of entries, the distinct provenances, every entry (its
/// provenance's number, key hash, source, target, state, context), the index's words and
/// every entry's word numbers; each string as a LEB128 length and UTF-8 bytes, each number as
/// LEB128, each key hash as 8 bytes, little-endian. A snapshot of an earlier version is not
/// read (its header differs): the run reads the XLIFF file and writes this version.
public enum MemorySnapshot {
    static let header = "translate-pipeline memory snapshot\t3\n"

    public static func encode(_ memory: TranslationMemory, madeFrom digest: String) -> [UInt8] {
        var payload = Writer()
        payload.string(memory.sourceLanguage)
        payload.string(memory.targetLanguage)
        payload.number(memory.entries.count)
        var provenanceNumbers: [MemoryEntry.Provenance: Int] = [:]
        var provenances: [MemoryEntry.Provenance] = []
        for entry in memory.entries where provenanceNumbers[entry.provenance] == nil {
            provenanceNumbers[entry.provenance] = provenances.count
            provenances.append(entry.provenance)
        }
        payload.number(provenances.count)
        for provenance in provenances {
            payload.string(provenance.origin.rawValue)
            payload.optional(provenance.creator)
            payload.optional(provenance.job)
            payload.string(provenance.date)
        }
        for (position, entry) in memory.entries.enumerated() {
            payload.number(provenanceNumbers[entry.provenance]!)
            payload.hash(memory.keyHash(at: position))
            payload.content(entry.source)
            payload.content(entry.target)
            payload.string(entry.state.rawValue)
            payload.optional(entry.context.unit)
            payload.optional(entry.context.previous)
            payload.optional(entry.context.next)
        }
        // Built now if no lookup has built it (a run that reads the XLIFF file, and so writes
        // the snapshot, sends new jobs as a rule and needs the index anyway), so that the runs
        // after it read the index instead of building it.
        let index = memory.fuzzyIndex
        payload.number(index.wordsByNumber.count)
        for word in index.wordsByNumber { payload.string(word) }
        for entry in 0 ..< index.count {
            let ids = index.wordIDs(ofEntry: entry)
            payload.number(ids.count)
            for id in ids { payload.number(Int(id)) }
        }
        return Array((header + digest + "\n" + BatchState.digest(payload.bytes) + "\n").utf8) + payload.bytes
    }

    /// The memory in `bytes` when they are an intact snapshot of the XLIFF bytes with `digest`.
    public static func decode(_ bytes: [UInt8], madeFrom digest: String) -> TranslationMemory? {
        let prefix = Array((header + digest + "\n").utf8)
        guard bytes.count > prefix.count + 33, bytes.starts(with: prefix), bytes[prefix.count + 32] == 0x0A else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            let payload = UnsafeBufferPointer(rebasing: buffer[(prefix.count + 33)...])
            guard String(decoding: buffer[prefix.count ..< prefix.count + 32], as: UTF8.self) == BatchState.digest(UnsafeRawBufferPointer(payload))
            else { return nil }
            var reader = Reader(bytes: payload)
            return reader.memory()
        }
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func number(_ value: Int) {
            var rest = UInt64(value)
            repeat {
                let low = UInt8(rest & 0x7F)
                rest >>= 7
                bytes.append(rest == 0 ? low : low | 0x80)
            } while rest != 0
        }

        mutating func string(_ text: String) {
            number(text.utf8.count)
            bytes += text.utf8
        }

        mutating func hash(_ value: UInt64) {
            withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        }

        /// Absent as 0, present as 1 and the string.
        mutating func optional(_ text: String?) {
            guard let text else { return number(0) }
            number(1)
            string(text)
        }

        mutating func content(_ content: Content) {
            number(content.fragments.count)
            for fragment in content.fragments {
                switch fragment {
                case .text(let text):
                    number(0)
                    string(text)
                case .opening(let code):
                    number(1)
                    self.code(code)
                case .closing(let code):
                    number(2)
                    self.code(code)
                case .standalone(let code, let isolated):
                    number(isolated == nil ? 3 : isolated == .opening ? 4 : 5)
                    self.code(code)
                }
            }
        }

        mutating func code(_ code: InlineCode) {
            string(code.id)
            string(code.kind.rawValue)
            string(code.elementName)
            string(code.originalData)
            optional(code.displayText)
            number((code.canDelete ? 1 : 0) | (code.canCopy ? 2 : 0))
            number(code.formatAttributes.count)
            for (name, value) in code.formatAttributes.sorted(by: { $0.key < $1.key }) {
                string(name)
                string(value)
            }
        }
    }

    /// Reads what `Writer` wrote; nil for anything else (a damaged file is not trusted).
    private struct Reader {
        /// The payload; the reader lives inside `decode`'s access to the snapshot's bytes.
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        var atEnd: Bool { position == bytes.count }
        var remaining: Int { bytes.count - position }

        /// The memory the payload holds, everything read and checked.
        mutating func memory() -> TranslationMemory? {
            guard let source = string(), let target = string(), let count = number(), count <= remaining,
                  let provenanceCount = number(), provenanceCount <= remaining
            else { return nil }
            var provenances: [MemoryEntry.Provenance] = []
            provenances.reserveCapacity(provenanceCount)
            for _ in 0 ..< provenanceCount {
                guard let origin = string().flatMap(MemoryEntry.Origin.init(rawValue:)),
                      let creator = optional(), let job = optional(), let date = string()
                else { return nil }
                provenances.append(.init(origin: origin, creator: creator, job: job, date: date))
            }
            var entries: [MemoryEntry] = []
            var keyHashes: [UInt64] = []
            entries.reserveCapacity(count)
            keyHashes.reserveCapacity(count)
            for _ in 0 ..< count {
                guard let provenance = number(), provenance < provenances.count, let keyHash = hash(),
                      let entrySource = content(), let entryTarget = content(),
                      let state = string().flatMap(TranslationState.init(rawValue:)),
                      let unit = optional(), let previous = optional(), let next = optional()
                else { return nil }
                // Written from entries made by `MemoryEntry.init`, so already in NFC.
                entries.append(MemoryEntry(normalizedSource: entrySource, target: entryTarget, state: state,
                                           provenance: provenances[provenance],
                                           context: .init(unit: unit, previous: previous, next: next)))
                keyHashes.append(keyHash)
            }
            guard let wordCount = number(), wordCount <= remaining else { return nil }
            var words: [String] = []
            words.reserveCapacity(wordCount)
            for _ in 0 ..< wordCount {
                guard let word = string() else { return nil }
                words.append(word)
            }
            // The entries' word numbers one after the other, as the index keeps them.
            var entryWords: [Int32] = []
            var wordStart: [Int32] = [0]
            wordStart.reserveCapacity(entries.count + 1)
            for _ in entries {
                guard let idCount = number(), idCount <= remaining else { return nil }
                for _ in 0 ..< idCount {
                    guard let id = number(), id < wordCount else { return nil }
                    entryWords.append(Int32(id))
                }
                wordStart.append(Int32(entryWords.count))
            }
            guard atEnd, let index = FuzzyIndex(vocabulary: words, words: entryWords, wordStart: wordStart) else { return nil }
            return TranslationMemory(sourceLanguage: source, targetLanguage: target, uniqueEntries: entries,
                                     keyHashes: keyHashes, fuzzyIndex: index)
        }

        mutating func number() -> Int? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while position < bytes.count, shift < 63 {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value <= UInt64(Int.max) ? Int(value) : nil }
                shift += 7
            }
            return nil
        }

        mutating func hash() -> UInt64? {
            guard remaining >= 8 else { return nil }
            defer { position += 8 }
            return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self))
        }

        mutating func string() -> String? {
            guard let count = number(), count <= remaining else { return nil }
            defer { position += count }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[position ..< position + count]), as: UTF8.self)
        }

        /// `.some(nil)` for an absent value, nil for damage.
        mutating func optional() -> String?? {
            switch number() {
            case 0: .some(nil)
            case 1: string().map { .some($0) }
            default: nil
            }
        }

        mutating func content() -> Content? {
            guard let count = number(), count <= remaining else { return nil }
            var fragments: [Content.Fragment] = []
            fragments.reserveCapacity(count)
            for _ in 0 ..< count {
                switch number() {
                case 0: guard let text = string() else { return nil }; fragments.append(.text(text))
                case 1: guard let code = code() else { return nil }; fragments.append(.opening(code))
                case 2: guard let code = code() else { return nil }; fragments.append(.closing(code))
                case 3: guard let code = code() else { return nil }; fragments.append(.standalone(code))
                case 4: guard let code = code() else { return nil }; fragments.append(.standalone(code, isolated: .opening))
                case 5: guard let code = code() else { return nil }; fragments.append(.standalone(code, isolated: .closing))
                default: return nil
                }
            }
            return Content(fragments)
        }

        mutating func code() -> InlineCode? {
            guard let id = string(), let kind = string().flatMap(InlineCode.Kind.init(rawValue:)), let elementName = string(),
                  let originalData = string(), let displayText = optional(), let flags = number(),
                  let attributeCount = number(), attributeCount <= remaining
            else { return nil }
            var attributes: [String: String] = [:]
            for _ in 0 ..< attributeCount {
                guard let name = string(), let value = string() else { return nil }
                attributes[name] = value
            }
            return InlineCode(id: id, kind: kind, elementName: elementName, originalData: originalData, displayText: displayText,
                              canDelete: flags & 1 != 0, canCopy: flags & 2 != 0, formatAttributes: attributes)
        }
    }
}
