import Foundation

/// Runs `body` on a thread of its own and hands its result to the awaiting task.
///
/// For work that blocks or that must not hold up the pages and jobs: Swift's tasks run on
/// one thread per core, two on the machines this runs on, and a `syncfs` waiting for the
/// disk on one of them would halve the work done meanwhile. The thread exists only while
/// `body` runs.
func onDedicatedThread<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}
