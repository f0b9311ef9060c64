import Testing
@testable import LocalizationCore

/// `XML.Element` keeps its fields in a box shared by copies until one is changed; these tests
/// hold it to what it was before, a plain struct: a change to a copy never shows in another,
/// and equality and hashing look at the fields, not at the box.
struct XMLElementValueTests {
    /// Made anew at each use, so that no test case sees another's changes.
    private static var sample: XML.Element {
        XML.Element(
            name: "trans-unit", namespace: "urn:oasis:names:tc:xliff:document:1.2",
            attributes: [XML.Attribute(name: "id", value: "u1")],
            children: [.text("Hallo "), .element(XML.Element(name: "g", children: [.text("Welt")], line: 3))], line: 2
        )
    }

    @Test(arguments: 0 ..< 7)
    func aChangedCopyLeavesTheOriginalAsItWas(field: Int) {
        let original = Self.sample
        var copy = original
        switch field {
        case 0: copy.name = "group"
        case 1: copy.namespace = nil
        case 2: copy.attributes.append(XML.Attribute(name: "resname", value: "p"))
        case 3: copy.children.removeLast()
        case 4: copy.namespaceDeclarations[""] = "urn:x"
        case 5: copy.line += 1
        default:
            // A change inside a child goes through the child's own box.
            guard case .element(var child) = copy.children[1] else { Issue.record("no child"); return }
            child.children = [.text("Erde")]
            copy.children[1] = .element(child)
        }
        #expect(copy != original)
        #expect(original == Self.sample)
        #expect(original.name == "trans-unit" && original.namespace != nil && original.attributes.count == 1)
        #expect(original.children.count == 2 && original.namespaceDeclarations.isEmpty && original.line == 2)
        #expect(original.textContent == "Hallo Welt")
    }

    @Test func elementsMadeApartAreEqualWithEqualHashes() {
        var rebuilt = XML.Element(name: "trans-unit", namespace: "urn:oasis:names:tc:xliff:document:1.2", line: 2)
        rebuilt.attributes.append(XML.Attribute(name: "id", value: "u1"))
        rebuilt.children = [.text("Hallo "), .element(XML.Element(name: "g", children: [.text("Welt")], line: 3))]
        #expect(rebuilt == Self.sample)
        #expect(rebuilt.hashValue == Self.sample.hashValue)
        #expect(Set([rebuilt, Self.sample]).count == 1)
        rebuilt.line = 4
        #expect(rebuilt != Self.sample)
    }
}
