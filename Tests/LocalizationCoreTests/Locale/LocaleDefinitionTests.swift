import Foundation
import Testing
@testable import LocalizationCore

@Suite("Locale definitions")
struct LocaleDefinitionTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("locales")

    @Test func theProjectsDefinitionsLoad() throws {
        let catalog = try LocaleCatalog.load(folder: Self.folder, sourceLocale: "de")
        #expect(Set(catalog.definitions.keys) == ["de", "ar", "fa", "tr", "uk", "ru", "en", "ckb", "ti"])
        for tag in ["ar", "fa", "tr", "uk", "ru", "en", "ckb", "ti"] {
            #expect(try catalog.definition(for: tag).review == .proposed, "\(tag): strings written by the project are marked proposed")
        }
    }

    @Test(arguments: [
        ("ar", "Arab", TextDirection.rightToLeft, "العربية", "حتى نوفمبر ٢٠٢٠", "٤٤ منظمة عضوًا"),
        ("fa", "Arab", .rightToLeft, "فارسی", "وضعیت: نوامبر ۲۰۲۰", "۴۴ سازمان عضو"),
        ("ckb", "Arab", .rightToLeft, "کوردیی ناوەندی", "دۆخ: ٢٠٢٠ تشرینی دووەم", "٤٤ ڕێکخراوی ئەندام"),
        ("tr", "Latn", .leftToRight, "Türkçe", "Kasım 2020 itibarıyla", "44 üye kuruluş"),
        ("uk", "Cyrl", .leftToRight, "Українська", "Станом на листопад 2020 р.", "44 організації-члени"),
        ("ru", "Cyrl", .leftToRight, "Русский", "По состоянию на ноябрь 2020 г.", "44 организации-члена"),
        ("en", "Latn", .leftToRight, "English", "As of November 2020", "44 member organisations"),
        ("ti", "Ethi", .leftToRight, "ትግርኛ", "ክሳብ ሕዳር 2020", "44 ኣባላት ትካላት"),
    ])
    func scriptDirectionNameAndMessagesComeFromICU(tag: String, script: String, direction: TextDirection, name: String, asOf: String, members: String) throws {
        let catalog = try LocaleCatalog.load(folder: Self.folder, sourceLocale: "de")
        let locale = try catalog.definition(for: tag)
        #expect(locale.script == script)
        #expect(locale.direction == direction)
        #expect(locale.nativeName == name)
        let date = try locale.dates.format(CalendarDate(year: 2020, month: 11), skeleton: locale.monthSkeleton)
        // CLDR puts no-break spaces before "г."/"р."; compare with ordinary spaces.
        let normalise = { (text: String) in String(text.unicodeScalars.map { $0 == "\u{202F}" || $0 == "\u{A0}" ? " " : Character($0) }) }
        #expect(normalise(try catalog.message("asOf", for: tag, ["date": .string(date)])) == asOf)
        #expect(try catalog.message("memberOrganisations", for: tag, ["count": .number(44)]) == members)
    }

    @Test func arabicPluralsUseAllSixCategories() throws {
        let catalog = try LocaleCatalog.load(folder: Self.folder, sourceLocale: "de")
        #expect(try catalog.message("memberOrganisations", for: "ar", ["count": .number(0)]) == "لا توجد منظمات أعضاء")
        #expect(try catalog.message("memberOrganisations", for: "ar", ["count": .number(2)]) == "منظمتان عضوان")
        #expect(try catalog.message("memberOrganisations", for: "ar", ["count": .number(3)]) == "٣ منظمات أعضاء")
        #expect(try catalog.message("memberOrganisations", for: "ar", ["count": .number(100)]) == "١٠٠ منظمة عضو")
    }

    static func load(_ json: String, name: String) throws(LocaleDefinitionError) -> LocaleCatalog {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locales-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try? Data(json.utf8).write(to: folder.appendingPathComponent(name))
        return try LocaleCatalog.load(folder: folder, sourceLocale: "de")
    }

    static let messages = #""read": "Oku", "asOf": "{date}", "languageSwitcher": "Dil", "fallbackNotice": "{language}", "untranslatedNotice": "x""#

    @Test func aWrongOrUnknownTagIsAClearError() {
        #expect(throws: LocaleDefinitionError.invalidTag(file: "de_DE.json", .malformedTag("de_DE"))) {
            try Self.load(#"{"tag": "de_DE", "review": "proposed", "messages": {}}"#, name: "de_DE.json")
        }
        #expect(throws: LocaleDefinitionError.invalidTag(file: "zz.json", .unknownLanguage("zz"))) {
            try Self.load(#"{"tag": "zz", "review": "proposed", "messages": {}}"#, name: "zz.json")
        }
        #expect(throws: LocaleDefinitionError.fileNameMismatch(file: "turkish.json", tag: "tr")) {
            try Self.load(#"{"tag": "tr", "review": "proposed", "messages": {}}"#, name: "turkish.json")
        }
        do {
            _ = try Self.load(#"{"tag": "fa", "numberingSystem": "persian", "review": "proposed", "messages": {}}"#, name: "fa.json")
            Issue.record("an unknown numbering system was accepted")
        } catch {
            #expect(error.description == "fa.json: 'persian' is not a CLDR numbering system (e.g. 'latn', 'arab', 'arabext')")
        }
    }

    @Test func messagesAreCheckedAgainstICUAndCLDR() {
        // Turkish has no "few" category.
        #expect(throws: LocaleDefinitionError.pluralCategories(file: "tr.json", key: "memberOrganisations", unknown: ["few"], allowed: ["one", "other"])) {
            try Self.load(#"{"tag": "tr", "review": "proposed", "messages": {\#(Self.messages), "memberOrganisations": "{count, plural, one {#} few {#} other {#}}"}}"#, name: "tr.json")
        }
        #expect(throws: LocaleDefinitionError.wrongArguments(file: "tr.json", key: "memberOrganisations", expected: ["count"], found: ["n"])) {
            try Self.load(#"{"tag": "tr", "review": "proposed", "messages": {\#(Self.messages), "memberOrganisations": "{n, plural, other {#}}"}}"#, name: "tr.json")
        }
        #expect(throws: LocaleDefinitionError.self) {
            try Self.load(#"{"tag": "tr", "review": "proposed", "messages": {\#(Self.messages), "memberOrganisations": "{count, plural, other {#}"}}"#, name: "tr.json")
        }
        // Without a German definition to fall back on, a missing message is an error.
        #expect(throws: LocaleDefinitionError.missingMessage(file: "tr.json", key: "memberOrganisations")) {
            try Self.load(#"{"tag": "tr", "review": "proposed", "messages": {\#(Self.messages)}}"#, name: "tr.json")
        }
    }

    @Test func aMissingMessageComesFromTheFallbackChain() throws {
        let folder = try temporaryFolder("locales")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("de.json"), to: folder.appendingPathComponent("de.json"))
        try Data(#"{"tag": "tr", "fallback": ["de"], "review": "proposed", "messages": {"asOf": "{date} itibarıyla"}}"#.utf8)
            .write(to: folder.appendingPathComponent("tr.json"))
        let catalog = try LocaleCatalog.load(folder: folder, sourceLocale: "de")
        #expect(try catalog.message("read", for: "tr") == "lesen")
        #expect(try catalog.message("asOf", for: "tr", ["date": .string("Kasım 2020")]) == "Kasım 2020 itibarıyla")
        // The fallback's own plural rules apply to its pattern.
        #expect(try catalog.message("memberOrganisations", for: "tr", ["count": .number(1)]) == "1 Mitgliedsorganisation")
    }

    @Test func pluralSelectorsAreFoundInNestedPatterns() {
        #expect(LocaleDefinition.pluralSelectors(in: "{count, plural, offset:1 =0 {none} one {# x} other {{count, plural, few {a} other {b}} y}}") == ["=0", "one", "other", "few"])
    }
}
