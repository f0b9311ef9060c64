extension JobRecord {
    /// The record's file: the bytes `JobRecords.encode` makes of it (`JSONEncoder`, keys
    /// sorted, pretty-printed, slashes as they are, a final newline), written directly. A cold
    /// run of a large site records half a million sentences, which `JSONEncoder`'s boxing of
    /// every value made a tenth of preparing the jobs. `JobRecordTests` compares the two.
    func json() -> [UInt8] {
        var writer = PrettyJSON(depth: 0)
        writer.object { writer in
            writer.member("jobID", .text(jobID))
            writer.member("locale", .text(locale))
            writer.member("memoryRevision", .number(memoryRevision))
            writer.member("sourceLocale", .text(sourceLocale))
            writer.member("units") { writer in
                writer.array(units) { writer, unit in
                    writer.object { writer in
                        writer.member("id", .text(unit.id))
                        writer.member("page", .text(unit.page))
                        writer.member("sentences") { writer in
                            writer.array(unit.sentences) { writer, sentence in
                                writer.object { writer in
                                    writer.member("id", .text(sentence.id))
                                    writer.member("memoryTarget", sentence.memoryTarget.map(JSONScalar.text))
                                    writer.member("proposal", sentence.proposal.map(JSONScalar.text))
                                    writer.member("sourceHash", .text(sentence.sourceHash))
                                    writer.member("text", .text(sentence.text))
                                }
                            }
                        }
                        writer.member("sourceHash", .text(unit.sourceHash))
                    }
                }
            }
            writer.member("xliffVersion", .text(xliffVersion))
        }
        writer.bytes.append(0x0A)
        return writer.bytes
    }
}
