import Foundation
import Testing
@testable import LocalizationCore

/// translate-toolkit (PyPI `translate-toolkit`, pinned in `.ci/run`) making XLIFF of the sample
/// pages the way a translator using it would: `html2po` per page, translations written into
/// the PO files (with translate-toolkit's own PO library, as a PO editor would), `po2xliff`.
struct TranslateToolkitChain {
    static var html2po: String? { ExternalTool.path("html2po") }
    static var po2xliff: String? { ExternalTool.path("po2xliff") }
    static var isInstalled: Bool { html2po != nil && po2xliff != nil }

    /// The Python that runs translate-toolkit's commands (named in `html2po`'s first line when
    /// it is a Python script, as in a virtual environment), else `python3` on the path.
    static var python: String? {
        if let html2po, let script = FileManager.default.contents(atPath: html2po),
           let line = String(decoding: script.prefix(200), as: UTF8.self).split(separator: "\n").first,
           line.hasPrefix("#!"), line.contains("python"), !line.contains(" ") {
            return String(line.dropFirst(2))
        }
        return ExternalTool.path("python3")
    }

    /// One PO entry: its file (relative to the PO folder), its index in the file, its msgid.
    struct Entry: Codable, Hashable {
        var file: String
        var index: Int
        var source: String
        var target: String?
    }

    let folder: URL
    var poFolder: URL { folder.appendingPathComponent("po") }
    var xliffFolder: URL { folder.appendingPathComponent("xliff") }

    /// Runs `html2po` on every page of `content`; returns what it printed (it reports pages it
    /// cannot read as warnings and leaves their PO empty).
    func extract(content: URL) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (status, output) = try ExternalTool.run(try #require(Self.html2po), ["--progress=none", "-i", content.path, "-o", poFolder.path])
        try #require(status == 0, "html2po: \(output)")
        return output
    }

    /// Every entry of every PO file but the header.
    func entries() throws -> [Entry] {
        let list = folder.appendingPathComponent("entries.json")
        try python(["dump", poFolder.path, list.path])
        return try JSONDecoder().decode([Entry].self, from: Data(try ProjectFiles.read(list)))
    }

    /// Writes `entries`' targets into their PO files.
    func fill(_ entries: [Entry]) throws {
        let list = folder.appendingPathComponent("translations.json")
        try JSONEncoder().encode(entries).write(to: list)
        try python(["fill", poFolder.path, list.path])
    }

    /// Runs `po2xliff` on the PO folder; returns each XLIFF file, by path relative to its folder.
    func convert() throws -> [(path: String, bytes: [UInt8])] {
        let (status, output) = try ExternalTool.run(try #require(Self.po2xliff), ["--progress=none", "-i", poFolder.path, "-o", xliffFolder.path])
        try #require(status == 0, "po2xliff: \(output)")
        let files = FileManager.default.enumerator(at: xliffFolder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { $0.pathExtension == "xliff" }.map { url in
            (String(url.path.dropFirst(xliffFolder.path.count + 1)), try ProjectFiles.read(url))
        }.sorted { $0.path < $1.path }
    }

    private func python(_ arguments: [String]) throws {
        let python = try #require(Self.python, "no python3 to run translate-toolkit's PO library")
        let (status, output) = try ExternalTool.run(python, ["-c", Self.poScript] + arguments)
        try #require(status == 0, "translate-toolkit PO script: \(output)")
    }

    /// Lists PO entries, or writes targets into them, with translate-toolkit's PO store.
    static let poScript = """
    import json, os, sys
    from translate.storage import po
    command, root, listing = sys.argv[1:4]
    if command == "dump":
        entries = []
        for folder, _, names in sorted(os.walk(root)):
            for name in sorted(names):
                if name.endswith(".po"):
                    path = os.path.join(folder, name)
                    for index, unit in enumerate(po.pofile.parsefile(path).units):
                        if not unit.isheader():
                            entries.append({"file": os.path.relpath(path, root), "index": index, "source": unit.source})
        with open(listing, "w", encoding="utf-8") as out:
            json.dump(entries, out, ensure_ascii=False)
    else:
        with open(listing, encoding="utf-8") as given:
            entries = json.load(given)
        for name in sorted({entry["file"] for entry in entries}):
            path = os.path.join(root, name)
            store = po.pofile.parsefile(path)
            for entry in entries:
                if entry["file"] == name:
                    store.units[entry["index"]].target = entry["target"]
            store.savefile(path)
    """
}
