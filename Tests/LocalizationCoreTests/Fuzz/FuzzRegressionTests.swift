import Foundation
import Testing
@testable import LocalizationCore

/// The fuzz targets' properties on the committed seed corpus, and every minimised input the
/// fuzzers found (`Fuzz/README.md`), kept so each bug stays fixed.
@Suite struct FuzzRegressionTests {
    static let corpus = TestPaths.packageRoot.appendingPathComponent("Fuzz/corpus")

    static func seeds(_ target: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(target).path)) ?? []).sorted()
    }

    /// Our own jobs (`job-*`, `run-*`) must read; hand-written tricky seeds may be refused.
    @Test(arguments: seeds("xliff"))
    func xliffSeedHoldsTheFuzzProperties(name: String) throws {
        let bytes = try ProjectFiles.read(Self.corpus.appendingPathComponent("xliff/\(name)"))
        let problems = FuzzInvariants.xliffProblems(bytes)
        if name.hasPrefix("job-") || name.hasPrefix("run-") || name == "v12-codes.xlf" {
            #expect(problems != nil, "our own job \(name) does not read")
        }
        #expect(problems ?? [] == [])
    }

    /// The hand-written seeds and the sample pages (which `Fuzz/run.sh` reads from `content/`).
    @Test(arguments: seeds("html").map { "Fuzz/corpus/html/" + $0 } + ((try? ProjectFiles.pages(in: TestPaths.content)) ?? []).map { "content/" + $0 })
    func htmlSeedHoldsTheFuzzProperties(path: String) throws {
        #expect(FuzzInvariants.htmlProblems(try ProjectFiles.read(TestPaths.packageRoot.appendingPathComponent(path))) == [])
    }

    /// Found with the seed `v12-codes.xlf`: XLIFF 1.2 segments numbered like the unit's codes
    /// (`mid="1"`, `<g id="1">`) were written to XLIFF 2.1 with both ids "1", which XLIFF 2
    /// forbids, so our own 2.1 file did not read back.
    @Test func segmentIDsThatAreAlsoCodeIDsAreRenamedInXLIFF2() throws {
        let input = """
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.html" source-language="de" target-language="en" datatype="html"><body>\
        <trans-unit id="u1"><source>Der <g id="1">Rat</g>. Er tagt.</source><seg-source><mrk mtype="seg" mid="1">Der <g id="1">Rat</g>.</mrk> \
        <mrk mtype="seg" mid="s1">Er tagt.</mrk></seg-source><target><mrk mtype="seg" mid="1">The <g id="1">council</g>.</mrk> \
        <mrk mtype="seg" mid="s1">It meets.</mrk></target></trans-unit></body></file></xliff>
        """
        #expect(FuzzInvariants.xliffProblems(Array(input.utf8)) == [])
        let document = try XLIFFReader().read(Array(input.utf8), file: "a.xlf")
        let written = XLIFF21Writer().write(document)
        #expect(written.contains(#"<segment id="s2" state="translated">"#))
        #expect(written.contains(#"<segment id="s1" state="translated">"#))
    }

    /// Found in the first minutes of fuzzing, from the XLIFF 2 test suite's
    /// `toRemoveExtensions_out.xlf`: a `<pc>` and an `<sc>`/`<ec>` that overlap. Our XLIFF 1.2
    /// writer nested them as `<g>`, which put the two ends in the other order: the source
    /// changed. Overlapping pairs are now `<bx>`/`<ex>`.
    @Test func overlappingPairsKeepTheirOrderInXLIFF12() throws {
        let input = """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f1"><unit id="2">\
        <segment id="s1"><source><pc id="1">text <sc id="2"/>part 1;</pc> </source><target><pc id="1">texte <sc id="2"/>partie 1;</pc> </target></segment>\
        <segment id="s2"><source>and part 2.<ec startRef="2"/></source><target>et partie 2.<ec startRef="2"/></target></segment></unit></file></xliff>
        """
        #expect(FuzzInvariants.xliffProblems(Array(input.utf8)) == [])
        var document = try XLIFFReader().read(Array(input.utf8), file: "a.xlf")
        #expect(document.files[0].units[0].source.shape == "{1}text {2}part 1;{/1} and part 2.{/2}")
        document.version = .v1_2
        let written = XLIFF12Writer().write(document)
        #expect(written.contains(#"<source><bx id="1" rid="1""#))
        #expect(written.contains(#"<ex id="1" rid="1"/> and part 2.<ex id="2" rid="2"/></source>"#))
    }

    /// Found the same way, from the suite's files with an empty `<group>`: a file without units
    /// was written to XLIFF 2.1 as an empty `<file>`, which XLIFF 2 forbids — as it was for
    /// a page without text in a 2.1 job.
    @Test func aFileWithoutUnitsIsValidXLIFF2() throws {
        let input = #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f1"><group id="g1"></group></file></xliff>"#
        #expect(FuzzInvariants.xliffProblems(Array(input.utf8)) == [])
        let page = HTMLExtractor().extract(HTMLPage(name: "leer.html", bytes: Array("<html><body></body></html>".utf8)))
        let job = Job.document(pages: [page], sourceLanguage: "de", targetLanguage: try TargetLanguage("ar"), version: .v2_1)
        #expect(try XLIFFReader().read(Array(Job.serialize(job).utf8), file: "ar.xlf").files.map(\.units.count) == [0])
    }

    /// XLIFF 2 carries any character (`<cp hex="0003"/>`); XLIFF 1.2 has no `<cp>`, so such a
    /// character is written as U+FFFD there — by design, and the fuzz property allows it.
    @Test func charactersXMLCannotCarryBecomeReplacementCharactersInXLIFF12() throws {
        let input = #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f1"><unit id="u"><segment><source>Ctrl+C=<cp hex="0003"/></source></segment></unit></file></xliff>"#
        #expect(FuzzInvariants.xliffProblems(Array(input.utf8)) == [])
        var document = try XLIFFReader().read(Array(input.utf8), file: "a.xlf")
        #expect(document.files[0].units[0].source.plainText == "Ctrl+C=\u{3}")
        document.version = .v1_2
        #expect(XLIFF12Writer().write(document).contains("<source>Ctrl+C=\u{FFFD}</source>"))
    }

    /// Found with a hand-written seed: a `<seg-source>` whose sentences are not the `<source>`
    /// was read, and its sentences (which go into the memory) replaced the source on the way
    /// to XLIFF 2. Such a unit now stays one segment, read from `<source>` and `<target>`.
    @Test func segSourceThatIsNotTheSourceIsIgnored() throws {
        let input = """
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.html" source-language="de" target-language="en" datatype="html"><body>
        <trans-unit id="u1"><source>Der Rat tagt. Er beschließt.</source>
        <seg-source><mrk mtype="seg" mid="1">Der Rat tagt.</mrk> <mrk mtype="seg" mid="2">Etwas ganz anderes.</mrk></seg-source>
        <target><mrk mtype="seg" mid="1">The council meets.</mrk> <mrk mtype="seg" mid="2">Something else.</mrk></target></trans-unit></body></file></xliff>
        """
        let unit = try #require(try XLIFFReader().read(Array(input.utf8), file: "a.xlf").files.first?.units.first)
        #expect(unit.isSegmented == false)
        #expect(unit.segments.map(\.source.shape) == ["Der Rat tagt. Er beschließt."])
        #expect(unit.target?.shape == "The council meets. Something else.")
        #expect(FuzzInvariants.xliffProblems(Array(input.utf8)) == [])

        let matching = input.replacingOccurrences(of: "Etwas ganz anderes.", with: "Er beschließt.")
        let segmented = try #require(try XLIFFReader().read(Array(matching.utf8), file: "a.xlf").files.first?.units.first)
        #expect(segmented.segments.map(\.source.shape) == ["Der Rat tagt.", "Er beschließt."])
    }

    /// Found by the XLIFF target (from the suite's segment-order file): an `<ignorable>` whose
    /// `<target>` is empty while its source is a space. The unit's sentences kept the source's
    /// space, so written again as XLIFF 1.2 the target gained a space. The unit stays whole now.
    @Test func ignorableTranslatedWithOtherWhiteSpaceKeepsTheUnitWhole() throws {
        let input = """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f1"><unit id="0">\
        <segment id="s1"><source>Sentence 1.</source><target>Phrase 1.</target></segment>\
        <ignorable><source> </source><target></target></ignorable><ignorable><source> </source></ignorable>\
        <segment id="s2"><source>Sentence 2.</source><target>Phrase 2.</target></segment></unit></file></xliff>
        """
        #expect(FuzzInvariants.xliffProblems(Array(input.utf8)) == [])
        let unit = try #require(try XLIFFReader().read(Array(input.utf8), file: "a.xlf").files.first?.units.first)
        #expect(unit.isSegmented == false)
        #expect(unit.target?.shape == "Phrase 1. Phrase 2.")
    }
}
