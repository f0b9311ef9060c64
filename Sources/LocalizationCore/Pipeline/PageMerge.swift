/// Merges a translator's units into a page: every target is checked against the page's own
/// source before it is used, and every refusal is reported with page, unit and reason.
public struct PageMerge: Sendable {
    /// The outcome for one page.
    public struct Result: Sendable {
        /// The page's bytes with every accepted target in place.
        public var bytes: [UInt8]
        /// Ids of the units whose targets were used.
        public var applied: [String]
        /// Problems: refused targets, units the page no longer has, changed sources.
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    /// Merges `units` (as read from a job) into `page`. `jobFile` names the job in messages.
    /// The job's placeholders for numbers and dates are written as the source writes them.
    public func merge(_ page: ExtractedPage, units: [TextUnit], language: TargetLanguage?, jobFile: String) -> Result {
        var targets: [String: Content] = [:]
        var diagnostics: [Diagnostic] = []
        // Made at the first target: a job returned untranslated needs no lookup.
        lazy var pageUnitIndices = Dictionary(page.units.indices.map { (page.units[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        for jobUnit in units {
            // A unit without a target has none once expanded either: it is passed over before
            // it is copied and expanded (a job returned untranslated has no targets at all).
            guard jobUnit.target?.isEmpty == false else { continue }
            let unit = jobUnit.expandingAutoTranslatables()
            guard let target = unit.target, !target.isEmpty else { continue }
            let source = pageUnitIndices[unit.id].map { page.units[$0] }
            let sourceAgrees = source.map { $0.source.plainText == unit.source.plainText } ?? false
            if Self.accepts(target, of: unit, for: source, sourceAgrees: sourceAgrees, page: page.page.name, jobFile: jobFile, diagnostics: &diagnostics) {
                targets[unit.id] = target
            }
        }
        let bytes = PageAssembler().assemble(page, targets: targets, language: language)
        let applied = targets.isEmpty ? [] : page.units.map(\.id).filter { targets[$0] != nil }
        return Result(bytes: bytes, applied: applied, diagnostics: diagnostics)
    }

    /// Whether a job unit's `target` may stand in the page for its unit `source` (nil: the
    /// page has no unit with that id; `sourceAgrees`: the job's source text is the page's);
    /// each refusal is reported with the job's file, line and unit.
    static func accepts(_ target: Content, of unit: TextUnit, for source: TextUnit?, sourceAgrees: Bool, page: String, jobFile: String,
                        diagnostics: inout [Diagnostic]) -> Bool {
        guard let source else {
            diagnostics.append(Diagnostic(.error, file: jobFile, line: unit.line, unitID: unit.id,
                "the page \(page) has no unit with this id (its text changed since the job was made?); target not used"))
            return false
        }
        guard sourceAgrees else {
            diagnostics.append(Diagnostic(.error, file: jobFile, line: unit.line, unitID: unit.id,
                "the source text in the job differs from the page \(page); target not used"))
            return false
        }
        let problems = TargetCheck.problems(target: target, source: source.source, isAttribute: source.isAttribute)
        for problem in problems {
            diagnostics.append(Diagnostic(.error, file: jobFile, line: unit.line, unitID: unit.id, "target refused for \(page): \(problem)"))
        }
        return problems.isEmpty
    }
}
