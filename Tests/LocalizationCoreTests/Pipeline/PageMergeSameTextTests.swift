import Testing
@testable import LocalizationCore

/// `PageMerge.sameText`: a job's source has the page's text when its runs of text are the
/// page's byte for byte, or when its text joined is the page's as a String (canonically
/// equivalent).
@Suite struct PageMergeSameTextTests {
    static let bold = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>")
    static let bolded = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "</b>")

    @Test func sameRunsAreTheSameText() {
        let page = Content([.text("Der "), .opening(Self.bold), .text("Rat"), .closing(Self.bolded), .text(" tagt.")])
        #expect(PageMerge.sameText(page, page))
        // Codes elsewhere, or none: the runs are compared, not the codes.
        #expect(PageMerge.sameText(page, Content([.opening(Self.bold), .text("Der "), .text("Rat"), .text(" tagt."), .closing(Self.bolded)])))
        // Cut elsewhere, the text joined is the same.
        #expect(PageMerge.sameText(page, Content(text: "Der Rat tagt.")))
        #expect(PageMerge.sameText(Content([.opening(Self.bold), .closing(Self.bolded)]), Content(text: "")))
    }

    @Test func otherTextIsNot() {
        let page = Content([.text("Der "), .opening(Self.bold), .text("Rat"), .closing(Self.bolded)])
        #expect(!PageMerge.sameText(page, Content([.text("Der "), .opening(Self.bold), .text("Rad"), .closing(Self.bolded)])))
        #expect(!PageMerge.sameText(page, Content([.text("Der "), .opening(Self.bold), .text("Rat"), .closing(Self.bolded), .text(".")])))
        #expect(!PageMerge.sameText(page, Content([.text("Der ")])))
        #expect(!PageMerge.sameText(Content(text: "Grüße"), Content(text: "Grüsse")))
    }

    /// "ü" precomposed in one, "u" and a combining diaeresis in the other: other bytes, the
    /// same String, as the comparison of `plainText` always said.
    @Test func canonicallyEquivalentRunsAreTheSameText() {
        let composed = Content([.text("Grüße an "), .opening(Self.bold), .text("München"), .closing(Self.bolded)])
        let decomposed = Content([.text("Gru\u{308}ße an "), .opening(Self.bold), .text("Mu\u{308}nchen"), .closing(Self.bolded)])
        #expect(Array("Grüße an ".utf8) != Array("Gru\u{308}ße an ".utf8))
        #expect(PageMerge.sameText(composed, decomposed))
        #expect(PageMerge.sameText(decomposed, composed))
    }
}
