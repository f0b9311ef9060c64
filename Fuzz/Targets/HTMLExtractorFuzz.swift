import Foundation
import LocalizationCore

/// libFuzzer target for HTML extraction, the page skeleton and segmentation.
///
/// Any bytes are a page: extraction must finish (diagnostics, never a crash), and then
/// - merging the units unchanged (no targets) gives the page's bytes back exactly, both
///   through `PageMerge` and through the renderer that splices targets (the byte-exact
///   skeleton: everything outside the units' slots is the page's own bytes);
/// - for a valid UTF-8 page, merging every unit's own source as its target gives a page that
///   extracts to the same units (ids and content). Bytes may differ there, as the extractor
///   documents: unit text is read with white space collapsed and character references
///   resolved, and written back escaped;
/// - every unit's sentences, joined, give the unit's content back (`Segmenter.segments`).
@_cdecl("LLVMFuzzerTestOneInput")
public func htmlExtractorFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let extracted = HTMLExtractor().extract(HTMLPage(name: "fuzz.html", bytes: bytes))

    let merged = PageMerge().merge(extracted, units: extracted.units, language: nil, jobFile: "fuzz.xlf")
    if merged.bytes != bytes {
        FuzzFailure.report("merging the units unchanged changes the page", bytes)
    }
    let rendered = PageAssembler().assemble(extracted, targets: [:], language: nil, options: PageAssembler.Options())
    if rendered != bytes {
        FuzzFailure.report("rendering the skeleton without targets changes the page", bytes)
    }

    // A page that is not valid UTF-8 has its encoding guessed from its bytes, and the guess
    // can differ for the merged page (whose invalid bytes inside units are gone): read again,
    // it is another page. The re-extraction property is for valid UTF-8 pages.
    if String(validating: bytes, as: UTF8.self) != nil {
        checkReextraction(extracted, bytes)
    }

    for unit in extracted.units {
        let segments = FuzzSegmenter.german.segments(of: unit.source)
        let joined = Content.joining(segments)
        if FuzzShape.of(joined) != FuzzShape.of(unit.source) {
            FuzzFailure.report("""
                the sentences of unit \(unit.id) do not join back:
                  unit:   \(FuzzShape.of(unit.source))
                  joined: \(FuzzShape.of(joined))
                """, bytes)
        }
    }
    return 0
}

/// Every unit's source merged as its target gives a page that extracts to the same units.
private func checkReextraction(_ extracted: ExtractedPage, _ bytes: [UInt8]) {
    let sources = Dictionary(extracted.units.map { ($0.id, $0.source) }, uniquingKeysWith: { first, _ in first })
    let remerged = PageAssembler().assemble(extracted, targets: sources, language: nil, options: PageAssembler.Options())
    let reextracted = HTMLExtractor().extract(HTMLPage(name: "fuzz.html", bytes: remerged))
    let before = extracted.units.map { "\($0.id) \(FuzzShape.of($0.source))" }
    let after = reextracted.units.map { "\($0.id) \(FuzzShape.of($0.source))" }
    if before != after {
        let index = before.indices.first { $0 >= after.count || before[$0] != after[$0] } ?? before.count
        FuzzFailure.report("""
            the page with every unit's source as its target extracts differently at unit \(index):
              before: \(before.dropFirst(index).first ?? "(none)")
              after:  \(after.dropFirst(index).first ?? "(none)")
            --- merged page ---
            \(String(decoding: remerged.prefix(4000), as: UTF8.self))
            """, bytes)
    }
}

/// One segmenter for the whole run: compiling the SRX rules per input would dominate.
private enum FuzzSegmenter {
    static let german: Segmenter = {
        do {
            return try Segmenter.german()
        } catch {
            fatalError("the shipped SRX rules do not load: \(error)")
        }
    }()
}

/// Content as one comparable string: adjacent text runs joined, codes as `{id}` markers.
private enum FuzzShape {
    static func of(_ content: Content) -> String {
        content.fragments.map { fragment in
            switch fragment {
            case .text(let text): text
            case .opening(let code): "{\(code.id)}"
            case .closing(let code): "{/\(code.id)}"
            case .standalone(let code, nil): "{\(code.id)/}"
            case .standalone(let code, .opening?): "{\(code.id)>}"
            case .standalone(let code, .closing?): "{<\(code.id)}"
            }
        }.joined()
    }
}
