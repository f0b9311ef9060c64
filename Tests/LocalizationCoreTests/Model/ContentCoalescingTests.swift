import Testing
@testable import LocalizationCore

/// `Content` keeps fragments that are coalesced already as they come and coalesces the others;
/// either way its fragments must be what coalescing means: no empty text, no two texts side
/// by side, everything else in order.
struct ContentCoalescingTests {
    private static let bold = InlineCode(id: "1", kind: .formatting, elementName: "b", originalData: "<b>")
    private static let image = InlineCode(id: "2", kind: .image, elementName: "img", originalData: "<img>")

    static let cases: [[Content.Fragment]] = [
        [],
        [.text("")],
        [.text("Hallo")],
        [.text("Hallo "), .text("Welt")],
        [.text(""), .text("Welt")],
        [.text("Hallo"), .text("")],
        [.opening(bold), .text("Hallo"), .closing(bold)],
        [.opening(bold), .text(""), .closing(bold)],
        [.text("Hallo "), .opening(bold), .text("Welt"), .closing(bold), .text("!")],
        [.text("Hallo "), .text(""), .text("Welt"), .standalone(image), .text(" und "), .text("mehr")],
        [.standalone(image), .standalone(image, isolated: .opening), .text(""), .text("")],
        [.text("a"), .text("b"), .opening(bold), .text("c"), .text(""), .closing(bold), .text(""), .text("d"), .text("e")],
    ]

    @Test(arguments: cases)
    func fragmentsAreCoalesced(fragments: [Content.Fragment]) {
        #expect(Content(fragments).fragments == Self.coalescedByDefinition(fragments))
    }

    /// Coalescing spelled out on its own: runs of texts between other fragments joined, and
    /// kept only when the run has any text.
    private static func coalescedByDefinition(_ fragments: [Content.Fragment]) -> [Content.Fragment] {
        var result: [Content.Fragment] = []
        var run: String?
        func endRun() {
            if let run, !run.isEmpty { result.append(.text(run)) }
            run = nil
        }
        for fragment in fragments {
            if case .text(let text) = fragment {
                run = (run ?? "") + text
            } else {
                endRun()
                result.append(fragment)
            }
        }
        endRun()
        return result
    }
}
