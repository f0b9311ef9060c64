import LocalizationCore

/// Synthetic "translations" in the target locale's script: every German letter replaced by a
/// letter of the locale's script (Arabic for ar/fa/ckb, Cyrillic for uk/ru, Ethiopic for ti,
/// Latin with diacritics for tr/en), digits, punctuation, spaces and inline codes kept. They
/// are benchmark data, not translations: they have the shape of real targets (script,
/// direction, codes, numbers) so that the pipeline does the work real targets cause.
struct PseudoScript: Sendable {
    private let letters: [Unicode.Scalar]

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
        letters = Array(alphabet.unicodeScalars)
    }

    /// The pseudo-target of a German sentence: same codes in the same places.
    func target(for source: Content) -> Content {
        Content(source.fragments.map { fragment in
            if case .text(let text) = fragment { return .text(transliterate(text)) }
            return fragment
        })
    }

    /// Letters by code point (ASCII folded to lower case), everything else as it is; one
    /// scalar at a time, as this runs for every sentence of every locale's memory.
    func transliterate(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (65 ... 90).contains(value) || (97 ... 122).contains(value) {
                result.append(letters[Int(value | 0x20) % letters.count])
            } else if value >= 0xC0, scalar.properties.isAlphabetic {
                result.append(letters[Int(value) % letters.count])
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
