import Testing
@testable import LocalizationCore

/// The lint skips left-to-right pages with nothing to find and reads tags as bytes: both held
/// to the lint's definition, a scan that reads every tag as Characters.
@Suite struct BidiLintTests {
    /// The definition: the same scan, with every tag read as a lower-cased String of Characters.
    static func reference(_ bytes: [UInt8], direction: TextDirection) -> [String] {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var problems: [String] = []
        var line = 1
        var index = 0
        var isolateDepth = 0
        var isolateLine = 1
        var bdiDepth = 0
        var sawRootDirection = false
        func report(_ message: String, at reported: Int? = nil) { problems.append("line \(reported ?? line): \(message)") }
        func hex(_ scalar: Unicode.Scalar) -> String {
            let digits = String(scalar.value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
        func closeTextNode() {
            if isolateDepth > 0 { report("isolate (U+2066–U+2068) not closed by U+2069 in the same text", at: isolateLine) }
            isolateDepth = 0
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", index + 1 < scalars.count, scalars[index + 1] == "/" || scalars[index + 1] == "!" || scalars[index + 1].properties.isAlphabetic {
                closeTextNode()
                let isComment = index + 3 < scalars.count && scalars[index + 1] == "!" && scalars[index + 2] == "-" && scalars[index + 3] == "-"
                var end = index + 1
                while end < scalars.count {
                    if isComment ? (scalars[end] == ">" && scalars[end - 1] == "-" && scalars[end - 2] == "-" && end > index + 4) : scalars[end] == ">" { break }
                    end += 1
                }
                var tag = String.UnicodeScalarView()
                tag.append(contentsOf: scalars[index ..< min(end + 1, scalars.count)])
                for control in tag where BidiLint.isBidiControl(control) {
                    report("bidi control U+\(hex(control)) inside a tag or attribute value")
                }
                if !isComment {
                    let tag = String(tag)
                    let name = String(tag.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
                    let isClosing = tag.hasPrefix("</")
                    if name == "bdi" {
                        if isClosing {
                            if bdiDepth == 0 { report("</bdi> without <bdi>") } else { bdiDepth -= 1 }
                        } else {
                            bdiDepth += 1
                        }
                    } else if BidiLint.blockElements.contains(name), bdiDepth > 0 {
                        report("<bdi> left open across <\(isClosing ? "/" : "")\(name)>: its direction spills into the next block")
                        bdiDepth = 0
                    }
                    if !isClosing, direction == .rightToLeft {
                        let lowered = tag.lowercased()
                        if name == "html" { sawRootDirection = lowered.contains(#"dir="rtl""#) }
                        let german = [" ", "\n", "\t"].contains { lowered.contains($0 + #"lang="de""#) }
                        let leftToRight = [" ", "\n", "\t"].contains { lowered.contains($0 + #"dir="ltr""#) }
                        if name != "html", german, !leftToRight { report("German block inside a right-to-left page without dir=\"ltr\"") }
                    }
                }
                line += tag.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
                index = end + 1
                continue
            }
            switch scalar.value {
            case 0x0A: line += 1
            case 0x202A ... 0x202E: report("embedding or override U+\(hex(scalar)) (refused; use isolates)")
            case 0x2066 ... 0x2068:
                if isolateDepth == 0 { isolateLine = line }
                isolateDepth += 1
            case 0x2069:
                if isolateDepth == 0 { report("U+2069 closes no isolate") } else { isolateDepth -= 1 }
            default: break
            }
            index += 1
        }
        closeTextNode()
        if bdiDepth > 0 { report("<bdi> not closed at the end of the page") }
        if direction == .rightToLeft, !sawRootDirection { problems.append("line 1: right-to-left page without dir=\"rtl\" on <html>") }
        return problems
    }

    /// Pages built from pieces where bytes and Characters part: CR before LF, combining marks
    /// after a tag name or a quote, "İ" and the Kelvin sign (lower-cased to ASCII), U+037E
    /// (canonically ";"), letters of other scripts in names and attribute values, and every
    /// bidi control, in text and in tags.
    @Test(arguments: [TextDirection.leftToRight, .rightToLeft])
    func lintMatchesTheCharacterWiseDefinition(direction: TextDirection) {
        let pieces = [
            "<html", "<HTML", "</html>", " dir=\"rtl\"", " DIR=\"RTL\"", " dir=\"rtl\"\u{301}", "\u{301}dir=\"rtl\"", " lang=\"de\"", "\nlang=\"de\"",
            "\r\nlang=\"de\"", "\tLANG=\"DE\"", " lang=\"de\"\u{308}", "\u{0600} lang=\"de\"", " dİr=\"ltr\"", " dir=\"ltr\"", " dir=\"ltr\"\u{301}",
            "\u{212A}", "\u{037E}", ">", "<p", "</p>", "<P\u{301}", "<div", "<bdi", "<BDI", "</bdi>", "</BdI>", "<bdi\u{301}", "<bdï", "<//bdi",
            "<spän", "<span", " title=\"Текст\"", " title=\"نص\"", " title=\"x\u{200F}\"", "<!-- <bdi> -->", "<!DOCTYPE html>", "<",
            "text ", "Ärger ", "نص ", "\u{200E}", "\u{200F}", "\u{061C}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2068}", "\u{2069}",
            "\u{2013}", "„", "“", "\n", "\r", " ", "b", "d", "i", "\u{345}", "<\u{345}p", "<a", "=", "\"",
        ]
        var generator = SplitMix64(seed: direction == .leftToRight ? 7 : 8)
        for _ in 0 ..< 3000 {
            let page = (0 ..< Int(generator.next() % 24)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            var bytes = Array(page.utf8)
            // Now and then a byte that is not UTF-8, repaired before the scan.
            if generator.next() % 8 == 0, !bytes.isEmpty { bytes.insert(0xFF, at: Int(generator.next() % UInt64(bytes.count))) }
            #expect(BidiLint.check(bytes, direction: direction).map(\.description) == Self.reference(bytes, direction: direction),
                    "\(page.debugDescription)")
        }
    }

    @Test func sampleAndAssembledPagesMatchTheDefinition() throws {
        var pages = try TestPaths.samplePages().map(\.bytes)
        pages.append(Array(try assembledArabicSentence().utf8))
        for bytes in pages {
            for direction in [TextDirection.leftToRight, .rightToLeft] {
                #expect(BidiLint.check(bytes, direction: direction).map(\.description) == Self.reference(bytes, direction: direction))
            }
        }
    }

    /// Only a bidi control's bytes or "bdi" make a left-to-right page worth scanning.
    @Test func leftToRightPagesAreScannedOnlyWhenTheyCanBeFaulted() {
        #expect(!BidiLint.mayHaveLeftToRightProblems(Array("<p>„Zitat“ – 44 € <b>bei</b> dir=\"rtl\" lang=\"de\"</p>".utf8)))
        for faulted in ["\u{200E}", "\u{200F}", "\u{061C}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
                        "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "<bdi>", "</BDI>", "bDi"] {
            #expect(BidiLint.mayHaveLeftToRightProblems(Array("<p>x\(faulted)</p>".utf8)), "\(faulted.debugDescription)")
        }
    }
}
