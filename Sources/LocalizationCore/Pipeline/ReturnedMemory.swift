#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Gives the pages of freed memory back to the system.
///
/// When a large run frees the memories and the pages it kept for the jobs (a gigabyte on a
/// 10,000-page site), glibc keeps most of it mapped, scattered in the arenas of the threads
/// that allocated it; the reports that follow are encoded on other threads into large buffers
/// that this memory cannot serve, so they came on top of it: the cold run's peak, over 2 GB.
/// glibc's `malloc_trim` releases the free pages of every arena.
enum ReturnedMemory {
    static func giveBackFreedPages() {
        _ = mallocTrim?(0)
    }

    /// Frees what `value` holds, which must be its last reference, on a thread of its own
    /// and gives the pages back; `value` is left `empty`, and the task finishes when the
    /// pages are given back. Freeing the eight memories of a large site takes half a second
    /// of releasing millions of strings and arrays, which the run spends meanwhile on its
    /// summary and state.
    static func free<Value: Sendable>(_ value: inout Value, leaving empty: Value) -> Task<Void, Never> {
        let held = Held(value)
        value = empty
        return Task {
            await onDedicatedThread {
                held.value = nil
                giveBackFreedPages()
            }
        }
    }

    /// The value until the freeing thread lets go of it: a box, so that the last release
    /// happens there and not wherever the closure happens to be destroyed.
    private final class Held<Value: Sendable>: @unchecked Sendable {
        // Set once here and cleared once on the freeing thread, which the task starts after.
        var value: Value?
        init(_ value: Value) { self.value = value }
    }

    /// `malloc_trim`, which Swift's Glibc module does not declare; nil where the C library has
    /// none (other allocators return memory on their own terms).
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = dlsym(nil, "malloc_trim").map {
        unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self)
    }
}
