import Foundation
import Testing
@testable import LocalizationCore

/// The sample project after `run`: real pages in six locales, honest fallbacks, a publish gate.
@Suite("Site assembly", .serialized)
struct SiteAssemblyTests {
    /// A copy of the sample project (content, memory, locales, settings) with extra settings.
    static func sampleProject(targets: String = #"["ar", "fa", "tr", "uk", "ru", "en"]"#, settings: String = "") throws -> URL {
        let root = try temporaryFolder("site")
        for item in ["content", "memory", "locales"] {
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        let base = #"{"targetLocales": "# + targets + #", "pseudoLocales": []"#
        try Data((base + settings + "}").utf8).write(to: root.appendingPathComponent(Project.fileName))
        return root
    }

    /// Turns the sample memory's translations that `isProposal` picks into proposals awaiting
    /// review (state `initial`, as machine translation would be): their units then need a
    /// translator, go into the job, and are pre-filled there.
    static func makeProposals(_ root: URL, locale: String, where isProposal: (MemoryEntry) -> Bool) throws {
        let project = try Project(root: root)
        let language = try TargetLanguage(locale)
        let memory = try MemoryStore(project: project).load(language)
        let entries = memory.entries.map { entry in
            var entry = entry
            if isProposal(entry) { entry.state = .initial }
            return entry
        }
        try MemoryStore(project: project).save(TranslationMemory(sourceLanguage: memory.sourceLanguage, targetLanguage: memory.targetLanguage, entries: entries), for: language)
    }

    static func page(_ root: URL, _ path: String) throws -> String {
        String(decoding: try ProjectFiles.read(root.appendingPathComponent("site/" + path)), as: UTF8.self)
    }

    @Test func sampleMisoPageIsPublishedInEveryLocaleWithLocalDigitsAndIsolation() async throws {
        let root = try Self.sampleProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try await BatchRun(project: try Project(root: root)).run()
        #expect(report.diagnostics.filter { $0.message.hasPrefix("bidi lint") }.isEmpty)
        let coverage = try #require(report.coverage)
        let miso = coverage.entries.filter { $0.page == "miso.html" }
        #expect(miso.map(\.locale) == ["ar", "fa", "tr", "uk", "ru", "en"])
        #expect(miso.filter { !$0.published }.isEmpty)

        let arabic = try Self.page(root, "ar/miso.html")
        #expect(arabic.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(arabic.contains("<strong>٤٤ منظمة عضوًا</strong> (حتى نوفمبر ٢٠٢٠)"))
        #expect(arabic.contains("التي تأسست عام ٢٠١٤"))
        #expect(arabic.contains(#"<h1><bdi dir="ltr"><span dir="ltr" translate="no">MiSO</span></bdi> – "#))
        #expect(arabic.contains("<title>\u{2066}MiSO\u{2069} – "))
        // Untranslatable German keeps its own direction; list items keep the list's.
        #expect(arabic.contains(#"<div dir="ltr" class="hinweis" translate="no">"#))
        #expect(arabic.contains(#"<li aria-current="page" translate="no">MiSO</li>"#))
        // The description's translation holds an RLM, which no attribute may hold: it is
        // published without it (and without any other bidi control).
        let description = try #require(arabic.firstRange(of: #"<meta name="description" content=""#).map { arabic[$0.upperBound...].prefix { $0 != "\"" } })
        #expect(description.hasPrefix("تضم شبكة منظمات المهاجرين الذاتية في هانوفر"))
        #expect(description.contains("MiSO) ٤٤ منظمة عضوًا"))
        #expect(!description.unicodeScalars.contains { (0x200E ... 0x200F).contains($0.value) || (0x2066 ... 0x2069).contains($0.value) })

        let persian = try Self.page(root, "fa/miso.html")
        #expect(persian.contains(#"<html lang="fa" dir="rtl">"#))
        #expect(persian.contains("<strong>۴۴ سازمان عضو</strong> دارد (وضعیت: نوامبر ۲۰۲۰)"))

        for (tag, phrase) in [("tr", "44 üye kuruluşa"), ("uk", "44 організації-члени"), ("ru", "44 организации-члена"), ("en", "44 member organisations")] {
            let page = try Self.page(root, "\(tag)/miso.html")
            #expect(page.contains("<html lang=\"\(tag)\">"), "\(tag)")
            #expect(page.contains(phrase), "\(tag)")
            #expect(!page.contains("<bdi"), "\(tag): no isolation in left-to-right pages")
        }
    }

    @Test func pagesBelowTheThresholdStayGermanWithANoticeInTheReadersLanguage() async throws {
        let root = try Self.sampleProject()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try await BatchRun(project: try Project(root: root)).run()
        let entry = try #require(report.coverage?.entries.first { $0.page == "wir-2-0/index.html" && $0.locale == "fa" })
        #expect(!entry.published)
        #expect(entry.fallback == entry.units)
        let page = try Self.page(root, "fa/wir-2-0/index.html")
        #expect(page.contains(#"<html lang="de">"#))
        #expect(page.contains(#"<div class="tp-notice" role="note" lang="fa" dir="rtl">این صفحه هنوز به فارسی ترجمه نشده است."#))
        // Alternates name only the languages the page is really published in.
        #expect(page.contains(#"<link rel="alternate" hreflang="de" href="../../de/wir-2-0/index.html">"#))
        #expect(!page.contains(#"hreflang="fa" href"#) || !page.contains(#"<link rel="alternate" hreflang="fa""#))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/de/wir-2-0/index.html").path))
        let css = String(decoding: try ProjectFiles.read(root.appendingPathComponent("site/translate-pipeline.css")), as: UTF8.self)
        #expect(css.contains("border-inline-start") && !css.contains("left") && !css.contains("right"), "logical properties only")
        #expect(css.contains("html:lang(ar) ol { list-style-type: arabic-indic; }\nhtml:lang(fa) ol { list-style-type: persian; }\n"))
    }

    @Test func publishedPagesMarkWhatIsStillGerman() async throws {
        let root = try Self.sampleProject(settings: #", "publishThresholds": {"ar": 0.5, "en": 0.5}"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try await BatchRun(project: try Project(root: root)).run()
        #expect(report.diagnostics.filter { $0.message.hasPrefix("bidi lint") }.isEmpty)
        let entry = try #require(report.coverage?.entries.first { $0.page == "wir-2-0/index.html" && $0.locale == "ar" })
        #expect(entry.published)
        #expect(entry.threshold == 0.5)
        #expect(entry.pending > 0 && entry.fallback == entry.pending)
        let arabic = try Self.page(root, "ar/wir-2-0/index.html")
        #expect(arabic.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(arabic.contains(#"<p class="stand"><span lang="de" dir="ltr" class="tp-fallback" title="لم يُترجم بعد (بالألمانية)">Beschluss des Rates: Februar 2021</span></p>"#))
        let english = try Self.page(root, "en/wir-2-0/index.html")
        #expect(english.contains(#"<span lang="de" dir="ltr" class="tp-fallback" title="Not translated yet (German)">"#))
    }

    @Test func languageSwitcherListsNativeNamesInTheLocalesCollationOrder() async throws {
        let root = try Self.sampleProject()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await BatchRun(project: try Project(root: root)).run()
        func names(_ path: String) throws -> [String] {
            let page = try Self.page(root, path)
            let nav = page[page.range(of: "<nav class=\"tp-language-switcher\"")!.lowerBound...]
            let list = nav[..<nav.range(of: "</nav>")!.lowerBound]
            return list.components(separatedBy: "</a>").dropLast().map { String($0[$0.range(of: ">", options: .backwards)!.upperBound...]) }
        }
        #expect(try names("de/miso.html") == ["Deutsch", "English", "Türkçe", "Русский", "Українська", "العربية", "فارسی"])
        #expect(try names("ar/miso.html") == ["العربية", "فارسی", "Deutsch", "English", "Türkçe", "Русский", "Українська"])
        #expect(try names("ru/miso.html") == ["Русский", "Українська", "Deutsch", "English", "Türkçe", "العربية", "فارسی"])
    }

    @Test func soraniAndTigrinyaGetNoticesInTheirOwnScriptAndDirection() async throws {
        let root = try Self.sampleProject(targets: #"["ckb", "ti"]"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try await BatchRun(project: try Project(root: root)).run()
        #expect(report.diagnostics.filter { $0.message.hasPrefix("bidi lint") }.isEmpty)
        #expect(report.coverage?.entries.filter { $0.published }.isEmpty == true, "no sample translations for ckb and ti")
        let sorani = try Self.page(root, "ckb/miso.html")
        #expect(sorani.contains(#"<div class="tp-notice" role="note" lang="ckb" dir="rtl">ئەم پەڕەیە هێشتا وەرنەگێڕدراوەتە سەر کوردیی ناوەندی."#))
        let tigrinya = try Self.page(root, "ti/miso.html")
        #expect(tigrinya.contains(#"<div class="tp-notice" role="note" lang="ti" dir="ltr">እዛ ገጽ እዚኣ ገና ናብ ትግርኛ ኣይተተርጎመትን።"#))
        #expect(tigrinya.contains(#"aria-label="ቋንቋ ምረጽ""#))
    }

    /// A Persian translation of the WIR 2.0 sentence with the council paper number, a German
    /// date the translator left as it was, and an e-mail address, put into the memory.
    static func addPersianCouncilSentence(to root: URL) throws -> String {
        let project = try Project(root: root)
        let page = try project.extract(pageAt: project.contentFolder.appendingPathComponent("wir-2-0/index.html"))
        let unit = try #require(page.units.first { $0.source.plainText.contains("0108/2021") })
            .segmented(by: try Segmenter.shipped(language: "de"))
        // The translator's text for each German text run, found by a word it holds.
        let persian: [(String, String)] = [
            ("Als Ergebnis", "در نتیجه، هفت گروه کارشناسی یک "), ("Strategiepapier", "سند راهبردی"),
            ("Februar 2021", " تدوین کردند که در Februar 2021 به تصویب شورا رسید (مصوبه شماره 0108/2021، پرسش‌ها: info@hannover.de)."),
            ("Auf dessen Basis", "بر این اساس، اکنون یک "), ("Maßnahmenkatalog", "فهرست اهداف و اقدامات"), ("entwickelt.", " در حال تدوین است."),
        ]
        let language = try TargetLanguage("fa")
        var memory = try MemoryStore(project: project).load(language)
        for segment in unit.segments {
            let target = Content(segment.source.fragments.map { fragment in
                guard case .text(let text) = fragment, let (_, translation) = persian.first(where: { text.contains($0.0) }) else { return fragment }
                return .text(translation)
            })
            _ = memory.add(MemoryEntry(source: segment.source, target: target, state: .translated,
                                       provenance: .init(origin: .translator, creator: "test", date: "2026-11-26T00:00:00Z"),
                                       context: .init(unit: "wir-2-0/index.html#\(unit.id)")))
        }
        try MemoryStore(project: project).save(memory, for: language)
        return unit.id
    }

    @Test func persianSentenceWithCodesDatesAndAddressesReadsRightToLeft() async throws {
        let root = try Self.sampleProject(targets: #"["fa"]"#, settings: #", "publishThresholds": {"fa": 0.5}"#)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.addPersianCouncilSentence(to: root)
        let report = try await BatchRun(project: try Project(root: root)).run()
        #expect(report.diagnostics.filter { $0.message.hasPrefix("bidi lint") }.isEmpty)
        let entry = try #require(report.coverage?.entries.first { $0.page == "wir-2-0/index.html" })
        #expect(entry.published)
        let page = try Self.page(root, "fa/wir-2-0/index.html")
        #expect(page.contains(#"<html lang="fa" dir="rtl">"#))
        #expect(page.contains(#"تدوین کردند که در فوریهٔ ۲۰۲۱ به تصویب شورا رسید (مصوبه شماره <bdi dir="ltr">0108/2021</bdi>، پرسش‌ها: <bdi dir="ltr">info@hannover.de</bdi>)."#))
        // Numbers outside units (table cells) in the locale's digits too.
        #expect(page.contains("<tr><td>۷۰</td>") && page.contains("<tr><td>۷</td>"))
        // Still German: marked, and left to right inside the right-to-left page.
        #expect(page.contains(#"<p class="stand"><span lang="de" dir="ltr" class="tp-fallback" title="هنوز ترجمه نشده (آلمانی)">Beschluss des Rates: Februar 2021</span></p>"#))
    }

    @Test func chromeInALegacyEncodedPageIsCharacterReferences() async throws {
        let root = try temporaryFolder("latin1")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("locales"), to: root.appendingPathComponent("locales"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data(#"{"targetLocales": ["ar"], "pseudoLocales": []}"#.utf8).write(to: root.appendingPathComponent(Project.fileName))
        let page = Array(#"<html lang="de"><head><meta charset="iso-8859-1"></head><body><p>"#.utf8) + [0xDC] + Array("bersicht</p></body></html>".utf8)
        try Data(page).write(to: root.appendingPathComponent("content/a.html"))
        _ = try await BatchRun(project: try Project(root: root)).run()
        let bytes = try ProjectFiles.read(root.appendingPathComponent("site/ar/a.html"))
        #expect(bytes.filter { $0 >= 0x80 } == [0xDC], "only the page's own Latin-1 byte is not ASCII")
        #expect(String(decoding: bytes, as: UTF8.self).contains(#"<div class="tp-notice" role="note" lang="ar" dir="rtl">&#x644;&#x645; "#))
    }

    @Test func aTargetLocaleWithoutDefinitionIsReported() async throws {
        let root = try Self.sampleProject(targets: #"["fa", "ps"]"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try await BatchRun(project: try Project(root: root)).run()
        #expect(report.diagnostics.contains { $0.message == "target locale 'ps': no locale definition for 'ps' in locales/ (add ps.json, see locales/README.md); no pages assembled for it" })
    }

    @Test func assemblerIsolatesRunsInRightToLeftTargets() throws {
        let page = try assembledArabicSentence()
        #expect(page == #"<html lang="ar" dir="rtl"><body><p>اعتمد المجلس <bdi dir="ltr"><span translate="no">WIR 2.0</span></bdi> في فبراير 2021 (رقم <bdi dir="ltr">0108/2021</bdi>، <bdi dir="ltr">info@hannover.de</bdi>).</p></body></html>"#)
        #expect(BidiLint.check(Array(page.utf8), direction: .rightToLeft).isEmpty)
    }

    /// Attribute values hold no bidi control: marks are dropped, isolates keep the unit German.
    @Test func attributeTargetsLoseTheirMarksAndThoseNeedingIsolatesStayGerman() throws {
        let root = try Self.sampleProject(targets: #"["ar"]"#)
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try Project(root: root)
        let catalog = try #require(try SiteAssembly.catalog(for: project))
        let assembly = SiteAssembly(project: project, catalog: catalog)
        let arabic = try catalog.definition(for: "ar")
        let unit = TextUnit(id: "m", placement: .attribute(elementName: "img", attributeName: "alt"), name: "img/@alt", source: Content(text: "Logo von MiSO"))
        func translation(_ target: String) -> Content? {
            var memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "ar")
            memory.add(MemoryEntry(source: unit.source, target: Content(text: target), provenance: .init(origin: .translator, date: "2026-11-27T00:00:00Z")))
            return assembly.translation(of: unit, page: "p.html", memory: memory, locale: arabic).0
        }
        #expect(translation("شعار \u{200F}MiSO\u{200E}")?.plainText == "شعار MiSO")
        #expect(translation("شعار \u{2066}MiSO\u{2069}") == nil)
        #expect(translation("شعار \u{202E}MiSO") == nil)
    }
}
