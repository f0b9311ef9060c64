import Foundation
import Testing
@testable import LocalizationCore

/// `XLIFFReader.read(_:file:)` reads 1.2 documents from the parser's events
/// (`XLIFF12EventReader`) and hands any other file to the tree reader: what it returns, or the
/// error it throws, must be what the tree reader gives for the same bytes — on the jobs the
/// pipeline writes, on the conformance suites' 1.2 files, and on broken variants of them.
struct XLIFF12EventReaderTests {
    /// The tree reader's answer: the document parsed into `XML.Element`s, then read.
    private static func treeRead(_ bytes: [UInt8], file: String) -> Result<XLIFFDocument, XLIFFError> {
        let root: XML.Element
        do {
            root = try XMLReader().parse(bytes, file: file)
        } catch {
            return .failure(.notXML(error))
        }
        do {
            return .success(try XLIFFReader().read(root, file: file))
        } catch {
            return .failure(error)
        }
    }

    private static func read(_ bytes: [UInt8], file: String) -> Result<XLIFFDocument, XLIFFError> {
        do {
            return .success(try XLIFFReader().read(bytes, file: file))
        } catch {
            return .failure(error)
        }
    }

    /// Compares the reader with the tree reader on `bytes`; returns whether the event reader answered.
    @discardableResult
    private static func expectSameAsTree(_ bytes: [UInt8], file: String) -> Bool {
        let expected = treeRead(bytes, file: file)
        #expect(read(bytes, file: file) == expected, "\(file)")
        guard let document = XLIFF12EventReader.read(bytes, file: file, xmlReader: XMLReader()) else { return false }
        #expect(.success(document) == expected, "\(file): the event reader's document")
        return true
    }

    /// Broken or unusual variants of a 1.2 document: each replaces the first occurrence of a
    /// piece of markup (those the document lacks change nothing).
    private static let variants: [(label: String, find: String, replace: String)] = [
        ("unit without id", "<trans-unit id=", "<trans-unit xid="),
        ("file without original", " original=", " xoriginal="),
        ("file without source language", " source-language=", " x-source-language="),
        ("unit without source", "<source", "<xsource"),
        ("marker without mid", " mid=\"s1\"", " xmid=\"s1\""),
        ("marker mid twice", " mid=\"s2\"", " mid=\"s1\""),
        ("sub in source", "</source>", "<sub>x</sub></source>"),
        ("unknown inline element", "</source>", "<foo/></source>"),
        ("inline element of another namespace", "</source>", "<y:foo xmlns:y=\"urn:y\"/></source>"),
        ("comment and references in source", "<source>", "<source>&amp;<!-- c -->a&#xE9;&lt;<?pi x?>"),
        ("code with content", "</source>", "<ph id=\"7\" ctype=\"x-tp-number\">a<sub>b</sub>c</ph><bpt id=\"8\">&lt;b&gt;</bpt><ept id=\"8\">&lt;/b&gt;</ept></source>"),
        ("it with pos", "</source>", "<it id=\"9\" pos=\"open\">x</it><x id=\"10\" equiv-text=\"[x]\"/></source>"),
        ("code between sentences", "<seg-source>", "<seg-source><x id=\"9\"/>"),
        ("code after the sentences", "</seg-source>", "<x id=\"9\"/></seg-source>"),
        ("marker inside a code of the target", "</target>", "<ph id=\"7\">a<mrk mtype=\"seg\" mid=\"s9\">b</mrk></ph></target>"),
        ("marker inside a pair in the target", "<target>", "<target><g id=\"5\"><mrk mtype=\"seg\" mid=\"s1\">Eins</mrk></g>"),
        ("second target", "</target>", "</target><target>Zwei</target>"),
        ("second source", "</source>", "</source><source>Zwei</source>"),
        ("second seg-source", "</seg-source>", "</seg-source><seg-source><mrk mtype=\"seg\" mid=\"s1\">x</mrk></seg-source>"),
        ("target states", "<target", "<target state=\"signed-off\""),
        ("approved", "<trans-unit ", "<trans-unit approved=\"yes\" "),
        ("empty target", "<source>", "<target/><source>"),
        ("note with markup and priority", "</source>", "</source><note priority=\"1\">a<b>c</b>d</note><note>e</note>"),
        ("job id", "<header>", "<header><phase-group><phase job-id=\"zz-1\"/><phase job-id=\"zz-2\"/></phase-group>"),
        ("metadata in a file", "</file>", "<y:metadata xmlns:y=\"urn:oasis:names:tc:xliff:metadata:2.0\"/></file>"),
        ("second body", "</body>", "</body><body><trans-unit id=\"q\"><source>q</source></trans-unit></body>"),
        ("file without body", "<body>", "<xbody>"),
        ("units in groups", "<body>", "<body><group><group><trans-unit id=\"g1\"><source>g</source></trans-unit></group></group>"),
        ("ignored elements", "<body>", "<body><bin-unit id=\"b\"><trans-unit id=\"b1\"><source>b</source></trans-unit></bin-unit>"),
        ("unit id twice", "<body>", "<body><trans-unit id=\"d\"><source>d</source></trans-unit><group><trans-unit id=\"d\"><source>d</source></trans-unit></group>"),
        ("undeclared entity", "<source>", "<source>&nbsp;"),
        ("XLIFF 1.1", "urn:oasis:names:tc:xliff:document:1.2", "urn:oasis:names:tc:xliff:document:1.1"),
        ("not XLIFF", "<xliff", "<xliffx"),
        ("not well-formed", "</trans-unit>", "</trans-unitx>"),
        ("units past line 65,535", "<body>", "<body>" + String(repeating: "\n", count: 66_000)),
    ]

    private static func checkWithVariants(_ bytes: [UInt8], file: String) {
        expectSameAsTree(bytes, file: file)
        let text = String(decoding: bytes, as: UTF8.self)
        for variant in variants {
            guard let range = text.range(of: variant.find) else { continue }
            expectSameAsTree(Array(text.replacingCharacters(in: range, with: variant.replace).utf8), file: "\(file) (\(variant.label))")
        }
        expectSameAsTree(Array(bytes.prefix(bytes.count / 2)), file: "\(file) (first half)")
    }

    /// The sample project's jobs, as `run` writes them (targets from the memory, glossary
    /// notes, sentences, job ids): every one is read from the events, and as the tree reads it.
    @Test func jobsOfTheSampleProject() async throws {
        let root = try temporaryFolder("event-reader")
        defer { try? FileManager.default.removeItem(at: root) }
        for item in ["content", "locales", "memory", "glossary", Project.fileName] {
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        _ = try await BatchRun(project: try Project(root: root)).run()
        let folder = root.appendingPathComponent("jobs/outgoing")
        let jobs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xlf") }.sorted()
        #expect(jobs.count >= 6)
        for job in jobs {
            let bytes = try ProjectFiles.read(folder.appendingPathComponent(job))
            #expect(XLIFF12EventReader.read(bytes, file: job, xmlReader: XMLReader()) != nil, "\(job) is read from the events")
            Self.checkWithVariants(bytes, file: job)
        }
    }

    /// A long text comes from libxml2 in pieces of a few hundred bytes; the reader joins them
    /// as bytes, and counts those it does not keep (spaces between elements) against the limit
    /// on a text's length, as the tree does.
    @Test func longTextsAndTheTextLimit() {
        func job(body: String) -> [UInt8] {
            Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
            <file original="p.html" source-language="de" target-language="ar" datatype="html"><body>\(body)</body></file>
            </xliff>
            """.utf8)
        }
        let limit = XMLReader.Limits().maximumTextBytes
        let long = String(repeating: "Teilhabe für alle – 𝄞 ", count: 200)
        let read = Self.expectSameAsTree(job(body: "<trans-unit id=\"u\"><source>\(long)</source><target>\(long)<x id=\"1\"/>\(long)</target></trans-unit>"),
                                         file: "long texts")
        #expect(read, "long texts are read from the events")
        let document = XLIFF12EventReader.read(job(body: "<trans-unit id=\"u\"><source>\(long)</source></trans-unit>"), file: "long", xmlReader: XMLReader())
        #expect(document?.files.first?.units.first?.source == Content(text: long))

        let unit = "<trans-unit id=\"u\"><source>a</source></trans-unit>"
        for (label, body) in [("spaces between elements", String(repeating: " ", count: limit + 1) + unit),
                              ("spaces inside a unit", "<trans-unit id=\"u\">" + String(repeating: "\n", count: limit + 1) + "<source>a</source></trans-unit>"),
                              ("a source", "<trans-unit id=\"u\"><source>" + String(repeating: "a", count: limit + 1) + "</source></trans-unit>")] {
            // Bound first: an expectation on the call itself would print the megabyte it reads.
            let bytes = job(body: body)
            let answered = Self.expectSameAsTree(bytes, file: "\(label) past the limit")
            #expect(!answered, "\(label) past the limit: left to the tree, which refuses it")
            #expect(throws: XLIFFError.self, "\(label) past the limit") { try XLIFFReader().read(bytes, file: label) }
        }
        let upToTheLimit = job(body: String(repeating: " ", count: limit) + unit)
        let answered = Self.expectSameAsTree(upToTheLimit, file: "spaces up to the limit")
        #expect(answered, "spaces up to the limit are read from the events")
    }

    @Test(.enabled(if: TestPaths.hasConformance, "needs ../shared/conformance"))
    func conformanceFiles() throws {
        let files = FileManager.default.enumerator(atPath: TestPaths.conformance.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".xlf") || $0.hasSuffix(".xliff") }.sorted() ?? []
        var read = 0
        for file in files {
            let bytes = try ProjectFiles.read(TestPaths.conformance.appendingPathComponent(file))
            guard String(decoding: bytes.prefix(2_000), as: UTF8.self).contains("urn:oasis:names:tc:xliff:document:1.2") else { continue }
            Self.checkWithVariants(bytes, file: file)
            if XLIFF12EventReader.read(bytes, file: file, xmlReader: XMLReader()) != nil { read += 1 }
        }
        // Most of the suites' 1.2 files are read from the events, not handed to the tree.
        #expect(read >= 100)
    }
}
