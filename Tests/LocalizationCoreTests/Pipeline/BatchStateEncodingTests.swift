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

    /// A page's units read back from its unit lines: texts with spaces, marks (one right after
    /// the space before the text, which a split on characters did not cut there), emoji,
    /// control characters (left out of the line) and none at all.
    @Test func aPagesUnitsReadBackFromTheirLines() {
        var random = SplitMix64(seed: 31)
        let pieces = ["Der", " ", "Rat", "tagt.", "\u{301}", "e\u{301}", "👩‍👩‍👧", "\u{1F}", "\t", "\r\n", "مرحبا", "\u{A0}", "ß"]
        for _ in 0 ..< 300 {
            let units = (0 ..< Int(random.next() % 6)).map { number in
                BatchState.Unit(id: (number % 2 == 0 ? "u" : "a") + String(random.next() % 1000, radix: 16), hash: String(random.next(), radix: 16),
                                words: Int(random.next() % 40),
                                text: (0 ..< Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
            }
            let page = BatchState.Page(hash: "h", units: units, outputs: [:])
            let expected = units.map { unit in
                var kept = unit
                kept.text = String(String.UnicodeScalarView(unit.text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
                return kept
            }
            #expect(page.unitList == expected, "\(units)")
        }
    }
}
