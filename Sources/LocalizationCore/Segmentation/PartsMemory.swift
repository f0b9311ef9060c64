#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The parts of units already segmented, by their exact content (`Segmenter.parts(of:)`): a
/// site repeats its header, footer and shared paragraphs on every page, and a repeated unit
/// then costs one lookup instead of its UTF-16, its boundaries and its sentences' strings.
///
/// A content is known by its spelling (`forEachPiece(of:_:)`): every byte of its texts and
/// of its codes' fields, each preceded by its length. "Exact" means byte for byte: `String`'s
/// equality takes canonically equivalent texts ("ä" precomposed and decomposed) for the same,
/// and the parts remembered for one would replace the other's bytes. A content is hashed and
/// compared where it is, piece by piece with `memcmp` against the remembered spellings, which
/// are kept one after the other in one array; the table holds only integers. A dictionary
/// keyed by the contents themselves retained every key it passed on its way to an empty slot
/// and compared fragment by fragment, copying each: half of segmentation's time.
///
/// Up to `limit` bytes of spellings are remembered; beyond it, everything but the content just
/// remembered is forgotten and the count restarts. Owned by one thread at a time (through the segmenter's
/// pool of `CompiledRules`).
struct PartsMemory {
    private struct Entry {
        /// Where the content's spelling is in `spellings`.
        var spelling: Range<Int>
        var parts: [UnitPart]
        /// The entry remembered earlier with the same hash, if any.
        var earlierWithSameHash: Int?
    }

    /// The latest entry remembered for each hash; earlier ones are chained from it.
    private var latestEntryByHash: [Int: Int] = [:]
    private var entries: [Entry] = []
    /// Every remembered content's spelling, one after the other.
    private var spellings: [UInt8] = []
    let limit: Int
    /// The hash of a content: `contentHash(_:)` unless a test needs collisions.
    private let hash: (Content) -> Int

    init(limit: Int, hash: @escaping (Content) -> Int = Self.contentHash) {
        self.limit = limit
        self.hash = hash
    }

    /// How many contents are remembered.
    var count: Int { entries.count }

    /// The parts remembered for `content`, or those `find` gives, remembered for next time.
    mutating func parts(of content: Content, orFind find: () -> [UnitPart]) -> [UnitPart] {
        let hash = hash(content)
        var candidate = latestEntryByHash[hash]
        while let index = candidate {
            if Self.spelling(of: content, is: entries[index].spelling, in: spellings) { return entries[index].parts }
            candidate = entries[index].earlierWithSameHash
        }
        let parts = find()
        var start = spellings.count
        spellings += Self.spelling(of: content)
        if spellings.count > limit {
            // Forgotten, but the content just spelled (at the end) is kept.
            spellings.removeSubrange(0 ..< start)
            start = 0
            latestEntryByHash.removeAll()
            entries.removeAll()
        }
        entries.append(Entry(spelling: start ..< spellings.count, parts: parts, earlierWithSameHash: latestEntryByHash[hash]))
        latestEntryByHash[hash] = entries.count - 1
        return parts
    }

    /// A hash of `content`'s texts and codes' markup, eight bytes at a time (a multiply and a
    /// shift for each word). Those tell contents apart; the comparison of a candidate's whole
    /// spelling decides. The standard library's `Hasher` (SipHash) over every piece of the
    /// spelling spent about a third of segmentation's time. The hash is not seeded: pages whose
    /// contents collide only cost a comparison more each, and the table hashes the value again
    /// with its seed.
    static func contentHash(_ content: Content) -> Int {
        var hash: UInt64 = 0
        for fragment in content.fragments {
            switch fragment {
            case .text(let text):
                text.withContiguousUTF8 { hash = hashing(UnsafeRawBufferPointer($0), into: hash) }
            case .opening(let code), .closing(let code), .standalone(let code, _):
                code.originalData.withContiguousUTF8 { hash = hashing(UnsafeRawBufferPointer($0), into: hash) }
            }
        }
        return Int(truncatingIfNeeded: hash)
    }

    private static func hashing(_ bytes: UnsafeRawBufferPointer, into hash: UInt64) -> UInt64 {
        var hash = hash
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mixing(hash, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        // The last bytes (fewer than eight) in the low bytes of a word, their count in the high one.
        var tail = UInt64(bytes.count - offset) << 56
        for index in offset ..< bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
        return mixing(hash, tail)
    }

    /// The multiply carries every bit of the word into the bits above it; the shift brings the
    /// high half, where the product's mixing is, back into the low one.
    private static func mixing(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return product ^ product >> 32
    }

    /// Whether `content` is spelled as the bytes at `range` of `spellings` are.
    private static func spelling(of content: Content, is range: Range<Int>, in spellings: [UInt8]) -> Bool {
        spellings.withUnsafeBytes { spellings in
            var offset = range.lowerBound
            var same = true
            forEachPiece(of: content) { piece in
                guard same, offset + piece.count <= range.upperBound else { same = false; return }
                same = piece.isEmpty || memcmp(spellings.baseAddress! + offset, piece.baseAddress!, piece.count) == 0
                offset += piece.count
            }
            return same && offset == range.upperBound
        }
    }

    // MARK: - Spelling

    /// `content`'s spelling (see `forEachPiece(of:_:)`).
    static func spelling(of content: Content) -> [UInt8] {
        var bytes: [UInt8] = []
        forEachPiece(of: content) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Calls `body` with each piece of `content`'s spelling, in order: for each fragment a
    /// word holding its kind and the length of its text, then the text, or for a code each
    /// of its fields; two contents have the same spelling only when they have the same bytes
    /// in the same places.
    static func forEachPiece(of content: Content, _ body: (UnsafeRawBufferPointer) -> Void) {
        for fragment in content.fragments {
            switch fragment {
            case .text(let text):
                spell(text, kind: 0, body)
            case .opening(let code):
                spell(code, kind: 1, body)
            case .closing(let code):
                spell(code, kind: 2, body)
            case .standalone(let code, nil):
                spell(code, kind: 3, body)
            case .standalone(let code, .opening?):
                spell(code, kind: 4, body)
            case .standalone(let code, .closing?):
                spell(code, kind: 5, body)
            }
        }
    }

    /// Every field of `InlineCode` (`PartsMemoryTests` fails when one is added and not spelled).
    private static func spell(_ code: InlineCode, kind: UInt8, _ body: (UnsafeRawBufferPointer) -> Void) {
        spell(code.id, kind: kind, body)
        spell(code.kind.rawValue, kind: 0, body)
        spell(code.elementName, kind: 0, body)
        spell(code.originalData, kind: 0, body)
        // Kinds for the optional display text and the flags, the number of attributes as a length.
        spell(code.displayText ?? "", kind: (code.displayText == nil ? 0 : 1) | (code.canDelete ? 2 : 0) | (code.canCopy ? 4 : 0), body)
        word(kind: 0, length: code.formatAttributes.count, body)
        guard !code.formatAttributes.isEmpty else { return }
        // In an order of their bytes: two dictionaries of the same pairs may list them differently.
        for (name, value) in code.formatAttributes.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            spell(name, kind: 0, body)
            spell(value, kind: 0, body)
        }
    }

    private static func spell(_ text: String, kind: UInt8, _ body: (UnsafeRawBufferPointer) -> Void) {
        text.withContiguousUTF8 { text in
            word(kind: kind, length: text.count, body)
            body(UnsafeRawBufferPointer(text))
        }
    }

    /// One word for a kind and a length, so that a piece of text is one word and its bytes.
    private static func word(kind: UInt8, length: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
        withUnsafeBytes(of: UInt64(length) << 8 | UInt64(kind)) { body($0) }
    }
}
