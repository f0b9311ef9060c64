import Foundation
import Testing
@testable import LocalizationCore

/// Numbers are compared by value, whatever digits and separators a locale writes them with.
@Suite struct NumberCheckTests {
    static let catalog: LocaleCatalog = try! LocaleCatalog.load(folder: TestPaths.packageRoot.appendingPathComponent("locales"), sourceLocale: "de")

    static func value(_ text: String, in tag: String) -> [NumberScanner.Value] {
        let locale = QATargetLocale(targetLanguage: tag, definition: try? catalog.definition(for: tag))
        return NumberScanner.tokens(in: Array(text.unicodeScalars)).flatMap {
            NumberScanner.values(of: $0, decimal: locale.decimalSeparator, grouping: locale.groupingSeparator)
        }
    }

    @Test func oneNumberInFourWritings() {
        let expected = [NumberScanner.Value(integer: "1234", fraction: "5")]
        #expect(Self.value("1.234,5", in: "de") == expected)
        #expect(Self.value("1,234.5", in: "en") == expected)
        #expect(Self.value("١٬٢٣٤٫٥", in: "ar") == expected)
        #expect(Self.value("۱٬۲۳۴٫۵", in: "fa") == expected)
        #expect(Self.value("1\u{A0}234,5", in: "ru") == expected)
        for (text, tag) in [("44", "de"), ("٤٤", "ar"), ("۴۴", "fa")] {
            #expect(Self.value(text, in: tag) == [NumberScanner.Value(integer: "44")])
        }
    }

    /// "WIR 2.0" and the section "14.1" are no German numbers: their digit runs count one by one.
    @Test func digitsThatAreNoNumberInTheSourceLocaleCountRunByRun() {
        #expect(Self.value("WIR 2.0", in: "de") == [NumberScanner.Value(integer: "2"), NumberScanner.Value(integer: "0")])
        let checks = QualityChecks()
        let unit = TextUnit(id: "u1", placement: .elementContent(elementName: "h3"), name: "h3", source: Content(text: "Unterziel 14.1"), target: Content(text: "هدف فرعی ۱۴.۱"))
        #expect(checks.findings(for: unit, targetLanguage: "fa").isEmpty)
        var changed = unit
        changed.target = Content(text: "هدف فرعی ۱۴.۲")
        #expect(checks.findings(for: changed, targetLanguage: "fa").map(\.check) == [.numbers, .numbers])
    }

    /// Russian groups thousands with a no-break space; a plain one typed instead still groups,
    /// but only before exactly three digits.
    @Test func aPlainSpaceGroupsThousandsWhereTheLocaleGroupsWithSpaces() {
        let checks = QualityChecks()
        let unit = { (source: String, target: String) in
            TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: Content(text: source), target: Content(text: target))
        }
        #expect(checks.findings(for: unit("Rund 12.000 Menschen nahmen teil.", "Приняли участие около 12 000 человек."), targetLanguage: "ru").isEmpty)
        #expect(checks.findings(for: unit("Rund 12.000 Menschen nahmen teil.", "Приняли участие около 12\u{A0}000 человек."), targetLanguage: "ru").isEmpty)
        // in English a space does not group: "12 000" is two numbers
        #expect(checks.findings(for: unit("Rund 12.000 Menschen nahmen teil.", "About 12 000 people took part."), targetLanguage: "en").map(\.check) == [.numbers, .numbers])
        // two numbers side by side stay two: "44" and "2020"
        #expect(checks.findings(for: unit("44 Mitglieder, Stand 2020.", "44 члена, 2020 год."), targetLanguage: "ru").isEmpty)
    }

    /// A small deterministic generator, so a failure can be replayed from the printed seed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Property: a number ICU writes for German and for a target locale compares equal after
    /// parsing, and the same number changed by one in its last digit does not.
    @Test(arguments: ["ar", "fa", "en", "ru", "uk", "tr"]) func numbersFormattedByICUCompareEqualAfterParsing(tag: String) throws {
        let seed = UInt64(0x5EED_0000) + UInt64(tag.unicodeScalars.reduce(0) { $0 * 31 + $1.value })
        var random = SplitMix64(state: seed)
        let german = try Self.catalog.definition(for: "de").numbers
        let target = try Self.catalog.definition(for: tag)
        let checks = QualityChecks(locale: target)
        for round in 0 ..< 200 {
            let fractionDigits = Int.random(in: 0 ... 3, using: &random)
            let integer = Int.random(in: 0 ... 9_999_999, using: &random)
            let fraction = fractionDigits == 0 ? 0 : Int.random(in: 0 ..< Int(pow(10, Double(fractionDigits))), using: &random)
            let unitsInLastPlace = Double(fraction) / pow(10, Double(fractionDigits))
            let value = Double(integer) + unitsInLastPlace
            let step = pow(10, -Double(fractionDigits))
            let source = try german.format(value, fractionDigits: fractionDigits)
            let translated = try target.numbers.format(value, fractionDigits: fractionDigits)
            let wrong = try target.numbers.format(value + step, fractionDigits: fractionDigits)
            #expect(Self.value(source, in: "de") == Self.value(translated, in: tag), "seed \(seed) round \(round): \(source) vs \(translated)")
            let unit = TextUnit(id: "u\(round)", placement: .elementContent(elementName: "p"), name: "p",
                                source: Content(text: "Im Jahr zählte das Netzwerk \(source) Teilnehmende."), target: Content(text: "\(translated)"))
            let good = checks.findings(for: unit, targetLanguage: tag).filter { $0.check == .numbers }
            #expect(good.isEmpty, "seed \(seed) round \(round): \(source) → \(translated): \(good)")
            var changed = unit
            changed.target = Content(text: "\(wrong)")
            let bad = checks.findings(for: changed, targetLanguage: tag).filter { $0.check == .numbers }
            #expect(bad.contains { $0.message.contains(source) && $0.message.contains(wrong) }, "seed \(seed) round \(round): \(source) → \(wrong): \(bad)")
        }
    }

    @Test func aMissingNumberNamesTheExpectedFormInTheLocalesDigits() throws {
        let checks = QualityChecks(locale: try Self.catalog.definition(for: "fa"))
        let unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p",
                            source: Content(text: "Das Netzwerk zählt 1.234,5 Stunden."), target: Content(text: "این شبکه ساعت‌ها کار کرد."))
        #expect(checks.findings(for: unit, targetLanguage: "fa").map(\.message) == [
            "the number \"1.234,5\" (1234.5) of the source is missing from the target (in fa: \"۱٬۲۳۴٫۵\")",
        ])
    }
}
