import ArgumentParser
import LocalizationCore

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Splits text on standard input into sentences, one a line.",
        discussion: """
        Each input line is a paragraph. Boundaries come from ICU's sentence break iterator, \
        refined by the shipped SRX 2.0 rules for the locale (German: abbreviations such as \
        "z. B." and "Nr.", dates such as "am 3. Oktober", numbered list items).
        Example: echo "Der Rat tagte am 3. Oktober. Er beschloss z. B. den Plan." | translate-pipeline segment --locale de
        """
    )

    @Option(help: ArgumentHelp("The language of the text (BCP 47).", valueName: "locale"))
    var locale: String = "de"

    func run() throws {
        do {
            _ = try TargetLanguage(locale)
            let segmenter = try Segmenter.shipped(language: locale)
            while let line = readLine(strippingNewline: true) {
                for segment in segmenter.segments(of: line) {
                    let sentence = segment.trimmingWhitespace()
                    if !sentence.isEmpty { print(sentence) }
                }
            }
        } catch {
            throw Console.fail(error)
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}
