import Testing
@testable import LocalizationCore

/// XLIFF 1.1 as translate-toolkit's `po2xliff` writes it is read by the 1.2 reader; elements of
/// another namespace inside it are still refused.
struct XLIFF11ReaderTests {
    static func document(_ target: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">
          <file original="po/miso.po" source-language="en-US" datatype="plaintext">
            <body>
              <trans-unit xml:space="preserve" id="14" approved="yes">
                <source>Das Netzwerk &lt;strong&gt;berät&lt;/strong&gt;.</source>
                <target state="translated">\(target)</target>
                <context-group name="po-reference" purpose="location">
                  <context context-type="sourcefile">content/miso.html+html.body.main.p:20-3</context>
                </context-group>
              </trans-unit>
            </body>
          </file>
        </xliff>
        """
    }

    @Test func po2xliffOutputIsRead() throws {
        let document = try XLIFFReader().read(Array(Self.document("الشبكة &lt;strong&gt;تقدم المشورة&lt;/strong&gt;.").utf8), file: "miso.xliff")
        let unit = try #require(document.file(original: "po/miso.po")?.units.first)
        #expect(unit.id == "14")
        #expect(unit.source.plainText == "Das Netzwerk <strong>berät</strong>.")
        #expect(unit.target?.plainText == "الشبكة <strong>تقدم المشورة</strong>.")
        #expect(unit.state == .reviewed)
    }

    @Test func inlineElementOfAnotherNamespaceIsRefused() {
        let bytes = Array(Self.document(#"الشبكة <g xmlns="urn:oasis:names:tc:xliff:document:1.2" id="1">تقدم</g>"#).utf8)
        #expect(throws: XLIFFError.self) { try XLIFFReader().read(bytes, file: "miso.xliff") }
    }
}
