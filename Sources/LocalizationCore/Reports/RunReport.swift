/// What one `run` did and where the project stands afterwards: the terminal summary, `--json`
/// and the HTML dashboard are all views of this one value. Figures about the whole site
/// (coverage, pending work, held pages) cover every page, also the ones this run did not
/// touch: the batch state keeps them between runs.
public struct RunReport: Sendable, Encodable {
    /// What changed in the German pages since the last run.
    public struct Changes: Sendable, Encodable, Hashable {
        public var pagesAdded: [String] = []
        public var pagesEdited: [String] = []
        public var pagesRemoved: [String] = []
        public var pagesUnchanged = 0
        /// Units by what happened to them (see `UnitChange.Kind`), over all changed pages.
        public var units: [UnitChange] = []

        public init() {}

        public var isEmpty: Bool { pagesAdded.isEmpty && pagesEdited.isEmpty && pagesRemoved.isEmpty }

        public func count(_ kind: UnitChange.Kind) -> Int { units.count { $0.kind == kind } }
    }

    /// One unit that is new, edited, moved or gone.
    public struct UnitChange: Sendable, Encodable, Hashable {
        public enum Kind: String, Sendable, Encodable, Hashable, CaseIterable {
            /// Text not on the page before.
            case added
            /// Replaces a unit at the same place whose text changed.
            case edited
            /// Same text, another position on the same page.
            case reordered
            /// Same text, now on another page (`fromPage`).
            case moved
            /// Gone from the site; its translations stay in the memory.
            case retired
        }

        public var kind: Kind
        public var page: String
        public var unitID: String
        /// For `edited`: the unit it replaces. For `moved`: the unit on the old page.
        public var previousUnitID: String?
        /// For `moved`: the page it came from.
        public var fromPage: String?
        public var text: String

        public init(kind: Kind, page: String, unitID: String, previousUnitID: String? = nil, fromPage: String? = nil, text: String) {
            self.kind = kind
            self.page = page
            self.unitID = unitID
            self.previousUnitID = previousUnitID
            self.fromPage = fromPage
            self.text = text
        }
    }

    /// A job file this run wrote: a delta job for translators or a pseudo-translated job.
    public struct JobFile: Sendable, Encodable, Hashable {
        public var locale: String
        public var jobID: String?
        public var path: String
        public var units: Int
        public var words: Int
        /// Units that replace units of earlier jobs still out (their source changed since).
        public var superseding: Int = 0

        public init(locale: String, jobID: String? = nil, path: String, units: Int, words: Int, superseding: Int = 0) {
            self.locale = locale
            self.jobID = jobID
            self.path = path
            self.units = units
            self.words = words
            self.superseding = superseding
        }
    }

    /// A job sent earlier, or now, that still has units no translation came back for.
    public struct OpenJob: Sendable, Encodable, Hashable {
        public var locale: String
        public var jobID: String
        public var path: String
        /// Units still waiting for a translation from this job.
        public var pendingUnits: Int
        public var pendingWords: Int
        /// Units of this job whose source changed after it was sent; the later job has them.
        public var supersededUnits: Int

        public init(locale: String, jobID: String, path: String, pendingUnits: Int, pendingWords: Int, supersededUnits: Int = 0) {
            self.locale = locale
            self.jobID = jobID
            self.path = path
            self.pendingUnits = pendingUnits
            self.pendingWords = pendingWords
            self.supersededUnits = supersededUnits
        }
    }

    /// A unit out with a translator whose page changed since: its old text will come back as
    /// a conflict; the new text went into `supersededBy`.
    public struct Superseded: Sendable, Encodable, Hashable {
        public var locale: String
        public var page: String
        public var unitID: String
        public var jobID: String
        public var supersededBy: String?

        public init(locale: String, page: String, unitID: String, jobID: String, supersededBy: String? = nil) {
            self.locale = locale
            self.page = page
            self.unitID = unitID
            self.jobID = jobID
            self.supersededBy = supersededBy
        }
    }

    /// One locale folder of the output.
    public struct Output: Sendable, Encodable, Hashable {
        public var locale: String
        public var folder: String
        public var pages: Int
        public var translatedUnits: Int
        /// Pages whose bytes this run wrote (new or changed); the others were already right.
        public var pagesWritten: Int = 0

        public init(locale: String, folder: String, pages: Int, translatedUnits: Int, pagesWritten: Int = 0) {
            self.locale = locale
            self.folder = folder
            self.pages = pages
            self.translatedUnits = translatedUnits
            self.pagesWritten = pagesWritten
        }
    }

    /// One locale over the whole site.
    public struct LocaleSummary: Sendable, Encodable, Hashable {
        public var locale: String
        public var units = 0
        public var reviewed = 0
        public var translated = 0
        public var automatic = 0
        public var pending = 0
        public var pendingWords = 0
        public var pagesPublished = 0
        public var pagesHeld = 0
        /// The publish threshold of the locale (0…1), when the run knows it; the dashboard's
        /// chart draws it. Nil: taken from the locale's coverage entries, if any.
        public var threshold: Double? = nil

        public init(locale: String, units: Int = 0, reviewed: Int = 0, translated: Int = 0, automatic: Int = 0, pending: Int = 0,
                    pendingWords: Int = 0, pagesPublished: Int = 0, pagesHeld: Int = 0, threshold: Double? = nil) {
            self.locale = locale
            self.units = units
            self.reviewed = reviewed
            self.translated = translated
            self.automatic = automatic
            self.pending = pending
            self.pendingWords = pendingWords
            self.pagesPublished = pagesPublished
            self.pagesHeld = pagesHeld
            self.threshold = threshold
        }
        /// (reviewed + translated + automatic) / units.
        public var coverage: Double { units == 0 ? 1 : Double(reviewed + translated + automatic) / Double(units) }
    }

    /// A returned file taken from the inbox.
    public struct InboxFile: Sendable, Encodable, Hashable {
        public var file: String
        public var outcome: String
        public var locale: String?
        public var jobID: String?
        public var accepted: Int
        public var refused: Int
        public var conflicts: Int
        public var alternatives: Int
        /// The import report (`jobs/reports/<sha256>.html`).
        public var report: String

        public init(file: String, outcome: String, locale: String? = nil, jobID: String? = nil, accepted: Int = 0, refused: Int = 0,
                    conflicts: Int = 0, alternatives: Int = 0, report: String) {
            self.file = file
            self.outcome = outcome
            self.locale = locale
            self.jobID = jobID
            self.accepted = accepted
            self.refused = refused
            self.conflicts = conflicts
            self.alternatives = alternatives
            self.report = report
        }
    }

    /// A QA finding on returned work, with where it is.
    public struct QAFinding: Sendable, Encodable, Hashable {
        public var file: String
        public var line: Int?
        public var page: String
        public var unitID: String
        public var check: String
        public var severity: String
        public var message: String

        public init(file: String, line: Int? = nil, page: String, unitID: String, check: String, severity: String, message: String) {
            self.file = file
            self.line = line
            self.page = page
            self.unitID = unitID
            self.check = check
            self.severity = severity
            self.message = message
        }
    }

    /// A glossary term organisations have not decided on yet.
    public struct PendingTerm: Sendable, Encodable, Hashable {
        public var locale: String
        public var conceptID: String
        public var source: String
        public var term: String
        /// Units of the site where the German term occurs; nil when the run did not count them
        /// (`run` does not: it would mean extracting every page; the review sheet counts them).
        public var occurrences: Int?

        public init(locale: String, conceptID: String, source: String, term: String, occurrences: Int? = nil) {
            self.locale = locale
            self.conceptID = conceptID
            self.source = source
            self.term = term
            self.occurrences = occurrences
        }
    }

    /// Whether this run only said what it would do (`--dry-run`).
    public var dryRun = false
    public var pages = 0
    public var units = 0
    public var words = 0
    public var changes = Changes()
    public var inbox: [InboxFile] = []
    /// Jobs written by this run (in a dry run: that would be written).
    public var jobs: [JobFile] = []
    public var openJobs: [OpenJob] = []
    public var superseded: [Superseded] = []
    public var outputs: [Output] = []
    /// Leverage analysis of each target locale's new job.
    public var analyses: [Analysis] = []
    public var locales: [LocaleSummary] = []
    /// Per page and locale: translated, pending, fallback, published (when `locales/` exists).
    public var coverage: CoverageReport?
    public var qaFindings: [QAFinding] = []
    public var glossaryPending: [PendingTerm] = []
    /// Project files this run wrote (relative paths), in order; empty for a rerun with nothing to do.
    public var written: [String] = []
    /// The dashboard of this run (`jobs/reports/dashboard.html`).
    public var dashboard: String?
    public var diagnostics: [Diagnostic] = []

    public init() {}

    /// The page-and-locale entries the publish gate held back (German page with a notice).
    public var heldPages: [CoverageReport.Entry] {
        coverage?.entries.filter { !$0.published } ?? []
    }
}
