/// One translation in the memory: a source segment, its target, and where it came from.
public struct MemoryEntry: Sendable, Hashable {
    /// Where a translation came from.
    public enum Origin: String, Sendable, Hashable, CaseIterable {
        /// Delivered by a translator in a returned job.
        case translator
        /// Written for the sample project; unreviewed.
        case sample
        /// Imported from a TMX or XLIFF file.
        case `import`
    }

    /// Who, which job, when.
    public struct Provenance: Sendable, Hashable {
        public var origin: Origin
        public var creator: String?
        public var job: String?
        /// ISO 8601 date and time.
        public var date: String

        public init(origin: Origin, creator: String? = nil, job: String? = nil, date: String) {
            self.origin = origin
            self.creator = creator
            self.job = job
            self.date = date
        }
    }

    /// Where the segment stood, for in-context (101%) matches.
    public struct Context: Sendable, Hashable {
        /// The structural id of the unit it came from (page and unit id).
        public var unit: String?
        /// The source text of the segments before and after it, when there were any.
        public var previous: String?
        public var next: String?

        public init(unit: String? = nil, previous: String? = nil, next: String? = nil) {
            self.unit = unit
            self.previous = previous
            self.next = next
        }
    }

    public var source: Content
    public var target: Content
    public var state: TranslationState
    public var provenance: Provenance
    public var context: Context

    public init(source: Content, target: Content, state: TranslationState = .translated, provenance: Provenance, context: Context = Context()) {
        self.source = source.nfc
        self.target = target.nfc
        self.state = state
        self.provenance = provenance
        self.context = context
    }

    /// An entry whose source and target are known to be in NFC already: one read back from a
    /// `MemorySnapshot` of entries made by `init(source:target:state:provenance:context:)`.
    init(normalizedSource source: Content, target: Content, state: TranslationState, provenance: Provenance, context: Context) {
        self.source = source
        self.target = target
        self.state = state
        self.provenance = provenance
        self.context = context
    }

    /// The key under which exact matches are found: NFC text with code markers.
    public var key: String { MemoryEntry.key(for: source) }

    static func key(for content: Content) -> String {
        content.fragments.map { fragment in
            switch fragment {
            case .text(let text): text.nfc
            case .opening(let code): "\u{E000}\(code.id)\u{E001}"
            case .closing(let code): "\u{E002}\(code.id)\u{E001}"
            case .standalone(let code, _): "\u{E003}\(code.id)\u{E001}"
            }
        }.joined()
    }

    /// `stableHash64(key(for: content))`, without building the key: what the exact index
    /// needs of every entry when a memory is loaded.
    static func keyHash(for content: Content) -> UInt64 {
        // The key's pieces fed one after the other, as `stableHash64` would hash them joined.
        var hasher = StableHasher()
        func hash(marker: String, id: String) {
            hasher.combine(marker)
            hasher.combine(id)
            hasher.combine("\u{E001}")
        }
        for fragment in content.fragments {
            switch fragment {
            case .text(let text): hasher.combine(text.nfc)
            case .opening(let code): hash(marker: "\u{E000}", id: code.id)
            case .closing(let code): hash(marker: "\u{E002}", id: code.id)
            case .standalone(let code, _): hash(marker: "\u{E003}", id: code.id)
            }
        }
        return hasher.value
    }

    /// Whether `content`'s pieces, as they stand, spell `key` byte for byte: its text, and a
    /// marker, id and end marker for each code, as `key(for:)` joins them. Then `key(for:
    /// content) == key`, since that only normalises the text to a canonically equivalent one.
    /// For content whose text is in NFC (every memory entry's source) it is exactly whether
    /// `key(for: content)` has `key`'s bytes. An exact lookup asks this of every entry whose
    /// key hash matches, without building its key.
    static func spells(_ key: String, _ content: Content) -> Bool {
        var key = key
        return key.withUTF8 { key in
            var position = 0
            // Whether `piece` comes next in `key`, moving past it if so.
            func next(_ piece: String) -> Bool {
                var piece = piece
                return piece.withUTF8 { piece in
                    guard piece.count <= key.count - position else { return false }
                    guard piece.elementsEqual(key[position ..< position + piece.count]) else { return false }
                    position += piece.count
                    return true
                }
            }
            for fragment in content.fragments {
                let matched = switch fragment {
                case .text(let text): next(text)
                case .opening(let code): next("\u{E000}") && next(code.id) && next("\u{E001}")
                case .closing(let code): next("\u{E002}") && next(code.id) && next("\u{E001}")
                case .standalone(let code, _): next("\u{E003}") && next(code.id) && next("\u{E001}")
                }
                guard matched else { return false }
            }
            return position == key.count
        }
    }
}

extension MemoryEntry {
    /// Entries with the same identity replace each other: same source, same context unit.
    var identity: String { key + "\u{1F}" + (context.unit ?? "") }
}
