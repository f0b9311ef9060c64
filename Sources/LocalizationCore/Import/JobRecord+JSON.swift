extension JobRecord {
    /// The record's file: the bytes `JobRecords.encode` makes of it (`JSONEncoder`, keys
    /// sorted, pretty-printed, slashes as they are, a final newline), written directly. A cold
    /// run of a large site records half a million sentences, which `JSONEncoder`'s boxing of
    /// every value made a tenth of preparing the jobs. `JobRecordTests` compares the two.
    func json() -> [UInt8] {
        var writer = JSONText()
        writer.open("{")
        writer.key("jobID", indent: 1, first: true)
        writer.string(jobID)
        writer.key("locale", indent: 1)
        writer.string(locale)
        writer.key("memoryRevision", indent: 1)
        JSONScalar.number(memoryRevision).write(into: &writer.bytes)
        writer.key("sourceLocale", indent: 1)
        writer.string(sourceLocale)
        writer.key("units", indent: 1)
        writer.array(units, indent: 1) { writer, unit in
            writer.open("{")
            writer.key("id", indent: 3, first: true)
            writer.string(unit.id)
            writer.key("page", indent: 3)
            writer.string(unit.page)
            writer.key("sentences", indent: 3)
            writer.array(unit.sentences, indent: 3) { writer, sentence in
                writer.open("{")
                writer.key("id", indent: 5, first: true)
                writer.string(sentence.id)
                if let memoryTarget = sentence.memoryTarget {
                    writer.key("memoryTarget", indent: 5)
                    writer.string(memoryTarget)
                }
                if let proposal = sentence.proposal {
                    writer.key("proposal", indent: 5)
                    writer.string(proposal)
                }
                writer.key("sourceHash", indent: 5)
                writer.string(sentence.sourceHash)
                writer.key("text", indent: 5)
                writer.string(sentence.text)
                writer.close("}", indent: 4)
            }
            writer.key("sourceHash", indent: 3)
            writer.string(unit.sourceHash)
            writer.close("}", indent: 2)
        }
        writer.key("xliffVersion", indent: 1)
        writer.string(xliffVersion)
        writer.close("}", indent: 0)
        writer.bytes.append(0x0A)
        return writer.bytes
    }
}

/// Pretty-printed JSON as `JSONEncoder` writes it: two spaces per level, `"key" : value`, an
/// empty array as `[`, a blank line and `]`. Indentation is given per call, where `PrettyJSON`
/// (the run's report) tracks depth and writes objects of scalars only; values go through the
/// same `JSONScalar`.
private struct JSONText {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) {
        bytes += text.utf8
    }

    mutating func open(_ bracket: String) {
        raw(bracket)
    }

    mutating func close(_ bracket: String, indent: Int) {
        newline(indent: indent)
        raw(bracket)
    }

    /// A member's key, after a comma unless it is the object's first.
    mutating func key(_ name: String, indent: Int, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline(indent: indent)
        string(name)
        raw(" : ")
    }

    /// An array whose elements stand at `indent + 1`, each written by `element`.
    mutating func array<Element>(_ elements: [Element], indent: Int, _ element: (inout JSONText, Element) -> Void) {
        raw("[")
        if elements.isEmpty { newline(indent: 0) }
        for (index, value) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(indent: indent + 1)
            element(&self, value)
        }
        newline(indent: indent)
        raw("]")
    }

    mutating func newline(indent: Int) {
        bytes.append(0x0A)
        for _ in 0 ..< indent { bytes += [0x20, 0x20] }
    }

    /// A string escaped as the run's report escapes it (`JSONScalar`, as `JSONEncoder` does).
    mutating func string(_ text: String) {
        JSONScalar.text(text).write(into: &bytes)
    }
}
