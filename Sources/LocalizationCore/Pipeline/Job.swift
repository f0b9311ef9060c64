/// Builds translation jobs (XLIFF documents) from pages' units.
public enum Job {
    /// One document of `files`, a `<file>` per page with the units it sends. A batch run
    /// keeps of each page only that, not the page's bytes and skeleton (assembly's), for it
    /// holds the pending units of thousands of pages until their jobs are written.
    public static func document(
        files: [XLIFFFile], sourceLanguage: String, targetLanguage: TargetLanguage, version: XLIFFDocument.Version
    ) -> XLIFFDocument {
        XLIFFDocument(version: version, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage.tag, files: files)
    }

    /// One document with a `<file>` per extracted page, of all its units.
    public static func document(
        pages: [ExtractedPage], sourceLanguage: String, targetLanguage: TargetLanguage, version: XLIFFDocument.Version
    ) -> XLIFFDocument {
        document(files: pages.map { XLIFFFile(original: $0.page.name, units: $0.units) }, sourceLanguage: sourceLanguage,
                 targetLanguage: targetLanguage, version: version)
    }

    /// The XLIFF of a document in its version, as the UTF-8 bytes of its file.
    public static func serializedBytes(_ document: XLIFFDocument) -> [UInt8] {
        document.version.isVersion2 ? XLIFF21Writer().bytes(document) : XLIFF12Writer().bytes(document)
    }

    /// The XLIFF text of a document in its version (for callers that read it as text; a file
    /// is written from `serializedBytes`).
    public static func serialize(_ document: XLIFFDocument) -> String {
        String(decoding: serializedBytes(document), as: UTF8.self)
    }

    /// The document with every unit's target pseudo-translated.
    public static func pseudoTranslated(_ document: XLIFFDocument, style: PseudoLocalizer.Style) -> XLIFFDocument {
        let localizer = PseudoLocalizer(style: style)
        var result = document
        for fileIndex in result.files.indices {
            for unitIndex in result.files[fileIndex].units.indices {
                result.files[fileIndex].units[unitIndex].updateSegments { segment in
                    var segment = segment
                    segment.target = localizer.translate(segment.source)
                    segment.state = .translated
                    return segment
                }
            }
        }
        return result
    }
}

extension TextUnit {
    /// The unit as one paragraph whose target is its translation where there is one and a
    /// copy of the source elsewhere, for CAT tools that translate the target element (see
    /// `Project.Settings.copySourceToTarget`). Sentences the memory pre-filled keep their
    /// target; the state is the proposal's (`initial`).
    public func withSourceCopiedToTarget() -> TextUnit {
        var unit = self
        unit.updateSegments { segment in
            var segment = segment
            if segment.target == nil {
                segment.target = segment.source
                segment.state = .initial
            }
            return segment
        }
        unit.candidates = isSegmented ? [] : candidates
        unit.parts = []
        return unit
    }
}
