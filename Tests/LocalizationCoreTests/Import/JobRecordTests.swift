import Foundation
import Testing
@testable import LocalizationCore

/// `send` records a job from the document in hand and writes the record without
/// `JSONEncoder`: the record must be the one of the job as read back, and its bytes those
/// `JSONEncoder` gave.
@Suite struct JobRecordTests {
    static func code(_ id: String, _ kind: InlineCode.Kind = .formatting) -> InlineCode {
        InlineCode(id: id, kind: kind, elementName: kind == .autoTranslatable ? "number" : "b", originalData: kind == .autoTranslatable ? "44" : "<b>",
                   displayText: kind == .autoTranslatable ? "44" : nil)
    }

    /// Units with what writing and reading a job can change: characters XML cannot carry,
    /// carriage returns and markup characters, decomposed letters, placeholders, pairs, pairs
    /// split between two sentences, halves whose partner is in another unit, codes whose ids a
    /// 2.x writer gives sentences; targets empty, missing or with codes of their own. Code ids
    /// are unique in a unit, as extraction makes them.
    struct Generator {
        var random: SplitMix64
        /// Targets as XLIFF 2 allows them: with every code of their source (`canDelete="no"`),
        /// in all sentences of a unit or in none (halves paired across sentences).
        var targetsKeepCodes = false
        static let texts = ["Der Rat tagt", " ", "am 5. Mai", "a\u{1}b", "\u{FFFE}", "x\r\ny", "&<>\"'", "Beira\u{0308}te", "مرحبا", "\t", "/"]

        mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

        /// Sentences of one unit: text, placeholders, pairs within a sentence, pairs opened in
        /// one sentence and closed in a later one, and lone halves.
        mutating func sentences(_ count: Int) -> [Content] {
            var ids = ["s1", "s2", "s3", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
            var sentences: [[Content.Fragment]] = Array(repeating: [], count: count)
            var placeholders = 0
            for index in 0 ..< count {
                for _ in 0 ..< Int(1 + random.next() % 4) {
                    switch random.next() % 8 {
                    case 0 where !ids.isEmpty:
                        let code = JobRecordTests.code(ids.removeLast())
                        sentences[index] += [.opening(code), .text(pick(Self.texts)), .closing(code)]
                    case 1:
                        placeholders += 1
                        sentences[index].append(.standalone(JobRecordTests.code("a\(placeholders)", .autoTranslatable)))
                    case 2 where !ids.isEmpty && index + 1 < count:
                        let code = JobRecordTests.code(ids.removeLast())
                        sentences[index] += [.standalone(code, isolated: .opening), .text(pick(Self.texts))]
                        sentences[index + 1 + Int(random.next() % UInt64(count - index - 1))].insert(.standalone(code, isolated: .closing), at: 0)
                    case 3 where !ids.isEmpty:
                        sentences[index].append(.standalone(JobRecordTests.code(ids.removeLast()), isolated: pick([.opening, .closing])))
                    default:
                        sentences[index].append(.text(pick(Self.texts)))
                    }
                }
            }
            return sentences.map { Content($0) }
        }

        /// A sentence's target as jobs have them: none, empty (a translator's empty answer),
        /// text alone, or with the sentence's codes (a pre-filled match, a source copied).
        mutating func target(of source: Content) -> Content? {
            let keepsCodes = targetsKeepCodes && !source.codes.isEmpty
            switch random.next() % 4 {
            case 0 where !targetsKeepCodes: return nil
            case 1 where !keepsCodes: return Content()
            case 2 where !keepsCodes: return Content(text: pick(Self.texts))
            default: return Content(source.fragments + [.text(pick(Self.texts))])
            }
        }

        /// A unit of one sentence, or of several with white space between them, whose source
        /// is its sentences joined (as the segmenter makes them).
        mutating func unit(_ number: Int) -> TextUnit {
            let sentences = sentences(random.next() % 2 == 0 ? 1 : Int(2 + random.next() % 3))
            var unit = TextUnit(id: "u\(number)", placement: .elementContent(elementName: "p"), name: "p", source: sentences[0])
            guard sentences.count > 1 else {
                unit.target = !targetsKeepCodes || random.next() % 2 == 0 ? target(of: unit.source) : nil
                return unit
            }
            let translated = !targetsKeepCodes || random.next() % 2 == 0
            for (index, sentence) in sentences.enumerated() {
                if index > 0 { unit.parts.append(.ignorable(pick([" ", "  ", "\n"]))) }
                unit.parts.append(.segment(Segment(id: "s\(index + 1)", source: sentence, target: translated ? target(of: sentence) : nil)))
            }
            unit.source = Content.joining(unit.parts.map { part in
                switch part {
                case .segment(let segment): segment.source
                case .ignorable(let space): Content(text: space)
                }
            })
            unit.updateTargetFromSegments()
            return unit
        }
    }

    /// The sample pages as `run` sends them (sentence by sentence, numbers as placeholders),
    /// some sentences pre-filled, and a memory with in-context translations of some of them.
    static func samplePageJob(version: XLIFFDocument.Version) throws -> (document: XLIFFDocument, memory: TranslationMemory) {
        let segmenter = try Segmenter.shipped(language: "de")
        var files: [XLIFFFile] = []
        var entries: [MemoryEntry] = []
        for (index, page) in try TestPaths.samplePages().enumerated() {
            let extracted = HTMLExtractor().extract(HTMLPage(name: page.name, bytes: page.bytes))
            let units = extracted.units.enumerated().map { number, unit in
                var unit = unit.segmented(by: segmenter).withAutoTranslatablePlaceholders()
                for sentence in unit.segments where (number + index) % 3 == 0 {
                    entries.append(MemoryEntry(source: sentence.source.expandingAutoTranslatables(), target: Content(text: "ترجمة \(number)"),
                                               provenance: .init(origin: .translator, date: "2026-01-01T00:00:00Z"),
                                               context: .init(unit: "\(page.name)#\(unit.id)")))
                }
                if number % 4 == 1 {
                    unit.updateSegments { segment in
                        var segment = segment
                        segment.target = segment.source
                        return segment
                    }
                }
                return unit
            }
            files.append(XLIFFFile(original: page.name, units: units))
        }
        return (XLIFFDocument(version: version, sourceLanguage: "de", targetLanguage: "ar", files: files),
                TranslationMemory(sourceLanguage: "de", targetLanguage: "ar", entries: entries))
    }

    static func readBack(_ document: XLIFFDocument, jobID: String) throws -> XLIFFDocument {
        var document = document
        document.jobID = jobID
        return try XLIFFReader().read(Array(Job.serialize(document).utf8), file: "job.xlf")
    }

    @Test(arguments: [XLIFFDocument.Version.v1_2, .v2_1])
    func theRecordOfTheDocumentSentIsTheRecordOfTheJobReadBack(version: XLIFFDocument.Version) throws {
        let (document, memory) = try Self.samplePageJob(version: version)
        #expect(document.files.flatMap(\.units).count > 100)
        let sent = JobRecord(jobID: "ar-1", sent: document, memory: memory, memoryRevision: 3)
        #expect(sent == JobRecord(jobID: "ar-1", document: try Self.readBack(document, jobID: "ar-1"), memory: memory, memoryRevision: 3))
        #expect(sent?.units.flatMap(\.sentences).contains { $0.memoryTarget != nil } == true)

        var generator = Generator(random: SplitMix64(seed: version == .v1_2 ? 5 : 6), targetsKeepCodes: version.isVersion2)
        var compared = 0
        for round in 0 ..< 300 {
            let units = (0 ..< 4).map { generator.unit(round * 4 + $0) }
            let generated = XLIFFDocument(version: version, sourceLanguage: "de", targetLanguage: "ar", files: [XLIFFFile(original: "seite \(round).html", units: units)])
            let sentences = units.flatMap { unit in unit.segments.map(\.source) }
            let memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "ar", entries: sentences.enumerated().map { number, sentence in
                MemoryEntry(source: sentence.expandingAutoTranslatables(), target: Content(text: "t\(number)"), provenance: .init(origin: .translator, date: "2026-01-01T00:00:00Z"),
                            context: .init(unit: "seite \(round).html#u\(round * 4 + number % 4)"))
            })
            // Generated codes may break XLIFF 2's rules (ids used twice); `send` fails on such a job.
            guard let readBack = try? Self.readBack(generated, jobID: "ar-2"),
                  let record = JobRecord(jobID: "ar-2", sent: generated, memory: memory, memoryRevision: 0) else { continue }
            #expect(record == JobRecord(jobID: "ar-2", document: readBack, memory: memory, memoryRevision: 0), "round \(round)")
            compared += 1
        }
        #expect(compared > 100)
    }

    /// A 1.2 unit whose sentences do not spell its source reads back as one sentence with a
    /// target rebuilt from the markup: such a job is recorded from the file.
    @Test func aJobThatReadsBackOtherwiseIsNotRecordedFromTheDocument() {
        var unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: Content(text: "Eins. Zwei."))
        unit.parts = [.segment(Segment(id: "s1", source: Content(text: "Eins."))), .ignorable(" "), .segment(Segment(id: "s2", source: Content(text: "Drei.")))]
        let document = XLIFFDocument(version: .v1_2, sourceLanguage: "de", targetLanguage: "ar", files: [XLIFFFile(original: "a.html", units: [unit])])
        #expect(JobRecord(jobID: "ar-1", sent: document, memory: TranslationMemory(sourceLanguage: "de", targetLanguage: "ar"), memoryRevision: 0) == nil)
    }

    /// Records with every ASCII character and others in their strings, sentences with and
    /// without memory targets and proposals, units without sentences, jobs without units.
    @Test func theRecordsBytesAreWhatJSONEncoderWrites() {
        var random = SplitMix64(seed: 17)
        let pieces = (0 ..< 0x80).map { String(UnicodeScalar(UInt8($0))) } + ["é", "e\u{301}", "\u{2028}", "😀", "مرحبا", "\u{FEFF}", "\u{7F}"]
        func text() -> String { (0 ..< Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() }
        func optional() -> String? { random.next() % 2 == 0 ? nil : text() }
        for _ in 0 ..< 200 {
            let units = (0 ..< Int(random.next() % 3)).map { _ in
                JobRecord.Unit(page: text(), id: text(), sourceHash: text(), sentences: (0 ..< Int(random.next() % 3)).map { _ in
                    JobRecord.Sentence(id: text(), text: text(), sourceHash: text(), memoryTarget: optional(), proposal: optional())
                })
            }
            let record = JobRecord(jobID: text(), locale: text(), sourceLocale: text(), xliffVersion: text(),
                                   memoryRevision: Int(random.next() % 2000) - 1000, units: units)
            #expect(record.json() == JobRecords.encode(record), "\(record)")
        }
    }

    @Test func aHashIsTheFirstHalfOfTheKeysSHA256() {
        for key in ["", "Der Rat tagt.", "\u{E003}a1\u{E001} Beiräte", String(repeating: "x", count: 200)] {
            #expect(JobRecord.hash(key: key) == String(SHA256.hex(Array(key.utf8)).prefix(32)))
        }
    }
}
