/// Reads an XLIFF file of any supported version into the unit model.
public struct XLIFFReader: Sendable {
    public var xmlReader: XMLReader
    /// Whether an XLIFF 2 document is checked against the specification's constraints before
    /// it is read. Only for bytes already checked: the pipeline's own memory, read again.
    public var validating = true

    public init(xmlReader: XMLReader = XMLReader(), validating: Bool = true) {
        self.xmlReader = xmlReader
        self.validating = validating
    }

    public func read(_ bytes: [UInt8], file: String) throws(XLIFFError) -> XLIFFDocument {
        // Most files read are 1.2 jobs, read from the parser's events without a tree; the
        // others, and any file that reader would have a diagnostic for, through the tree.
        if let document = XLIFF12EventReader.read(bytes, file: file, xmlReader: xmlReader) { return document }
        let root: XML.Element
        do {
            root = try xmlReader.parse(bytes, file: file)
        } catch {
            throw .notXML(error)
        }
        return try read(root, file: file)
    }

    /// Reads a document already parsed (securely) by `XMLReader`. The job id a job was sent
    /// with is kept, so that a document written again (`pseudo`) still names its job.
    public func read(_ root: XML.Element, file: String) throws(XLIFFError) -> XLIFFDocument {
        guard root.name == "xliff" else { throw .notXLIFF(file: file, found: root.name) }
        var document: XLIFFDocument
        switch (root.namespace, root.attribute("version")) {
        case (XLIFF12Writer.namespace?, _):
            document = try XLIFF12Reader().read(root, file: file)
        case (XLIFF12Reader.namespace11?, _):
            document = try XLIFF12Reader(namespace: XLIFF12Reader.namespace11).read(root, file: file)
        case (XLIFF21Writer.namespace?, let version?) where version.hasPrefix("2."):
            document = try XLIFF2Reader(validating: validating).read(root, file: file)
        case (_, let version):
            throw .unsupportedVersion(file: file, version: version ?? "(none)")
        }
        document.jobID = JobRecord.jobID(in: root)
        return document
    }
}
