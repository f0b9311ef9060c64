import Foundation
@testable import LocalizationCore

/// The properties the fuzz targets (`Fuzz/Targets/`) check, as functions tests can call on
/// the seed corpus and on minimised findings: each returns what is broken, empty when all hold.
enum FuzzInvariants {
    /// A file that reads, written again as XLIFF 1.2 and 2.1, reads back with the same units;
    /// our 2.1 output passes the XLIFF 2 validator. Nil when the file is refused (which is fine).
    static func xliffProblems(_ bytes: [UInt8]) -> [String]? {
        guard var document = try? XLIFFReader().read(bytes, file: "fuzz.xlf") else { return nil }
        // Only targets that pass `TargetCheck` are ever written by the pipeline, and only in
        // documents whose target language it knows.
        let hasTargetLanguage = document.targetLanguage != nil
        document.files = document.files.map { file in
            var file = file
            file.units = file.units.map { unit in
                var unit = unit
                unit.updateSegments { segment in
                    var segment = segment
                    if let target = segment.target, !hasTargetLanguage || !TargetCheck.problems(target: target, source: segment.source, isAttribute: false).isEmpty {
                        segment.target = nil
                    }
                    return segment
                }
                return unit
            }
            return file
        }
        var problems: [String] = []
        for version in [XLIFFDocument.Version.v1_2, .v2_1] {
            var rewritten = document
            rewritten.version = version
            let written = Array(Job.serialize(rewritten).utf8)
            let reread: XLIFFDocument
            do {
                reread = try XLIFFReader().read(written, file: "rewritten.xlf")
            } catch {
                problems.append("\(version.rawValue): our output does not read back: \(error)")
                continue
            }
            if version.isVersion2, let root = try? XMLReader().parse(written, file: "rewritten.xlf") {
                problems += XLIFF2Validator().validate(root, file: "rewritten.xlf").map { "\(version.rawValue): \($0)" }
            }
            // XLIFF 1.2 has no <cp>: characters XML cannot carry become U+FFFD there, by design.
            let before = document.files.flatMap(\.units).map { summary($0, xmlCharactersOnly: !version.isVersion2) }
            let after = reread.files.flatMap(\.units).map { summary($0, xmlCharactersOnly: false) }
            if before != after { problems.append("\(version.rawValue): units differ: \(before) vs \(after)") }
        }
        return problems
    }

    /// Merging the units unchanged gives the page back; every unit's source merged as its
    /// target extracts to the same units; every unit's sentences join back to it.
    static func htmlProblems(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let extracted = HTMLExtractor().extract(HTMLPage(name: "fuzz.html", bytes: bytes))
        if PageMerge().merge(extracted, units: extracted.units, language: nil, jobFile: "fuzz.xlf").bytes != bytes {
            problems.append("merging the units unchanged changes the page")
        }
        if PageAssembler().assemble(extracted, targets: [:], language: nil, options: PageAssembler.Options()) != bytes {
            problems.append("rendering without targets changes the page")
        }
        // A page that is not valid UTF-8 has its encoding guessed from its bytes, and the guess
        // can differ for the merged page (whose invalid bytes inside units are gone): read
        // again, it is another page. So this property is for valid UTF-8 pages.
        guard String(validating: bytes, as: UTF8.self) != nil else { return problems + segmentProblems(extracted) }
        let sources = Dictionary(extracted.units.map { ($0.id, $0.source) }, uniquingKeysWith: { first, _ in first })
        let remerged = PageAssembler().assemble(extracted, targets: sources, language: nil, options: PageAssembler.Options())
        let reextracted = HTMLExtractor().extract(HTMLPage(name: "fuzz.html", bytes: remerged))
        let before = extracted.units.map { "\($0.id) \($0.source.shape)" }
        let after = reextracted.units.map { "\($0.id) \($0.source.shape)" }
        if before != after { problems.append("sources merged as targets extract differently: \(before) vs \(after)") }
        return problems + segmentProblems(extracted)
    }

    private static let segmenter = try! Segmenter.german()

    private static func segmentProblems(_ extracted: ExtractedPage) -> [String] {
        extracted.units.filter { Content.joining(segmenter.segments(of: $0.source)).shape != $0.source.shape }
            .map { "the sentences of unit \($0.id) do not join back" }
    }

    private static func summary(_ unit: TextUnit, xmlCharactersOnly: Bool) -> String {
        let clean = { (shape: String) in
            xmlCharactersOnly ? String(String.UnicodeScalarView(shape.unicodeScalars.map { XMLWriter.isXMLCharacter($0) ? $0 : "\u{FFFD}" })) : shape
        }
        return "\(unit.id) \(clean(unit.source.shape)) → \(unit.target.map { clean($0.shape) } ?? "(none)")"
    }
}
