/// Moving translations into and out of a memory: TMX in both directions, and translators'
/// returned XLIFF files in.
extension TranslationMemory {
    /// Adds the TMX document's pairs for this memory's languages; returns how many entries
    /// were added or changed. Languages match case-insensitively, by primary language when
    /// no variant has the exact tag.
    @discardableResult
    public mutating func add(_ tmx: TMXDocument, file: String, now: String) -> Int {
        var changed = 0
        for unit in tmx.units {
            guard let source = Self.variant(in: unit, language: sourceLanguage),
                  let target = Self.variant(in: unit, language: targetLanguage) else { continue }
            let date = target.attributes["changedate"] ?? target.attributes["creationdate"] ?? unit.attributes["changedate"]
                ?? unit.attributes["creationdate"] ?? now
            let creator = target.attributes["changeid"] ?? target.attributes["creationid"] ?? unit.attributes["creationid"]
            let origin = unit.properties.first { $0.type == "x-origin" }.flatMap { MemoryEntry.Origin(rawValue: $0.value) } ?? .import
            let context = unit.properties.first { $0.type == "x-context-unit" }?.value
            if add(MemoryEntry(source: source.content, target: target.content,
                               provenance: .init(origin: origin, creator: creator, job: file, date: date),
                               context: .init(unit: context))) {
                changed += 1
            }
        }
        return changed
    }

    /// Adds the translated sentences of a returned XLIFF job; returns how many entries were
    /// added or changed. Segmented units give one entry per translated sentence; a unit
    /// translated as a whole is split into sentences when its source and target have the same
    /// number of them, and is stored whole otherwise. Placeholders of numbers and dates are
    /// stored as text: in sources as the source writes them, in targets as `locale` does.
    @discardableResult
    public mutating func add(_ xliff: XLIFFDocument, file: String, translator: String?, origin: MemoryEntry.Origin = .translator,
                             locale: LocaleDefinition? = nil, now: String) -> Int {
        let segmenters = (source: try? Segmenter.shipped(language: sourceLanguage), target: try? Segmenter.shipped(language: targetLanguage))
        var changed = 0
        for xliffFile in xliff.files {
            for unit in xliffFile.units {
                let unit = unit.expandingAutoTranslatables { AutoTranslatables.text(for: $0, locale: locale) }
                let sentences = Self.translatedSentences(of: unit, segmenters: segmenters)
                for (index, sentence) in sentences.enumerated() where sentence.state >= .translated {
                    guard let target = sentence.target, !target.isEmpty else { continue }
                    let context = MemoryEntry.Context(
                        unit: "\(xliffFile.original)#\(unit.id)",
                        previous: index > 0 ? sentences[index - 1].source.plainText : nil,
                        next: index + 1 < sentences.count ? sentences[index + 1].source.plainText : nil
                    )
                    if add(MemoryEntry(source: sentence.source, target: target, state: sentence.state,
                                       provenance: .init(origin: origin, creator: translator, job: file, date: now), context: context)) {
                        changed += 1
                    }
                }
            }
        }
        return changed
    }

    /// A returned unit's sentences with their translations (see `add(_:file:translator:origin:now:)`).
    static func translatedSentences(of unit: TextUnit, segmenters: (source: Segmenter?, target: Segmenter?)) -> [Segment] {
        if unit.isSegmented, unit.segments.contains(where: { $0.target != nil }) { return unit.segments }
        let whole = [Segment(id: "s1", source: unit.source, target: unit.target, state: unit.state)]
        guard let target = unit.target, let sourceSegmenter = segmenters.source, let targetSegmenter = segmenters.target else { return whole }
        let sources = sourceSegmenter.segments(of: unit.source).map { $0.splittingOuterWhitespace().core }.filter { !$0.isEmpty }
        let targets = targetSegmenter.segments(of: target).map { $0.splittingOuterWhitespace().core }.filter { !$0.isEmpty }
        // Sentence counts that differ leave no safe alignment: the unit is one entry.
        guard sources.count > 1, sources.count == targets.count else { return whole }
        return zip(sources, targets).enumerated().map { index, pair in
            Segment(id: "s\(index + 1)", source: pair.0, target: pair.1, state: unit.state)
        }
    }

    /// The memory as TMX: one unit per entry, provenance as standard attributes and
    /// `x-origin` / `x-context-unit` properties.
    public func tmxDocument() -> TMXDocument {
        let units = entries.map { entry in
            var attributes: [String: String] = [:]
            if let creator = entry.provenance.creator { attributes["creationid"] = creator }
            if let date = Self.tmxDate(entry.provenance.date) { attributes["creationdate"] = date }
            var properties = [TMXDocument.Property(type: "x-origin", value: entry.provenance.origin.rawValue)]
            if let job = entry.provenance.job { properties.append(.init(type: "x-job", value: job)) }
            if let unit = entry.context.unit { properties.append(.init(type: "x-context-unit", value: unit)) }
            return TMXDocument.Unit(attributes: attributes, properties: properties, notes: [], variants: [
                .init(language: sourceLanguage, attributes: [:], properties: [], notes: [], content: entry.source),
                .init(language: targetLanguage, attributes: [:], properties: [], notes: [], content: entry.target),
            ])
        }
        return TMXDocument(version: "1.4", header: .init(sourceLanguage: sourceLanguage, attributes: ["segtype": "paragraph", "datatype": "html"],
                                                         properties: [], notes: []), units: units)
    }

    /// ISO 8601 (`2026-11-26T12:00:00Z`) as TMX's basic format (`20261126T120000Z`).
    static func tmxDate(_ date: String) -> String? {
        let digits = date.filter { $0.isNumber }
        guard digits.count >= 14 else { return nil }
        let characters = Array(digits)
        return String(characters[0 ..< 8]) + "T" + String(characters[8 ..< 14]) + "Z"
    }

    static func variant(in unit: TMXDocument.Unit, language: String) -> TMXDocument.Variant? {
        let wanted = language.lowercased()
        if let exact = unit.variants.first(where: { $0.language.lowercased() == wanted }) { return exact }
        let primary = wanted.split(separator: "-").first.map(String.init) ?? wanted
        return unit.variants.first { $0.language.lowercased().split(separator: "-").first.map(String.init) == primary }
    }
}
