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
        // Targets by the position of their unit on the page: the assembler finds each slot's
        // by the slot's unit position (`Slot.unitIndex`), without hashing its id.
        var unitTargets = [Content?](repeating: nil, count: page.units.count)
        var diagnostics: [Diagnostic] = []
        // Made at the first unit not where `jobOffset` puts it: a job of the page as it is
        // needs no table of its ids.
        lazy var pagePositions = Self.positions(of: page.units)
        // A job of a page holds the page's units in their order, all of them or, for a page
        // edited since, most of them a few places off: the job's unit at `index` is looked for
        // first at the page's `index + jobOffset`, the offset at which the previous one was.
        var jobOffset = 0
        func pagePosition(of unitID: String, jobIndex: Int) -> Int? {
            let guess = jobIndex + jobOffset
            // Ids are unique on a page: the unit with the id there is the one.
            if page.units.indices.contains(guess), page.units[guess].id == unitID { return guess }
            guard let position = pagePositions[unitID] else { return nil }
            jobOffset = position - jobIndex
            return position
        }
        // A job unit (its placeholders expanded) is passed on field by field: handed over whole
        // from the array, it is copied first (a retain and a release of each of its fields).
        func merge(unitID: String, jobIndex: Int, line: Int, source jobSource: Content, target: Content?) {
            guard let target, !target.isEmpty else { return }
            let pageIndex = pagePosition(of: unitID, jobIndex: jobIndex)
            let source = pageIndex.map { page.units[$0].source }
            let sourceAgrees = source.map { Self.sameText($0, jobSource) } ?? false
            let isAttribute = pageIndex.map { page.units[$0].isAttribute } ?? false
            if Self.accepts(target, unitID: unitID, line: line, for: source, isAttribute: isAttribute, sourceAgrees: sourceAgrees,
                            page: page.page.name, jobFile: jobFile, diagnostics: &diagnostics), let pageIndex {
                unitTargets[pageIndex] = target
            }
        }
        for index in units.indices {
            // A unit without a target has none once expanded either: it is passed over before
            // it is expanded (a job returned untranslated has no targets at all).
            guard let target = units[index].target, !target.isEmpty else { continue }
            // `TextUnit.hasAutoTranslatables` read field by field, for the same reason.
            if units[index].source.hasAutoTranslatables || units[index].parts.contains(where: \.hasAutoTranslatables) {
                let unit = units[index].expandingAutoTranslatables()
                merge(unitID: unit.id, jobIndex: index, line: unit.line, source: unit.source, target: unit.target)
            } else {
                // Without placeholders a unit is its own expansion.
                merge(unitID: units[index].id, jobIndex: index, line: units[index].line, source: units[index].source, target: target)
            }
        }
        let bytes = PageAssembler().assemble(page, unitTargets: unitTargets, language: language)
        let applied = page.units.indices.compactMap { unitTargets[$0] != nil ? page.units[$0].id : nil }
        return Result(bytes: bytes, applied: applied, diagnostics: diagnostics)
    }

    /// Where a page's units are, by id. An extracted page's ids are its units' own
    /// (`HTMLExtractor` numbers repeats apart); should a page made otherwise repeat one, the
    /// first unit with it is the one found.
    static func positions(of units: [TextUnit]) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(units.count)
        // From the end, so that an earlier unit's position replaces a later one's.
        for position in units.indices.reversed() { positions[units[position].id] = position }
        return positions
    }

    /// Whether `a` and `b` have the same text (`plainText`): compared run by run first, which
    /// joins nothing when their texts are cut at the same codes (a job's source and its page's).
    static func sameText(_ a: Content, _ b: Content) -> Bool {
        sameRuns(a, b) || a.plainText == b.plainText
    }

    /// Whether `a` and `b` have the same runs of text, in order, byte for byte. The fragments
    /// are read where they are, not copied one by one into a sequence of their texts (a retain
    /// and a release of each), and compared with memcmp: String's `==` looks for canonical
    /// equivalence in a text beyond ASCII (most German ones), which `sameText` leaves to its
    /// comparison of the whole texts when the bytes differ.
    private static func sameRuns(_ a: Content, _ b: Content) -> Bool {
        /// The position of the first run of text in `content` from `position` on, or the end.
        func nextText(in content: Content, from position: Int) -> Int {
            var position = position
            while position < content.fragments.count {
                if case .text = content.fragments[position] { break }
                position += 1
            }
            return position
        }
        var (left, right) = (0, 0)
        while true {
            left = nextText(in: a, from: left)
            right = nextText(in: b, from: right)
            guard left < a.fragments.count, right < b.fragments.count else {
                return left == a.fragments.count && right == b.fragments.count
            }
            guard case .text(let leftText) = a.fragments[left], case .text(let rightText) = b.fragments[right],
                  leftText.hasSameUTF8(as: rightText) else { return false }
            left += 1
            right += 1
        }
    }

    /// Whether a job unit's `target` may stand in the page for its unit's content `source` (nil:
    /// the page has no unit with that id; `isAttribute`: that unit is an attribute value;
    /// `sourceAgrees`: the job's source text is the page's); each refusal is reported with the
    /// job's file, the unit's `line` there and its id.
    static func accepts(_ target: Content, unitID: String, line: Int, for source: Content?, isAttribute: Bool, sourceAgrees: Bool, page: String,
                        jobFile: String, diagnostics: inout [Diagnostic]) -> Bool {
        guard let source else {
            diagnostics.append(Diagnostic(.error, file: jobFile, line: line, unitID: unitID,
                "the page \(page) has no unit with this id (its text changed since the job was made?); target not used"))
            return false
        }
        guard sourceAgrees else {
            diagnostics.append(Diagnostic(.error, file: jobFile, line: line, unitID: unitID,
                "the source text in the job differs from the page \(page); target not used"))
            return false
        }
        let problems = TargetCheck.problems(target: target, source: source, isAttribute: isAttribute)
        for problem in problems {
            diagnostics.append(Diagnostic(.error, file: jobFile, line: line, unitID: unitID, "target refused for \(page): \(problem)"))
        }
        return problems.isEmpty
    }
}
