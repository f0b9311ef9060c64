import Foundation
import LocalizationCore

/// libFuzzer target for the XLIFF readers (1.2 and 2.x, chosen by `XLIFFReader` from the
/// root element).
///
/// Any bytes must either be refused with an `XLIFFError` or read into units; a crash, a hang
/// or unbounded memory is a finding. A document that reads must also survive our own
/// writers: written as XLIFF 1.2 and as XLIFF 2.1 it reads back with the same units (ids,
/// text, codes), and the 2.1 file passes the XLIFF 2 validator — so nothing a translator's
/// tool sends can make us write a job we cannot read ourselves.
@_cdecl("LLVMFuzzerTestOneInput")
public func xliffReaderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard var document = try? XLIFFReader().read(bytes, file: "fuzz.xlf") else { return 0 }
    // What the pipeline writes has only targets that passed `TargetCheck` (XLIFF 2.1 marks
    // every code canDelete="no"; a target without its codes would be invalid there), and
    // only in documents whose target language it knows.
    let hasTargetLanguage = document.targetLanguage != nil
    document.files = document.files.map { file in
        var file = file
        file.units = file.units.map { FuzzTargets.withCheckedTargets($0, keepingAny: hasTargetLanguage) }
        return file
    }
    for version in [XLIFFDocument.Version.v1_2, .v2_1] {
        var rewritten = document
        rewritten.version = version
        let written = Array(Job.serialize(rewritten).utf8)
        let reread: XLIFFDocument
        do {
            reread = try XLIFFReader().read(written, file: "rewritten.xlf")
        } catch {
            FuzzFailure.report("our XLIFF \(version.rawValue) writer produced a file our reader refuses: \(error)", written)
        }
        if version.isVersion2, let root = try? XMLReader().parse(written, file: "rewritten.xlf") {
            if let violation = XLIFF2Validator().validate(root, file: "rewritten.xlf").first {
                FuzzFailure.report("our XLIFF 2.1 output breaks a validator rule: \(violation)", written)
            }
        }
        // XLIFF 1.2 has no <cp>: characters XML cannot carry become U+FFFD there, by design.
        let before = document.files.flatMap(\.units).map { UnitSummary($0, xmlCharactersOnly: !version.isVersion2) }
        let after = reread.files.flatMap(\.units).map { UnitSummary($0, xmlCharactersOnly: false) }
        if before != after {
            let index = before.indices.first { $0 >= after.count || before[$0] != after[$0] } ?? before.count
            FuzzFailure.report("""
                units change through our XLIFF \(version.rawValue) writer at unit \(index):
                  read:    \(before.dropFirst(index).first.map(String.init(describing:)) ?? "(none)")
                  reread:  \(after.dropFirst(index).first.map(String.init(describing:)) ?? "(none)")
                """, written)
        }
    }
    return 0
}

/// What of a unit must survive a write and a read: id, text, code ids and kinds, in order.
private struct UnitSummary: Equatable, CustomStringConvertible {
    var id: String
    var source: [String]
    var target: [String]?

    init(_ unit: TextUnit, xmlCharactersOnly: Bool) {
        id = unit.id
        source = Self.shape(unit.source, xmlCharactersOnly: xmlCharactersOnly)
        target = unit.target.map { Self.shape($0, xmlCharactersOnly: xmlCharactersOnly) }
    }

    private static func shape(_ content: Content, xmlCharactersOnly: Bool) -> [String] {
        content.fragments.map { fragment in
            switch fragment {
            case .text(let text) where xmlCharactersOnly:
                "text:" + String(String.UnicodeScalarView(text.unicodeScalars.map { FuzzTargets.isXMLCharacter($0) ? $0 : "\u{FFFD}" }))
            case .text(let text): "text:\(text)"
            case .opening(let code): "open:\(code.id)"
            case .closing(let code): "close:\(code.id)"
            case .standalone(let code, let half): "code:\(code.id):\(half.map { "\($0)" } ?? "-")"
            }
        }
    }

    var description: String {
        "\(id) source=\(source) target=\(target.map { "\($0)" } ?? "nil")"
    }
}

/// Helpers shared by the properties above.
enum FuzzTargets {
    /// The unit with every target `TargetCheck` refuses removed, segment by segment (every
    /// target when `keepingAny` is false).
    static func withCheckedTargets(_ unit: TextUnit, keepingAny: Bool) -> TextUnit {
        var unit = unit
        unit.updateSegments { segment in
            var segment = segment
            if let target = segment.target, !keepingAny || !TargetCheck.problems(target: target, source: segment.source, isAttribute: false).isEmpty {
                segment.target = nil
            }
            return segment
        }
        return unit
    }

    /// XML 1.0's Char production.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20 ... 0xD7FF, 0xE000 ... 0xFFFD, 0x10000 ... 0x10FFFF: true
        default: false
        }
    }
}
