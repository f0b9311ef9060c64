/// Deterministic German-like sentences for the benchmark.
///
/// `.realistic` draws words the way real text uses them (Zipf's law): a few function words
/// very often, a large vocabulary of nouns, compounds, inflected adjectives and verbs, and
/// names with a long tail of rare forms, as a city's administrative German has. `.uniform`
/// draws every word of a 150-word list equally often: no real text looks like that, which
/// makes it the worst case for an inverted index (every sentence shares words with a large
/// share of the memory), kept as a stress test.
struct SentenceGenerator {
    enum Vocabulary: String {
        case realistic
        case uniform
    }

    static let functionWords = """
    der die das den dem des ein eine einen einem einer eines und oder aber sowie mit für von zu zur zum in im am an auf aus
    bei nach über unter zwischen durch gegen ohne um vor seit bis als wie auch nicht noch nur schon sehr mehr alle diese
    dieser dieses sich sie er es wir ihr ihre ihren sein seine unsere ist sind wird werden wurde wurden hat haben kann können
    soll sollen muss müssen hier dort heute dabei damit dazu daher so dass wenn weil denn
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let nouns = """
    Integration Teilhabe Stadt Rat Beirat Netzwerk Verwaltung Politik Bildung Wirtschaft Arbeit Markt Kultur Zugang Plan
    Strategie Ziel Maßnahme Katalog Gruppe Organisation Verein Zentrum Familie Nachbarschaft Unterkunft Perspektive
    Gesellschaft Sprache Kurs Schule Beratung Stelle Amt Bezirk Wohnung Gesundheit Sport Jugend Frau Kind Eltern Projekt
    Programm Förderung Antrag Bericht Sitzung Wahl Mitglied Vorstand Bürger Dienst Leistung Recht Schutz Hilfe Angebot
    Veranstaltung Fest Woche Jahr Ausschuss Dezernat Bereich Koordinierung Vielfalt Engagement Ehrenamt Migration
    Einwanderung Minderheit Öffentlichkeit Einrichtung Frage Kompetenz Thema Situation Raum Leben Chance Mensch
    Demokratie Beschluss Drucksache Haushalt Mittel Fonds Partner Träger Quartier Treffpunkt Unterstützung Begegnung
    Ausbildung Studium Beruf Betrieb Qualifizierung Anerkennung Abschluss Prüfung Termin Zeitraum Ergebnis Bilanz
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let adjectives = """
    gleich neu lokal öffentlich kulturell sozial politisch wirtschaftlich gesellschaftlich interkulturell zahlreich
    angemessen wichtig aktiv gemeinsam städtisch regional international ehrenamtlich digital nachhaltig offen
    verbindlich konkret jährlich weit besonder erfolgreich zentral vielfältig
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let verbs = """
    arbeitet arbeiten berät beraten fördert fördern unterstützt unterstützen entwickelt entwickeln beschließt beschlossen
    begleitet begleiten vernetzt informiert organisiert plant geplant umgesetzt gestärkt verbessert erarbeitet bietet
    bieten lädt eingeladen trifft vertreten gewählt verabschiedet
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let uniformWords = Array((nouns.prefix(60) + functionWords.prefix(60) + adjectives.prefix(15) + verbs.prefix(15)))

    let vocabulary: Vocabulary
    /// Content words, most frequent first, and the cumulative Zipf weights to draw them.
    private let contentWords: [String]
    private let cumulative: [Double]
    var state: UInt64

    init(seed: UInt64, vocabulary: Vocabulary = .realistic) {
        self.vocabulary = vocabulary
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var words = Self.nouns + Self.nouns.flatMap { [$0 + "en", $0 + "n", $0 + "s"] }
        words += Self.adjectives.flatMap { stem in ["", "e", "en", "er", "es", "em"].map { stem + $0 } } + Self.verbs
        // Compounds, the long tail of German: Integrationsbeirat, Stadtbezirk, Bildungsangebot…
        var tail: [String] = []
        for first in Self.nouns {
            let link = ["ung", "heit", "keit", "schaft", "ion", "tät"].contains { first.hasSuffix($0) } ? "s" : ""
            for second in Self.nouns where second != first {
                tail.append(first + link + second.lowercased())
            }
        }
        // Names of places and organisations.
        let syllables = ["Lin", "den", "Ah", "lem", "Bo", "the", "feld", "Mühl", "en", "berg", "Vah", "ren", "wald", "Mis", "burg", "Sa", "hle", "Kirch", "rode", "Bult"]
        for a in syllables { for b in syllables where a != b { tail.append(a + b.lowercased()) } }
        var shuffler = SentenceGenerator.Shuffler(state: 0x5EED)
        tail = shuffler.shuffled(tail)
        contentWords = words + tail
        var total = 0.0
        cumulative = contentWords.indices.map { rank in
            total += 1 / Double(rank + 1)
            return total
        }
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func sentence() -> String {
        let length = 6 + Int(next() % 16)
        var words: [String] = []
        for index in 0 ..< length {
            if next() % 11 == 0 {
                words.append(String(next() % 2030))
            } else {
                let word = self.word()
                words.append(index == 0 ? word.prefix(1).uppercased() + word.dropFirst() : word)
            }
        }
        return words.joined(separator: " ") + (next() % 5 == 0 ? "?" : ".")
    }

    /// A copy with one to three words changed, dropped or added.
    mutating func edited(_ sentence: String) -> String {
        var words = sentence.split(separator: " ").map(String.init)
        for _ in 0 ..< 1 + Int(next() % 3) where words.count > 2 {
            let position = Int(next() % UInt64(words.count - 1))
            switch next() % 3 {
            case 0: words[position] = word()
            case 1: words.remove(at: position)
            default: words.insert(word(), at: position)
            }
        }
        return words.joined(separator: " ")
    }

    private mutating func word() -> String {
        switch vocabulary {
        case .uniform:
            var word = Self.uniformWords[Int(next() % UInt64(Self.uniformWords.count))]
            if next() % 4 == 0 { word += ["e", "en", "er", "es", "n", "s"][Int(next() % 6)] }
            return word
        case .realistic:
            // About half the words of German prose are function words.
            if next() % 100 < 45 { return Self.functionWords[Int(next() % UInt64(Self.functionWords.count))] }
            let point = Double(next() >> 11) / Double(1 << 53) * cumulative[cumulative.count - 1]
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] < point { low = middle + 1 } else { high = middle }
            }
            return contentWords[low]
        }
    }

    /// A fixed permutation, so that the rare words are the same in every run.
    struct Shuffler {
        var state: UInt64

        mutating func shuffled(_ items: [String]) -> [String] {
            var items = items
            for index in stride(from: items.count - 1, to: 0, by: -1) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                items.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
            }
            return items
        }
    }
}
