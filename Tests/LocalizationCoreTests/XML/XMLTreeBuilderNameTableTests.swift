import Testing
@testable import LocalizationCore

/// `XMLTreeBuilder` keeps the names the parser hands over in a table of 256 slots by address;
/// a document with more names than slots shares slots, and every name must still be its own.
struct XMLTreeBuilderNameTableTests {
    @Test func moreNamesThanSlotsAreEachReadAsWritten() throws {
        let names = (0 ..< 1_000).map { "element\($0)" }
        let namespaces = (0 ..< 300).map { "urn:example:namespace:\($0)" }
        var xml = "<root>"
        for (index, name) in names.enumerated() {
            let namespace = namespaces[index % namespaces.count]
            xml += "<\(name) xmlns=\"\(namespace)\" attribute\(index)=\"\(index)\"/><\(name) xmlns=\"\(namespace)\"/>"
        }
        xml += "</root>"
        let root = try XMLReader().parse(Array(xml.utf8), file: "names.xml")
        let elements = root.elements()
        #expect(elements.count == 2 * names.count)
        for (index, element) in elements.enumerated() {
            #expect(element.name == names[index / 2])
            #expect(element.namespace == namespaces[index / 2 % namespaces.count])
            #expect(element.attributes.map(\.name) == (index.isMultiple(of: 2) ? ["attribute\(index / 2)"] : []))
        }
    }
}
