extension JobRecord {
    /// The record of `document` as its job file reads back, made from the document in hand
    /// rather than by parsing the file just written: a large site's jobs are tens of
    /// megabytes, and reading them back was a third of preparing them.
    ///
    /// The record must describe what a returned file really holds, so this follows what
    /// writing (`XLIFF12Writer`, `XLIFF21Writer`) and reading (`XLIFF12Reader`, `XLIFF2Reader`)
    /// do to a unit: characters XML cannot carry become U+FFFD in 1.2, isolated halves that
    /// meet in one content come back as a pair, an empty target comes back as none, sentences
    /// come back only where there are several, and 2.x renames a sentence whose id a code of
    /// its unit has. `JobRecordTests` compares it with the record of the job read back.
    ///
    /// Nil for a unit the reader takes as one sentence although it was written as several
    /// (1.2 sentences that do not spell the source; one sentence with white space around
    /// it): its target is then rebuilt from the markup. The caller reads such a job back.
    init?(jobID: String, sent document: XLIFFDocument, memory: TranslationMemory, memoryRevision: Int) {
        let isVersion2 = document.version.isVersion2
        var units: [Unit] = []
        for file in document.files {
            for unit in file.units {
                guard let read = isVersion2 ? Self.readBack2(unit) : Self.readBack12(unit) else { return nil }
                units.append(Self.unit(page: file.original, id: unit.id, source: read.source, sentences: read.sentences, memory: memory))
            }
        }
        // A 1.2 reader takes the languages from the first <file> (a document without one does
        // not read back); 2.x writers write version 2.1 whatever the document's.
        guard !document.files.isEmpty else { return nil }
        self.init(jobID: jobID, locale: document.targetLanguage ?? "", sourceLocale: document.sourceLanguage,
                  xliffVersion: isVersion2 ? XLIFFDocument.Version.v2_1.rawValue : XLIFFDocument.Version.v1_2.rawValue,
                  memoryRevision: memoryRevision, units: units)
    }

    /// A unit's source and sentences as `XLIFF12Reader` reads them from what `XLIFF12Writer` wrote.
    private static func readBack12(_ unit: TextUnit) -> (source: Content, sentences: [Segment])? {
        let source = readBack(unit.source, replacingNonXML: true)
        guard unit.isSegmented else {
            return (source, [Segment(id: "s1", source: source, target: unit.target.flatMap { readBackTarget($0, replacingNonXML: true) })])
        }
        let sentences = unit.segments.map { segment in
            Segment(id: segment.id, source: readBack(segment.source, replacingNonXML: true),
                    target: segment.target.flatMap { readBackTarget($0, replacingNonXML: true) })
        }
        let spelled = Content.joining(unit.parts.map { part in
            switch part {
            case .segment(let segment): readBack(segment.source, replacingNonXML: true)
            case .ignorable(let space): Content(text: space)
            }
        })
        guard sentences.count > 1, codesAndText(spelled) == codesAndText(source) else { return nil }
        return (source, sentences)
    }

    /// A unit's source and sentences as `XLIFF2Reader` reads them from what `XLIFF21Writer`
    /// wrote: the source is its parts' sources joined, and a sentence's id may be renamed.
    private static func readBack2(_ unit: TextUnit) -> (source: Content, sentences: [Segment])? {
        let segments = unit.segments
        let written: [UnitPart] = unit.isSegmented ? unit.parts : [.segment(segments[0])]
        let source = Content(Content.pairingIsolatedHalves(written.flatMap { part in
            switch part {
            case .segment(let segment): segment.source.fragments
            case .ignorable(let space): Content(text: space).fragments
            }
        }))
        guard segments.count > 1 else {
            // A unit split into one sentence and white space comes back with the white space
            // in its target: read back.
            guard !unit.isSegmented else { return nil }
            // One sentence: the reader's unit is its own sentence, with the unit's target.
            let target = segments[0].target.flatMap { readBackTarget($0, replacingNonXML: false) }
            return (source, [Segment(id: "s1", source: source, target: target)])
        }
        let renamed = XLIFF21Writer.segmentIDs(segments)
        return (source, segments.map { segment in
            Segment(id: renamed[segment.id] ?? segment.id, source: readBack(segment.source, replacingNonXML: false),
                    target: segment.target.flatMap { readBackTarget($0, replacingNonXML: false) })
        })
    }

    /// Content as read back: isolated halves of one pair joined (both readers pair them), and
    /// in 1.2 each character XML cannot carry as U+FFFD.
    private static func readBack(_ content: Content, replacingNonXML: Bool) -> Content {
        var fragments = content.fragments
        if replacingNonXML {
            for index in fragments.indices {
                if case .text(let text) = fragments[index], !XMLWriter.canCarry(text) {
                    fragments[index] = .text(XMLWriter.replacingNonXMLCharacters(text))
                }
            }
        }
        return Content(Content.pairingIsolatedHalves(fragments))
    }

    /// A target as read back: an empty one is none.
    private static func readBackTarget(_ content: Content, replacingNonXML: Bool) -> Content? {
        let read = readBack(content, replacingNonXML: replacingNonXML)
        return read.isEmpty ? nil : read
    }

    /// What a 1.2 reader compares a unit's sentences with its source by: text and code ids
    /// with their halves.
    private static func codesAndText(_ content: Content) -> [String] {
        content.fragments.map { fragment in
            switch fragment {
            case .text(let text): "t" + text
            case .opening(let code), .standalone(let code, .opening?): "<" + code.id
            case .closing(let code), .standalone(let code, .closing?): ">" + code.id
            case .standalone(let code, nil): "|" + code.id
            }
        }
    }
}
