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

    @Test func pseudoLocalesHaveTheirDirectionFromICU() throws {
        #expect(try TargetLanguage(PseudoLocalizer.Style.accented.languageTag).direction == .leftToRight)
        #expect(try TargetLanguage(PseudoLocalizer.Style.rightToLeft.languageTag).direction == .rightToLeft)
        #expect(try TargetLanguage("fa").direction == .rightToLeft)
        #expect(try TargetLanguage("ckb").direction == .rightToLeft)
        #expect(try TargetLanguage("uk").direction == .leftToRight)
        #expect(throws: LocaleError.unknownLanguage("qqq")) { try TargetLanguage("qqq") }
    }
}
