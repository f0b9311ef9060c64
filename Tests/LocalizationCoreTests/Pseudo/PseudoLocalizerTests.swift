import Testing
@testable import LocalizationCore

@Suite struct PseudoLocalizerTests {
    static let source = Content([
        .text("Die "), .opening(InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>")),
        .text("Integrationsbeiräte"), .closing(InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "</b>")),
        .text(" arbeiten in den Stadtbezirken."),
    ])

    @Test func accentedIsAboutAThirdLongerAndKeepsCodes() {
        let target = PseudoLocalizer(style: .accented).translate(Self.source)
        #expect(target.shape == "[Ðîé {1}Îñŧéĝŕàŧîöñšƀéîŕäŧé{/1} àŕƀéîŧéñ îñ đéñ Šŧàđŧƀéžîŕķéñ. ·················]")
        let ratio = Double(target.plainText.count) / Double(Self.source.plainText.count)
        #expect(ratio > 1.3 && ratio < 1.45, "expansion \(ratio)")
    }

    @Test func rightToLeftUsesArabicLettersAndKeepsCodes() {
        let target = PseudoLocalizer(style: .rightToLeft).translate(Self.source)
        #expect(target.codes == Self.source.codes)
        #expect(!target.plainText.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic })
        #expect(target.plainText.unicodeScalars.contains { (0x0600 ... 0x06FF).contains($0.value) })
    }

    /// The letter count and the letter replacement run on bytes and ASCII ranges; held to the
    /// scalar-wise definition on generated text in every script the site uses.
    @Test func translationMatchesTheScalarWiseDefinition() {
        func reference(_ source: Content, _ style: PseudoLocalizer.Style) -> Content {
            let accented = Dictionary(uniqueKeysWithValues: zip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars,
                "àƀçđéƒĝĥîĵķĺɱñöþʠŕšŧûṽŵẋýžÀßÇÐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŦÛṼŴẊÝŽ".map { String($0) }))
            let letters = ["ا", "ب", "ك", "د", "ي", "ف", "غ", "ه", "ى", "ج", "ك", "ل", "م", "ن", "و", "پ", "ق", "ر", "س", "ت", "ؤ", "ڤ", "و", "كس", "ي", "ز"]
            let arabic = Dictionary(uniqueKeysWithValues: zip("abcdefghijklmnopqrstuvwxyz".unicodeScalars, letters)
                .flatMap { [($0.0, $0.1), (String($0.0).uppercased().unicodeScalars.first!, $0.1)] })
            let table = style == .accented ? accented : arabic
            let count = source.plainText.unicodeScalars.lazy.filter { $0.properties.isAlphabetic }.count
            var fragments = source.fragments.map { fragment -> Content.Fragment in
                guard case .text(let text) = fragment else { return fragment }
                return .text(text.unicodeScalars.map { table[$0] ?? String($0) }.joined())
            }
            if style == .accented {
                fragments.insert(.text("["), at: 0)
                fragments.append(.text(" " + String(repeating: "·", count: max(1, (count * 35 + 99) / 100)) + "]"))
            }
            return Content(fragments)
        }
        var generator = SplitMix64(seed: 99)
        let pieces = ["Die ", "Integrationsbeiräte", " arbeiten", "ß", "Ünal", "44", "MiSO e.V.", "Київ", "منظمة", "ሰላም", "😀", "e\u{0301}",
                      "ª", "\u{2066}", "&", " ", "\n", "Z", "z", "@", "Ⅻ", "ǅ"]
        let code = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>")
        for _ in 0 ..< 2000 {
            var fragments: [Content.Fragment] = []
            for _ in 0 ..< Int(generator.next() % 6) {
                if generator.next() % 4 == 0 {
                    fragments.append(.standalone(code))
                } else {
                    fragments.append(.text((0 ..< Int(generator.next() % 5)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()))
                }
            }
            let source = Content(fragments)
            for style in PseudoLocalizer.Style.allCases {
                #expect(PseudoLocalizer(style: style).translate(source) == reference(source, style), "\(source.plainText.debugDescription)")
            }
        }
    }

    @Test func pseudoLocalesHaveTheirDirectionFromICU() throws {
        #expect(try TargetLanguage(PseudoLocalizer.Style.accented.languageTag).direction == .leftToRight)
        #expect(try TargetLanguage(PseudoLocalizer.Style.rightToLeft.languageTag).direction == .rightToLeft)
        #expect(try TargetLanguage("fa").direction == .rightToLeft)
        #expect(try TargetLanguage("ckb").direction == .rightToLeft)
        #expect(try TargetLanguage("uk").direction == .leftToRight)
        #expect(throws: LocaleError.unknownLanguage("qqq")) { try TargetLanguage("qqq") }
    }
}
