/// A TMX 1.4b document in the unit model: translation units with one variant per language,
/// inline codes (`bpt`/`ept`/`ph`/`it`/`hi`) as codes, properties and notes kept.
public struct TMXDocument: Sendable, Hashable {
    public struct Header: Sendable, Hashable {
        /// `srclang`: the source language, or `*all*`.
        public var sourceLanguage: String
        /// Every other header attribute (creationtool, segtype, o-tmf, adminlang, datatype…).
        public var attributes: [String: String]
        public var properties: [Property]
        public var notes: [String]
    }

    public struct Property: Sendable, Hashable {
        public var type: String
        public var value: String
        public var language: String?
    }

    /// A `<tu>`: the same text in several languages.
    public struct Unit: Sendable, Hashable {
        public var attributes: [String: String]
        public var properties: [Property]
        public var notes: [String]
        public var variants: [Variant]
    }

    /// A `<tuv>`: one language's text.
    public struct Variant: Sendable, Hashable {
        /// The language as written, its case kept (`xml:lang`, or `lang` in TMX 1.1 files).
        public var language: String
        public var attributes: [String: String]
        public var properties: [Property]
        public var notes: [String]
        public var content: Content
    }

    public var version: String
    public var header: Header
    public var units: [Unit]
}

/// Why a TMX file could not be read.
public enum TMXError: Error, Sendable, Hashable, CustomStringConvertible {
    case notXML(XMLError)
    case invalid(file: String, line: Int?, message: String)

    public var description: String {
        switch self {
        case .notXML(let error): "\(error)"
        case .invalid(let file, let line, let message): "\(file)\(line.map { ":\($0)" } ?? ""): invalid TMX: \(message)"
        }
    }
}
