import Testing
@testable import LocalizationCore

/// `XMLReader.reaches(line:_:)` counts line feeds with `memchr`, and skips files too short to
/// have the line: both must agree with counting the line feeds one by one.
struct XMLReaderLineCountTests {
    @Test(arguments: ["", "a", "\n", "\n\n\n\n", "a\nb\nc\nd", "a\nb\nc\nd\ne", "\n\na\n\n", "ab\r\ncd\ref\n"])
    func linesAsCountedOneByOne(text: String) {
        let bytes = Array(text.utf8)
        let lines = 1 + bytes.count { $0 == 0x0A }
        for line in 0 ... lines + 2 {
            #expect(XMLReader.reaches(line: line, bytes) == (line <= lines), "line \(line) of \(lines)")
        }
    }

    @Test func aFileOfManyLines() {
        let bytes = Array(String(repeating: "<a/>\n", count: 70_000).utf8)
        #expect(XMLReader.reaches(line: 65_535, bytes))
        #expect(XMLReader.reaches(line: 70_001, bytes))
        #expect(!XMLReader.reaches(line: 70_002, bytes))
    }
}
