internal import CICU

/// Scripts of characters, from ICU (`uscript`), by ISO 15924 short names ("Latn", "Arab").
enum UnicodeScript {
    /// The script of a character; "Zyyy" (Common) and "Zinh" (Inherited) for characters shared
    /// by many scripts (digits, punctuation, combining marks).
    static func of(_ scalar: Unicode.Scalar) -> String {
        var buffer = [CChar](repeating: 0, count: 8)
        let length = cicu_script_of(scalar.value, &buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether the character is used in `script`, counting its Script_Extensions.
    static func character(_ scalar: Unicode.Scalar, isUsedIn script: String) -> Bool {
        cicu_script_has(scalar.value, script) != 0
    }

    /// "Arab" → "Arabic", "Cyrl" → "Cyrillic".
    static func name(_ script: String) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = cicu_script_long_name(script, &buffer, Int32(buffer.count))
        guard length > 0 else { return script }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self).replacingUnderscores
    }

    /// The value of a decimal digit in any script ("7", "٧", "۷" → 7), nil for other characters.
    static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        let value = cicu_digit_value(scalar.value)
        return value >= 0 ? Int(value) : nil
    }
}

private extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
