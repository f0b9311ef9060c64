/// A parsed XML document as plain Swift values: libxml2's tree is converted at the boundary
/// and freed at once, so nothing downstream holds a C pointer.
public enum XML {
    /// An element with its namespace, attributes and children.
    public struct Element: Sendable, Hashable {
        public var name: String
        public var namespace: String?
        public var attributes: [Attribute]
        public var children: [Node]
        /// Namespace declarations made on this element, prefix (empty for the default) to URI.
        public var namespaceDeclarations: [String: String] = [:]
        /// 1-based line of the start tag in the parsed file.
        public var line: Int

        public init(name: String, namespace: String? = nil, attributes: [Attribute] = [], children: [Node] = [], line: Int = 0) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
            self.children = children
            self.line = line
        }

        /// The value of an attribute without namespace (or in `namespace`).
        public func attribute(_ name: String, namespace: String? = nil) -> String? {
            attributes.first { $0.name == name && $0.namespace == namespace }?.value
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

    /// Only elements are boxed: half the nodes of a file are text (the indentation between
    /// elements), which then costs no allocation of its own.
    public enum Node: Sendable, Hashable {
        indirect case element(Element)
        case text(String)
    }

    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
}
