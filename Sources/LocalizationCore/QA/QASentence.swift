/// What every check looks at: one sentence of a unit (or the whole unit when it is not
/// segmented) with the translator's target, and the text a reader would see of both.
struct QASentence: Sendable {
    var source: Content
    var target: Content
    var isAttribute: Bool
    /// Nil when the unit is checked whole.
    var segmentID: String?
    /// Display text: protected names ("MiSO", "WIR 2.0") included, as a reader sees them.
    let sourceText: String
    let targetText: String

    init(source: Content, target: Content, isAttribute: Bool, segmentID: String?) {
        self.source = source
        self.target = target
        self.isAttribute = isAttribute
        self.segmentID = segmentID
        self.sourceText = source.displayText
        self.targetText = target.displayText
    }
}

/// A problem one check found, before the project's severity is applied. `cap` lowers the
/// severity for findings a check considers softer than its main concern (an RLM in a
/// left-to-right target, a glossary term that is only proposed).
struct QAIssue: Sendable, Hashable {
    var message: String
    var cap: QASeverity?

    init(_ message: String, cap: QASeverity? = nil) {
        self.message = message
        self.cap = cap
    }
}

extension Unicode.Scalar {
    /// "U+061F ARABIC QUESTION MARK": how a message names a character a translator may not see.
    var codePointName: String {
        let number = "U+" + String(value, radix: 16, uppercase: true).leftPadded(to: 4)
        guard let name = properties.name ?? properties.nameAlias else { return number }
        return "\(number) \(name)"
    }

    /// Spaces within a line: space, no-break space, the thin and narrow spaces (not line breaks).
    var isHorizontalSpace: Bool {
        value == 0x09 || properties.generalCategory == .spaceSeparator
    }
}

extension String {
    /// The text in quotation marks, with invisible characters named: for messages.
    var quotedForMessage: String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format, .control, .lineSeparator, .paragraphSeparator: result += "<\(scalar.codePointName)>"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return "\"\(result)\""
    }
}
