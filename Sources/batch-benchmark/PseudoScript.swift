import LocalizationCore

/// Synthetic "translations" in the target locale's script: every German letter replaced by a
/// letter of the locale's script (Arabic for ar/fa/ckb, Cyrillic for uk/ru, Ethiopic for ti,
/// Latin with diacritics for tr/en), digits, punctuation, spaces and inline codes kept. They
/// are benchmark data, not translations: they have the shape of real targets (script,
/// direction, codes, numbers) so that the pipeline does the work real targets cause.
struct PseudoScript: Sendable {
    private let letters: [Character]

    init(locale: String) {
        let alphabet: String
        switch locale {
        case "ar": alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
        case "fa": alphabet = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
        case "ckb": alphabet = "ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆهەیێ"
        case "ru": alphabet = "абвгдеёжзийклмнопрстуфхцчшщыэюя"
        case "uk": alphabet = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
        case "ti": alphabet = "ሀለሐመሠረሰሸቀቐበቨተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ"
        case "tr": alphabet = "abcçdefgğhıijklmnoöprsştuüvyz"
        default: alphabet = "áàâäãåçéèêëíìîïñóòôöõúùûüýÿ"
        }
        letters = Array(alphabet)
    }

    /// The pseudo-target of a German sentence: same codes in the same places.
    func target(for source: Content) -> Content {
        Content(source.fragments.map { fragment in
            if case .text(let text) = fragment { return .text(transliterate(text)) }
            return fragment
        })
    }

    func transliterate(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for character in text {
            if character.isLetter, let scalar = character.lowercased().unicodeScalars.first {
                result.append(letters[Int(scalar.value) % letters.count])
            } else {
                result.append(character)
            }
        }
        return result
    }
}
