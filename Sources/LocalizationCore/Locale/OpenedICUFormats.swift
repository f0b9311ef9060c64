import Synchronization

/// ICU formats (numbers, dates) opened once per key for the whole process: opening one — the
/// CLDR data, for dates the pattern generator and symbols — costs about a millisecond,
/// formatting with it a few microseconds, and a site formats thousands of distinct numbers and
/// dates in every locale.
///
/// An ICU format is not thread-safe (a date format sets its calendar to format), so each
/// opened format is used by one caller at a time, behind a mutex of its own.
final class OpenedICUFormats<Key: Hashable & Sendable>: Sendable {
    /// Opens the format for a key, setting the ICU status (> 0: failure).
    typealias Open = @Sendable (Key, inout Int32) -> OpaquePointer?

    /// One opened format; closed when the process lets go of it.
    private final class Format: @unchecked Sendable {
        let handle: Mutex<OpaquePointer>
        private let close: @Sendable (OpaquePointer) -> Void

        init(handle: sending OpaquePointer, close: @escaping @Sendable (OpaquePointer) -> Void) {
            self.handle = Mutex(handle)
            self.close = close
        }

        deinit {
            handle.withLock { close($0) }
        }
    }

    private let open: Open
    private let close: @Sendable (OpaquePointer) -> Void
    /// A handful per run: locales × styles (or skeletons).
    private let opened = Mutex<[Key: Format]>([:])

    init(open: @escaping Open, close: @escaping @Sendable (OpaquePointer) -> Void) {
        self.open = open
        self.close = close
    }

    /// `body` with the format for `key`, opened on first use; `operation` names the call in
    /// the error when ICU cannot open it.
    func with(_ key: Key, operation: String, _ body: (OpaquePointer) throws(ICUError) -> String) throws(ICUError) -> String {
        let format = try opened.withLock { (opened) throws(ICUError) -> Format in
            if let known = opened[key] { return known }
            var status: Int32 = 0
            guard let handle = open(key, &status), status <= 0 else { throw ICUError(operation, code: status) }
            let format = Format(handle: handle, close: close)
            opened[key] = format
            return format
        }
        return try format.handle.withLock { (handle) throws(ICUError) -> String in try body(handle) }
    }
}
