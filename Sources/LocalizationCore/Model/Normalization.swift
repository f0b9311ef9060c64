internal import CICU

extension String {
    /// The NFC form (through ICU): memory keys and glossary keys are compared in NFC, so a
    /// decomposed "ü" from one tool and a composed one from another are the same text.
    public var nfc: String {
        // Text below U+0300 (ASCII, Latin-1 and Latin Extended: most German text) is already
        // NFC; in UTF-8 every byte of it is below 0xCC, the lead byte of U+0300.
        guard !utf8.allSatisfy({ $0 < 0xCC }) else { return self }
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
