import CLibXML2
import Foundation
import Testing
@testable import LocalizationCore

/// `XMLParserNames.StartTag` looks a start tag's attributes up where libxml2 hands them over,
/// comparing bytes; what it finds must be what the list `XMLParserNames.attributes` makes of the
/// same start tag finds, for every name and namespace a tag has and for names it lacks.
struct XMLStartTagAttributeTests {
    /// Compares the two lookups on every start tag of a document.
    private final class Comparer {
        var names = XMLParserNames()
        var startTags = 0
        var mismatches: [String] = []

        static func install(on context: xmlParserCtxtPtr) {
            context.pointee.sax?.pointee.startElementNs = { context, _, _, _, _, _, attributeCount, defaultedCount, attributes in
                XMLReader.withHandler(context, as: Comparer.self) { comparer, parser in
                    comparer.compare(parser, count: Int(attributeCount - defaultedCount), attributes: attributes)
                }
            }
        }

        func compare(_ context: xmlParserCtxtPtr, count: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            startTags += 1
            let list = names.attributes(attributes, count: count, in: context)
            let tag = XMLParserNames.StartTag(fields: attributes, count: count, document: context.pointee.myDoc)
            // Every name the tag has, names it lacks (one a prefix of another, the empty one).
            let askedNames = Set(list.map(\.name) + ["id", "i", "idx", "mid", "lang", ""])
            let askedNamespaces: Set<String?> = Set(list.map(\.namespace) + [nil, XML.xmlNamespace, "urn:y"])
            for name in askedNames {
                for namespace in askedNamespaces where tag.value(of: name, namespace: namespace) != list.value(of: name, namespace: namespace) {
                    mismatches.append("\(name) in \(namespace ?? "no namespace"): \(String(describing: tag.value(of: name, namespace: namespace)))")
                }
            }
        }
    }

    /// The start tags compared and the mismatches found in `bytes` (nil when it is not XML).
    private static func compare(_ bytes: [UInt8]) -> Comparer? {
        let comparer = Comparer()
        do {
            try XMLReader().parse(bytes, file: "start-tags.xml", into: comparer, installing: Comparer.install(on:))
        } catch {
            return nil
        }
        return comparer
    }

    @Test func cornersOfAttributes() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE root [<!ATTLIST x defaulted CDATA "from the DTD">]>
        <root xmlns:y="urn:y" xmlns:z="urn:z">
          <x id="1" idx="2" i="" y:id="3" z:id="4" xml:lang="de" mid="a &amp; b &#38; c &lt;d&gt;"/>
          <x y:mid="5" xml:space="preserve"/>
          <x/>
          <x ID="6" id="7"/>
        </root>
        """
        let comparer = try #require(Self.compare(Array(xml.utf8)))
        #expect(comparer.startTags == 5)
        #expect(comparer.mismatches == [])
    }

    @Test func startTagsOfXLIFFFiles() throws {
        var files = [TestPaths.packageRoot.appendingPathComponent("memory")]
        if TestPaths.hasConformance { files.append(TestPaths.conformance) }
        var documents = 0
        var startTags = 0
        for folder in files {
            let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".xlf") || $0.hasSuffix(".xliff") }.sorted() ?? []
            for name in names {
                guard let comparer = Self.compare(try ProjectFiles.read(folder.appendingPathComponent(name))) else { continue }
                #expect(comparer.mismatches == [], "\(name)")
                documents += 1
                startTags += comparer.startTags
            }
        }
        #expect(documents > 0 && startTags > 1_000)
    }
}
