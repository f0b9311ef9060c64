import Testing
@testable import LocalizationCore

/// `ChangeDetection.unitChanges` against the straightforward algorithm it replaced (kept
/// here as the reference): quadratic in a page's units and sorted at the end, it is plainly
/// right and was too slow for a cold run of a large site.
struct ChangeDetectionReferenceTests {
    enum Reference {
        static func straightforward(old: [String: [BatchState.Unit]], new: [String: [BatchState.Unit]]) -> [RunReport.UnitChange] {
            let pages = Set(old.keys).union(new.keys).sorted()
            var gone: [String: [BatchState.Unit]] = [:]
            var fresh: [String: [BatchState.Unit]] = [:]
            var changes: [RunReport.UnitChange] = []
            for page in pages {
                let before = old[page] ?? []
                let after = new[page] ?? []
                let beforeIDs = Set(before.map(\.id))
                let afterIDs = Set(after.map(\.id))
                gone[page] = before.filter { !afterIDs.contains($0.id) }
                fresh[page] = after.filter { !beforeIDs.contains($0.id) }
                // Units on both sides: those outside the longest run kept in order were reordered.
                let kept = after.filter { beforeIDs.contains($0.id) }
                let oldPosition = Dictionary(before.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
                let inOrder = Set(ChangeDetection.longestIncreasingRun(kept.map { oldPosition[$0.id] ?? 0 }).map { kept[$0].id })
                for unit in kept where !inOrder.contains(unit.id) {
                    changes.append(.init(kind: .reordered, page: page, unitID: unit.id, text: unit.text))
                }
            }
            // The same text gone from one place and new at another: moved (to another page, or
            // into another container of the same page, which changes its id).
            var goneByHash: [String: [(page: String, unit: BatchState.Unit)]] = [:]
            for page in pages {
                for unit in gone[page] ?? [] { goneByHash[unit.hash, default: []].append((page, unit)) }
            }
            var matchedGone: Set<String> = []
            var matchedFresh: Set<String> = []
            for page in pages {
                for unit in fresh[page] ?? [] {
                    guard var sources = goneByHash[unit.hash], !sources.isEmpty else { continue }
                    // Prefer the same page, then the first page in name order.
                    let index = sources.firstIndex { $0.page == page } ?? 0
                    let source = sources.remove(at: index)
                    goneByHash[unit.hash] = sources
                    matchedGone.insert("\(source.page)#\(source.unit.id)")
                    matchedFresh.insert("\(page)#\(unit.id)")
                    changes.append(source.page == page
                        ? .init(kind: .reordered, page: page, unitID: unit.id, previousUnitID: source.unit.id, text: unit.text)
                        : .init(kind: .moved, page: page, unitID: unit.id, previousUnitID: source.unit.id, fromPage: source.page, text: unit.text))
                }
            }
            // A new unit where a unit of the same kind went (between the same neighbours that
            // stayed): the text there was edited.
            for page in pages {
                let before = old[page] ?? []
                let after = new[page] ?? []
                let remainingGone = (gone[page] ?? []).filter { !matchedGone.contains("\(page)#\($0.id)") }
                let remainingFresh = (fresh[page] ?? []).filter { !matchedFresh.contains("\(page)#\($0.id)") }
                let keptIDs = Set(before.map(\.id)).intersection(after.map(\.id))
                var goneBySlot = Dictionary(grouping: remainingGone) { referenceSlot(of: $0, in: before, kept: keptIDs) }
                for unit in remainingFresh {
                    let key = referenceSlot(of: unit, in: after, kept: keptIDs)
                    if var candidates = goneBySlot[key], !candidates.isEmpty {
                        let previous = candidates.removeFirst()
                        goneBySlot[key] = candidates
                        matchedGone.insert("\(page)#\(previous.id)")
                        changes.append(.init(kind: .edited, page: page, unitID: unit.id, previousUnitID: previous.id, text: unit.text))
                    } else {
                        changes.append(.init(kind: .added, page: page, unitID: unit.id, text: unit.text))
                    }
                }
                for unit in remainingGone where !matchedGone.contains("\(page)#\(unit.id)") {
                    changes.append(.init(kind: .retired, page: page, unitID: unit.id, text: unit.text))
                }
            }
            let order = Dictionary(pages.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            return changes.enumerated().sorted { left, right in
                let (a, b) = (left.element, right.element)
                return (order[a.page] ?? 0, left.offset) < (order[b.page] ?? 0, right.offset)
            }.map(\.element)
        }

        /// Where a unit sits: the nearest kept unit before it, and whether it is an attribute
        /// (ids of attribute units start with "a"), so an edit pairs like with like.
        private static func slot(of unit: BatchState.Unit, in units: [BatchState.Unit], kept: Set<String>) -> String {
            let position = units.firstIndex { $0.id == unit.id } ?? 0
            let anchor = units[..<position].last { kept.contains($0.id) }?.id ?? ""
            return anchor + "|" + String(unit.id.prefix(1))
        }

        static func referenceSlot(of unit: BatchState.Unit, in units: [BatchState.Unit], kept: Set<String>) -> String {
            let position = units.firstIndex { $0.id == unit.id } ?? 0
            let anchor = units[..<position].last { kept.contains($0.id) }?.id ?? ""
            return anchor + "|" + String(unit.id.prefix(1))
        }
    }

    /// Sites of a few pages whose units are edited, inserted, deleted, swapped, moved
    /// between pages and whose pages come and go, with texts from a small pool so that the
    /// same text stands in several places.
    @Test func generatedEditsAreReportedAsTheReferenceReportsThem() {
        var generator = SplitMix64(seed: 23)
        func pick(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }
        func unit(_ text: Int) -> BatchState.Unit {
            // Ids as the extractor makes them: a kind letter and the text's digest.
            let kind = pick(5) == 0 ? "a" : "u"
            return BatchState.Unit(id: kind + String(text * 7 + pick(3)), hash: "h\(text)", words: 3, text: "Text \(text)")
        }
        var kinds: Set<RunReport.UnitChange.Kind> = []
        for _ in 0 ..< 300 {
            var old: [String: [BatchState.Unit]] = [:]
            for page in 0 ..< pick(4) + 1 {
                var units: [BatchState.Unit] = []
                for _ in 0 ..< pick(9) { units.append(unit(pick(12))) }
                old["p\(page).html"] = units
            }
            var new = old
            for _ in 0 ..< pick(6) + 1 {
                let name = "p\(pick(5)).html"
                var units = new[name] ?? []
                switch pick(6) {
                case 0: units.insert(unit(pick(12)), at: pick(units.count + 1))
                case 1 where !units.isEmpty: units.remove(at: pick(units.count))
                case 2 where !units.isEmpty: units[pick(units.count)] = unit(pick(12))
                case 3 where units.count > 1: units.swapAt(pick(units.count), pick(units.count))
                case 4 where !units.isEmpty:
                    // Moved to another page.
                    let moved = units.remove(at: pick(units.count))
                    new["p\(pick(5)).html", default: []].append(moved)
                default: new[name] = nil; continue
                }
                new[name] = units
            }
            // A unit id stands once per page, as the extractor makes them.
            for (name, units) in new {
                var seen: Set<String> = []
                new[name] = units.filter { seen.insert($0.id).inserted }
            }
            for (name, units) in old {
                var seen: Set<String> = []
                old[name] = units.filter { seen.insert($0.id).inserted }
            }
            let expected = Reference.straightforward(old: old, new: new)
            #expect(ChangeDetection.unitChanges(old: old, new: new) == expected)
            kinds.formUnion(expected.map(\.kind))
        }
        // The generated edits make changes of every kind.
        #expect(kinds == Set(RunReport.UnitChange.Kind.allCases))
    }

    /// One page edited in every way at once: both algorithms tell each kind apart.
    @Test func anEditOfEveryKindIsToldApart() {
        func unit(_ number: Int, hash: Int? = nil) -> BatchState.Unit {
            BatchState.Unit(id: "u\(number)", hash: "h\(hash ?? number)", words: 1, text: "\(hash ?? number)")
        }
        // u8 retired, u1 and u2 swapped, u3 edited into u5, u4 moved to b.html as u9, u6 added.
        let old = ["a.html": [unit(8), unit(1), unit(2), unit(7), unit(3), unit(4)]]
        let new = ["a.html": [unit(2), unit(1), unit(7), unit(5), unit(6)], "b.html": [unit(9, hash: 4)]]
        let changes = ChangeDetection.unitChanges(old: old, new: new)
        #expect(changes == Reference.straightforward(old: old, new: new))
        #expect(Set(changes.map(\.kind)) == Set(RunReport.UnitChange.Kind.allCases))
    }
}
