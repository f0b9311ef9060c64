internal import CICU
import Synchronization

/// ICU collation for one locale: sorts terms as readers of that language expect
/// (Arabic, Persian, Turkish "ç" after "c", Ukrainian "ґ" after "г"…).
///
/// Owns an ICU collator for its lifetime; calls are serialised by a mutex.
public final class Collator: @unchecked Sendable {
    private let handle: Mutex<OpaquePointer>

    /// A collator for a BCP 47 tag; nil when ICU cannot open one.
    public init?(locale: String) {
        var status: Int32 = 0
        guard let collator = cicu_collator_open(locale.replacingOccurrences(of: "-", with: "_"), &status), status <= 0 else { return nil }
        handle = Mutex(collator)
    }

    deinit {
        handle.withLock { cicu_collator_close($0) }
    }

    /// The sort key of a string; keys compare bytewise in the locale's order.
    public func sortKey(_ text: String) -> [UInt8] {
        let utf16 = Array(text.utf16)
        return handle.withLock { collator in
            let needed = cicu_collator_sort_key(collator, utf16, Int32(utf16.count), nil, 0)
            var key = [UInt8](repeating: 0, count: Int(needed))
            _ = cicu_collator_sort_key(collator, utf16, Int32(utf16.count), &key, needed)
            return key
        }
    }

    /// Sorts values by a string of each in this locale's order.
    public func sorted<T>(_ values: [T], by text: (T) -> String) -> [T] {
        values.map { (sortKey(text($0)), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }
}
