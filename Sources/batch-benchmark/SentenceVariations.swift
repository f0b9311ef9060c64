import Foundation

/// Makes new German sentences from the sample's: other numbers and dates, other districts,
/// German words swapped for related ones, two words in another order, a phrase added. A
/// varied sentence stays close to its original, as the many similar pages of a city site do,
/// so the memory sees fuzzy matches as well as exact ones.
struct SentenceVariations {
    static let districts = [
        "Ahlem-Badenstedt-Davenstedt", "Bothfeld-Vahrenheide", "Buchholz-Kleefeld", "Döhren-Wülfel",
        "Herrenhausen-Stöcken", "Kirchrode-Bemerode-Wülferode", "Linden-Limmer", "Misburg-Anderten",
        "Mitte", "Nord", "Ricklingen", "Südstadt-Bult", "Vahrenwald-List",
    ]
    static let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
    /// Words of the sample and words that could stand in for them.
    static let swaps: [String: [String]] = [
        "Teilhabe": ["Beteiligung", "Mitwirkung", "Integration"],
        "Integration": ["Teilhabe", "Eingliederung", "Inklusion"],
        "Migration": ["Einwanderung", "Zuwanderung"],
        "Netzwerk": ["Bündnis", "Forum", "Verbund"],
        "Stadtgesellschaft": ["Bürgerschaft", "Nachbarschaft", "Öffentlichkeit"],
        "Bildung": ["Ausbildung", "Weiterbildung", "Sprachförderung"],
        "Kultur": ["Kunst", "Freizeit", "Sport"],
        "Arbeitsmarkt": ["Wohnungsmarkt", "Ausbildungsmarkt", "Gesundheitswesen"],
        "Hannover": ["der Region Hannover", "Hannover-Mitte", "Hannover-Linden"],
        "Stadtbezirken": ["Stadtteilen", "Quartieren", "Ortsteilen"],
        "Maßnahmen": ["Angebote", "Projekte", "Vorhaben"],
        "Ziele": ["Schwerpunkte", "Aufgaben", "Leitlinien"],
        "Menschen": ["Bürgerinnen und Bürger", "Einwohnerinnen und Einwohner", "Familien"],
        "Rat": ["Stadtrat", "Bezirksrat", "Ausschuss"],
        "Verwaltung": ["Stadtverwaltung", "Fachbereich", "Bürgeramt"],
        "Beirat": ["Integrationsbeirat", "Arbeitskreis", "Gremium"],
        "wichtig": ["zentral", "wesentlich", "entscheidend"],
        "gemeinsam": ["zusammen", "partnerschaftlich"],
    ]
    static let additions = [
        "Im Stadtbezirk %@ gilt das ebenso.", "Auskunft gibt das Bürgeramt %@.",
        "Die Sprechstunde im Stadtbezirk %@ ist dienstags.", "Anmeldungen nimmt der Fachbereich in %@ entgegen.",
    ]

    /// `sentence` varied two or three ways.
    static func vary(_ sentence: String, using random: inout SeededRandom) -> String {
        var words = sentence.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count >= 3 else { return sentence }
        for _ in 0 ..< 2 + random.below(2) {
            switch random.below(5) {
            case 0:
                // Other numbers: years stay years, counts stay counts.
                words = words.map { word in
                    guard let digits = word.firstIndex(where: \.isNumber) else { return word }
                    let run = word[digits...].prefix(while: \.isNumber)
                    // (two digits or fewer stay a possible day of a month: "am 3. Oktober")
                    let replacement = run.count == 4 ? String(1990 + random.below(37)) : String(1 + random.below(run.count >= 3 ? 900 : 28))
                    return word.replacingCharacters(in: digits ..< run.endIndex, with: replacement)
                }
            case 1:
                // A German word swapped for a related one.
                let candidates = words.indices.filter { swaps[words[$0].trimmingPunctuation] != nil }
                if let index = candidates.isEmpty ? nil : random.pick(candidates) {
                    let word = words[index].trimmingPunctuation
                    words[index] = words[index].replacingFirst(word, with: random.pick(swaps[word]!))
                }
            case 2:
                // Two words in the middle change places (never the first or the last).
                if words.count >= 5 {
                    let index = 1 + random.below(words.count - 3)
                    words.swapAt(index, index + 1)
                }
            case 3:
                // A date as the city's pages give a state of affairs.
                let date = "(Stand: \(1 + random.below(28)). \(random.pick(months)) \(2015 + random.below(12)))"
                words.insert(date, at: words.count - 1)
            default:
                // A district named: a short sentence appended.
                let addition = random.pick(additions).replacingFirst("%@", with: random.pick(districts))
                if words.last?.last == "." { words += addition.split(separator: " ").map(String.init) }
            }
        }
        return words.joined(separator: " ")
    }
}

extension String {
    var trimmingPunctuation: String {
        String(self.drop(while: { !$0.isLetter }).reversed().drop(while: { !$0.isLetter }).reversed())
    }

    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
