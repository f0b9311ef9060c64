/// A page pseudo-translated for each pseudo-locale: the bytes, applied units and diagnostics
/// that a job of the page (`Job.document`), pseudo-translated (`Job.pseudoTranslated`) and
/// merged back (`PageMerge.merge`) gives, without building the job.
///
/// What does not depend on the style is worked out once per page, for every pseudo-locale:
/// the units as a job holds them (numbers and dates as placeholders), the codes their
/// placeholders stand for, and how each unit's source compares with the page's.
struct PseudoMerge {
    /// A unit as the job holds it, with what the merge needs of it besides its target.
    private struct JobUnit {
        var unit: TextUnit
        /// The unit's placeholders by id (source and sentences): a target's are expanded to
        /// the source's text.
        var placeholders: [String: InlineCode]
        /// The page's unit with this id, and whether its text is the job's source text.
        var pageUnit: TextUnit?
        var sourceAgrees: Bool
    }

    let page: ExtractedPage
    private let units: [JobUnit]
    /// The page made ready for assembly once, for every pseudo-locale.
    private let assemblyPage: PageAssembler.PreparedPage

    init(_ page: ExtractedPage) {
        self.page = page
        assemblyPage = PageAssembler.PreparedPage(page)
        let pageUnits = Dictionary(page.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        units = page.units.map { unit in
            let jobUnit = unit.withAutoTranslatablePlaceholders()
            let placeholders = Dictionary((jobUnit.source.autoTranslatables + jobUnit.segments.flatMap(\.source.autoTranslatables)).map { ($0.id, $0) },
                                          uniquingKeysWith: { first, _ in first })
            let pageUnit = pageUnits[jobUnit.id]
            let sourceAgrees = pageUnit.map { $0.source.plainText == jobUnit.source.expandingAutoTranslatables().plainText } ?? false
            return JobUnit(unit: jobUnit, placeholders: placeholders, pageUnit: pageUnit, sourceAgrees: sourceAgrees)
        }
    }

    /// The page pseudo-translated in `style`; `jobFile` names the job in messages, as
    /// `PageMerge.merge(_:units:language:jobFile:)` does.
    func merge(style: PseudoLocalizer.Style, language: TargetLanguage, jobFile: String) -> PageMerge.Result {
        let localizer = PseudoLocalizer(style: style)
        var targets: [String: Content] = [:]
        var diagnostics: [Diagnostic] = []
        for jobUnit in units {
            var unit = jobUnit.unit
            unit.updateSegments { segment in
                var segment = segment
                segment.target = localizer.translate(segment.source)
                segment.state = .translated
                return segment
            }
            guard var target = unit.target else { continue }
            if !jobUnit.placeholders.isEmpty {
                target = target.expandingAutoTranslatables { code in (jobUnit.placeholders[code.id] ?? code).placeholderText }
            }
            guard !target.isEmpty else { continue }
            if PageMerge.accepts(target, unitID: unit.id, line: unit.line, for: jobUnit.pageUnit?.source, isAttribute: jobUnit.pageUnit?.isAttribute ?? false, sourceAgrees: jobUnit.sourceAgrees, page: page.page.name, jobFile: jobFile,
                                 diagnostics: &diagnostics) {
                targets[unit.id] = target
            }
        }
        let bytes = assemblyPage.assemble(targets: targets, language: language)
        return PageMerge.Result(bytes: bytes, applied: page.units.map(\.id).filter { targets[$0] != nil }, diagnostics: diagnostics)
    }
}
