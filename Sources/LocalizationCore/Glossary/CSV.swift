import Foundation

/// RFC 4180 comma-separated values: fields with a comma, quote or line break are quoted,
/// quotes doubled. Used for the glossary sheet and the review decision sheet.
enum CSV {
    struct Record {
        /// 1-based line where the record starts.
        var line: Int
        var fields: [String]
    }

    static func write(_ rows: [[String]]) -> String {
        rows.map { row in row.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Parses UTF-8 (a leading byte order mark is dropped); the separator is a comma, or a
    /// semicolon when the header line has semicolons and no comma (German spreadsheet programs).
    static func read(_ bytes: [UInt8], file: String) throws(GlossaryError) -> [Record] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw GlossaryError(file: file, "the file is not UTF-8 (save it as \"CSV UTF-8\")")
        }
        let scalars = Array(text.unicodeScalars)
        let headerEnd = scalars.firstIndex(of: "\n") ?? scalars.endIndex
        let header = scalars[..<headerEnd]
        let separator: Unicode.Scalar = !header.contains(",") && header.contains(";") ? ";" : ","
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1
        var quoted = false, index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
            } else if scalar == separator {
                fields.append(String(field))
                field = String.UnicodeScalarView()
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                fields.append(String(field))
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                field = String.UnicodeScalarView()
                line += 1
                recordLine = line
            } else {
                field.append(scalar)
            }
            index += 1
        }
        if quoted { throw GlossaryError(file: file, line: recordLine, "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(String(field))
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}
