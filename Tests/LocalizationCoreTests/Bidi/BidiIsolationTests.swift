import Testing
@testable import LocalizationCore

@Suite("Bidi isolation and lint")
struct BidiIsolationTests {
    static let sentence = "اعتمد المجلس WIR 2.0 في القرار رقم 0108/2021، راسلونا على info@hannover.de أو https://www.hannover.de/miso."

    func runs(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return BidiIsolation.leftToRightRuns(in: text).map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
    }

    @Test func leftToRightRunsAreNamesCodesAddressesAndNumbersWithSeparators() {
        #expect(runs(Self.sentence) == ["WIR 2.0", "0108/2021", "info@hannover.de", "https://www.hannover.de/miso"])
        // A plain number needs no isolation; Arabic-Indic digits are no left-to-right run.
        #expect(runs("تضم 44 منظمة و٤٤ أخرى") == [])
        #expect(runs("شبكة MiSO e.V. في هانوفر") == ["MiSO e.V"])
    }

    /// What isolation is for, checked with the UAX #9 implementation: each isolated run is
    /// shown as one piece, left to right, in a right-to-left paragraph.
    @Test func isolatedRunsAreShownLeftToRightAsOnePiece() {
        let isolated = BidiIsolation.isolatedWithControls(Self.sentence)
        let paragraph = BidiParagraph(isolated, direction: .rightToLeft)
        let scalars = Array(isolated.unicodeScalars)
        var start = 0
        while let open = scalars[start...].firstIndex(of: "\u{2066}") {
            let close = scalars[open...].firstIndex(of: "\u{2069}")!
            let positions = (open + 1 ..< close).map { index in paragraph.visualOrder.firstIndex(of: index)! }
            #expect(positions == Array(positions[0] ..< positions[0] + positions.count), "run at \(open) is contiguous and left to right")
            start = close + 1
        }
    }

    /// Classes below U+0800 are read from a table of ICU's answers rather than asked of ICU
    /// for each character: the same classes, so the same runs on mixed text.
    @Test func tabledClassesAreICUsOwn() {
        for value in UInt32(0) ..< 0x900 where Unicode.Scalar(value) != nil {
            #expect(BidiClass(Unicode.Scalar(value)!) == BidiClass.fromICU(value), "U+\(String(value, radix: 16))")
        }
        #expect([BidiClass("A"), BidiClass("1"), BidiClass(" "), BidiClass("/"), BidiClass("+"), BidiClass("#"), BidiClass("\n"), BidiClass("\t"), BidiClass("!")]
            == [.leftToRight, .europeanNumber, .whitespace, .commonSeparator, .europeanSeparator, .europeanTerminator, .paragraphSeparator, .segmentSeparator, .otherNeutral])
        var generator = SplitMix64(seed: 20261127)
        let pieces = ["WIR", " ", "2.0", "MiSO", "e.V.", "0108/2021", "44", "٤٤", "۴۴", "منظمة", "في", "،", "(", ")", "-", "@", "\u{0301}",
                      "\u{200F}", "\u{2066}", "\u{2069}", "\n", "\t", "info@hannover.de", "Ünal", "Київ", "%", "+", "#", "ـ", "\u{A0}",
                      // Above the table: asked of ICU.
                      "ሰላም", "😀", "\u{2067}", "ﻻ", "\u{7FF}", "\u{800}"]
        for _ in 0 ..< 3000 {
            let text = (0 ..< Int(generator.next() % 12)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(BidiIsolation.leftToRightRuns(in: text) == BidiIsolation.leftToRightRuns(classes: text.unicodeScalars.map { BidiClass.fromICU($0.value) }), "\(text)")
        }
    }

    @Test func htmlIsolationEscapesAndWraps() {
        let html = String(decoding: BidiIsolation.html("راجع <WIR 2.0> & 0108/2021", asciiOnly: false), as: UTF8.self)
        #expect(html == #"راجع &lt;<bdi dir="ltr">WIR 2.0</bdi>&gt; &amp; <bdi dir="ltr">0108/2021</bdi>"#)
    }

    func lint(_ html: String, _ direction: TextDirection = .rightToLeft) -> [String] {
        BidiLint.check(Array(html.unicodeScalars.map { String($0) }.joined().utf8), direction: direction).map(\.description)
    }

    @Test func lintAcceptsACleanRightToLeftPage() {
        #expect(lint(#"<html lang="ar" dir="rtl"><body><p>نص <bdi dir="ltr">WIR 2.0</bdi> ‏44</p><p><span lang="de" dir="ltr">Deutsch</span></p><title>⁦MiSO⁩ شبكة</title></body></html>"#) == [])
    }

    @Test func lintFindsEveryKindOfProblem() {
        #expect(lint("<html dir=\"rtl\"><p>a\u{202E}b</p></html>") == ["line 1: embedding or override U+202E (refused; use isolates)"])
        #expect(lint("<html dir=\"rtl\"><p>a\u{2066}b</p><p>c\u{2069}</p></html>") == [
            "line 1: isolate (U+2066–U+2068) not closed by U+2069 in the same text", "line 1: U+2069 closes no isolate",
        ])
        #expect(lint("<html dir=\"rtl\"><a title=\"\u{200F}x\">y</a></html>") == ["line 1: bidi control U+200F inside a tag or attribute value"])
        #expect(lint("<html dir=\"rtl\">\n<p><bdi>WIR</p><p>x</bdi></p></html>") == [
            "line 2: <bdi> left open across </p>: its direction spills into the next block", "line 2: </bdi> without <bdi>",
        ])
        #expect(lint("<html lang=\"ar\"><p>x</p></html>") == ["line 1: right-to-left page without dir=\"rtl\" on <html>"])
        #expect(lint("<html dir=\"rtl\"><p lang=\"de\">Deutsch</p><link hreflang=\"de\"></html>") == ["line 1: German block inside a right-to-left page without dir=\"ltr\""])
    }
}

