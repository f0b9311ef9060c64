import Foundation
import Testing
@testable import LocalizationCore

/// Each check fires on a deliberately broken target and stays silent on the good translation
/// it was made from (sentences from the sample memories and pages).
@Suite struct QualityChecksTests {
    // Codes as extraction makes them for the sample pages.
    static let miso = InlineCode(id: "1", kind: .protected, elementName: "span", originalData: #"<span translate="no">"#, displayText: "MiSO")
    static let link = InlineCode(id: "1", kind: .link, elementName: "a", originalData: #"<a href="index.html">"#)
    static let outerLink = InlineCode(id: "1", kind: .link, elementName: "a", originalData: #"<a href="https://www.miso-netzwerk.de">"#)
    static let innerMiso = InlineCode(id: "2", kind: .protected, elementName: "span", originalData: #"<span translate="no">"#, displayText: "MiSO")
    static let italic = InlineCode(id: "1", kind: .formatting, elementName: "i", originalData: "<i>")
    static let bold = InlineCode(id: "2", kind: .formatting, elementName: "strong", originalData: "<strong>")

    static func text(_ string: String) -> Content { Content(text: string) }

    /// One broken variant of a good translation, and what must be said about it.
    struct Variant: Sendable, CustomTestStringConvertible {
        var name: String
        var locale: String
        var source: Content
        var good: Content
        var broken: Content
        var check: QACheck
        var message: String
        var isAttribute = false
        /// When not the check's default.
        var severity: QASeverity?

        var testDescription: String { "\(check.rawValue): \(name) (\(locale))" }
    }

    static let variants: [Variant] = [
        Variant(name: "a link dropped", locale: "ar",
                source: Content([.text("Zurück zur Übersicht "), .opening(link), .text("Migration und Teilhabe"), .closing(link), .text(".")]),
                good: Content([.text("العودة إلى النظرة العامة "), .opening(link), .text("الهجرة والمشاركة"), .closing(link), .text(".")]),
                broken: text("العودة إلى النظرة العامة الهجرة والمشاركة."),
                check: .inlineCodes, message: "code 1 (<a>) missing from the target; place each code of the source exactly once"),
        Variant(name: "a protected name twice", locale: "fa",
                source: Content([.standalone(miso), .text(" ist eine Institution von und für Migrant*innen, die sich für ein gleichberechtigtes Zusammenleben in Hannover einsetzt.")]),
                good: Content([.standalone(miso), .text(" نهادی از مهاجران و برای مهاجران است که برای هم‌زیستی برابر در هانوفر تلاش می‌کند.")]),
                broken: Content([.standalone(miso), .text(" نهادی از مهاجران ("), .standalone(miso), .text(") و برای مهاجران است که برای هم‌زیستی برابر در هانوفر تلاش می‌کند.")]),
                check: .inlineCodes, message: "code 1 (\"MiSO\") used more than once in the target; each may appear only once"),
        Variant(name: "a code the source lacks", locale: "ru",
                source: Content([.text("Zurück zur Übersicht "), .opening(link), .text("Migration und Teilhabe"), .closing(link), .text(".")]),
                good: Content([.text("Назад к обзору "), .opening(link), .text("Миграция и участие"), .closing(link), .text(".")]),
                broken: Content([.text("Назад к обзору "), .opening(link), .text("Миграция и участие"), .closing(link), .standalone(InlineCode(id: "7", kind: .lineBreak, elementName: "br", originalData: "<br>")), .text(".")]),
                check: .inlineCodes, message: "the target has code 7 that the source does not have; use only the source's codes"),
        Variant(name: "a pair closed before it opens", locale: "ar",
                source: Content([.text("Das Netzwerk berät öffentliche Einrichtungen zu Fragen der "), .opening(italic), .text("interkulturellen Kompetenz"), .closing(italic), .text(",")]),
                good: Content([.text("تقدم الشبكة المشورة للمؤسسات العامة في مسائل "), .opening(italic), .text("الكفاءة بين الثقافات"), .closing(italic), .text("،")]),
                broken: Content([.text("تقدم الشبكة المشورة للمؤسسات العامة في مسائل "), .closing(italic), .text("الكفاءة بين الثقافات"), .opening(italic), .text("،")]),
                check: .inlineCodes, message: "code 1 (<i>): closed before opened"),
        Variant(name: "a name taken out of its link", locale: "fa",
                source: Content([.text("Migrant*innenorganisationen, zum Beispiel im Netzwerk "), .opening(outerLink), .standalone(innerMiso), .closing(outerLink)]),
                good: Content([.text("سازمان‌های مهاجران، برای نمونه در شبکه "), .opening(outerLink), .standalone(innerMiso), .closing(outerLink)]),
                broken: Content([.text("سازمان‌های مهاجران، برای نمونه در شبکه "), .standalone(innerMiso), .text(" "), .opening(outerLink), .closing(outerLink)]),
                check: .inlineCodes, message: "code 2 (\"MiSO\") is inside code 1 (<a>) in the source but outside every pair in the target"),
        Variant(name: "codes in an attribute value", locale: "ar",
                source: text("Logo der Landeshauptstadt Hannover"), good: text("شعار عاصمة الولاية هانوفر"),
                broken: Content([.text("شعار "), .opening(bold), .text("عاصمة الولاية هانوفر"), .closing(bold)]),
                check: .inlineCodes, message: "an attribute value (\"alt\", \"title\"…) cannot hold inline codes", isAttribute: true),
        Variant(name: "a number changed", locale: "ar",
                source: text("Das MigrantInnenSelbstOrganisationen-Netzwerk Hannover e.V. (MiSO) zählt 44 Mitgliedsorganisationen."),
                good: text("تضم شبكة منظمات المهاجرين الذاتية في هانوفر (MigrantInnenSelbstOrganisationen-Netzwerk Hannover e.V.، MiSO) \u{200F}44 منظمة عضوًا."),
                broken: text("تضم شبكة منظمات المهاجرين الذاتية في هانوفر (MigrantInnenSelbstOrganisationen-Netzwerk Hannover e.V.، MiSO) \u{200F}٤٥ منظمة عضوًا."),
                check: .numbers, message: "the number \"44\" of the source is \"٤٥\" (45) in the target"),
        Variant(name: "a number missing", locale: "ru",
                source: text("Die 13 Integrationsbeiräte in den Stadtbezirken arbeiten mit Politik, Verwaltung und vielen Partnern eng zusammen."),
                good: text("13 консультативных советов по интеграции в районах города тесно сотрудничают с политиками, администрацией и многими партнерами."),
                broken: text("Консультативные советы по интеграции в районах города тесно сотрудничают с политиками, администрацией и многими партнерами."),
                check: .numbers, message: "the number \"13\" of the source is missing from the target (in ru: \"13\")"),
        Variant(name: "a German decimal left in English", locale: "en",
                source: text("Am Überarbeitungsprozess haben 70 Expert*innen in 1.234,5 Stunden mitgewirkt."),
                good: text("70 experts took part in the revision in 1,234.5 hours."),
                broken: text("70 experts took part in the revision in 1.234,5 hours."),
                check: .numbers, message: "the number \"1.234,5\" (1234.5) of the source is \"1.234,5\" (1) in the target (in en: \"1,234.5\")"),
        Variant(name: "a council paper number in other digits", locale: "ar",
                source: text("Als Ergebnis haben die sieben Expert*innengruppen ein Strategiepapier entwickelt, das im Februar 2021 vom Rat beschlossen wurde (Beschluss-Drucksache Nr.\u{A0}0108/2021)."),
                good: text("ونتيجة لذلك وضعت مجموعات الخبراء السبع ورقة استراتيجية أقرها المجلس في فبراير 2021 (قرار المجلس رقم 0108/2021)."),
                broken: text("ونتيجة لذلك وضعت مجموعات الخبراء السبع ورقة استراتيجية أقرها المجلس في فبراير ٢٠٢١ (قرار المجلس رقم ٠١٠٨/٢٠٢١)."),
                check: .placeholders, message: "the reference \"0108/2021\" must keep the source's Western digits; write it exactly as \"0108/2021\""),
        Variant(name: "a date without its year", locale: "ru",
                source: text("So zählt das Netzwerk 44 Mitgliedsorganisationen (Stand: November 2020)."),
                good: text("Так, сеть объединяет 44 организации-члена (по состоянию на ноябрь 2020 года)."),
                broken: text("Так, сеть объединяет 44 организации-члена (по состоянию на ноябрь)."),
                check: .placeholders, message: "the date \"November 2020\" lost its year: 2020 (in ru: \"2020\") is not in the target"),
        Variant(name: "a target far longer than the source", locale: "ru",
                source: text("Integrationsbeiräte"), good: text("Консультативные советы по интеграции"),
                broken: text("Консультативные советы по вопросам интеграции мигрантов и мигранток во всех районах города Ганновера"),
                check: .length, message: "the target has 100 characters, 5.3 times the source's 19; ru allows up to 39 (1.6×)"),
        Variant(name: "a trailing space", locale: "ar",
                source: text("Migration und Teilhabe"), good: text("الهجرة والمشاركة"), broken: text("الهجرة والمشاركة "),
                check: .whitespace, message: "the source ends with no white space, the target with 1 space; keep the source's spacing at the end"),
        Variant(name: "a Latin comma in Arabic", locale: "ar",
                source: text("nimmt zu gesamtgesellschaftlich relevanten Themen Stellung,"),
                good: text("وتبدي رأيها في القضايا التي تهم المجتمع ككل،"), broken: text("وتبدي رأيها في القضايا التي تهم المجتمع ككل,"),
                check: .endPunctuation, message: "the target ends with U+002C COMMA; Arabic text writes U+060C ARABIC COMMA"),
        Variant(name: "a Latin question mark in Persian", locale: "fa",
                source: text("Was tut das Netzwerk?"), good: text("این شبکه چه می‌کند؟"), broken: text("این شبکه چه می‌کند?"),
                check: .endPunctuation, message: "the target ends with U+003F QUESTION MARK; Arabic text writes U+061F ARABIC QUESTION MARK"),
        Variant(name: "a statement turned into an exclamation", locale: "ru",
                source: text("Die Integrationsbeiräte arbeiten in den Stadtbezirken."),
                good: text("Консультативные советы по интеграции работают в районах города."),
                broken: text("Консультативные советы по интеграции работают в районах города!"),
                check: .endPunctuation, message: "the source ends with a full stop (.), the target with an exclamation mark (!)"),
        Variant(name: "the source copied", locale: "en",
                source: text("Migration und Teilhabe"), good: text("Migration and participation"), broken: text("Migration und Teilhabe"),
                check: .untranslated, message: "the target is the same as the source; translate it"),
        Variant(name: "the source copied with Persian digits", locale: "fa",
                source: text("Die 13 Integrationsbeiräte in den Stadtbezirken"), good: text("۱۳ شورای مشورتی ادغام در مناطق شهر"),
                broken: text("Die ۱۳ Integrationsbeiräte in den Stadtbezirken"),
                check: .untranslated, message: "the target is the source with only numbers or names changed; translate it"),
        Variant(name: "an English word in Arabic", locale: "ar",
                source: text("Migration und Teilhabe"), good: text("الهجرة والمشاركة"), broken: text("الهجرة and المشاركة"),
                check: .script, message: "Latin letters in the word \"and\", which the source does not have; ar is written in Arabic script"),
        Variant(name: "Latin words in Russian", locale: "ru",
                source: text("Informationen zu den Themen Migration und Teilhabe sowie zur Umsetzung des WIR 2.0."),
                good: text("Информация на темы миграции и участия, а также о реализации WIR 2.0."),
                broken: text("Информация на темы migration и participation, а также о реализации WIR 2.0."),
                check: .script, message: "Latin letters in the word \"participation\", which the source does not have; ru is written in Cyrillic script"),
        Variant(name: "a Cyrillic letter hidden in an English word", locale: "en",
                source: text("Migration und Teilhabe"), good: text("Migration and participation"), broken: text("Migration and p\u{430}rticipation"),
                check: .script, message: "Cyrillic letters in the word \"pаrticipation\" (letters of two scripts mixed in one word, e.g. U+0430 CYRILLIC SMALL LETTER A)"),
        Variant(name: "a right-to-left override (Trojan Source)", locale: "ar",
                source: text("Migration und Teilhabe"), good: text("الهجرة والمشاركة"), broken: text("الهجرة \u{202E}والمشاركة"),
                check: .bidiControls, message: "U+202E RIGHT-TO-LEFT OVERRIDE is not allowed"),
        Variant(name: "an isolate never closed", locale: "ar",
                source: text("Das Netzwerk zählt 44 Mitgliedsorganisationen."), good: text("تضم الشبكة \u{2067}44\u{2069} منظمة عضوًا."),
                broken: text("تضم الشبكة \u{2067}44 منظمة عضوًا."),
                check: .bidiControls, message: "unbalanced bidi isolates: every U+2066/2067/2068 needs its own U+2069 POP DIRECTIONAL ISOLATE after it, within the sentence (1 not closed)"),
        Variant(name: "a mark in an attribute value", locale: "ar",
                source: text("Logo der Landeshauptstadt Hannover"), good: text("شعار عاصمة الولاية هانوفر"), broken: text("شعار عاصمة الولاية \u{200F}هانوفر"),
                check: .bidiControls, message: "U+200F RIGHT-TO-LEFT MARK in an attribute value (\"alt\", \"title\"…) is dropped when the page is published: no bidi control may stand there", isAttribute: true, severity: .warning),
        Variant(name: "an isolate in an attribute value", locale: "ar",
                source: text("Logo der Landeshauptstadt Hannover"), good: text("شعار عاصمة الولاية هانوفر"), broken: text("شعار \u{2066}Hannover\u{2069}"),
                check: .bidiControls, message: "U+2066 LEFT-TO-RIGHT ISOLATE in an attribute value (\"alt\", \"title\"…): no bidi control is allowed there", isAttribute: true),
        Variant(name: "a zero-width space", locale: "ru",
                source: text("Migration und Teilhabe"), good: text("Миграция и участие"), broken: text("Миграция и\u{200B} участие"),
                check: .bidiControls, message: "U+200B ZERO WIDTH SPACE is invisible and not in the source; remove it"),
        Variant(name: "two spaces", locale: "ar",
                source: text("Migration und Teilhabe"), good: text("الهجرة والمشاركة"), broken: text("الهجرة  والمشاركة"),
                check: .doubleSpaces, message: "two or more spaces in a row that the source does not have (first after \"الهجرة\")"),
        Variant(name: "a parenthesis never closed", locale: "ru",
                source: text("So zählt das Netzwerk 44 Mitgliedsorganisationen (Stand: November 2020)."),
                good: text("Так, сеть объединяет 44 организации-члена (по состоянию на ноябрь 2020 года)."),
                broken: text("Так, сеть объединяет 44 организации-члена (по состоянию на ноябрь 2020 года."),
                check: .brackets, message: "the parenthesis ( (U+0028 LEFT PARENTHESIS) is opened but never closed"),
        Variant(name: "a quotation never closed", locale: "tr",
                source: text("Basis für den neuen Integrationsplan WIR 2.0 war der „Lokale Integrationsplan“ (LIP) von 2008."),
                good: text("Yeni uyum planı WIR 2.0'ın temelini 2008 tarihli “Yerel Uyum Planı” (LIP) oluşturdu."),
                broken: text("Yeni uyum planı WIR 2.0'ın temelini 2008 tarihli “Yerel Uyum Planı (LIP) oluşturdu."),
                check: .brackets, message: "the double quotation mark “ (U+201C LEFT DOUBLE QUOTATION MARK) is opened but never closed"),
    ]

    static func unit(_ variant: Variant, target: Content) -> TextUnit {
        TextUnit(id: "u1", placement: variant.isAttribute ? .attribute(elementName: "img", attributeName: "alt") : .elementContent(elementName: "p"),
                 name: "p", source: variant.source, target: target, state: .translated, line: 3)
    }

    static let catalog: LocaleCatalog = try! LocaleCatalog.load(folder: TestPaths.packageRoot.appendingPathComponent("locales"), sourceLocale: "de")

    @Test(arguments: variants) func brokenTargetIsCaughtAndGoodOneIsNot(variant: Variant) throws {
        let checks = QualityChecks(locale: try Self.catalog.definition(for: variant.locale))
        let good = checks.findings(for: Self.unit(variant, target: variant.good), targetLanguage: variant.locale)
        #expect(good.isEmpty, "the good translation got: \(good)")
        let broken = checks.findings(for: Self.unit(variant, target: variant.broken), targetLanguage: variant.locale).filter { $0.check == variant.check }
        #expect(broken.contains { $0.message.hasPrefix(variant.message) }, "expected \(variant.message), got: \(broken)")
        #expect(broken.allSatisfy { $0.severity == (variant.severity ?? variant.check.defaultSeverity) && $0.segmentID == nil })
    }

    /// Every check of the table is there at least once, so none goes untested.
    @Test func everyCheckHasABrokenVariant() {
        let tested = Set(Self.variants.map(\.check))
        #expect(Set(QACheck.allCases).subtracting(tested) == [.glossary], "glossary is tested with its termbase below")
    }

    @Test func glossaryFindingsKeepTermCheckWordingAndTakeTheProjectSeverity() throws {
        let termCheck = TermCheck(termbase: GlossaryTermCheckTests.termbase, targetLanguage: "ru")
        let source = Self.text("Die Mitglieder des Integrationsbeirats tagen.")
        var unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: source, target: Self.text("Члены консультативного совета по вопросам интеграции заседают."))
        #expect(QualityChecks(termCheck: termCheck).findings(for: unit, targetLanguage: "ru").isEmpty)
        unit.target = Self.text("Члены совета заседают.")
        let findings = QualityChecks(severities: [.glossary: .error], termCheck: termCheck).findings(for: unit, targetLanguage: "ru")
        #expect(findings == [QAFinding(check: .glossary, severity: .error,
                                       message: "term \"Integrationsbeirat\" [integrationsbeirat]: the target does not use the approved term \"консультативный совет по вопросам интеграции\"")])
    }

    @Test func reorderedCodesAreAllowed() {
        let source = Content([.opening(Self.italic), .text("Integration"), .closing(Self.italic), .text(" und "), .opening(Self.bold), .text("Teilhabe"), .closing(Self.bold)])
        let swapped = Content([.opening(Self.bold), .text("المشاركة"), .closing(Self.bold), .text(" و"), .opening(Self.italic), .text("الاندماج"), .closing(Self.italic)])
        let unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: source, target: swapped)
        #expect(QualityChecks().findings(for: unit, targetLanguage: "ar").isEmpty)
    }

    @Test func deletableAndCopyableCodesMayBeMissingOrRepeated() {
        var optional = InlineCode(id: "1", kind: .lineBreak, elementName: "br", originalData: "<br>")
        optional.canDelete = true
        optional.canCopy = true
        let source = Content([.text("Migration"), .standalone(optional), .text("und Teilhabe")])
        let unit = { (target: Content) in TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: source, target: target) }
        let checks = QualityChecks()
        #expect(checks.findings(for: unit(Self.text("Миграция и участие")), targetLanguage: "ru").isEmpty)
        #expect(checks.findings(for: unit(Content([.text("Миграция"), .standalone(optional), .text("и"), .standalone(optional), .text("участие")])), targetLanguage: "ru").isEmpty)
    }

    @Test func aSegmentedUnitIsCheckedSentenceBySentence() {
        var unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p",
                            source: Self.text("Die Integrationsbeiräte arbeiten in den Stadtbezirken. Sie zählen 13 Beiräte."))
        unit.parts = [
            .segment(Segment(id: "s1", source: Self.text("Die Integrationsbeiräte arbeiten in den Stadtbezirken."), target: Self.text("Консультативные советы по интеграции работают в районах города."), state: .translated)),
            .ignorable(" "),
            .segment(Segment(id: "s2", source: Self.text("Sie zählen 13 Beiräte."), target: Self.text("Их насчитывается 14 советов."), state: .translated)),
        ]
        unit.updateTargetFromSegments()
        let findings = QualityChecks().findings(for: unit, targetLanguage: "ru")
        #expect(findings == [QAFinding(check: .numbers, severity: .error, message: "the number \"13\" of the source is \"14\" in the target (in ru: \"13\")", segmentID: "s2")])
    }

    @Test func rightToLeftMarksAndPersianHalfSpacesAreFineZeroWidthSpacesAreNot() {
        let checks = QualityChecks()
        let unit = { (source: String, target: String) in
            TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: Self.text(source), target: Self.text(target))
        }
        #expect(checks.findings(for: unit("Freiwilligenzentren", "مراکز داوطلبان\u{200F}"), targetLanguage: "fa").isEmpty)
        #expect(checks.findings(for: unit("Nachbarschaftskreise", "حلقه‌های همسایگی"), targetLanguage: "fa").isEmpty)
        // a half-space between words is not inside one
        #expect(checks.findings(for: unit("Nachbarschaftskreise", "حلقه‌ های همسایگی"), targetLanguage: "fa").map(\.check) == [.bidiControls])
        // an RLM in a left-to-right target is worth a warning, not a refusal
        #expect(checks.findings(for: unit("Nachbarschaftskreise", "Соседские\u{200F} объединения"), targetLanguage: "ru").map(\.severity) == [.warning])
        // the source's own zero-width space (the page's "Online-&#8203;Umfragen") may stay
        #expect(checks.findings(for: unit("Online-\u{200B}Umfragen", "Онлайн-\u{200B}опросы"), targetLanguage: "ru").isEmpty)
    }

    @Test func namesAddressesAndNumbersNeedNoTranslation() {
        let checks = QualityChecks()
        let unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p",
                            source: Content([.standalone(Self.miso), .text(" – hannover.de, 2020")]), target: Content([.standalone(Self.miso), .text(" – hannover.de، ٢٠٢٠")]))
        #expect(checks.findings(for: unit, targetLanguage: "ar").isEmpty)
        let mail = TextUnit(id: "u2", placement: .elementContent(elementName: "p"), name: "p",
                            source: Self.text("Kontakt: Migration und Teilhabe"), target: Self.text("اتصل بنا: الهجرة والمشاركة (info@hannover.de)"))
        #expect(checks.findings(for: mail, targetLanguage: "ar").isEmpty)
    }

    @Test func severitiesComeFromTheProjectAndOffSkipsTheCheck() {
        let unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: Self.text("Migration und Teilhabe"),
                            target: Self.text("الهجرة  والمشاركة والاندماج والعيش المشترك في جميع أحياء مدينة هانوفر"))
        let defaults = QualityChecks().findings(for: unit, targetLanguage: "ar")
        #expect(Set(defaults.map(\.check)) == Set([QACheck.doubleSpaces, .length]))
        #expect(defaults.allSatisfy { $0.severity == .warning })
        let project = QualityChecks(severities: [.length: .error, .doubleSpaces: .off]).findings(for: unit, targetLanguage: "ar")
        #expect(project.map(\.check) == [.length])
        #expect(project.map(\.severity) == [.error])
    }

    /// A paragraph translated whole (its sentences have no targets of their own) is checked whole.
    @Test func aSegmentedUnitTranslatedWholeIsCheckedWhole() {
        var unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p",
                            source: Self.text("Die Integrationsbeiräte arbeiten in den Stadtbezirken. Sie zählen 13 Beiräte."))
        unit.parts = [
            .segment(Segment(id: "s1", source: Self.text("Die Integrationsbeiräte arbeiten in den Stadtbezirken."))),
            .ignorable(" "),
            .segment(Segment(id: "s2", source: Self.text("Sie zählen 13 Beiräte."))),
        ]
        unit.target = Self.text("Консультативные советы по интеграции, всего 14, работают в районах города.")
        let findings = QualityChecks().findings(for: unit, targetLanguage: "ru")
        #expect(findings == [QAFinding(check: .numbers, severity: .error, message: "the number \"13\" of the source is \"14\" in the target (in ru: \"13\")")])
    }

    /// The import's JSON report carries findings as they are.
    @Test func findingsEncodeWithTheCheckNamesOfTheProjectFile() throws {
        let finding = QAFinding(check: .endPunctuation, severity: .warning, message: "the target ends with U+002C COMMA", segmentID: "s2")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(String(decoding: try encoder.encode(finding), as: UTF8.self)
            == #"{"check":"end-punctuation","message":"the target ends with U+002C COMMA","segmentID":"s2","severity":"warning"}"#)
        #expect(finding.description == "warning: [end-punctuation] (sentence s2) the target ends with U+002C COMMA")
    }

    /// ICU's scripts and digits through CICU, as the script and number checks use them.
    @Test func scriptsAndDigitsComeFromICU() {
        #expect(UnicodeScript.of("ب") == "Arab")
        #expect(UnicodeScript.of("ж") == "Cyrl")
        #expect(UnicodeScript.of("7") == "Zyyy")
        #expect(UnicodeScript.character("\u{640}", isUsedIn: "Arab"))  // tatweel: Common, used in Arabic
        #expect(!UnicodeScript.character("a", isUsedIn: "Arab"))
        #expect(UnicodeScript.name("Ethi") == "Ethiopic")
        #expect(["7", "٧", "۷", "७"].map { UnicodeScript.digitValue(Unicode.Scalar($0)!) } == [7, 7, 7, 7])
        #expect(UnicodeScript.digitValue("x") == nil)
        #expect(UnicodeScript.digitValue("½") == nil)
    }

    @Test func aUnitWithoutTargetHasNoFindings() {
        let unit = TextUnit(id: "u1", placement: .elementContent(elementName: "p"), name: "p", source: Self.text("Migration und Teilhabe"))
        #expect(QualityChecks().findings(for: unit, targetLanguage: "ar").isEmpty)
    }
}
