/// A bilingual document in the unit model, as read from or written to XLIFF 1.2 or 2.x.
public struct XLIFFDocument: Sendable, Hashable {
    public enum Version: String, Sendable, Hashable, CaseIterable {
        case v1_2 = "1.2"
        case v2_0 = "2.0"
        case v2_1 = "2.1"
        case v2_2 = "2.2"

        public var isVersion2: Bool { self != .v1_2 }
    }

    public var version: Version
    public var sourceLanguage: String
    public var targetLanguage: String?
    public var files: [XLIFFFile]
    /// The id of the job this document was sent as (see `JobRecord`): written where CAT tools
    /// keep it — 1.2 `<phase job-id>` in each file's header, 2.x file-level Metadata module.
    public var jobID: String?

    public init(version: Version, sourceLanguage: String, targetLanguage: String?, files: [XLIFFFile], jobID: String? = nil) {
        self.version = version
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.files = files
        self.jobID = jobID
    }

    /// The file that carries the units of the page named `original`.
    public func file(original: String) -> XLIFFFile? {
        files.first { $0.original == original }
    }
}

/// One `<file>`: the units of one source page.
public struct XLIFFFile: Sendable, Hashable {
    /// The page's name in the project. Only ever compared with names we know, never used as a
    /// path (SECURITY.md: paths never come from file content).
    public var original: String
    public var units: [TextUnit]

    public init(original: String, units: [TextUnit]) {
        self.original = original
        self.units = units
    }
}

/// Why an XLIFF file could not be read.
public enum XLIFFError: Error, Sendable, Hashable, CustomStringConvertible {
    case notXML(XMLError)
    case notXLIFF(file: String, found: String)
    case unsupportedVersion(file: String, version: String)
    case invalid(file: String, line: Int?, message: String)

    public var description: String {
        switch self {
        case .notXML(let error): "\(error)"
        case .notXLIFF(let file, let found): "\(file): not an XLIFF document (root element is <\(found)>)"
        case .unsupportedVersion(let file, let version): "\(file): XLIFF version \(version) is not supported (1.1, 1.2, 2.0, 2.1 and 2.2 are)"
        case .invalid(let file, let line, let message): "\(file)\(line.map { ":\($0)" } ?? ""): invalid XLIFF: \(message)"
        }
    }
}
