import Testing
@testable import LocalizationCore

/// A trans-unit's `restype` of `x-html-attribute-NAME` makes it the unit of an attribute.
/// `UnitAttributes.attributeName(restype:)` finds NAME on the UTF-8; it must find what
/// `hasPrefix` and `dropFirst` on characters found, combining marks and all.
struct XLIFF12RestypeTests {
    private static func byCharacters(_ restype: String) -> String? {
        restype.hasPrefix("x-html-attribute-") ? String(restype.dropFirst(17)) : nil
    }

    @Test(arguments: [
        "x-html-attribute-title", "x-html-attribute-aria-label", "x-html-attribute-", "x-html-attribute", "",
        "X-html-attribute-title", "x-html-attribute-tïtle", "x-html-attribute-ti\u{301}tle", "x-html-attribute-\u{1F1E9}\u{1F1EA}",
        // A combining mark or joiner right after the prefix makes its last character another.
        "x-html-attribute-\u{301}title", "x-html-attribute-\u{301}", "x-html-attribute-\u{200D}x", "x-html-attribute-\r\ntitle",
        // A mark inside the prefix, and a prefix of other characters that look the same.
        "x-h\u{301}tml-attribute-title", "x\u{301}-html-attribute-title", "x‐html‐attribute‐title", "x-html-attributé-title",
    ])
    func attributeNameIsFoundWhereCharactersFoundIt(_ restype: String) {
        #expect(XLIFF12Reader.UnitAttributes.attributeName(restype: restype) == Self.byCharacters(restype))
    }
}
