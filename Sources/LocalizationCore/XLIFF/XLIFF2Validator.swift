/// Checks an XLIFF 2.x document against the constraints of the XLIFF 2.1 specification —
/// structure, attribute values, and the processing requirements the official Schematron
/// checks (unique ids, references, `sc`/`ec` pairing, reordering, languages) — so that a
/// translator's file that another tool would reject is refused here too, with a message
/// naming the element and line.
///
/// Written from the XLIFF 2.1 specification and its schemas; no schema is shipped or read at
/// run time.
public struct XLIFF2Validator: Sendable {
    public init() {}

    public func validate(_ root: XML.Element, file: String) -> [XLIFF2Violation] {
        var checker = XLIFF2Checker(file: file)
        checker.checkDocument(root)
        return checker.violations
    }
}

/// One way a document breaks the specification.
public struct XLIFF2Violation: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}

/// XLIFF 2 namespaces.
enum XLIFF2Namespace {
    static let core = "urn:oasis:names:tc:xliff:document:2.0"
    static let fs = "urn:oasis:names:tc:xliff:fs:2.0"
    static let matches = "urn:oasis:names:tc:xliff:matches:2.0"
    static let glossary = "urn:oasis:names:tc:xliff:glossary:2.0"
    static let metadata = "urn:oasis:names:tc:xliff:metadata:2.0"
    static let resourceData = "urn:oasis:names:tc:xliff:resourcedata:2.0"
    static let sizeRestriction = "urn:oasis:names:tc:xliff:sizerestriction:2.0"
    static let validation = "urn:oasis:names:tc:xliff:validation:2.0"
    static let changeTracking = "urn:oasis:names:tc:xliff:changetracking:2.0"
    static let its = "http://www.w3.org/2005/11/its"
    static let itsModule = "urn:oasis:names:tc:xliff:itsm:2.1"
}

/// The walk over one document, collecting violations.
struct XLIFF2Checker {
    let file: String
    var violations: [XLIFF2Violation] = []
    var hasTarget = false
    var sourceLanguage: String?
    var targetLanguage: String?
    /// Ids of segments and inline elements of the unit whose module elements are checked.
    var spanIDs: Set<String> = []

    init(file: String) {
        self.file = file
    }

    mutating func fail(_ element: XML.Element, _ message: String) {
        violations.append(XLIFF2Violation(file: file, line: element.line, message: message))
    }

    // MARK: - Document structure

    mutating func checkDocument(_ root: XML.Element) {
        guard root.name == "xliff", root.namespace == XLIFF2Namespace.core else {
            fail(root, "the root element must be <xliff> in the XLIFF 2 namespace")
            return
        }
        checkAttributes(root, allowed: ["version", "srcLang", "trgLang"], required: ["version", "srcLang"], extensions: true)
        sourceLanguage = root.attribute("srcLang")
        targetLanguage = root.attribute("trgLang")
        for name in ["srcLang", "trgLang"] {
            if let value = root.attribute(name), !Self.isLanguageTag(value) { fail(root, "\(name) \"\(value)\" is not a language tag") }
        }
        let files = children(of: root, allowing: ["file"], extensions: false)
        if files.isEmpty { fail(root, "<xliff> must contain at least one <file>") }
        unique(files, what: "file")
        for element in files { checkFile(element) }
        if hasTarget, targetLanguage == nil {
            fail(root, "the document has <target> elements but <xliff> has no trgLang")
        }
    }

    mutating func checkFile(_ file: XML.Element) {
        checkAttributes(file, allowed: ["id", "canResegment", "original", "translate", "srcDir", "trgDir"], required: ["id"], extensions: true)
        checkCommonValues(file)
        let elements = checkOrder(file, [("skeleton", 0, 1), ("*", 0, Int.max), ("notes", 0, 1), ("unit|group", 1, Int.max)])
        if let skeleton = elements.first(where: { $0.name == "skeleton" && $0.namespace == XLIFF2Namespace.core }) { checkSkeleton(skeleton) }
        if let notes = coreChild(file, "notes") { checkNotes(notes) }
        var unitIDs: [String] = []
        collectUnitIDs(file, into: &unitIDs)
        let fileContext = FileContext(id: file.attribute("id") ?? "", unitIDs: Set(unitIDs))
        var groups: [XML.Element] = []
        var units: [XML.Element] = []
        collectContainers(file, groups: &groups, units: &units)
        unique(groups, what: "group")
        unique(units, what: "unit")
        for child in coreChildren(file) {
            if child.name == "unit" { checkUnit(child, in: fileContext) }
            if child.name == "group" { checkGroup(child, in: fileContext) }
        }
        checkModules(in: file, fileContext: fileContext)
    }

    /// Groups and units at every depth: their ids are unique within the file.
    func collectContainers(_ container: XML.Element, groups: inout [XML.Element], units: inout [XML.Element]) {
        for child in coreChildren(container) {
            if child.name == "unit" { units.append(child) }
            if child.name == "group" {
                groups.append(child)
                collectContainers(child, groups: &groups, units: &units)
            }
        }
    }

    mutating func collectUnitIDs(_ container: XML.Element, into ids: inout [String]) {
        for child in coreChildren(container) {
            if child.name == "unit", let id = child.attribute("id") { ids.append(id) }
            if child.name == "group" { collectUnitIDs(child, into: &ids) }
        }
    }

    mutating func checkSkeleton(_ skeleton: XML.Element) {
        checkAttributes(skeleton, allowed: ["href"], required: [], extensions: false)
        let isEmpty = skeleton.children.allSatisfy { node in
            if case .text(let text) = node { return text.allSatisfy(\.isWhitespace) }
            return false
        }
        if skeleton.attribute("href") != nil, !isEmpty { fail(skeleton, "<skeleton> with href must be empty") }
        if skeleton.attribute("href") == nil, isEmpty { fail(skeleton, "<skeleton> without href must not be empty") }
    }

    mutating func checkGroup(_ group: XML.Element, in fileContext: FileContext) {
        checkAttributes(group, allowed: ["id", "name", "canResegment", "translate", "srcDir", "trgDir", "type"], required: ["id"], extensions: true)
        checkCommonValues(group)
        _ = checkOrder(group, [("*", 0, Int.max), ("notes", 0, 1), ("unit|group", 0, Int.max)])
        if let notes = coreChild(group, "notes") { checkNotes(notes) }
        for child in coreChildren(group) {
            if child.name == "unit" { checkUnit(child, in: fileContext) }
            if child.name == "group" { checkGroup(child, in: fileContext) }
        }
    }

    mutating func checkNotes(_ notes: XML.Element) {
        checkAttributes(notes, allowed: [], required: [], extensions: false)
        let list = children(of: notes, allowing: ["note"], extensions: false)
        if list.isEmpty { fail(notes, "<notes> must contain at least one <note>") }
        unique(list, what: "note")
        for note in list {
            checkAttributes(note, allowed: ["id", "appliesTo", "category", "priority"], required: [], extensions: true)
            enumerated(note, "appliesTo", ["source", "target"])
            if let priority = note.attribute("priority"), !(1 ... 10).contains(Int(priority) ?? 0) {
                fail(note, "note priority \"\(priority)\" must be a number from 1 to 10")
            }
            if note.children.contains(where: { if case .element = $0 { true } else { false } }) {
                fail(note, "<note> holds text only")
            }
        }
    }

    // MARK: - Helpers shared by all checks

    /// Children in the core namespace, other elements reported unless extensions are allowed.
    mutating func children(of element: XML.Element, allowing names: Set<String>, extensions: Bool) -> [XML.Element] {
        var result: [XML.Element] = []
        for child in element.elements(named: nil) {
            if child.namespace == XLIFF2Namespace.core {
                if names.contains(child.name) { result.append(child) } else { fail(child, "<\(child.name)> is not allowed in <\(element.name)>") }
            } else if !extensions {
                fail(child, "the element <\(child.name)> of another namespace is not allowed in <\(element.name)>")
            }
        }
        refuseText(in: element)
        return result
    }

    /// Elements with element content only: text other than white space is an error.
    mutating func refuseText(in element: XML.Element) {
        let hasText = element.children.contains { node in
            if case .text(let text) = node { return !text.allSatisfy(\.isWhitespace) }
            return false
        }
        if hasText { fail(element, "<\(element.name)> cannot contain text") }
    }

    func coreChildren(_ element: XML.Element) -> [XML.Element] {
        element.elements(named: nil).filter { $0.namespace == XLIFF2Namespace.core }
    }

    func coreChild(_ element: XML.Element, _ name: String) -> XML.Element? {
        coreChildren(element).first { $0.name == name }
    }

    /// Checks children against a sequence of (names, min, max) where `*` stands for elements
    /// of other namespaces; returns the children.
    @discardableResult
    mutating func checkOrder(_ element: XML.Element, _ model: [(String, Int, Int)]) -> [XML.Element] {
        let elements = element.elements(named: nil)
        var position = 0
        for (names, minimum, maximum) in model {
            let accepted = Set(names.split(separator: "|").map(String.init))
            var count = 0
            while position < elements.count, count < maximum {
                let child = elements[position]
                let matches = accepted.contains("*") ? child.namespace != XLIFF2Namespace.core : child.namespace == XLIFF2Namespace.core && accepted.contains(child.name)
                guard matches else { break }
                count += 1
                position += 1
            }
            if count < minimum { fail(element, "<\(element.name)> must contain \(names.split(separator: "|").joined(separator: " or "))") }
        }
        if position < elements.count {
            let child = elements[position]
            fail(child, "<\(child.name)> is not allowed here in <\(element.name)>")
        }
        refuseText(in: element)
        return elements
    }

    /// Attributes without namespace must be known; attributes of other namespaces are allowed
    /// where the schema allows extensions (module attributes are checked separately).
    mutating func checkAttributes(_ element: XML.Element, allowed: Set<String>, required: Set<String>, extensions: Bool, xmlAttributes: Set<String> = ["space", "lang"]) {
        for attribute in element.attributes {
            switch attribute.namespace {
            case nil:
                if !allowed.contains(attribute.name) { fail(element, "attribute \(attribute.name) is not allowed on <\(element.name)>") }
            case XML.xmlNamespace?:
                if !xmlAttributes.contains(attribute.name) { fail(element, "attribute xml:\(attribute.name) is not allowed on <\(element.name)>") }
                if attribute.name == "space", !["default", "preserve"].contains(attribute.value) { fail(element, "xml:space must be default or preserve") }
                if attribute.name == "lang", !attribute.value.isEmpty, !Self.isLanguageTag(attribute.value) { fail(element, "xml:lang \"\(attribute.value)\" is not a language tag") }
            case let namespace?:
                if !extensions, !Self.moduleAttributeNamespaces.contains(namespace) {
                    fail(element, "attribute \(attribute.name) of namespace \(namespace) is not allowed on <\(element.name)>")
                }
            }
        }
        for name in required.sorted() where element.attribute(name) == nil {
            fail(element, "<\(element.name)> must have the attribute \(name)")
        }
        if let id = element.attribute("id"), !Self.isNMToken(id) { fail(element, "id \"\(id)\" is not an NMTOKEN") }
    }

    /// Module attributes are allowed on core elements that take no extension attributes.
    static let moduleAttributeNamespaces: Set<String> = [
        XLIFF2Namespace.fs, XLIFF2Namespace.sizeRestriction, XLIFF2Namespace.its, XLIFF2Namespace.itsModule,
    ]

    /// Values shared by file, group and unit.
    mutating func checkCommonValues(_ element: XML.Element) {
        for name in ["canResegment", "translate"] { enumerated(element, name, ["yes", "no"]) }
        for name in ["srcDir", "trgDir"] { enumerated(element, name, ["ltr", "rtl", "auto"]) }
        if let type = element.attribute("type"), !Self.isPrefixedValue(type) {
            fail(element, "type \"\(type)\" must have the form prefix:value")
        }
    }

    mutating func enumerated(_ element: XML.Element, _ name: String, _ values: Set<String>) {
        if let value = element.attribute(name), !values.contains(value) {
            fail(element, "\(name)=\"\(value)\" is not one of \(values.sorted().joined(separator: ", "))")
        }
    }

    /// Reports ids used more than once among `elements`.
    mutating func unique(_ elements: [XML.Element], what: String) {
        var seen: Set<String> = []
        for element in elements {
            guard let id = element.attribute("id") else { continue }
            if !seen.insert(id).inserted { fail(element, "the \(what) id \"\(id)\" is used more than once") }
        }
    }

    static func isNMToken(_ value: String) -> Bool {
        !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "-_.:".unicodeScalars.contains(scalar)
                || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
                || scalar == "\u{B7}"
        }
    }

    static func isLanguageTag(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1 ... 8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1 ... 8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static func isPrefixedValue(_ value: String) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && !$0.contains(where: \.isWhitespace) }
    }
}

/// What checks inside a unit need to know about its file.
struct FileContext {
    var id: String
    var unitIDs: Set<String>
}
