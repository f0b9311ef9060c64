/// A parsed XML document as plain Swift values: libxml2's tree is converted at the boundary
/// and freed at once, so nothing downstream holds a C pointer.
public enum XML {
    /// An element with its namespace, attributes and children.
    public struct Element: Sendable, Hashable {
        /// The fields, in one box shared by copies until one of them is changed: readers pass
        /// elements around by value (`firstElement`, a `case .element(let element)`), and a
        /// copy is then one retain instead of one per field; the box is also what a `Node`
        /// holds, where an indirect case would allocate a box of its own.
        private var storage: Storage

        public var name: String {
            get { storage.name }
            _modify { makeStorageUnique(); yield &storage.name }
        }

        public var namespace: String? {
            get { storage.namespace }
            _modify { makeStorageUnique(); yield &storage.namespace }
        }

        public var attributes: [Attribute] {
            get { storage.attributes }
            _modify { makeStorageUnique(); yield &storage.attributes }
        }

        public var children: [Node] {
            get { storage.children }
            _modify { makeStorageUnique(); yield &storage.children }
        }

        /// Namespace declarations made on this element, prefix (empty for the default) to URI.
        public var namespaceDeclarations: [String: String] {
            get { storage.namespaceDeclarations }
            _modify { makeStorageUnique(); yield &storage.namespaceDeclarations }
        }

        /// 1-based line of the start tag in the parsed file.
        public var line: Int {
            get { storage.line }
            _modify { makeStorageUnique(); yield &storage.line }
        }

        public init(name: String, namespace: String? = nil, attributes: [Attribute] = [], children: [Node] = [], line: Int = 0) {
            storage = Storage(name: name, namespace: namespace, attributes: attributes, children: children, namespaceDeclarations: [:], line: line)
        }

        private mutating func makeStorageUnique() {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        }

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(storage.fields)
        }

        /// The value of an attribute without namespace (or in `namespace`).
        public func attribute(_ name: String, namespace: String? = nil) -> String? {
            attributes.value(of: name, namespace: namespace)
        }

        /// Child elements, optionally only those with a local name in the element's namespace.
        public func elements(named name: String? = nil) -> [Element] {
            children.compactMap { node in
                guard case .element(let element) = node else { return nil }
                if let name, element.name != name || element.namespace != namespace { return nil }
                return element
            }
        }

        public func firstElement(named name: String) -> Element? {
            // The first match, without collecting the others (readers ask for it per unit).
            for node in children {
                if case .element(let element) = node, element.name == name, element.namespace == namespace { return element }
            }
            return nil
        }

        /// All text below this element, in document order.
        public var textContent: String {
            children.reduce(into: "") { text, node in
                switch node {
                case .text(let value): text += value
                case .element(let element): text += element.textContent
                }
            }
        }

        /// Changed only while one element holds it (`makeStorageUnique`), hence Sendable; and
        /// so no two accesses to a field can overlap, which spares every read of a field the
        /// run-time exclusivity check a class's fields otherwise get (see `XMLTreeBuilder`).
        private final class Storage: @unchecked Sendable {
            @exclusivity(unchecked) var name: String
            @exclusivity(unchecked) var namespace: String?
            @exclusivity(unchecked) var attributes: [Attribute]
            @exclusivity(unchecked) var children: [Node]
            @exclusivity(unchecked) var namespaceDeclarations: [String: String]
            @exclusivity(unchecked) var line: Int

            init(name: String, namespace: String?, attributes: [Attribute], children: [Node], namespaceDeclarations: [String: String], line: Int) {
                self.name = name
                self.namespace = namespace
                self.attributes = attributes
                self.children = children
                self.namespaceDeclarations = namespaceDeclarations
                self.line = line
            }

            func copy() -> Storage {
                Storage(name: name, namespace: namespace, attributes: attributes, children: children, namespaceDeclarations: namespaceDeclarations, line: line)
            }

            /// What equality and hashing look at: every field, as when they were the element's own.
            var fields: Fields {
                Fields(name: name, namespace: namespace, attributes: attributes, children: children, namespaceDeclarations: namespaceDeclarations, line: line)
            }
        }

        private struct Fields: Hashable {
            var name: String
            var namespace: String?
            var attributes: [Attribute]
            var children: [Node]
            var namespaceDeclarations: [String: String]
            var line: Int
        }
    }

    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var namespace: String?
        public var value: String

        public init(name: String, namespace: String? = nil, value: String) {
            self.name = name
            self.namespace = namespace
            self.value = value
        }
    }

    /// An element is one reference to its shared fields, so neither case needs a box of its
    /// own: half the nodes of a file are text (the indentation between elements).
    public enum Node: Sendable, Hashable {
        case element(Element)
        case text(String)
    }

    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
}

/// Attributes looked up by name: an element's list, or a start tag's as the parser hands them
/// over (`XMLParserNames.StartTag`), so that a reader of either reads them with one function.
protocol XMLAttributes {
    /// The value of the attribute without namespace (or in `namespace`) named `name`.
    func value(of name: String, namespace: String?) -> String?
}

extension XMLAttributes {
    /// The value of the attribute without namespace named `name`.
    func value(of name: String) -> String? {
        value(of: name, namespace: nil)
    }
}

extension [XML.Attribute]: XMLAttributes {
    func value(of name: String, namespace: String?) -> String? {
        first { $0.name == name && $0.namespace == namespace }?.value
    }
}
