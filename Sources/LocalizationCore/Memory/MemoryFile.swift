/// The translation memory of one locale as an XLIFF 2.1 file: one unit per entry, source and
/// target with codes as codes, the segment's state, and provenance and context in the
/// Metadata module (`mda:metaGroup category="provenance"` / `"context"`). Any CAT tool opens
/// it; diffs of it read well in version control.
public enum MemoryFile {
    static let metadataNamespace = "urn:oasis:names:tc:xliff:metadata:2.0"

    public static func write(_ memory: TranslationMemory) -> String {
        var markup: [String: String] = [:]
        var units: [TextUnit] = []
        for entry in memory.entries {
            let id = "m" + stableHash(entry.identity)
            units.append(TextUnit(id: id, placement: .elementContent(elementName: ""), name: "", source: entry.source,
                                  target: entry.target, state: entry.state))
            markup[id] = metadata(entry)
        }
        let document = XLIFFDocument(version: .v2_1, sourceLanguage: memory.sourceLanguage, targetLanguage: memory.targetLanguage,
                                     files: [XLIFFFile(original: "translation-memory", units: units)])
        return XLIFF21Writer(moduleMarkup: markup, moduleNamespaces: ["mda": metadataNamespace]).write(document)
    }

    /// `validating: false` skips the XLIFF 2 conformance check, for bytes checked before.
    public static func read(_ bytes: [UInt8], file: String, validating: Bool = true) throws(XLIFFError) -> TranslationMemory {
        let root: XML.Element
        do {
            root = try XMLReader(limits: .init(maximumFileBytes: 2 << 30, maximumTextBytes: 1 << 20)).parse(bytes, file: file)
        } catch {
            throw .notXML(error)
        }
        let document = try XLIFFReader(validating: validating).read(root, file: file)
        guard let targetLanguage = document.targetLanguage else {
            throw .invalid(file: file, line: root.line, message: "a memory file needs trgLang")
        }
        // Per unit id, what the entry keeps of its metadata. A memory repeats the same creator,
        // job and date on thousands of entries: equal values share one string's storage. Only
        // ASCII values are shared: a set finds canonically equivalent strings equal, and each
        // entry keeps the bytes its file has.
        //
        // The tree is walked in place (`for case .element`), not through lists of child
        // elements: a memory has tens of thousands of units, and large temporary arrays cost
        // more to allocate and free than the walk.
        let unitCount = document.files.reduce(0) { $0 + $1.units.count }
        var metadataByUnit: [String: EntryMetadata] = [:]
        metadataByUnit.reserveCapacity(unitCount)
        var strings: Set<String> = []
        func shared(_ value: String) -> String {
            value.utf8.allSatisfy { $0 < 0x80 } ? strings.insert(value).memberAfterInsert : value
        }
        for case .element(let file) in root.children where file.name == "file" && file.namespace == root.namespace {
            for case .element(let unit) in file.children where unit.name == "unit" && unit.namespace == file.namespace {
                guard let id = unit.attribute("id") else { continue }
                var found = EntryMetadata()
                for case .element(let metadata) in unit.children where metadata.namespace == metadataNamespace && metadata.name == "metadata" {
                    for case .element(let group) in metadata.children where group.name == "metaGroup" {
                        // A later group of a category replaces an earlier one.
                        var values: [String: String] = [:]
                        for case .element(let meta) in group.children where meta.name == "meta" {
                            if let type = meta.attribute("type") { values[type] = meta.textContent }
                        }
                        switch group.attribute("category") ?? "" {
                        case "provenance":
                            found.provenance = (values["origin"], values["creator"].map(shared), values["job"].map(shared), values["date"].map(shared))
                        case "context":
                            found.context = (values["unit"], values["previous"], values["next"])
                        default:
                            break
                        }
                    }
                }
                metadataByUnit[id] = found
            }
        }
        strings = []
        var entries: [MemoryEntry] = []
        entries.reserveCapacity(unitCount)
        for file in document.files {
            for unit in file.units {
                guard let target = unit.target else { continue }
                let metadata = metadataByUnit[unit.id] ?? EntryMetadata()
                let provenance = metadata.provenance
                let context = metadata.context
                entries.append(MemoryEntry(
                    source: unit.source, target: target, state: unit.state,
                    provenance: .init(origin: MemoryEntry.Origin(rawValue: provenance.origin ?? "") ?? .import,
                                      creator: provenance.creator, job: provenance.job, date: provenance.date ?? ""),
                    context: .init(unit: context.unit, previous: context.previous, next: context.next)
                ))
            }
        }
        // Indexed in one go, on every core.
        return TranslationMemory(sourceLanguage: document.sourceLanguage, targetLanguage: targetLanguage, entries: entries)
    }

    /// The provenance and context a memory file's unit carries (nil: not given).
    private struct EntryMetadata {
        var provenance: (origin: String?, creator: String?, job: String?, date: String?) = (nil, nil, nil, nil)
        var context: (unit: String?, previous: String?, next: String?) = (nil, nil, nil)
    }

    private static func metadata(_ entry: MemoryEntry) -> String {
        func group(_ category: String, _ values: [(String, String?)]) -> String {
            let metas = values.compactMap { type, value in
                value.map { "<mda:meta type=\"\(type)\">\(XMLWriter.escape($0, attribute: false))</mda:meta>" }
            }
            return metas.isEmpty ? "" : "<mda:metaGroup category=\"\(category)\">\(metas.joined())</mda:metaGroup>"
        }
        let provenance = group("provenance", [
            ("origin", entry.provenance.origin.rawValue), ("creator", entry.provenance.creator),
            ("job", entry.provenance.job), ("date", entry.provenance.date),
        ])
        let context = group("context", [("unit", entry.context.unit), ("previous", entry.context.previous), ("next", entry.context.next)])
        return "\n      <mda:metadata>\(provenance)\(context)</mda:metadata>"
    }
}
