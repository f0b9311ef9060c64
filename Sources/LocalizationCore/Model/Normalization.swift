internal import CICU

extension String {
    /// The NFC form (through ICU): memory keys and glossary keys are compared in NFC, so a
    /// decomposed "ü" from one tool and a composed one from another are the same text.
    public var nfc: String {
        // Text below U+0300 (ASCII, Latin-1 and Latin Extended: most German text) is already
        // NFC; in UTF-8 every byte of it is below 0xCC, the lead byte of U+0300.
        guard !utf8.allSatisfy({ $0 < 0xCC }) else { return self }
        // Most other text is NFC too (Arabic, Cyrillic, composed Latin): ICU's check costs
        // less than a normalization and a new copy of the text.
        return isNFC ? self : normalizedToNFC()
    }

    /// Whether the text is in NFC, by ICU's check.
    var isNFC: Bool {
        var status: Int32 = 0
        var text = self
        let answer = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cicu_is_nfc($0.baseAddress, Int32($0.count), &status) }
        }
        return status <= 0 && answer == 1
    }

    /// The NFC form, normalized by ICU whether or not the text is in NFC already.
    func normalizedToNFC() -> String {
        let source = Array(utf8)
        var status: Int32 = 0
        var capacity = source.count * 3 + 8
        while true {
            var output = [CChar](repeating: 0, count: capacity)
            let length = source.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cicu_normalize_nfc($0.baseAddress, Int32($0.count), &output, Int32(capacity), &status) }
            }
            if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ {
                capacity = Int(length) + 8
                status = 0
                continue
            }
            guard status <= 0 else { return self }
            return String(decoding: output.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}

extension Content {
    /// The content with its text in NFC.
    public var nfc: Content {
        Content(fragments.map { fragment in
            if case .text(let text) = fragment { return .text(text.nfc) }
            return fragment
        })
    }
}
