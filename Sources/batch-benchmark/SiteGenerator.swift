import Foundation

/// Builds a city site of `pageCount` German pages in nested folders (section/subsection/page)
/// from the sample: the sample's header and footer on every page, and main content assembled
/// from shared paragraphs (on many pages), section paragraphs and paragraphs of the page's
/// own, with inline markup, lists, tables, figures and attributes. Deterministic per seed.
///
/// Each page's main content is written one block per line, so `PageEdits` can change a page
/// the way an editor would (a sentence, a paragraph more or less, two paragraphs swapped).
struct SiteGenerator {
    /// A piece of text the memory generator must know: its HTML, and whose it is (the
    /// memory of a locale covers a page's own text only when that page is translated).
    struct MemoryBlock: Sendable {
        enum Owner: Sendable, Hashable {
            case shared(String)
            case page(Int)
        }

        var owner: Owner
        /// HTML for `<head>` (title, description) and for `<body>`.
        var head: String
        var body: String
    }

    struct Site {
        var pagePaths: [String]
        var bytes: Int
        var blocks: [MemoryBlock]
    }

    static let sections: [(slug: String, name: String)] = [
        ("soziales", "Soziales"), ("bildung", "Bildung"), ("verkehr", "Verkehr"), ("kultur", "Kultur und Freizeit"),
        ("umwelt", "Umwelt und Klima"), ("wirtschaft", "Wirtschaft"), ("verwaltung", "Verwaltung und Service"),
        ("gesundheit", "Gesundheit"), ("wohnen", "Bauen und Wohnen"), ("sport", "Sport"),
        ("migration", "Migration und Teilhabe"), ("politik", "Politik und Rat"),
    ]
    static let subsections: [(slug: String, name: String)] = [
        ("beratung", "Beratung"), ("antraege", "Anträge und Formulare"), ("foerderung", "Förderung"),
        ("termine", "Termine"), ("projekte", "Projekte"), ("ansprechpersonen", "Ansprechpersonen"),
        ("berichte", "Berichte und Zahlen"), ("haeufige-fragen", "Häufige Fragen"),
    ]
    static let topics = [
        "Integrationsbeirat", "Sprachkurs", "Elterngeld", "Wohngeld", "Kita-Platz", "Einbürgerung", "Aufenthaltstitel",
        "Stadtteilzentrum", "Bürgeramt", "Ehrenamt", "Nachbarschaftshilfe", "Jugendzentrum", "Seniorenbeirat",
        "Klimaschutz", "Radverkehr", "Stadtbibliothek", "Schwimmbad", "Wochenmarkt", "Förderprogramm", "Sozialpass",
        "Beratungsstelle", "Integrationskurs", "Kulturförderung", "Sportverein", "Familienzentrum", "Quartiersmanagement",
    ]

    let sample: SampleText
    let seed: UInt64

    /// Shared paragraphs: the same few hundred texts across the whole site, a few very often.
    private let shared: [String]
    /// Per section: paragraphs its pages share.
    private let sectionParagraphs: [[String]]
    private let headings: [String]

    init(sample: SampleText, seed: UInt64) {
        self.sample = sample
        self.seed = seed
        var random = SeededRandom(seed: seed)
        var paragraphs: [String] = []
        for _ in 0 ..< 400 { paragraphs.append(Self.paragraph(sample: sample, sentences: 1 + random.below(3), random: &random)) }
        shared = paragraphs
        sectionParagraphs = Self.sections.map { _ in
            (0 ..< 60).map { _ in Self.paragraph(sample: sample, sentences: 1 + random.below(3), random: &random) }
        }
        headings = (0 ..< 150).map { index in
            index < sample.phrases.count && index % 2 == 0
                ? "<h2>\(sample.phrases[index].htmlEscaped)</h2>"
                : "<h2>\(random.pick(Self.topics)) \(["in", "für", "im Stadtbezirk"][random.below(3)]) \(random.pick(SentenceVariations.districts))</h2>"
        }
    }

    /// The shared texts, for the memory.
    var sharedBlocks: [MemoryBlock] {
        var blocks = [MemoryBlock(owner: .shared("chrome"), head: "", body: sample.header + "\n" + sample.footer)]
        blocks += shared.enumerated().map { MemoryBlock(owner: .shared("p\($0.offset)"), head: "", body: $0.element) }
        for (section, paragraphs) in sectionParagraphs.enumerated() {
            blocks += paragraphs.enumerated().map { MemoryBlock(owner: .shared("s\(section)-\($0.offset)"), head: "", body: $0.element) }
        }
        blocks.append(MemoryBlock(owner: .shared("headings"), head: "", body: headings.joined(separator: "\n")))
        let crumbs = Self.sections.map { "<li>\($0.name.htmlEscaped)</li>" } + Self.subsections.map { "<li>\($0.name.htmlEscaped)</li>" }
        blocks.append(MemoryBlock(owner: .shared("breadcrumbs"), head: "", body: "<ol><li>Startseite</li>\(crumbs.joined())</ol>"))
        blocks.append(MemoryBlock(owner: .shared("table"), head: "", body: Self.tableHeader))
        return blocks
    }

    /// The path of page `index` under the content folder.
    func path(of index: Int) -> String {
        let section = Self.sections[index % Self.sections.count]
        let subsection = Self.subsections[(index / Self.sections.count) % Self.subsections.count]
        return "\(section.slug)/\(subsection.slug)/seite-\(index).html"
    }

    /// Page `index`: its HTML and the text of its own, for the memory. Each page has its own
    /// generator state, so pages can be made on several cores and still be the same.
    func page(_ index: Int) -> (html: String, own: MemoryBlock) {
        var random = SeededRandom(seed: seed &+ 0x1000 &+ UInt64(index) &* 7919)
        let sectionIndex = index % Self.sections.count
        let section = Self.sections[sectionIndex]
        let subsection = Self.subsections[(index / Self.sections.count) % Self.subsections.count]
        let topic = random.pick(Self.topics)
        let title = [topic, "\(topic) in \(random.pick(SentenceVariations.districts))",
                     "\(topic): \(subsection.name)", "\(topic) – \(random.pick(Self.topics))"][random.below(4)]
        let description = SentenceVariations.vary(random.pick(sample.sentences), using: &random)
        let head = "<title>\(title.htmlEscaped) | Landeshauptstadt Hannover</title>\n  <meta name=\"description\" content=\"\(description.htmlEscaped)\">"
        let intro = "<p class=\"intro\">\(Self.sentences(sample: sample, count: 1 + random.below(2), random: &random).htmlEscaped)</p>"

        var lines: [String] = []
        var own: [String] = ["<h1>\(title.htmlEscaped)</h1>", intro]
        // Most pages are 3–10 KB; one in seven is a long one (a report, a list of offers), up to 20 KB.
        let blockCount = 3 + random.below(14) + (random.chance(0.15) ? random.below(30) : 0)
        for _ in 0 ..< blockCount {
            let roll = random.below(100)
            let block: String
            switch roll {
            case 0 ..< 36: block = shared[random.skewed(shared.count)]
            case 36 ..< 66: block = sectionParagraphs[sectionIndex][random.skewed(sectionParagraphs[sectionIndex].count)]
            case 66 ..< 78: block = headings[random.below(headings.count)]
            case 78 ..< 84:
                block = list(random: &random)
                own.append(block)
            case 84 ..< 88:
                block = table(random: &random)
                own.append(block)
            case 88 ..< 90:
                block = figure(random: &random)
                own.append(block)
            default:
                block = Self.paragraph(sample: sample, sentences: 1 + random.below(4), random: &random)
                own.append(block)
            }
            lines.append(block)
        }
        let crumbs = "<nav class=\"breadcrumb\" aria-label=\"Sie befinden sich hier\">\n  <ol><li><a href=\"/\">Startseite</a></li><li><a href=\"/\(section.slug)/\">\(section.name.htmlEscaped)</a></li><li><a href=\"/\(section.slug)/\(subsection.slug)/\">\(subsection.name.htmlEscaped)</a></li><li aria-current=\"page\">\(title.htmlEscaped)</li></ol>\n</nav>"
        let html = """
        <!DOCTYPE html>
        <html lang="de">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          \(head)
          <link rel="stylesheet" href="/css/lhh.css">
        </head>
        <body>
        \(sample.header)
        \(crumbs)
        <main id="inhalt">
          <h1>\(title.htmlEscaped)</h1>
          \(intro)
        \(lines.map { "  " + $0 }.joined(separator: "\n"))
        </main>
        \(sample.footer)
        <script src="/js/lhh.js"></script>
        </body>
        </html>

        """
        return (html, MemoryBlock(owner: .page(index), head: head, body: own.joined(separator: "\n") + "\n<ol><li>\(title.htmlEscaped)</li></ol>"))
    }

    /// Writes the site under `content`; pages are made on every core.
    func write(pageCount: Int, to content: URL) throws -> Site {
        let folders = Set((0 ..< pageCount).map { (path(of: $0) as NSString).deletingLastPathComponent })
        for folder in folders {
            try FileManager.default.createDirectory(at: content.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let results = ParallelMap.map(0 ..< pageCount) { index -> (Int, MemoryBlock, String?) in
            let (html, own) = page(index)
            let bytes = Data(html.utf8)
            do {
                try bytes.write(to: content.appendingPathComponent(path(of: index)))
                return (bytes.count, own, nil)
            } catch {
                return (0, own, "\(path(of: index)): \(error)")
            }
        }
        if let failure = results.lazy.compactMap(\.2).first { throw BenchmarkError.run("writing pages: \(failure)") }
        return Site(pagePaths: (0 ..< pageCount).map(path(of:)), bytes: results.reduce(0) { $0 + $1.0 },
                    blocks: sharedBlocks + results.map(\.1))
    }

    // MARK: Blocks

    static let tableHeader = "<table><tr><th>Stadtbezirk</th><th>Anzahl</th><th>Stand</th></tr></table>"

    /// A paragraph of `sentences` varied sample sentences, with a word or two in strong or em
    /// and sometimes a link with a title.
    static func paragraph(sample: SampleText, sentences count: Int, random: inout SeededRandom) -> String {
        "<p>\(marked(Self.sentences(sample: sample, count: count, random: &random), random: &random))</p>"
    }

    static func sentences(sample: SampleText, count: Int, random: inout SeededRandom) -> String {
        (0 ..< count).map { _ in
            let sentence = random.pick(sample.sentences)
            return random.chance(0.85) ? SentenceVariations.vary(sentence, using: &random) : sentence
        }.joined(separator: " ")
    }

    /// Inline markup around a few words; the text is escaped here.
    static func marked(_ text: String, random: inout SeededRandom) -> String {
        var words = text.split(separator: " ").map { String($0).htmlEscaped }
        guard words.count >= 4 else { return words.joined(separator: " ") }
        let start = 1 + random.below(words.count - 2)
        let end = min(words.count - 2, start + random.below(3))
        guard start <= end else { return words.joined(separator: " ") }
        switch random.below(4) {
        case 0:
            words[start] = "<strong>" + words[start]
            words[end] += "</strong>"
        case 1:
            words[start] = "<em>" + words[start]
            words[end] += "</em>"
        case 2:
            let topic = random.pick(topics)
            words[start] = "<a href=\"/themen/\(stableHash64(topic) % 997).html\" title=\"Mehr zum Thema \(topic)\">" + words[start]
            words[end] += "</a>"
        default:
            break
        }
        return words.joined(separator: " ")
    }

    private func list(random: inout SeededRandom) -> String {
        let items = (0 ..< 3 + random.below(4)).map { _ -> String in
            random.chance(0.5) && !sample.phrases.isEmpty
                ? random.pick(sample.phrases).htmlEscaped
                : Self.marked(SentenceVariations.vary(random.pick(sample.sentences), using: &random), random: &random)
        }
        return "<ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
    }

    private func table(random: inout SeededRandom) -> String {
        let caption = "\(random.pick(Self.topics)) nach Stadtbezirken"
        let rows = (0 ..< 3 + random.below(8)).map { _ in
            "<tr><td>\(random.pick(SentenceVariations.districts))</td><td translate=\"no\">\(1 + random.below(5000))</td><td>\(1 + random.below(28)). \(random.pick(SentenceVariations.months)) \(2018 + random.below(8))</td></tr>"
        }
        return "<table><caption>\(caption)</caption><tr><th>Stadtbezirk</th><th>Anzahl</th><th>Stand</th></tr>\(rows.joined())</table>"
    }

    private func figure(random: inout SeededRandom) -> String {
        let alt = SentenceVariations.vary(random.pick(sample.sentences), using: &random).htmlEscaped
        let caption = Self.marked(SentenceVariations.vary(random.pick(sample.sentences), using: &random), random: &random)
        return "<figure><img src=\"/img/bild-\(random.below(500)).jpg\" alt=\"\(alt)\" width=\"640\" height=\"360\"><figcaption>\(caption)</figcaption></figure>"
    }
}
