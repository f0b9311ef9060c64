import Testing
@testable import LocalizationCore

@Test func lexerKeepsEveryByte() {
    let page = Array("<p class=x>Hallo <b>Welt</b></p>".utf8)
    let tokens = HTMLLexer(bytes: page).tokens()
    #expect(tokens.map(\.range.count).reduce(0, +) == page.count)
}
