@testable import LocalizationCore

/// The round-trip properties every page must have, checked the way a user's data travels:
/// page → XLIFF job → (pseudo-)translated job → page.
enum RoundTrip {
    /// What went wrong with one page; empty when all properties hold.
    static func failures(name: String, bytes: [UInt8], version: XLIFFDocument.Version = .v1_2) -> [String] {
        var failures: [String] = []
        let page = HTMLPage(name: name, bytes: bytes)
        let extracted = HTMLExtractor().extract(page)

        // 1. No targets: the original bytes, exactly.
        if PageAssembler().assemble(extracted, targets: [:], language: nil) != bytes {
            failures.append("\(name): merge without targets is not byte-identical")
        }

        // 2. Through a pseudo-translated XLIFF job and back.
        let language = try! TargetLanguage("en-XA")
        let job = Job.pseudoTranslated(Job.document(pages: [extracted], sourceLanguage: "de", targetLanguage: language, version: version), style: .accented)
        let document: XLIFFDocument
        do {
            document = try XLIFFReader().read(Array(Job.serialize(job).utf8), file: "\(name).xlf")
        } catch {
            return failures + ["\(name): the job we wrote does not read back: \(error)"]
        }
        let merged = PageMerge().merge(extracted, units: document.files.first?.units ?? [], language: language, jobFile: "\(name).xlf")
        for diagnostic in merged.diagnostics { failures.append("\(name): \(diagnostic)") }
        if merged.applied.count != extracted.units.count {
            failures.append("\(name): \(merged.applied.count) of \(extracted.units.count) targets applied")
        }

        // 3. The same elements and attributes, only text and translatable values changed.
        let before = HTMLStructure.outline(bytes, encoding: page.encoding)
        let after = HTMLStructure.outline(merged.bytes, encoding: page.encoding)
        if before != after {
            let index = zip(before, after).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(before.count, after.count)
            failures.append("\(name): element structure differs at element \(index): \(before.dropFirst(index).first ?? "(end)") vs \(after.dropFirst(index).first ?? "(end)")")
        }

        // 4. All text pseudo-translated: no unit of the merged page keeps an ASCII letter
        //    (translate="no" content travels as codes, outside the text).
        let reextracted = HTMLExtractor().extract(HTMLPage(name: name, bytes: merged.bytes))
        for unit in reextracted.units where unit.source.plainText.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) {
            failures.append("\(name):\(unit.line): text not pseudo-translated: \(unit.source.plainText.prefix(80))")
            break
        }
        // 5. Protected content is in the output byte for byte.
        let output = String(decoding: merged.bytes, as: UTF8.self)
        for unit in extracted.units {
            for code in unit.source.codes where code.kind == .protected && page.isUTF8 && !output.contains(code.originalData) {
                failures.append("\(name): protected content \(code.originalData.prefix(60)) lost")
            }
        }
        return failures
    }
}
