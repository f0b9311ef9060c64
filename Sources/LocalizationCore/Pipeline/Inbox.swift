public import Foundation

/// `jobs/inbox/`: where translators' returned files are dropped for `run` to import. Each file
/// is archived byte for byte by the importer before it is read (`jobs/received/`), then moved
/// out of the inbox: to `imported/` when its translations were taken (some may have been
/// refused, the report says which), to `refused/` when nothing could be taken. A file is
/// never deleted, and a file imported before is a no-op, so a run killed between the import
/// and the move repeats nothing.
public struct Inbox: Sendable {
    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    public var folder: URL { project.jobsFolder.appendingPathComponent("inbox") }

    /// Files waiting in the inbox (relative to it, sorted; the `imported/` and `refused/`
    /// folders are not looked into).
    public func waiting() -> [String] {
        Importer.importable(in: folder).filter { !$0.hasPrefix("imported/") && !$0.hasPrefix("refused/") }
    }

    /// Imports every waiting file, under the lock the caller holds, and moves it on.
    func importWaiting(now: String, translator: String?) throws(ProjectError) -> [ImportReport] {
        var reports: [ImportReport] = []
        let importer = Importer(project: project, translator: translator, now: now)
        for name in waiting() {
            let url = folder.appendingPathComponent(name)
            let fileReports = try importer.importPathsHoldingLock([url.path]).map { report in
                var report = report
                report.file = "jobs/inbox/" + name + (report.file.hasPrefix(url.path) ? String(report.file.dropFirst(url.path.count)) : "")
                return report
            }
            let refused = !fileReports.isEmpty && fileReports.allSatisfy { $0.outcome == .refused }
            try move(url, to: refused ? "refused" : "imported", name: name)
            reports += fileReports
        }
        return reports
    }

    /// Moves an inbox file into `folder`; a name already there gets a number.
    private func move(_ url: URL, to subfolder: String, name: String) throws(ProjectError) {
        let target = folder.appendingPathComponent(subfolder)
        let flat = name.replacingOccurrences(of: "/", with: "_")
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            var destination = target.appendingPathComponent(flat)
            var number = 2
            while FileManager.default.fileExists(atPath: destination.path) {
                let stem = (flat as NSString).deletingPathExtension
                let ext = (flat as NSString).pathExtension
                destination = target.appendingPathComponent("\(stem)-\(number)" + (ext.isEmpty ? "" : ".\(ext)"))
                number += 1
            }
            try FileManager.default.moveItem(at: url, to: destination)
        } catch {
            throw .cannotWrite(url.path, reason: "imported, but cannot move it out of the inbox to \(subfolder)/: \(error)")
        }
    }
}
