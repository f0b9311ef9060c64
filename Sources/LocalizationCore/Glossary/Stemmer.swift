internal import CStemmer
import Synchronization

/// A Snowball stemmer for one language (libstemmer): "Integrationsbeiräte" → "integrationsbeirat".
///
/// Snowball's German algorithm also folds ä/ö/ü to a/o/u, so plural umlauts stem with their
/// singular. The C stemmer keeps state between calls, so one handle is guarded by a mutex;
/// the class frees it in `deinit`.
public final class Stemmer: @unchecked Sendable {
    private let handle: Mutex<OpaquePointer>
    /// The Snowball algorithm name, e.g. "german".
    public let algorithm: String

    /// A stemmer for a language tag ("de", "ru", "en-GB"…), or nil when Snowball has none
    /// (Snowball 2.2 has no Persian or Ukrainian stemmer, for example).
    public convenience init?(language: String) {
        let primary = language.split(separator: "-").first.map { String($0).lowercased() } ?? ""
        guard let algorithm = Self.algorithms[primary] else { return nil }
        self.init(algorithm: algorithm)
    }

    /// A stemmer for a Snowball algorithm name, or nil when libstemmer does not have it.
    public init?(algorithm: String) {
        guard let stemmer = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        self.handle = Mutex(stemmer)
        self.algorithm = algorithm
    }

    deinit {
        handle.withLock { sb_stemmer_delete($0) }
    }

    /// The stem of one lowercase word.
    public func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        return handle.withLock { stemmer in
            guard let result = bytes.withUnsafeBufferPointer({ sb_stemmer_stem(stemmer, $0.baseAddress, Int32($0.count)) }) else {
                return word  // out of memory inside libstemmer: the word itself is the best we have
            }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }

    /// ISO 639-1 codes of the languages whose Snowball stemmer the glossary uses.
    static let algorithms: [String: String] = [
        "de": "german", "en": "english", "ru": "russian", "tr": "turkish", "ar": "arabic",
        "fr": "french", "es": "spanish", "it": "italian", "nl": "dutch",
    ]
}
