/// Segmentation rules in SRX 2.0 (LISA Segmentation Rules eXchange): language rules made of
/// ordered break / no-break rules, and a map from language patterns to rule sets.
public struct SRXRules: Sendable, Hashable {
    public static let namespace = "http://www.lisa.org/srx20"

    /// One rule: a break (or not) where `before` ends and `after` begins. Patterns use ICU
    /// regular-expression syntax, as SRX 2.0 prescribes.
    public struct Rule: Sendable, Hashable {
        public var isBreak: Bool
        public var before: String
        public var after: String
    }

    public struct LanguageMap: Sendable, Hashable {
        /// A regular expression matched against the whole language code.
        public var pattern: String
        public var ruleName: String
    }

    /// When true, every map that matches a language contributes its rules, in map order;
    /// otherwise only the first does.
    public var cascade: Bool
    public var languageRules: [String: [Rule]]
    public var maps: [LanguageMap]

    /// Reads an SRX 2.0 document.
    public init(_ bytes: [UInt8], file: String) throws(SegmentationError) {
        let root: XML.Element
        do {
            root = try XMLReader(limits: .init(maximumFileBytes: 8 << 20)).parse(bytes, file: file)
        } catch {
            throw .invalidRules(file: file, line: error.line, message: error.message)
        }
        guard root.name == "srx", root.namespace == Self.namespace else {
            throw .invalidRules(file: file, line: root.line, message: "not an SRX 2.0 document (root <\(root.name)>)")
        }
        cascade = root.firstElement(named: "header")?.attribute("cascade") == "yes"
        guard let body = root.firstElement(named: "body") else {
            throw .invalidRules(file: file, line: root.line, message: "<srx> has no <body>")
        }
        var languageRules: [String: [Rule]] = [:]
        for languageRule in body.firstElement(named: "languagerules")?.elements(named: "languagerule") ?? [] {
            guard let name = languageRule.attribute("languagerulename") else {
                throw .invalidRules(file: file, line: languageRule.line, message: "<languagerule> has no languagerulename")
            }
            languageRules[name, default: []] += languageRule.elements(named: "rule").map { rule in
                Rule(isBreak: rule.attribute("break") != "no",
                     before: rule.firstElement(named: "beforebreak")?.textContent ?? "",
                     after: rule.firstElement(named: "afterbreak")?.textContent ?? "")
            }
        }
        var maps: [LanguageMap] = []
        for map in body.firstElement(named: "maprules")?.elements(named: "languagemap") ?? [] {
            guard let pattern = map.attribute("languagepattern"), let name = map.attribute("languagerulename") else {
                throw .invalidRules(file: file, line: map.line, message: "<languagemap> needs languagepattern and languagerulename")
            }
            guard languageRules[name] != nil else {
                throw .invalidRules(file: file, line: map.line, message: "<languagemap> names the unknown language rule \"\(name)\"")
            }
            maps.append(LanguageMap(pattern: pattern, ruleName: name))
        }
        self.languageRules = languageRules
        self.maps = maps
    }

    /// The rules that apply to a language, in the order SRX applies them.
    public func rules(for language: String) throws(SegmentationError) -> [Rule] {
        var rules: [Rule] = []
        for map in maps {
            let regex = try ICURegex("^(?:" + map.pattern + ")$")
            guard regex.matchesWhole(language) else { continue }
            rules += languageRules[map.ruleName] ?? []
            if !cascade { break }
        }
        return rules
    }
}

/// Why segmentation could not be set up.
public enum SegmentationError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidRules(file: String, line: Int?, message: String)
    case invalidPattern(String, offset: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidRules(let file, let line, let message): "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
        case .invalidPattern(let pattern, let offset, let reason): "the regular expression \(pattern) is invalid at offset \(offset): \(reason)"
        }
    }
}
