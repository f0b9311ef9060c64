public import Foundation

/// The localized site: every page in every target locale that has a definition in `locales/`,
/// plus the German pages, written to `site/<locale>/`. Translations come from the memory
/// (exact and in-context matches of each unit, in a translated or reviewed state), numbers and
/// dates from ICU, chrome strings from the locale definitions; what is still missing stays
/// German and says so. Each page passes the ``PublishGate`` and the ``BidiLint``.
public struct SiteAssembly: Sendable {
    /// What assembly wrote and found.
    public struct Result: Sendable {
        public var outputs: [BatchRun.Report.Output] = []
        public var coverage = CoverageReport()
        public var diagnostics: [Diagnostic] = []
    }

    /// The stylesheet every page links: page chrome laid out with CSS logical properties, so
    /// one file serves left-to-right and right-to-left pages alike.
    static let stylesheetName = "translate-pipeline.css"
    static let stylesheet = """
    /* Written by translate-pipeline: chrome of localized pages. Logical properties only
       (inline-start/end), so the same rules mirror with the page's direction. */
    .tp-language-switcher { margin-block: 0.5rem; padding-inline: 1rem; text-align: end; }
    .tp-language-switcher ul { display: inline-flex; flex-wrap: wrap; gap: 0.75rem; list-style: none; margin: 0; padding-inline-start: 0; }
    .tp-language-switcher [aria-current] { font-weight: bold; }
    .tp-notice { margin-block: 1rem; margin-inline: 1rem; padding-block: 0.75rem; padding-inline: 1rem;
                 border-inline-start: 0.3rem solid #c60; background: #fff4e5; text-align: start; }
    .tp-fallback { font-style: italic; }
    bdi { unicode-bidi: isolate; }

    """

    /// CSS counter styles for numbering systems, so ordered lists count in the locale's digits.
    static let counterStyles = ["arab": "arabic-indic", "arabext": "persian", "deva": "devanagari", "beng": "bengali"]

    /// The shared stylesheet plus list numbering in each locale's own digits.
    static func stylesheet(for locales: [LocaleDefinition]) -> String {
        var css = stylesheet
        for locale in locales.sorted(by: { $0.tag < $1.tag }) {
            guard let style = counterStyles[locale.numberingSystem] else { continue }
            css += "html:lang(\(locale.tag)) ol { list-style-type: \(style); }\n"
        }
        return css
    }

    public let project: Project
    public let catalog: LocaleCatalog

    public init(project: Project, catalog: LocaleCatalog) {
        self.project = project
        self.catalog = catalog
    }

    /// The catalog of the project's `locales/` folder, or nil when the project has none.
    public static func catalog(for project: Project) throws(ProjectError) -> LocaleCatalog? {
        guard FileManager.default.fileExists(atPath: project.localesFolder.path) else { return nil }
        do {
            return try LocaleCatalog.load(folder: project.localesFolder, sourceLocale: project.settings.sourceLocale)
        } catch {
            throw .invalidProjectFile(project.settings.localesDirectory, reason: "\(error)")
        }
    }

    /// What assembling any page needs, prepared once per run: the target locales' definitions
    /// and memories, and the chrome strings of every locale (switcher order, labels, notices).
    public struct Prepared: Sendable {
        public var locales: [LocaleDefinition] = []
        var memories: [String: TranslationMemory] = [:]
        var source: LocaleDefinition?
        /// Per current locale: the switcher's entries in its collation order, and its label.
        var switchers: [String: (entries: [LocaleDefinition], label: String)] = [:]
        var fallbackNotices: [String: String] = [:]
        var untranslatedTooltips: [String: String] = [:]
        /// The source language's chrome messages, compiled once.
        var chrome: ChromeStrings?
        /// Each locale's output folder (the source locale's too), as a path: a run writes a
        /// page per locale, and building each one's path from a URL cost more than its
        /// assembly's chrome.
        var folders: [String: String] = [:]
        /// Each target locale's table of formatted numbers and dates, taken once.
        var formTables: [String: LocaleFormTable] = [:]
        /// Target locales without a usable definition, reported once per run.
        public var diagnostics: [Diagnostic] = []
    }

    /// Loads each target locale's definition and memory; `memories` already loaded (by the
    /// caller, for its jobs) are used as they are.
    public func prepare(memories loaded: [String: TranslationMemory] = [:]) throws(ProjectError) -> Prepared {
        var prepared = Prepared()
        for tag in project.settings.targetLocales {
            do {
                prepared.locales.append(try catalog.definition(for: TargetLanguage(tag).tag, folder: project.settings.localesDirectory))
            } catch {
                prepared.diagnostics.append(Diagnostic(.error, file: Project.fileName, "target locale '\(tag)': \(error); no pages assembled for it"))
            }
        }
        for locale in prepared.locales {
            if let memory = loaded[locale.tag] {
                prepared.memories[locale.tag] = memory
            } else {
                prepared.memories[locale.tag] = try MemoryStore(project: project).load(try Self.language(locale.tag))
            }
            prepared.fallbackNotices[locale.tag] = (try? catalog.message("fallbackNotice", for: locale.tag, ["language": .string(locale.nativeName)])) ?? ""
            prepared.untranslatedTooltips[locale.tag] = (try? catalog.message("untranslatedNotice", for: locale.tag)) ?? ""
            prepared.formTables[locale.tag] = LocaleFormTable.shared(for: locale)
        }
        prepared.source = catalog.definitions[project.settings.sourceLocale]
        prepared.chrome = ChromeStrings(catalog: catalog)
        let all = [prepared.source].compactMap { $0 } + prepared.locales
        for tag in [project.settings.sourceLocale] + prepared.locales.map(\.tag) {
            prepared.folders[tag] = project.outputFolder.appendingPathComponent(tag).path
        }
        let byName = Dictionary(all.map { ($0.nativeName, $0) }, uniquingKeysWith: { first, _ in first })
        for current in all {
            let sorted = (try? DisplayNames(locale: current.tag).sorted(all.map(\.nativeName))) ?? all.map(\.nativeName)
            prepared.switchers[current.tag] = (sorted.compactMap { byName[$0] }, (try? catalog.message("languageSwitcher", for: current.tag)) ?? "")
        }
        return prepared
    }

    /// The shared stylesheet of the output folder.
    public func stylesheet(for prepared: Prepared) -> (url: URL, bytes: [UInt8]) {
        (project.outputFolder.appendingPathComponent(Self.stylesheetName), Array(Self.stylesheet(for: prepared.locales).utf8))
    }

    /// One page as written for one locale, with the bidi lint's findings and, for target
    /// locales, its coverage entry and the units still pending.
    public struct PageOutput: Sendable {
        public var locale: String
        /// Where the page is written.
        public var path: String
        public var bytes: [UInt8]
        public var coverage: CoverageReport.Entry?
        public var pendingUnits: [String] = []
        public var diagnostics: [Diagnostic] = []

        public var url: URL { URL(fileURLWithPath: path, isDirectory: false) }
    }

    /// A page in the source locale and in every target locale: the translations each locale's
    /// memory has, the publish gate per locale, and chrome linking the published versions.
    /// A pure function of the page and `prepared`, so pages can be assembled on every core.
    public func assemble(_ page: ExtractedPage, with prepared: Prepared) -> [PageOutput] {
        let source = project.settings.sourceLocale
        let name = page.page.name
        // What every locale needs of a unit and of the page, worked out once for all of them.
        let chromeStrings = prepared.chrome ?? ChromeStrings(catalog: catalog)
        var autoTranslatables = PageAutoTranslatables()
        let units = page.units.map { UnitSource($0, page: name, chrome: chromeStrings, autoTranslatables: &autoTranslatables) }
        var plans: [String: (targets: [String: Content], statuses: [PublishGate.UnitStatus], published: Bool)] = [:]
        for locale in prepared.locales {
            guard let memory = prepared.memories[locale.tag] else { continue }
            var targets: [String: Content] = [:]
            var statuses: [PublishGate.UnitStatus] = []
            statuses.reserveCapacity(units.count)
            var formatted = autoTranslatables.formatted(in: prepared.formTables[locale.tag] ?? LocaleFormTable.shared(for: locale))
            for unit in units {
                let (target, status) = translation(of: unit, memory: memory, locale: locale, chrome: chromeStrings, formatted: &formatted)
                statuses.append(status)
                if let target { targets[unit.unit.id] = target }
            }
            let gate = PublishGate(threshold: project.settings.publishThreshold(for: locale.tag))
            plans[locale.tag] = (targets, statuses, gate.publishes(statuses))
        }
        let published = [source] + prepared.locales.map(\.tag).filter { plans[$0]?.published == true }
        let pageChrome = PageChrome(page, published: published, prepared: prepared, project: project)
        let assemblyPage = PageAssembler.PreparedPage(page)
        // Only published pages use these; each is the same for every locale.
        let anyPublished = published.count > 1
        let numberNodes = anyPublished ? Self.numberNodes(in: page) : []
        let leftToRightUntranslatables = prepared.locales.contains { $0.direction == .rightToLeft && plans[$0.tag]?.published == true }
            ? Self.leftToRightUntranslatables(in: page.page.bytes) : []
        var outputs: [PageOutput] = []
        // The German page, with the same switcher and alternates.
        if let sourceDefinition = prepared.source {
            let bytes = assemblyPage.assemble(targets: [:], language: nil, options: chrome(pageChrome, current: sourceDefinition, prepared: prepared, notice: nil))
            outputs.append(output(bytes, locale: source, page: name, direction: .leftToRight, prepared: prepared))
        }
        for locale in prepared.locales {
            guard let plan = plans[locale.tag], let language = try? Self.language(locale.tag) else { continue }
            let pending = zip(page.units, plan.statuses).filter { $0.1 == .pending }.map(\.0.id)
            let bytes: [UInt8]
            if plan.published {
                var options = chrome(pageChrome, current: locale, prepared: prepared, notice: nil)
                options.isolateLeftToRightRuns = locale.direction == .rightToLeft
                options.fallbackUnits = Set(pending)
                let tooltip = prepared.untranslatedTooltips[locale.tag] ?? ""
                options.fallbackAttributes = #" lang="\#(source)" dir="ltr" class="tp-fallback" title="\#(Self.attribute(tooltip, asciiOnly: !page.page.isUTF8))""#
                if locale.direction == .rightToLeft {
                    options.insertions += leftToRightUntranslatables
                }
                options.replacements = Self.replacements(numberNodes, in: prepared.formTables[locale.tag] ?? LocaleFormTable.shared(for: locale),
                                                         asciiOnly: !page.page.isUTF8)
                bytes = assemblyPage.assemble(targets: plan.targets, language: language, options: options)
            } else {
                bytes = assemblyPage.assemble(targets: [:], language: nil,
                                              options: chrome(pageChrome, current: locale, prepared: prepared, notice: prepared.fallbackNotices[locale.tag]))
            }
            var result = output(bytes, locale: locale.tag, page: name, direction: plan.published ? locale.direction : .leftToRight, prepared: prepared)
            let count = { (status: PublishGate.UnitStatus) in plan.statuses.count { $0 == status } }
            result.coverage = .init(
                page: name, locale: locale.tag, units: plan.statuses.count, reviewed: count(.reviewed), translated: count(.translated),
                automatic: count(.automatic), pending: count(.pending), fallback: plan.published ? count(.pending) : plan.statuses.count,
                coverage: PublishGate(threshold: 0).coverage(plan.statuses), threshold: project.settings.publishThreshold(for: locale.tag),
                published: plan.published, bidiProblems: result.diagnostics.count
            )
            result.pendingUnits = pending
            outputs.append(result)
        }
        return outputs
    }

    /// Every page in every locale, written (the whole site at once, for callers that do not
    /// run incrementally).
    public func assemble(_ pages: [ExtractedPage]) throws(ProjectError) -> Result {
        var result = Result()
        let prepared = try prepare()
        result.diagnostics += prepared.diagnostics
        let stylesheet = stylesheet(for: prepared)
        try ProjectFiles.writeAtomically(stylesheet.bytes, to: stylesheet.url)
        var written: [String: (pages: Int, translated: Int)] = [:]
        for page in pages {
            for output in assemble(page, with: prepared) {
                try ProjectFiles.writeAtomically(output.bytes, to: output.url)
                result.diagnostics += output.diagnostics
                written[output.locale, default: (0, 0)].pages += 1
                if let entry = output.coverage {
                    result.coverage.entries.append(entry)
                    if entry.published { written[output.locale, default: (0, 0)].translated += entry.units - entry.pending }
                }
            }
        }
        for tag in [project.settings.sourceLocale] + prepared.locales.map(\.tag) {
            guard let counts = written[tag] else { continue }
            result.outputs.append(.init(locale: tag, folder: relative(project.outputFolder.appendingPathComponent(tag)), pages: counts.pages, translatedUnits: counts.translated))
        }
        return result
    }

    /// What looking a unit up needs in every locale, worked out once per page: its sentences'
    /// keys and contexts in the memory, its numbers and dates, and the chrome messages it reads as.
    /// A class: read by every locale's loop, it is passed around by one reference rather than
    /// copied field by field.
    final class UnitSource {
        let unit: TextUnit
        let sentences: [Segment]
        /// Each sentence's exact-match key (`MemoryEntry.key(for:)`), which normalises its text.
        let keys: [String]
        let contexts: [MemoryEntry.Context]
        /// The auto-translatables of the whole source, written the locale's way in its target,
        /// with their slots in the page's table of formatted forms.
        let items: LocalizableItems
        /// The unit's one number or date, when that is all it holds: its text and its slot
        /// in the page's table of formatted forms.
        let whole: (text: String, slot: Int)?
        let chrome: [ChromeStrings.Match]

        init(_ unit: TextUnit, page: String, chrome: ChromeStrings, autoTranslatables: inout PageAutoTranslatables) {
            self.unit = unit
            let sentences = unit.segments
            self.sentences = sentences
            keys = sentences.map { MemoryEntry.key(for: $0.source) }
            let texts = sentences.map(\.source.plainText)
            let unitContext = "\(page)#\(unit.id)"
            contexts = texts.indices.map { index in
                MemoryEntry.Context(unit: unitContext, previous: index > 0 ? texts[index - 1] : nil,
                                    next: index + 1 < texts.count ? texts[index + 1] : nil)
            }
            // Recognised once: the whole-unit item and the chrome messages are read from the
            // same items.
            let recognized = AutoTranslatables.recognize(in: unit.source.plainText)
            items = autoTranslatables.localizable(recognized)
            whole = AutoTranslatables.wholeItem(unit.source, recognized: recognized).map { ($0.text, autoTranslatables.slot(for: $0.item.kind)) }
            self.chrome = chrome.matches(for: unit.source, recognized: recognized)
        }
    }

    /// The target a reader of `locale` gets for a unit, and the unit's status: every sentence
    /// needs an exact or in-context match in a translated or reviewed state.
    func translation(of unit: TextUnit, page: String, memory: TranslationMemory, locale: LocaleDefinition) -> (Content?, PublishGate.UnitStatus) {
        let chrome = ChromeStrings(catalog: catalog)
        var autoTranslatables = PageAutoTranslatables()
        let source = UnitSource(unit, page: page, chrome: chrome, autoTranslatables: &autoTranslatables)
        var formatted = autoTranslatables.formatted(in: LocaleFormTable.shared(for: locale))
        return translation(of: source, memory: memory, locale: locale, chrome: chrome, formatted: &formatted)
    }

    /// `formatted`: the page's numbers and dates in `locale` (`PageAutoTranslatables.formatted(in:)`).
    private func translation(of source: UnitSource, memory: TranslationMemory, locale: LocaleDefinition, chrome: ChromeStrings,
                             formatted: inout PageAutoTranslatables.Formatted) -> (Content?, PublishGate.UnitStatus) {
        let unit = source.unit
        let isAttribute = unit.isAttribute
        // Each sentence's target, and the least advanced of their states. The unit has a target
        // only when every sentence has one that is not empty: the lookups stop at the first
        // sentence without.
        var targets: [Content] = []
        targets.reserveCapacity(source.sentences.count)
        var state = TranslationState.final
        for (index, sentence) in source.sentences.enumerated() {
            guard let (target, entryState) = acceptedTarget(for: sentence.source, key: source.keys[index], context: source.contexts[index],
                                                            isAttribute: isAttribute, in: memory),
                  !target.isEmpty else { break }
            targets.append(target)
            state = min(state, entryState)
        }
        if targets.count == source.sentences.count, let target = unit.isSegmented ? Self.joined(targets, in: unit) : targets.first,
           !unit.isSegmented || TargetCheck.problems(target: target, source: unit.source, isAttribute: isAttribute).isEmpty {
            // A unit of one sentence has that sentence's target, checked against the same
            // source; the sentences of a longer unit are checked together here.
            let localized = AutoTranslatables.localize(target, items: source.items, formatted: &formatted)
            return (localized, state == .translated ? .translated : .reviewed)
        }
        if let target = chrome.target(for: source.chrome, locale: locale) ?? source.whole.flatMap({ whole in
            formatted[whole.slot].map { Content(text: whole.text.replacingTrimmedText(with: $0)) }
        }) {
            return (target, .automatic)
        }
        return (nil, .pending)
    }

    /// The first exact or in-context match of a sentence, in a translated or reviewed state,
    /// whose target fits the sentence's source, and its state.
    private func acceptedTarget(for sentence: Content, key: String, context: MemoryEntry.Context, isAttribute: Bool,
                                in memory: TranslationMemory) -> (Content, TranslationState)? {
        for entry in memory.exactOffers(forKey: key, context: context, limit: 3) {
            // No bidi control may stand in an attribute value (SECURITY.md). The marks a
            // translator set for running text (LRM, RLM, ALM) are hints that a bare
            // attribute value cannot use, so they are left out; a target that needs
            // isolates or embeddings stays out, and the unit stays German.
            let target = isAttribute ? entry.target.removingBidiMarks() : entry.target
            guard entry.state != .initial,
                  TargetCheck.problems(target: target, source: sentence, isAttribute: isAttribute).isEmpty else { continue }
            if isAttribute, target.plainText.unicodeScalars.contains(where: BidiLint.isBidiControl) { continue }
            return (target, entry.state)
        }
        return nil
    }

    /// A segmented unit's target from its sentences' targets (in order), with the source's
    /// white space between them, as `TextUnit.updateTargetFromSegments()` joins them.
    static func joined(_ targets: [Content], in unit: TextUnit) -> Content {
        var next = targets.makeIterator()
        return Content.joining(unit.parts.map { part in
            switch part {
            case .segment: next.next() ?? Content([])
            case .ignorable(let space): Content(text: space)
            }
        })
    }

    /// Where chrome goes in a page: the same for every locale, so found once.
    struct PageLandmarks {
        /// Before `</head>`.
        var headEnd: Int?
        /// After the `>` of `<body …>`.
        var bodyContent: Int?

        init(_ bytes: [UInt8]) {
            headEnd = SiteAssembly.find("</head", in: bytes)
            if let bodyStart = SiteAssembly.find("<body", in: bytes), let close = bytes[bodyStart...].firstIndex(of: UInt8(ascii: ">")) {
                bodyContent = close + 1
            }
        }
    }

    /// What the chrome of a page's versions shares, worked out once per page: where it goes,
    /// the links to the page in each locale, and the links before `</head>`.
    struct PageChrome {
        let landmarks: PageLandmarks
        /// A page in a legacy encoding gets character references for everything not ASCII.
        let asciiOnly: Bool
        /// From the page to the output folder: "../" per level of its name.
        let root: String
        let name: String
        /// Per locale (the source's and the targets'): the page in that locale, as a link
        /// from this page, escaped for an attribute.
        let hrefs: [String: String]
        /// The stylesheet and alternate links: the same in every locale of a page (they list
        /// the published locales).
        let head: [UInt8]

        init(_ page: ExtractedPage, published: [String], prepared: Prepared, project: Project) {
            landmarks = PageLandmarks(page.page.bytes)
            asciiOnly = !page.page.isUTF8
            let name = page.page.name
            let root = String(repeating: "../", count: name.split(separator: "/").count)
            self.name = name
            self.root = root
            var hrefs: [String: String] = [:]
            let source = project.settings.sourceLocale
            for tag in [source] + prepared.locales.map(\.tag) {
                hrefs[tag] = SiteAssembly.attribute(root + tag + "/" + name)
            }
            self.hrefs = hrefs
            guard landmarks.headEnd != nil else {
                head = []
                return
            }
            let href = { (tag: String) in hrefs[tag] ?? SiteAssembly.attribute(root + tag + "/" + name) }
            var head = "<link rel=\"stylesheet\" href=\"\(SiteAssembly.attribute(root + SiteAssembly.stylesheetName))\">\n"
            for tag in published {
                head += "<link rel=\"alternate\" hreflang=\"\(tag)\" href=\"\(href(tag))\">\n"
            }
            head += "<link rel=\"alternate\" hreflang=\"x-default\" href=\"\(href(source))\">\n"
            self.head = Array(head.utf8)
        }

        /// The page in the locale `tag`, as a link from this page.
        func href(_ tag: String) -> String {
            hrefs[tag] ?? SiteAssembly.attribute(root + tag + "/" + name)
        }
    }

    /// Alternate links and stylesheet before `</head>`; after `<body>`, the language switcher
    /// and, for a page kept in German, the notice in the reader's language.
    private func chrome(_ page: PageChrome, current: LocaleDefinition, prepared: Prepared, notice: String?) -> PageAssembler.Options {
        var options = PageAssembler.Options()
        let ascii = page.asciiOnly
        if let headEnd = page.landmarks.headEnd {
            options.insertions.append((headEnd, page.head))
        }
        if let bodyContent = page.landmarks.bodyContent {
            let switcher = prepared.switchers[current.tag] ?? ([], "")
            var body = "\n<nav class=\"tp-language-switcher\" lang=\"\(current.tag)\" dir=\"\(current.direction.rawValue)\" aria-label=\"\(Self.attribute(switcher.label, asciiOnly: ascii))\"><ul>"
            for locale in switcher.entries {
                let isCurrent = locale.tag == current.tag ? " aria-current=\"page\"" : ""
                body += "<li><a href=\"\(page.href(locale.tag))\" hreflang=\"\(locale.tag)\" lang=\"\(locale.tag)\" dir=\"\(locale.direction.rawValue)\"\(isCurrent)>\(String(decoding: HTMLEscaping.escape(locale.nativeName, inAttribute: false, asciiOnly: ascii), as: UTF8.self))</a></li>"
            }
            body += "</ul></nav>"
            if let notice {
                let text = current.direction == .rightToLeft
                    ? BidiIsolation.html(notice, asciiOnly: ascii) : HTMLEscaping.escape(notice, inAttribute: false, asciiOnly: ascii)
                body += "\n<div class=\"tp-notice\" role=\"note\" lang=\"\(current.tag)\" dir=\"\(current.direction.rawValue)\">\(String(decoding: text, as: UTF8.self))</div>"
            }
            options.insertions.append((bodyContent, Array(body.utf8)))
        }
        return options
    }

    /// A page's bytes for a locale with the bidi lint's findings.
    private func output(_ bytes: [UInt8], locale: String, page: String, direction: TextDirection, prepared: Prepared) -> PageOutput {
        let path = (prepared.folders[locale] ?? project.outputFolder.appendingPathComponent(locale).path) + "/" + page
        let diagnostics = BidiLint.check(bytes, direction: direction).map { problem in
            Diagnostic(.error, file: relative(path), line: problem.line, "bidi lint: \(problem.message)")
        }
        return PageOutput(locale: locale, path: path, bytes: bytes, diagnostics: diagnostics)
    }

    /// A text node outside every unit that holds only a number or a date (table cells such as
    /// `<td>70</td>` are no units: nothing to translate).
    struct NumberNode {
        var range: Range<Int>
        /// The node's text, white space included.
        var text: String
        var item: AutoTranslatable
    }

    /// The page's number nodes, found once for all its locales.
    static func numberNodes(in page: ExtractedPage) -> [NumberNode] {
        let bytes = page.page.bytes
        let slots = page.skeleton.slots.map(\.range)
        var nodes: [NumberNode] = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: ">")) {
            let start = open + 1
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "<")) else { break }
            index = end
            guard end > start, end - start < 64, !slots.contains(where: { $0.overlaps(start ..< end) }) else { continue }
            let text = String(decoding: bytes[start ..< end], as: UTF8.self)
            let trimmed = text.trimmingWhitespace
            let items = AutoTranslatables.recognize(in: trimmed)
            guard items.count == 1, items[0].text == trimmed, items[0].kind != .reference else { continue }
            nodes.append(NumberNode(range: start ..< end, text: text, item: items[0]))
        }
        return nodes
    }

    /// The number nodes written the locale's way (those it writes differently); `table`: the
    /// locale's formatted forms.
    static func replacements(_ nodes: [NumberNode], in table: LocaleFormTable, asciiOnly: Bool) -> [(range: Range<Int>, bytes: [UInt8])] {
        nodes.compactMap { node in
            guard let formatted = try? table.form(of: node.item.kind), formatted != node.item.text else { return nil }
            return (node.range, HTMLEscaping.escape(node.text.replacingTrimmedText(with: formatted), inAttribute: false, asciiOnly: asciiOnly))
        }
    }

    /// In a right-to-left page, elements marked `translate="no"` keep source-language text
    /// and names ("MiSO", "MigrantInnenSelbstOrganisationen-Netzwerk Hannover e.V."): each gets
    /// `dir="ltr"`, which in HTML also isolates it, so its punctuation stays where it belongs.
    static func leftToRightUntranslatables(in bytes: [UInt8]) -> [(offset: Int, bytes: [UInt8])] {
        var insertions: [(offset: Int, bytes: [UInt8])] = []
        let marker = Array("translate=".utf8)
        var index = 0
        var tagStart: Int?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), index + 1 < bytes.count, bytes[index + 1].isASCIILetter {
                tagStart = index
            } else if byte == UInt8(ascii: ">") {
                tagStart = nil
            } else if let start = tagStart, index + marker.count + 3 <= bytes.count,
                      bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\n") || bytes[index - 1] == UInt8(ascii: "\t"),
                      Array(bytes[index ..< index + marker.count]).map({ $0 | 0x20 }) == marker {
                var value = index + marker.count
                if bytes[value] == UInt8(ascii: "\"") || bytes[value] == UInt8(ascii: "'") { value += 1 }
                let isNo = value + 2 <= bytes.count && (bytes[value] | 0x20) == UInt8(ascii: "n") && (bytes[value + 1] | 0x20) == UInt8(ascii: "o")
                let tagEnd = bytes[start...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
                let tag = String(decoding: bytes[start ..< tagEnd], as: UTF8.self).lowercased()
                var nameEnd = start + 1
                while nameEnd < bytes.count, bytes[nameEnd].isASCIILetter || (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[nameEnd]) { nameEnd += 1 }
                let name = String(decoding: bytes[start + 1 ..< nameEnd], as: UTF8.self).lowercased()
                // Items and cells keep the page's direction: their markers and alignment
                // belong to the list or table around them.
                if isNo, !tag.contains(" dir="), !["li", "td", "th", "dt", "dd", "tr", "option"].contains(name) {
                    insertions.append((nameEnd, Array(#" dir="ltr""#.utf8)))
                }
                tagStart = nil
            }
            index += 1
        }
        return insertions
    }

    /// Byte offset of an ASCII tag start, case-insensitive, outside comments.
    static func find(_ needle: String, in bytes: [UInt8]) -> Int? {
        let pattern = Array(needle.lowercased().utf8)
        var index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "!"), bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                var end = index + 4
                while end + 2 < bytes.count, !(bytes[end] == UInt8(ascii: "-") && bytes[end + 1] == UInt8(ascii: "-") && bytes[end + 2] == UInt8(ascii: ">")) { end += 1 }
                index = end + 3
                continue
            }
            var matches = true
            for offset in 0 ..< pattern.count {
                var byte = bytes[index + offset]
                if (UInt8(ascii: "A") ... UInt8(ascii: "Z")).contains(byte) { byte += 32 }
                if byte != pattern[offset] { matches = false; break }
            }
            if matches, index + pattern.count == bytes.count || !(bytes[index + pattern.count].isASCIILetter) { return index }
            index += 1
        }
        return nil
    }

    static func attribute(_ text: String, asciiOnly: Bool = false) -> String {
        String(decoding: HTMLEscaping.escape(text, inAttribute: true, asciiOnly: asciiOnly), as: UTF8.self)
    }

    private static func language(_ tag: String) throws(ProjectError) -> TargetLanguage {
        do { return try TargetLanguage(tag) } catch { throw .invalidProjectFile(Project.fileName, reason: "target locale: \(error)") }
    }

    private func relative(_ url: URL) -> String {
        relative(url.path)
    }

    private func relative(_ path: String) -> String {
        let base = project.root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
