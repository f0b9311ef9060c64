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
    /// The unit whose module elements are checked: `match ref` points into it.
    var spanUnit: XML.Element?

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
        checkAttributes(root, allowed: Self.xliffAttributes, required: ["srcLang", "version"], extensions: true)
        sourceLanguage = root.attribute("srcLang")
        targetLanguage = root.attribute("trgLang")
        for name in ["srcLang", "trgLang"] {
            if let value = root.attribute(name), !Self.isLanguageTag(value) { fail(root, "\(name) \"\(value)\" is not a language tag") }
        }
        let files = children(of: root, allowing: Self.fileNames, extensions: false)
        if files.isEmpty { fail(root, "<xliff> must contain at least one <file>") }
        unique(files, what: "file")
        for element in files { checkFile(element) }
        if hasTarget, targetLanguage == nil {
            fail(root, "the document has <target> elements but <xliff> has no trgLang")
        }
    }

    mutating func checkFile(_ file: XML.Element) {
        checkAttributes(file, allowed: Self.fileAttributes, required: Self.idRequired, extensions: true)
        checkCommonValues(file)
        checkOrder(file, Self.fileContent)
        if let skeleton = coreChild(file, "skeleton") { checkSkeleton(skeleton) }
        if let notes = coreChild(file, "notes") { checkNotes(notes) }
        // Group ids, then unit ids, are unique within the file at every depth; the unit ids
        // are what `subFlows` may name.
        var groupIDs: Set<String> = []
        checkUniqueIDs(of: "group", in: file, seen: &groupIDs)
        var unitIDs: Set<String> = []
        checkUniqueIDs(of: "unit", in: file, seen: &unitIDs)
        let fileContext = FileContext(id: file.attribute("id") ?? "", unitIDs: unitIDs)
        // The children are visited in place: a memory file has tens of thousands of units,
        // and a copied list of them costs more than the checks of some.
        for case .element(let child) in file.children where child.namespace == XLIFF2Namespace.core {
            if child.name == "unit" { checkUnit(child, in: fileContext) }
            if child.name == "group" { checkGroup(child, in: fileContext) }
        }
        checkModules(in: file, fileContext: fileContext)
    }

    /// Reports ids of `name` elements (groups or units) used more than once below `container`,
    /// at any depth, in document order, as `unique(_:what:)` does; `seen` collects the ids.
    mutating func checkUniqueIDs(of name: String, in container: XML.Element, seen: inout Set<String>) {
        for case .element(let child) in container.children where child.namespace == XLIFF2Namespace.core {
            if child.name == name, let id = child.attribute("id"), !seen.insert(id).inserted {
                fail(child, "the \(name) id \"\(id)\" is used more than once")
            }
            if child.name == "group" { checkUniqueIDs(of: name, in: child, seen: &seen) }
        }
    }

    mutating func checkSkeleton(_ skeleton: XML.Element) {
        checkAttributes(skeleton, allowed: Self.skeletonAttributes, required: [], extensions: false)
        let isEmpty = skeleton.children.allSatisfy { node in
            if case .text(let text) = node { return Self.isWhitespace(text) }
            return false
        }
        if skeleton.attribute("href") != nil, !isEmpty { fail(skeleton, "<skeleton> with href must be empty") }
        if skeleton.attribute("href") == nil, isEmpty { fail(skeleton, "<skeleton> without href must not be empty") }
    }

    mutating func checkGroup(_ group: XML.Element, in fileContext: FileContext) {
        checkAttributes(group, allowed: Self.groupAttributes, required: Self.idRequired, extensions: true)
        checkCommonValues(group)
        checkOrder(group, Self.groupContent)
        if let notes = coreChild(group, "notes") { checkNotes(notes) }
        for child in coreChildren(group) {
            if child.name == "unit" { checkUnit(child, in: fileContext) }
            if child.name == "group" { checkGroup(child, in: fileContext) }
        }
    }

    mutating func checkNotes(_ notes: XML.Element) {
        checkAttributes(notes, allowed: [], required: [], extensions: false)
        let list = children(of: notes, allowing: Self.noteNames, extensions: false)
        if list.isEmpty { fail(notes, "<notes> must contain at least one <note>") }
        unique(list, what: "note")
        for note in list {
            checkAttributes(note, allowed: Self.noteAttributes, required: [], extensions: true)
            enumerated(note, "appliesTo", Self.noteTargets)
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
            if case .text(let text) = node { return !Self.isWhitespace(text) }
            return false
        }
        if hasText { fail(element, "<\(element.name)> cannot contain text") }
    }

    func coreChildren(_ element: XML.Element) -> [XML.Element] {
        element.elements(named: nil).filter { $0.namespace == XLIFF2Namespace.core }
    }

    func coreChild(_ element: XML.Element, _ name: String) -> XML.Element? {
        // Asked several times per unit: the first match, without collecting the children.
        for case .element(let child) in element.children where child.name == name && child.namespace == XLIFF2Namespace.core {
            return child
        }
        return nil
    }

    /// One step of a content model: core elements named one of `names` (`*`: elements of
    /// other namespaces), from `minimum` to `maximum` of them.
    struct Particle {
        /// The names as a message lists them: "unit or group".
        let label: String
        let names: Set<String>
        let isOtherNamespace: Bool
        let minimum: Int
        let maximum: Int

        /// `names` separated by `|`, or `*`.
        init(_ names: String, _ minimum: Int, _ maximum: Int) {
            let list = names.split(separator: "|").map(String.init)
            label = list.joined(separator: " or ")
            self.names = Set(list)
            isOtherNamespace = names == "*"
            self.minimum = minimum
            self.maximum = maximum
        }

        func accepts(_ element: XML.Element) -> Bool {
            isOtherNamespace ? element.namespace != XLIFF2Namespace.core : element.namespace == XLIFF2Namespace.core && names.contains(element.name)
        }
    }

    /// Checks children against a sequence of particles.
    mutating func checkOrder(_ element: XML.Element, _ model: [Particle]) {
        // Walked in place, without a list of the children (see `checkFile`).
        var children = element.children.lazy.compactMap { node -> XML.Element? in
            if case .element(let child) = node { child } else { nil }
        }.makeIterator()
        var current = children.next()
        for particle in model {
            var count = 0
            while let child = current, count < particle.maximum, particle.accepts(child) {
                count += 1
                current = children.next()
            }
            if count < particle.minimum { fail(element, "<\(element.name)> must contain \(particle.label)") }
        }
        if let child = current {
            fail(child, "<\(child.name)> is not allowed here in <\(element.name)>")
        }
        refuseText(in: element)
    }

    /// Attributes without namespace must be known; attributes of other namespaces are allowed
    /// where the schema allows extensions (module attributes are checked separately).
    mutating func checkAttributes(_ element: XML.Element, allowed: Set<String>, required: [String], extensions: Bool, xmlAttributes: Set<String> = Self.xmlAttributes) {
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
        // `required` lists names alphabetically, the order of the messages.
        for name in required where element.attribute(name) == nil {
            fail(element, "<\(element.name)> must have the attribute \(name)")
        }
        if let id = element.attribute("id"), !Self.isNMToken(id) { fail(element, "id \"\(id)\" is not an NMTOKEN") }
    }

    /// Module attributes are allowed on core elements that take no extension attributes.
    static let moduleAttributeNamespaces: Set<String> = [
        XLIFF2Namespace.fs, XLIFF2Namespace.sizeRestriction, XLIFF2Namespace.its, XLIFF2Namespace.itsModule,
    ]

    /// Whether the text is white space only (`Character.isWhitespace`). The indentation
    /// between elements is ASCII white space, answered without breaking it into characters.
    static func isWhitespace(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D } || text.allSatisfy(\.isWhitespace)
    }

    /// Values shared by file, group and unit.
    mutating func checkCommonValues(_ element: XML.Element) {
        enumerated(element, "canResegment", Self.yesNo)
        enumerated(element, "translate", Self.yesNo)
        enumerated(element, "srcDir", Self.directions)
        enumerated(element, "trgDir", Self.directions)
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
        // Ids are ASCII almost always: letters, digits and `-_.:` answer without looking up
        // Unicode properties (no other ASCII character is a name character).
        let isASCIIName = !value.isEmpty && value.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "0") ... UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"): true
            default: false
            }
        }
        if isASCIIName { return true }
        return !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
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

/// Names and content models the checks compare with, made once: a set literal in a check
/// would be built again for every element of a file (a memory file has a million).
extension XLIFF2Checker {
    static let xmlAttributes: Set<String> = ["space", "lang"]
    static let idRequired = ["id"]
    static let yesNo: Set<String> = ["yes", "no"]
    static let directions: Set<String> = ["ltr", "rtl", "auto"]

    static let xliffAttributes: Set<String> = ["version", "srcLang", "trgLang"]
    static let fileNames: Set<String> = ["file"]
    static let fileAttributes: Set<String> = ["id", "canResegment", "original", "translate", "srcDir", "trgDir"]
    static let fileContent = [Particle("skeleton", 0, 1), Particle("*", 0, Int.max), Particle("notes", 0, 1), Particle("unit|group", 1, Int.max)]
    static let skeletonAttributes: Set<String> = ["href"]
    static let groupAttributes: Set<String> = ["id", "name", "canResegment", "translate", "srcDir", "trgDir", "type"]
    static let groupContent = [Particle("*", 0, Int.max), Particle("notes", 0, 1), Particle("unit|group", 0, Int.max)]
    static let noteNames: Set<String> = ["note"]
    static let noteAttributes: Set<String> = ["id", "appliesTo", "category", "priority"]
    static let noteTargets: Set<String> = ["source", "target"]

    static let unitAttributes: Set<String> = ["id", "name", "canResegment", "translate", "srcDir", "trgDir", "type"]
    static let unitContent = [Particle("*", 0, Int.max), Particle("notes", 0, 1), Particle("originalData", 0, 1), Particle("segment|ignorable", 1, Int.max)]
    static let dataNames: Set<String> = ["data"]
    static let dataAttributes: Set<String> = ["id", "dir"]
    static let dataXMLAttributes: Set<String> = ["space"]
    static let segmentAttributes: Set<String> = ["id", "canResegment", "state", "subState"]
    static let segmentStates: Set<String> = ["initial", "translated", "reviewed", "final"]
    static let ignorableAttributes: Set<String> = ["id"]
    static let partContent = [Particle("source", 1, 1), Particle("target", 0, 1)]
    static let targetAttributes: Set<String> = ["order"]

    static let cpAttributes: Set<String> = ["hex"]
    static let codeAttributes: Set<String> = ["canCopy", "canDelete", "canReorder", "copyOf", "id", "subType", "type"]
    static let phAttributes = codeAttributes.union(["disp", "equiv", "dataRef", "subFlows"])
    static let pcAttributes = codeAttributes.union(["canOverlap", "dispEnd", "dispStart", "equivEnd", "equivStart", "dataRefEnd", "dataRefStart", "subFlowsEnd", "subFlowsStart", "dir"])
    static let scAttributes = codeAttributes.union(["canOverlap", "dataRef", "dir", "disp", "equiv", "isolated", "subFlows"])
    static let ecAttributes = codeAttributes.union(["canOverlap", "dataRef", "dir", "disp", "equiv", "isolated", "startRef", "subFlows"])
    static let markerAttributes: Set<String> = ["id", "translate", "type", "ref", "value"]
    static let endMarkerAttributes: Set<String> = ["startRef"]
    static let reorderValues: Set<String> = ["yes", "firstNo", "no"]
    static let metaGroupTargets: Set<String> = ["source", "target", "ignorable"]
}

/// What checks inside a unit need to know about its file.
struct FileContext {
    var id: String
    var unitIDs: Set<String>
}
