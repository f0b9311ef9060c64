import Testing
@testable import LocalizationCore

/// PageMerge hands its targets to the assembler by unit position, and the renderer finds a
/// slot's target by the position of its unit (`Slot.unitIndex`): a position off by a unit puts
/// a target into another unit's slot. Pages here have units that extraction reorders
/// (attributes inside text are found before the paragraph around them), units left without a
/// target, attribute slots, and an element id that is another's numbered.
@Suite struct PageMergeByPositionTests {
    /// Units found in the order `title` (a), `alt` (img), the first paragraph, `title` (abbr),
    /// the second paragraph; in page order the paragraph comes before its attributes.
    static let page = #"<html lang="de"><body><p>Der <a href="/rat" title="Zum Rat">Rat</a> tagt <img alt=Sitzung> heute.</p><p>Zweiter <abbr title="Abkürzung">Abs.</abbr></p></body></html>"#

    static func extract(_ html: String) -> ExtractedPage {
        HTMLExtractor().extract(HTMLPage(name: "seite.html", bytes: Array(html.utf8)))
    }

    /// `content` with its text in capitals and its codes where they are: a target the check
    /// accepts, and whose place in the page is plain to see.
    static func capitals(_ content: Content) -> Content {
        Content(content.fragments.map { fragment in
            if case .text(let text) = fragment { return .text(text.uppercased()) }
            return fragment
        })
    }

    /// The page's units as a job returns them, those at the positions `translated` with their
    /// source in capitals as the target.
    static func returned(_ page: ExtractedPage, translated: Set<Int>) -> [TextUnit] {
        page.units.indices.map { position in
            var unit = page.units[position]
            if translated.contains(position) { unit.target = capitals(unit.source) }
            return unit
        }
    }

    static func merge(_ page: ExtractedPage, translated: Set<Int>) throws -> PageMerge.Result {
        PageMerge().merge(page, units: returned(page, translated: translated), language: try TargetLanguage("en"), jobFile: "job.xlf")
    }

    @Test func slotsNameTheirUnitsAfterTheUnitsAreReordered() {
        let page = Self.extract(Self.page)
        #expect(page.units.map(\.source.plainText) == ["Der Rat tagt  heute.", "Zum Rat", "Sitzung", "Zweiter Abs.", "Abkürzung"])
        for slot in page.skeleton.slots {
            #expect(page.units[slot.unitIndex].id == slot.unitID)
        }
    }

    @Test func everyTargetLandsInItsOwnSlot() throws {
        let page = Self.extract(Self.page)
        let result = try Self.merge(page, translated: Set(page.units.indices))
        #expect(result.diagnostics.isEmpty)
        #expect(result.applied == page.units.map(\.id))
        #expect(String(decoding: result.bytes, as: UTF8.self)
            == #"<html lang="en"><body><p>DER <a href="/rat" title="ZUM RAT">RAT</a> TAGT <img alt="SITZUNG"> HEUTE.</p><p>ZWEITER <abbr title="ABKÜRZUNG">ABS.</abbr></p></body></html>"#)
    }

    /// The units without a target keep their source, those after them still get theirs.
    @Test func aUnitWithoutTargetKeepsItsSource() throws {
        let page = Self.extract(Self.page)
        let result = try Self.merge(page, translated: [0, 2, 4])
        #expect(result.diagnostics.isEmpty)
        #expect(result.applied == [page.units[0].id, page.units[2].id, page.units[4].id])
        #expect(String(decoding: result.bytes, as: UTF8.self)
            == #"<html lang="en"><body><p>DER <a href="/rat" title="Zum Rat">RAT</a> TAGT <img alt="SITZUNG"> HEUTE.</p><p>Zweiter <abbr title="ABKÜRZUNG">Abs.</abbr></p></body></html>"#)
    }

    /// Targets by position give the bytes that targets by id give.
    @Test func positionsAssembleAsIDs() throws {
        let page = Self.extract(Self.page)
        let language = try TargetLanguage("en")
        for mask in 0 ..< 1 << page.units.count {
            let chosen = page.units.indices.filter { mask & 1 << $0 != 0 }
            var unitTargets = [Content?](repeating: nil, count: page.units.count)
            var targets: [String: Content] = [:]
            for position in chosen {
                unitTargets[position] = Self.capitals(page.units[position].source)
                targets[page.units[position].id] = unitTargets[position]
            }
            #expect(PageAssembler().assemble(page, unitTargets: unitTargets, language: language)
                == PageAssembler().assemble(page, targets: targets, language: language), "units \(chosen)")
        }
    }

    /// Two elements with the id `x` and one with `x-2`: the extractor numbers the second `x`
    /// `id-x-2`, and the third then `id-x-2-2`. A target for `id-x-2` is the second's only.
    @Test func aNumberedIDNamesOneUnit() throws {
        let page = Self.extract(#"<html><body><p id="x">Erster</p><p id="x">Zweiter</p><p id="x-2">Dritter</p></body></html>"#)
        #expect(page.units.map(\.id) == ["id-x", "id-x-2", "id-x-2-2"])
        let result = try Self.merge(page, translated: [1])
        #expect(result.diagnostics.isEmpty)
        #expect(result.applied == ["id-x-2"])
        #expect(String(decoding: result.bytes, as: UTF8.self)
            == #"<html lang="en"><body><p id="x">Erster</p><p id="x">ZWEITER</p><p id="x-2">Dritter</p></body></html>"#)
    }

    /// A job made before the page was edited: a paragraph added at the start moves every unit
    /// one place on, and one the job has is gone. Each target finds its unit all the same.
    @Test func aJobOfTheEarlierPageFindsItsUnitsMoved() throws {
        let earlier = Self.extract(#"<html><body><p>Eins</p><p>Zwei</p><p>Drei</p><p>Vier</p></body></html>"#)
        let page = Self.extract(#"<html><body><p>Neu</p><p>Eins</p><p>Zwei</p><p>Vier</p></body></html>"#)
        let result = PageMerge().merge(page, units: Self.returned(earlier, translated: [0, 1, 2, 3]), language: nil, jobFile: "job.xlf")
        #expect(result.diagnostics.map(\.message) == ["the page seite.html has no unit with this id (its text changed since the job was made?); target not used"])
        #expect(result.applied == [page.units[1].id, page.units[2].id, page.units[3].id])
        #expect(String(decoding: result.bytes, as: UTF8.self) == #"<html><body><p>Neu</p><p>EINS</p><p>ZWEI</p><p>VIER</p></body></html>"#)
    }

    /// A job's units in another order than the page's (a tool that sorts them) each find theirs.
    @Test func aJobInAnotherOrderFindsEveryUnit() throws {
        let page = Self.extract(Self.page)
        let result = PageMerge().merge(page, units: Self.returned(page, translated: [0, 1, 3]).reversed(), language: try TargetLanguage("en"), jobFile: "job.xlf")
        #expect(result.diagnostics.isEmpty)
        #expect(String(decoding: result.bytes, as: UTF8.self)
            == #"<html lang="en"><body><p>DER <a href="/rat" title="ZUM RAT">RAT</a> TAGT <img alt=Sitzung> HEUTE.</p><p>ZWEITER <abbr title="Abkürzung">ABS.</abbr></p></body></html>"#)
    }
}
