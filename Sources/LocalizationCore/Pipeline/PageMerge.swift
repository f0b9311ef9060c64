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
        let pageUnits = Dictionary(page.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for unit in units.map({ $0.expandingAutoTranslatables() }) {
            guard let target = unit.target, !target.isEmpty else { continue }
            guard let source = pageUnits[unit.id] else {
                diagnostics.append(Diagnostic(.error, file: jobFile, line: unit.line, unitID: unit.id,
                    "the page \(page.page.name) has no unit with this id (its text changed since the job was made?); target not used"))
                continue
            }
            if source.source.plainText != unit.source.plainText {
                diagnostics.append(Diagnostic(.error, file: jobFile, line: unit.line, unitID: unit.id,
                    "the source text in the job differs from the page \(page.page.name); target not used"))
                continue
            }
            let isAttribute = if case .attribute = source.placement { true } else { false }
            let problems = TargetCheck.problems(target: target, source: source.source, isAttribute: isAttribute)
            guard problems.isEmpty else {
                for problem in problems {
                    diagnostics.append(Diagnostic(.error, file: jobFile, line: unit.line, unitID: unit.id, "target refused for \(page.page.name): \(problem)"))
                }
                continue
            }
            targets[unit.id] = target
        }
        let bytes = PageAssembler().assemble(page, targets: targets, language: language)
        return Result(bytes: bytes, applied: page.units.map(\.id).filter { targets[$0] != nil }, diagnostics: diagnostics)
    }
}
