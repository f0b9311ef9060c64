import Foundation
import Testing
@testable import LocalizationCore

/// Numbers, dates and references travel through jobs as placeholders and come back as the
/// target locale writes them (issue 5, item 3).
@Suite("Auto-translatable placeholders")
struct AutoTranslatablePlaceholderTests {
    static let miso = InlineCode(id: "1", kind: .protected, elementName: "span", originalData: #"<span translate="no">MiSO</span>"#, displayText: "MiSO")

    /// "MiSO zählt 44 Mitgliedsorganisationen (Stand: November 2020). Siehe Drucksache 0108/2021."
    static func unit() throws -> TextUnit {
        let source = Content([.standalone(miso), .text(" zählt 44 Mitgliedsorganisationen (Stand: November 2020). Siehe Drucksache 0108/2021.")])
        let unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: source, line: 3)
        return unit.segmented(by: try Segmenter.shipped(language: "de")).withAutoTranslatablePlaceholders()
    }

    func locale(_ tag: String) throws -> LocaleDefinition {
        try AutoTranslatablesTests.catalog.get().definition(for: tag)
    }

    @Test func sourcesAndTheirSentencesCarryTheSamePlaceholders() throws {
        let unit = try Self.unit()
        #expect(unit.source.autoTranslatables.map(\.id) == ["a1", "a2", "a3"])
        #expect(unit.source.autoTranslatables.map(\.elementName) == ["number", "date", "reference"])
        #expect(unit.source.autoTranslatables.map(\.placeholderText) == ["44", "November 2020", "0108/2021"])
        #expect(unit.segments.count == 2)
        #expect(unit.segments.map { $0.source.autoTranslatables.map(\.id) } == [["a1", "a2"], ["a3"]])
        #expect(unit.source.codes.first == Self.miso, "the page's own codes keep their ids")
        #expect(unit.expandingAutoTranslatables().source.plainText == " zählt 44 Mitgliedsorganisationen (Stand: November 2020). Siehe Drucksache 0108/2021.")
    }

    @Test func attributesAndUnitsThatAreOnlyANumberKeepTheirText() {
        let attribute = TextUnit(id: "u2", placement: .attribute(elementName: "img", attributeName: "alt"), name: "img/@alt", source: Content(text: "Grafik 2020"))
        #expect(attribute.withAutoTranslatablePlaceholders() == attribute)
        let date = TextUnit(id: "u3", placement: .elementContent(elementName: "td"), name: "td", source: Content(text: " Februar 2021 "))
        #expect(date.withAutoTranslatablePlaceholders() == date, "assembly fills a unit that is only a date")
        let words = TextUnit(id: "u4", placement: .elementContent(elementName: "p"), name: "p", source: Content(text: "WIR 2.0 und Unterziel 14.1"))
        #expect(words.withAutoTranslatablePlaceholders() == words)
    }

    /// A translator's Arabic target with the placeholders placed, through both XLIFF versions
    /// and into the memory: stored as text, written the Arabic way (digits `arab`).
    @Test(arguments: [XLIFFDocument.Version.v1_2, .v2_1])
    func returnedPlaceholdersAreStoredAsTheLocaleWritesThem(version: XLIFFDocument.Version) throws {
        var unit = try Self.unit()
        let placeholders = Dictionary(unit.source.autoTranslatables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let targets = [
            Content([.standalone(Self.miso), .text(" تضم "), .standalone(placeholders["a1"]!), .text(" منظمة عضوًا (حتى "), .standalone(placeholders["a2"]!), .text(").")]),
            Content([.text("انظر الوثيقة "), .standalone(placeholders["a3"]!), .text(".")]),
        ]
        var index = 0
        unit.updateSegments { segment in
            defer { index += 1 }
            var segment = segment
            segment.target = targets[index]
            segment.state = .translated
            return segment
        }
        let document = XLIFFDocument(version: version, sourceLanguage: "de", targetLanguage: "ar", files: [XLIFFFile(original: "miso.html", units: [unit])])
        let text = Job.serialize(document)
        #expect(text.contains(version == .v1_2 ? #"<x id="a1" ctype="x-tp-number" equiv-text="44"/>"# : #"subType="tp:date""#))
        let read = try XLIFFReader().read(Array(text.utf8), file: "ar.xlf")
        let returned = try #require(read.files.first?.units.first)
        #expect(returned.segments.flatMap { $0.target?.autoTranslatables ?? [] }.map(\.kind) == [.autoTranslatable, .autoTranslatable, .autoTranslatable])
        #expect(returned.source.autoTranslatables.map(\.elementName) == ["number", "date", "reference"])

        var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "ar")
        memory.add(read, file: "ar.xlf", translator: "T", locale: try locale("ar"), now: "2026-11-27T00:00:00Z")
        #expect(memory.entries.map(\.source.plainText) == [" zählt 44 Mitgliedsorganisationen (Stand: November 2020).", "Siehe Drucksache 0108/2021."])
        #expect(memory.entries.map(\.target.plainText) == [" تضم ٤٤ منظمة عضوًا (حتى نوفمبر ٢٠٢٠).", "انظر الوثيقة 0108/2021."])
        #expect(memory.entries[1].context.previous == " zählt 44 Mitgliedsorganisationen (Stand: November 2020).",
                "context is the sentence as written, so in-context matches hit")
    }

    @Test func memoryTargetsGetThePlaceholdersBackWhereEachIsFoundOnce() throws {
        let source = Content([.text("Das Netzwerk zählt "), .standalone(.placeholder(id: "a1", for: AutoTranslatables.recognize(in: "44")[0])),
                              .text(" Mitglieder, Stand "), .standalone(.placeholder(id: "a2", for: AutoTranslatables.recognize(in: "November 2020")[0]))])
        let arabic = try locale("ar")
        let forms = { (code: InlineCode) in [AutoTranslatables.text(for: code, locale: arabic)] }
        // German digits or the locale's: both are found.
        let placed = try #require(Content(text: "تضم الشبكة ٤٤ عضوًا، حتى November 2020").placingAutoTranslatables(of: source, forms: forms))
        #expect(placed.autoTranslatables.map(\.id) == ["a1", "a2"])
        #expect(placed.expandingAutoTranslatables().plainText == "تضم الشبكة 44 عضوًا، حتى November 2020")
        #expect(Content(text: "44 عضوًا، نوفمبر ٢٠٢٠").placingAutoTranslatables(of: source, forms: forms)?.autoTranslatables.count == 2)
        // Twice, or only inside another number: a translator decides.
        #expect(Content(text: "44 von 44, November 2020").placingAutoTranslatables(of: source, forms: forms) == nil)
        #expect(Content(text: "2044, November 2020").placingAutoTranslatables(of: source, forms: forms) == nil)
    }

    /// The sample project's Arabic job: memory proposals pre-fill sentences with placeholders,
    /// and the published page writes them with Arabic digits.
    @Test func theSampleJobsCarryPlaceholdersAndThePagesTheLocalesDigits() async throws {
        let root = try SiteAssemblyTests.sampleProject(targets: #"["ar"]"#)
        defer { try? FileManager.default.removeItem(at: root) }
        // Proposals need review, so their units go into the job, pre-filled.
        try SiteAssemblyTests.makeProposals(root, locale: "ar") { $0.source.plainText.contains("2008") }
        _ = try await BatchRun(project: try Project(root: root)).run()
        let job = try XLIFFReader().read(try ProjectFiles.read(root.appendingPathComponent("jobs/outgoing/ar-0001.xlf")), file: "ar.xlf")
        let units = job.files.flatMap(\.units)
        let prefilled = units.filter { unit in unit.segments.contains { $0.target?.autoTranslatables.isEmpty == false } }
        #expect(!prefilled.isEmpty, "some exact matches carry placeholders in their pre-filled targets")
        for unit in prefilled {
            #expect(unit.segments.allSatisfy { segment in
                guard let target = segment.target else { return true }
                return TargetCheck.problems(target: target, source: segment.source, isAttribute: false).isEmpty
            })
        }
        let page = String(decoding: try ProjectFiles.read(root.appendingPathComponent("site/ar/integrationsbeiraete.html")), as: UTF8.self)
        #expect(page.contains("١٣"), "13 Integrationsbeiräte, in Arabic digits")
    }

    /// QA on a returned sentence: a placeholder placed is fine; the number typed instead of it
    /// is refused with a message that says which placeholder to place.
    @Test func qaNamesAPlaceholderTheTranslatorTypedOver() throws {
        let number = InlineCode.placeholder(id: "a1", for: AutoTranslatables.recognize(in: "44")[0])
        let source = Content([.text("Das Netzwerk zählt "), .standalone(number), .text(" Mitglieder.")])
        var unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: source)
        let checks = QualityChecks(locale: try locale("ar"))
        unit.target = Content([.text("تضم الشبكة "), .standalone(number), .text(" عضوًا.")])
        #expect(checks.findings(for: unit, targetLanguage: "ar").filter { $0.severity == .error }.isEmpty)
        unit.target = Content(text: "تضم الشبكة ٤٤ عضوًا.")
        let errors = checks.findings(for: unit, targetLanguage: "ar").filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["placeholder a1 (the number \"44\") missing from the target; place each code of the source exactly once"])
    }
}
