import Testing
@testable import LocalizationCore

/// The state file's `out` records list units in the order of job, page and unit id; the
/// encoder sorts jobs and pages by rank (`OutMembers`), which must give the order
/// the three strings give, and the file must read back as the state it was made from.
@Suite struct BatchStateEncodingTests {
    static let names = ["a", "b", "ä", "a\u{308}", "Z", "z", "10", "9", "über/seite", "ueber", "日本", "x y", ""]

    @Test(arguments: [1, 2, 3] as [UInt64])
    func unitsOutAreInTheOrderOfTheirThreeNames(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        func pick(_ items: [String]) -> String { items[Int(random.next() % UInt64(items.count))] }
        var units: [String: BatchState.OutUnit] = [:]
        for _ in 0 ..< 600 {
            let key = pick(Self.names) + "/" + pick(Self.names) + ".html#u" + pick(Self.names) + pick(Self.names)
            units[key] = .init(job: "job-" + pick(Self.names), hash: "h", words: Int(random.next() % 9))
        }
        let members = BatchState.OutMembers(units)
        let ordered = members.order.map { [members.units[$0].job, members.pages[$0], members.ids[$0]] }
        let expected = units.map { key, unit in [unit.job, BatchRun.page(ofKey: key), BatchRun.unitID(ofKey: key)] }
            .sorted { ($0[0], $0[1], $0[2]) < ($1[0], $1[1], $1[2]) }
        #expect(ordered == expected)
    }

    @Test func aStateWithUnitsOutReadsBackAsItWasWritten() throws {
        var random = SplitMix64(seed: 9)
        func pick(_ items: [String]) -> String { items[Int(random.next() % UInt64(items.count))] }
        var state = BatchState()
        state.inputs = "inputs"
        for tag in ["ar", "fa"] {
            var units: [String: BatchState.OutUnit] = [:]
            for index in 0 ..< 300 {
                units["\(pick(Self.names))/p\(index % 17).html#u\(index)"] = .init(job: "\(tag)-\(index % 5)", hash: "h\(index)", words: index % 13)
            }
            state.out[tag] = units
        }
        let decoded = try BatchState.decode(state.encoded())
        #expect(decoded.out == state.out)
        #expect(decoded.encoded() == state.encoded())
    }
}
