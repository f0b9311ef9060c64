extension ITSProcessor {
    /// What the page's global rules alone say, keyed for `HTMLExtractor`, which applies local
    /// markup, defaults and inheritance itself as it walks the page's tokens. A page that
    /// neither links nor embeds rules is not parsed again.
    func globalAnnotations(for page: HTMLPage, tokens: [HTMLLexer.Token]) -> (ITSAnnotations, [Diagnostic]) {
        guard Self.declaresRules(page, tokens) else { return (ITSAnnotations(), []) }
        var diagnostics: [Diagnostic] = []
        guard let (document, global) = globalValues(page, diagnostics: &diagnostics) else {
            diagnostics.append(Diagnostic(.error, file: page.name, "libxml2 could not parse the page to apply its ITS rules"))
            return (ITSAnnotations(), diagnostics)
        }
        var annotations = ITSAnnotations()
        for (id, values) in global {
            let element = document.elements[id.element]
            let properties = ITSAnnotations.Properties(
                translate: values.translate, note: values.localizationNote.map(Self.note), withinText: values.withinText,
                language: values.language, direction: values.direction.map(Self.textDirection), idValue: values.idValue
            )
            if let attribute = id.attribute {
                annotations.attributes[AttributeKey(element: element.key, name: element.attributes[attribute].name)] = properties
            } else {
                annotations.elements[element.key] = properties
            }
        }
        return (annotations, diagnostics)
    }

    private static func declaresRules(_ page: HTMLPage, _ tokens: [HTMLLexer.Token]) -> Bool {
        tokens.contains { token in
            guard token.kind == .startTag, token.name == "link" || token.name == "script" else { return false }
            let value = { (name: String) in token.attributes.first { $0.name == name }?.valueRange.map(page.text)?.lowercased() }
            return token.name == "link" ? value("rel")?.split(separator: " ").contains("its-rules") == true
                : value("type") == "application/its+xml"
        }
    }

    private static func note(_ note: ITSLocalizationNote) -> Note {
        switch note.content {
        case .text(let text): Note(text, priority: note.priority)
        case .reference(let reference): Note("See \(reference)", priority: note.priority)
        }
    }

    private static func textDirection(_ direction: ITSDirection) -> TextDirection {
        switch direction {
        case .ltr, .lro: .leftToRight
        case .rtl, .rlo: .rightToLeft
        }
    }
}
