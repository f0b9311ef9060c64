public import Foundation

/// A localization project: where its pages, jobs and output live and which languages it
/// serves, read from `translate-pipeline.json` at its root.
public struct Project: Sendable {
    public static let fileName = "translate-pipeline.json"

    /// The settings as written in the project file; everything has a default.
    public struct Settings: Codable, Sendable, Hashable {
        public var sourceLocale: String = "de"
        public var contentDirectory: String = "content"
        public var jobsDirectory: String = "jobs"
        public var outputDirectory: String = "site"
        /// Languages the city publishes in; their jobs go to translators.
        public var targetLocales: [String] = []
        /// Pseudo-locales merged at every run, for testing without translators.
        public var pseudoLocales: [PseudoLocalizer.Style] = [.accented, .rightToLeft]
        public var xliffVersion: String = "1.2"
        /// The lowest fuzzy score offered to translators.
        public var matchThreshold: Int = 75
        /// What 101% and 100% matches do in jobs: pre-fill the target as `translated`, as
        /// needing review (`needs-review`), or nothing (`none`).
        public var prefillExactMatches: String = "needs-review"
        /// Jobs for CAT tools that translate the `<target>` element rather than the source
        /// (OmegaT 3.6's XLIFF filter): every unit gets a target, its translation or else a
        /// copy of its source, as one paragraph that the tool segments itself. A copy is sent
        /// as a proposal, so one returned untouched is not taken for a translation.
        public var copySourceToTarget: Bool = false
        /// The most units one delta job holds; more new work makes several jobs (whole pages
        /// each), so that no job is too large for a CAT tool or for reading back.
        public var maxJobUnits: Int = 2_000
        /// Where the locale definitions live (`locales/<tag>.json`).
        public var localesDirectory: String = "locales"
        /// The share of a page's units (translated, reviewed or automatic) a locale needs before
        /// the page is published in it; below, the German page is shown with a notice.
        public var publishThreshold: Double = 0.8
        /// Per-locale thresholds that override `publishThreshold`, e.g. `{"ar": 0.9}`.
        public var publishThresholds: [String: Double] = [:]
        /// Severities of the QA checks run on returned targets, e.g. `{"length": "error",
        /// "double-spaces": "off"}`; a check not named runs at its default (see `QACheck`).
        public var qa: [QACheck: QASeverity] = [:]

        public init() {}

        /// The publish threshold of a locale.
        public func publishThreshold(for tag: String) -> Double {
            publishThresholds[tag] ?? publishThreshold
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Settings()
            sourceLocale = try container.decodeIfPresent(String.self, forKey: .sourceLocale) ?? defaults.sourceLocale
            contentDirectory = try container.decodeIfPresent(String.self, forKey: .contentDirectory) ?? defaults.contentDirectory
            jobsDirectory = try container.decodeIfPresent(String.self, forKey: .jobsDirectory) ?? defaults.jobsDirectory
            outputDirectory = try container.decodeIfPresent(String.self, forKey: .outputDirectory) ?? defaults.outputDirectory
            targetLocales = try container.decodeIfPresent([String].self, forKey: .targetLocales) ?? defaults.targetLocales
            pseudoLocales = try container.decodeIfPresent([PseudoLocalizer.Style].self, forKey: .pseudoLocales) ?? defaults.pseudoLocales
            xliffVersion = try container.decodeIfPresent(String.self, forKey: .xliffVersion) ?? defaults.xliffVersion
            matchThreshold = try container.decodeIfPresent(Int.self, forKey: .matchThreshold) ?? defaults.matchThreshold
            prefillExactMatches = try container.decodeIfPresent(String.self, forKey: .prefillExactMatches) ?? defaults.prefillExactMatches
            copySourceToTarget = try container.decodeIfPresent(Bool.self, forKey: .copySourceToTarget) ?? defaults.copySourceToTarget
            maxJobUnits = max(1, try container.decodeIfPresent(Int.self, forKey: .maxJobUnits) ?? defaults.maxJobUnits)
            localesDirectory = try container.decodeIfPresent(String.self, forKey: .localesDirectory) ?? defaults.localesDirectory
            publishThreshold = try container.decodeIfPresent(Double.self, forKey: .publishThreshold) ?? defaults.publishThreshold
            publishThresholds = try container.decodeIfPresent([String: Double].self, forKey: .publishThresholds) ?? defaults.publishThresholds
            qa = try Self.qaSeverities(try container.decodeIfPresent([String: String].self, forKey: .qa) ?? [:])
        }

        /// The `qa` object's names checked: an unknown check or severity is an error that
        /// lists the known ones, never silently ignored (a typo would turn a check back on).
        static func qaSeverities(_ names: [String: String]) throws(QASettingsError) -> [QACheck: QASeverity] {
            var severities: [QACheck: QASeverity] = [:]
            for (name, value) in names.sorted(by: { $0.key < $1.key }) {
                guard let check = QACheck(rawValue: name) else { throw .unknownCheck(name) }
                guard let severity = QASeverity(rawValue: value) else { throw .unknownSeverity(check: name, value) }
                severities[check] = severity
            }
            return severities
        }
    }

    public let root: URL
    public let settings: Settings

    /// Opens the project at `root`; a missing project file means all defaults.
    public init(root: URL) throws(ProjectError) {
        self.root = root.standardizedFileURL
        let file = self.root.appendingPathComponent(Self.fileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            self.settings = Settings()
            return
        }
        let bytes = try ProjectFiles.read(file, limit: 1 << 20)
        do {
            self.settings = try JSONDecoder().decode(Settings.self, from: Data(bytes))
        } catch let error as QASettingsError {
            throw .invalidProjectFile(file.path, reason: error.description)
        } catch {
            throw .invalidProjectFile(file.path, reason: "\(error)")
        }
        for folder in [settings.contentDirectory, settings.jobsDirectory, settings.outputDirectory, settings.localesDirectory] {
            _ = try ProjectFiles.resolve(folder + "/x", in: self.root, within: self.root)
        }
    }

    public var contentFolder: URL { root.appendingPathComponent(settings.contentDirectory) }
    public var jobsFolder: URL { root.appendingPathComponent(settings.jobsDirectory) }
    public var outputFolder: URL { root.appendingPathComponent(settings.outputDirectory) }
    public var localesFolder: URL { root.appendingPathComponent(settings.localesDirectory) }

    public var xliffVersion: XLIFFDocument.Version {
        XLIFFDocument.Version(rawValue: settings.xliffVersion) ?? .v1_2
    }

    /// The page's name in the project: its path under the content folder, or its file name
    /// when it lies elsewhere.
    public func pageName(for url: URL) -> String {
        let base = contentFolder.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : url.lastPathComponent
    }

    /// Reads and extracts one page; ITS rule files it links must lie inside the project.
    public func extract(pageAt url: URL) throws(ProjectError) -> ExtractedPage {
        let bytes = try ProjectFiles.read(url)
        let folder = url.deletingLastPathComponent()
        let root = self.root
        let extractor = HTMLExtractor(ruleLoader: { href in
            let rules = try ProjectFiles.resolve(href, in: folder, within: root)
            return try ProjectFiles.read(rules, limit: 4 << 20)
        })
        return extractor.extract(HTMLPage(name: pageName(for: url), bytes: bytes))
    }
}

extension PseudoLocalizer.Style: Codable {}

/// A `qa` setting the project file gets wrong.
public enum QASettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownCheck(String)
    case unknownSeverity(check: String, String)

    public var description: String {
        switch self {
        case .unknownCheck(let name):
            "\"qa\": unknown check \"\(name)\" (known: \(QACheck.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .unknownSeverity(let check, let value):
            "\"qa\": \"\(check)\" has unknown severity \"\(value)\" (known: \(QASeverity.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
    }
}
