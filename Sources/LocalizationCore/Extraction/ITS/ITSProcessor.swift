/// Resolves ITS 2.0 data categories for every element and attribute of an HTML5 page:
/// translate, localizationNote, elementsWithinText, languageInformation, directionality and
/// idValue.
///
/// Each value comes from the first of these that says something (ITS 2.0 §6.4):
/// 1. local markup — HTML `translate`, `lang`, `dir`, `id`, `its-loc-note`,
///    `its-loc-note-type`, `its-loc-note-ref`, `its-within-text`;
/// 2. global rules — linked (`<link rel="its-rules">`, read through `loader`) then embedded
///    (`<script type="application/its+xml">`), a later rule overriding an earlier one;
/// 3. defaults — HTML's within-text elements, HTML's translatable attributes;
/// 4. inheritance from the parent element, for the categories that inherit.
///
/// ```swift
/// let result = ITSProcessor(loader: { href in try read(href) }).process(page)
/// print(result.goldOutput(categories: [.translate]))
/// ```
struct ITSProcessor: Sendable {
    var loader: HTMLExtractor.RuleLoader?

    init(loader: HTMLExtractor.RuleLoader? = nil) {
        self.loader = loader
    }

    func process(_ page: HTMLPage) -> ITSResult {
        var diagnostics: [Diagnostic] = []
        guard let (document, global) = globalValues(page, diagnostics: &diagnostics) else {
            diagnostics.append(Diagnostic(.error, file: page.name, "libxml2 could not parse the page; no ITS information was resolved"))
            return ITSResult(diagnostics: diagnostics)
        }
        return ITSResult(nodes: Self.resolve(document, global: global), diagnostics: diagnostics)
    }

    /// The page as ITS sees it and what its global rules say, node by node; nil when libxml2
    /// cannot parse the page.
    func globalValues(_ page: HTMLPage, diagnostics: inout [Diagnostic]) -> (ITSDocument, [ITSDocument.NodeID: ITSGlobalValues])? {
        ITSDocument.withTree(page) { document, query in
            let sets = ruleSets(of: document, page: page, diagnostics: &diagnostics)
            return (document, apply(sets, query: query, diagnostics: &diagnostics))
        }
    }

    /// Combines local markup, global rule values, defaults and inheritance, node by node in
    /// document order, so a parent is always resolved before its children.
    static func resolve(_ document: ITSDocument, global: [ITSDocument.NodeID: ITSGlobalValues]) -> [ITSResult.Node] {
        var nodes: [ITSResult.Node] = []
        var resolved: [ITSValues] = []
        resolved.reserveCapacity(document.elements.count)
        for (index, element) in document.elements.enumerated() {
            let parent = element.parent.map { resolved[$0] }
            let rule = global[ITSDocument.NodeID(element: index)]
            let values = ITSValues(
                // Translate, localization note, language and direction inherit to descendants.
                translate: element.attribute("translate").flatMap(htmlTranslate) ?? rule?.translate ?? parent?.translate ?? true,
                localizationNote: localNote(of: element) ?? rule?.localizationNote ?? parent?.localizationNote,
                // Within-text does not inherit: an element is inline or not by itself.
                withinText: element.attribute("its-within-text").flatMap { ITSAnnotations.WithinText(rawValue: $0.lowercased()) }
                    ?? rule?.withinText ?? defaultWithinText(element.name),
                language: element.attribute("lang") ?? rule?.language ?? parent?.language,
                direction: localDirection(of: element) ?? rule?.direction ?? parent?.direction ?? .ltr,
                // HTML's `id` plays the part of `xml:id`, which the suite's XML cases take as
                // the ID value without any rule; ID values do not inherit.
                idValue: element.attribute("id").flatMap { $0.isEmpty ? nil : $0 } ?? rule?.idValue
            )
            resolved.append(values)
            nodes.append(ITSResult.Node(kind: .element(element.key), path: element.path, values: values))

            for (position, attribute) in element.attributes.enumerated() {
                let rule = global[ITSDocument.NodeID(element: index, attribute: position)]
                let attributeValues = ITSValues(
                    // Attributes are not translatable unless HTML makes them so, and then only
                    // as far as their element is (HTML "translatable attributes").
                    translate: rule?.translate ?? (isTranslatable(attribute.name, of: element) && values.translate),
                    // Notes reach attributes only through rules that select them.
                    localizationNote: rule?.localizationNote,
                    withinText: nil,
                    language: rule?.language ?? values.language,
                    direction: rule?.direction ?? values.direction,
                    idValue: rule?.idValue
                )
                nodes.append(ITSResult.Node(
                    kind: .attribute(AttributeKey(element: element.key, name: attribute.name)),
                    path: "\(element.path)/@\(attribute.name)",
                    values: attributeValues
                ))
            }
        }
        return nodes
    }

    // MARK: - HTML local markup and defaults

    /// HTML `translate`: `yes` or the empty string mean yes, `no` means no, in any case;
    /// anything else is the inherit state.
    static func htmlTranslate(_ value: String) -> Bool? {
        value.isEmpty ? true : yesNo(value)
    }

    static func localNote(of element: ITSDocument.Element) -> ITSLocalizationNote? {
        let priority: Note.Priority = element.attribute("its-loc-note-type")?.lowercased() == "alert" ? .alert : .description
        if let text = element.attribute("its-loc-note") {
            return ITSLocalizationNote(content: .text(collapsingWhiteSpace(text)), priority: priority)
        }
        if let reference = element.attribute("its-loc-note-ref") {
            return ITSLocalizationNote(content: .reference(reference), priority: priority)
        }
        return nil
    }

    /// HTML `dir`; on `<bdo>` it overrides the bidi algorithm, which ITS calls `lro`/`rlo`.
    /// `auto` has no ITS equivalent, so the element inherits.
    static func localDirection(of element: ITSDocument.Element) -> ITSDirection? {
        switch (element.attribute("dir")?.lowercased(), element.name == "bdo") {
        case ("ltr", false): .ltr
        case ("rtl", false): .rtl
        case ("ltr", true): .lro
        case ("rtl", true): .rlo
        default: nil
        }
    }

    /// Elements that hold a separate flow of text inside the text around them (ITS 2.0 HTML
    /// defaults for elementsWithinText).
    static let nestedElements: Set<String> = ["iframe", "noscript", "script", "textarea"]

    static func defaultWithinText(_ name: String) -> ITSAnnotations.WithinText {
        if nestedElements.contains(name) { return .nested }
        return HTMLVocabulary.withinText.contains(name) ? .yes : .no
    }

    /// HTML's translatable attributes (HTML "The translate attribute"); everything else is
    /// code, URLs or identifiers.
    static func isTranslatable(_ attribute: String, of element: ITSDocument.Element) -> Bool {
        switch attribute {
        case "title", "lang", "style":
            true
        case "abbr":
            element.name == "th"
        case "alt":
            ["area", "img", "input"].contains(element.name)
        case "content":
            element.name == "meta" && element.attribute("name").map { HTMLVocabulary.translatableMetaNames.contains($0.lowercased()) } == true
        case "download":
            ["a", "area"].contains(element.name)
        case "label":
            ["optgroup", "option", "track"].contains(element.name)
        case "placeholder":
            ["input", "textarea"].contains(element.name)
        case "srcdoc":
            element.name == "iframe"
        case "value":
            element.name == "input" && ["button", "reset"].contains(element.attribute("type")?.lowercased() ?? "")
        default:
            false
        }
    }
}
