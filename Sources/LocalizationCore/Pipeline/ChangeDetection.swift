/// What happened to the units of the pages that changed since the last run. Unit ids come
/// from a unit's text and its place in the document outline (see `HTMLExtractor`), so a unit
/// keeps its id when other parts of its page change; what remains is to tell apart a unit that
/// was edited, moved to another position or page, added, or retired.
enum ChangeDetection {
    /// The changes between `old` and `new` unit lists of the pages that were added, edited or
    /// removed (a page missing on one side had no units there). Deterministic: pages in name
    /// order, units in page order.
    static func unitChanges(old: [String: [BatchState.Unit]], new: [String: [BatchState.Unit]]) -> [RunReport.UnitChange] {
        let pages = Set(old.keys).union(new.keys).sorted()
        var gone: [[BatchState.Unit]] = []
        var fresh: [[BatchState.Unit]] = []
        // Changes by the page they are reported on, in the order found: a cold run of a large
        // site reports half a million added units, which sorting afterwards took seconds.
        var changes = [[RunReport.UnitChange]](repeating: [], count: pages.count)
        for (number, page) in pages.enumerated() {
            let before = old[page] ?? []
            let after = new[page] ?? []
            let beforeIDs = Set(before.map(\.id))
            let afterIDs = Set(after.map(\.id))
            gone.append(before.filter { !afterIDs.contains($0.id) })
            fresh.append(after.filter { !beforeIDs.contains($0.id) })
            // Units on both sides: those outside the longest run kept in order were reordered.
            let kept = after.filter { beforeIDs.contains($0.id) }
            guard !kept.isEmpty else { continue }
            let oldPosition = Dictionary(before.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            let inOrder = Set(longestIncreasingRun(kept.map { oldPosition[$0.id] ?? 0 }).map { kept[$0].id })
            for unit in kept where !inOrder.contains(unit.id) {
                changes[number].append(.init(kind: .reordered, page: page, unitID: unit.id, text: unit.text))
            }
        }
        // The same text gone from one place and new at another: moved (to another page, or
        // into another container of the same page, which changes its id).
        var goneByHash: [String: [(page: String, unit: BatchState.Unit)]] = [:]
        for (number, page) in pages.enumerated() {
            for unit in gone[number] { goneByHash[unit.hash, default: []].append((page, unit)) }
        }
        var matchedGone: Set<String> = []
        var matchedFresh: Set<String> = []
        if !goneByHash.isEmpty {
            for (number, page) in pages.enumerated() {
                for unit in fresh[number] {
                    guard var sources = goneByHash[unit.hash], !sources.isEmpty else { continue }
                    // Prefer the same page, then the first page in name order.
                    let index = sources.firstIndex { $0.page == page } ?? 0
                    let source = sources.remove(at: index)
                    goneByHash[unit.hash] = sources
                    matchedGone.insert("\(source.page)#\(source.unit.id)")
                    matchedFresh.insert("\(page)#\(unit.id)")
                    changes[number].append(source.page == page
                        ? .init(kind: .reordered, page: page, unitID: unit.id, previousUnitID: source.unit.id, text: unit.text)
                        : .init(kind: .moved, page: page, unitID: unit.id, previousUnitID: source.unit.id, fromPage: source.page, text: unit.text))
                }
            }
        }
        // A new unit where a unit of the same kind went (between the same neighbours that
        // stayed): the text there was edited.
        for (number, page) in pages.enumerated() {
            let remainingGone = gone[number].filter { !matchedGone.contains("\(page)#\($0.id)") }
            let remainingFresh = fresh[number].filter { !matchedFresh.contains("\(page)#\($0.id)") }
            guard !remainingGone.isEmpty else {
                // Nothing went that a new unit could replace (every unit of a new page).
                changes[number] += remainingFresh.map { .init(kind: .added, page: page, unitID: $0.id, text: $0.text) }
                continue
            }
            let before = old[page] ?? []
            let after = new[page] ?? []
            let keptIDs = Set(before.map(\.id)).intersection(after.map(\.id))
            let slotsBefore = slots(of: before, kept: keptIDs)
            let slotsAfter = slots(of: after, kept: keptIDs)
            var goneBySlot = Dictionary(grouping: remainingGone) { slotsBefore[$0.id] ?? "" }
            for unit in remainingFresh {
                let key = slotsAfter[unit.id] ?? ""
                if var candidates = goneBySlot[key], !candidates.isEmpty {
                    let previous = candidates.removeFirst()
                    goneBySlot[key] = candidates
                    matchedGone.insert("\(page)#\(previous.id)")
                    changes[number].append(.init(kind: .edited, page: page, unitID: unit.id, previousUnitID: previous.id, text: unit.text))
                } else {
                    changes[number].append(.init(kind: .added, page: page, unitID: unit.id, text: unit.text))
                }
            }
            for unit in remainingGone where !matchedGone.contains("\(page)#\(unit.id)") {
                changes[number].append(.init(kind: .retired, page: page, unitID: unit.id, text: unit.text))
            }
        }
        return Array(changes.joined())
    }

    /// Where each unit sits: the nearest kept unit before it, and whether it is an attribute
    /// (ids of attribute units start with "a"), so an edit pairs like with like. By unit id,
    /// found in one pass over the page's units.
    private static func slots(of units: [BatchState.Unit], kept: Set<String>) -> [String: String] {
        var slots: [String: String] = [:]
        var anchor = ""
        for unit in units {
            if slots[unit.id] == nil { slots[unit.id] = anchor + "|" + String(unit.id.prefix(1)) }
            if kept.contains(unit.id) { anchor = unit.id }
        }
        return slots
    }

    /// Indices of a longest strictly increasing subsequence of `values` (patience sorting,
    /// O(n log n)): the units that kept their relative order.
    static func longestIncreasingRun(_ values: [Int]) -> [Int] {
        var tails: [Int] = []
        var previous = [Int](repeating: -1, count: values.count)
        for (index, value) in values.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if values[tails[middle]] < value { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var result: [Int] = []
        var index = tails.last ?? -1
        while index >= 0 {
            result.append(index)
            index = previous[index]
        }
        return result.reversed()
    }
}
