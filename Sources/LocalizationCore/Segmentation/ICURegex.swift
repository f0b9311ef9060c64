internal import CICU

/// An ICU regular expression, the syntax SRX 2.0 uses. It owns its C handle, which is not
/// thread-safe: an instance is used by one thread at a time (not `Sendable`).
final class ICURegex {
    private let handle: OpaquePointer

    init(_ pattern: String, caseInsensitive: Bool = false) throws(SegmentationError) {
        var status: Int32 = 0
        var offset: Int32 = 0
        guard let handle = cicu_regex_open(pattern, caseInsensitive ? 1 : 0, &offset, &status), status <= 0 else {
            throw .invalidPattern(pattern, offset: Int(offset), reason: String(cString: cicu_error_name(status)))
        }
        self.handle = handle
    }

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        cicu_regex_close(handle)
    }

    /// A copy for use on another thread.
    func copy() -> ICURegex? {
        var status: Int32 = 0
        return cicu_regex_clone(handle, &status).map(ICURegex.init(handle:))
    }

    /// Runs `body` with the regex bound to `text`; the binding ends with the call.
    func withText<Result>(_ text: [UInt16], _ body: (Bound) -> Result) -> Result {
        text.withUnsafeBufferPointer { withText($0, body) }
    }

    /// Runs `body` with the regex bound to `text`, which must stay valid during the call.
    func withText<Result>(_ text: UnsafeBufferPointer<UInt16>, _ body: (Bound) -> Result) -> Result {
        var status: Int32 = 0
        cicu_regex_set_text(handle, text.baseAddress, Int32(text.count), &status)
        return body(Bound(handle: handle, length: text.count))
    }

    /// Whether the pattern (anchored with `^…$` by the caller) matches `text`.
    func matchesWhole(_ text: String) -> Bool {
        withText(Array(text.utf16)) { $0.firstMatch(from: 0) != nil }
    }

    /// The regex while it is bound to a text.
    struct Bound {
        fileprivate let handle: OpaquePointer
        let length: Int

        /// The first match starting at or after `start`, as UTF-16 offsets.
        func firstMatch(from start: Int) -> Range<Int>? {
            guard start <= length else { return nil }
            var matchStart: Int32 = 0
            var matchEnd: Int32 = 0
            var status: Int32 = 0
            guard cicu_regex_find(handle, Int32(start), &matchStart, &matchEnd, &status) == 1 else { return nil }
            return Int(matchStart) ..< Int(matchEnd)
        }

        /// Every match, overlapping ones included (each search starts one past the last start).
        func allMatches() -> [Range<Int>] {
            var found: [Range<Int>] = []
            var start = 0
            while let match = firstMatch(from: start) {
                found.append(match)
                start = match.lowerBound + 1
            }
            return found
        }

        /// Whether the pattern matches text beginning exactly at `position`.
        func matches(at position: Int) -> Bool {
            guard position <= length else { return false }
            var status: Int32 = 0
            return cicu_regex_matches_at(handle, Int32(position), &status) == 1
        }

        /// Where the match beginning exactly at `position` ends: the match `firstMatch(from:)`
        /// reports when its search reaches `position`.
        func matchEnd(at position: Int) -> Int? {
            guard position <= length else { return nil }
            var end: Int32 = 0
            var status: Int32 = 0
            guard cicu_regex_match_end_at(handle, Int32(position), &end, &status) == 1 else { return nil }
            return Int(end)
        }
    }
}
