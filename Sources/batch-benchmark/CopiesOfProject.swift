import Foundation

/// The copies of the generated project that the timed runs work in, each in a folder of its
/// own under `folder`, deleted together when the timing is done (see `timePipeline` for why
/// not before each run). A folder left by an earlier benchmark that stopped half way is not
/// reused or deleted before the runs either: the new copies take other names, and
/// `removeAll` deletes it with them.
struct CopiesOfProject {
    let folder: URL

    /// A fresh copy of `project`, under a name no earlier benchmark used.
    func make(of project: URL, named name: String) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("\(getpid())-\(name)")
        try FileManager.default.copyItem(at: project, to: copy)
        return copy
    }

    func removeAll() {
        BatchBenchmark.progress("deleting the copies the runs worked in…")
        try? FileManager.default.removeItem(at: folder)
    }
}
