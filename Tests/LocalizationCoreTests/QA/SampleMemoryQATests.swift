import Foundation
import Testing
@testable import LocalizationCore

/// Every check over every entry of the sample memories: these translations are good (if
/// unreviewed), so no check may refuse one; and each entry, deliberately broken, is caught.
@Suite struct SampleMemoryQATests {
    static let locales = ["ar", "fa", "ru", "uk", "tr", "en"]

    /// The sample project's checks for a locale: its severities, definition and glossary.
    static func checks(for tag: String) throws -> QualityChecks {
        let project = try Project(root: TestPaths.packageRoot)
        let catalog = try LocaleCatalog.load(folder: project.localesFolder, sourceLocale: project.settings.sourceLocale)
        let termbase = try GlossaryStore(project: project).load()
        return QualityChecks(project: project, termCheck: TermCheck(termbase: termbase, targetLanguage: tag), locale: try catalog.definition(for: tag))
    }

    /// The memory's entries as units with targets.
    static func units(for tag: String) throws -> [TextUnit] {
        let project = try Project(root: TestPaths.packageRoot)
        let memory = try MemoryStore(project: project).load(try TargetLanguage(tag))
        return memory.entries.enumerated().map { index, entry in
            TextUnit(id: "m\(index)", placement: .elementContent(elementName: "p"), name: "p", source: entry.source, target: entry.target, state: entry.state)
        }
    }

    /// Warnings the sample translations rightly get. The glossary marks the network's German
    /// name "MigrantInnenSelbstOrganisationen-Netzwerk" as do-not-translate, while the sample
    /// translators rendered it in every language: a question for the glossary's reviewers, so
    /// a warning is what it should be.
    static func isJustified(_ finding: QAFinding) -> Bool {
        finding.check == .glossary && finding.message.contains("[miso]: do-not-translate name")
    }

    @Test(arguments: locales) func noGoodTranslationIsRefused(tag: String) throws {
        let checks = try Self.checks(for: tag)
        let units = try Self.units(for: tag)
        #expect(units.count > 90)
        var unexpected: [String] = []
        var justified = 0
        for unit in units {
            for finding in checks.findings(for: unit, targetLanguage: tag) where finding.severity >= .warning {
                if finding.severity < .error, Self.isJustified(finding) {
                    justified += 1
                } else {
                    unexpected.append("\(finding) — \(unit.source.displayText) → \(unit.target?.displayText ?? "")")
                }
            }
        }
        #expect(unexpected.isEmpty, "\(tag): \(unexpected.joined(separator: "\n"))")
        #expect(justified <= 3)
    }

    /// Breaks of a good target that a check must catch, applied to every entry they fit.
    enum Breakage: String, CaseIterable, Sendable {
        case codeDropped, numberChanged, override, copiedSource, doubleSpace, isolateLeftOpen

        /// The broken target, or nil when the entry has nothing this breakage applies to.
        func apply(to unit: TextUnit) -> Content? {
            guard let target = unit.target else { return nil }
            switch self {
            case .codeDropped:
                guard let code = target.codes.first(where: { !$0.canDelete }) else { return nil }
                return Content(target.fragments.filter { $0.code?.id != code.id })
            case .numberChanged:
                return Self.changingFirstDigit(target)
            case .override:
                return Content(target.fragments + [.text("\u{202E}")])
            case .copiedSource:
                guard !UntranslatedCheck.translatableWords(unit.source.plainText).isEmpty else { return nil }
                return unit.source
            case .doubleSpace:
                guard let index = target.fragments.firstIndex(where: { if case .text(let text) = $0 { text.contains(" ") } else { false } }),
                      case .text(let text) = target.fragments[index], let space = text.firstIndex(of: " ") else { return nil }
                var fragments = target.fragments
                var doubled = text
                doubled.insert(" ", at: space)
                fragments[index] = .text(doubled)
                return Content(fragments)
            case .isolateLeftOpen:
                return Content([.text("\u{2068}")] + target.fragments)
            }
        }

        var expected: Set<QACheck> {
            switch self {
            case .codeDropped: [.inlineCodes]
            case .numberChanged: [.numbers, .placeholders]
            case .override, .isolateLeftOpen: [.bidiControls]
            case .copiedSource: [.untranslated]
            case .doubleSpace: [.doubleSpaces]
            }
        }

        /// The first digit of the target's first number, in its own script, plus one.
        static func changingFirstDigit(_ content: Content) -> Content? {
            var changed = false
            let fragments = content.fragments.map { fragment -> Content.Fragment in
                guard !changed, case .text(let text) = fragment else { return fragment }
                var scalars = Array(text.unicodeScalars)
                guard let index = scalars.firstIndex(where: { $0.properties.numericType == .decimal }),
                      let digit = UnicodeScript.digitValue(scalars[index]) else { return fragment }
                scalars[index] = Unicode.Scalar(scalars[index].value - UInt32(digit) + UInt32((digit + 1) % 10))!
                changed = true
                return .text(String(String.UnicodeScalarView(scalars)))
            }
            return changed ? Content(fragments) : nil
        }
    }

    @Test(arguments: locales) func everyEntryBrokenIsCaught(tag: String) throws {
        // No breakage concerns the glossary, the slowest check: leave it out.
        let project = try Self.checks(for: tag)
        let checks = QualityChecks(severities: [.glossary: .off], locale: project.locale)
        var applied: [Breakage: Int] = [:]
        for unit in try Self.units(for: tag) {
            for breakage in Breakage.allCases {
                guard let broken = breakage.apply(to: unit) else { continue }
                var variant = unit
                variant.target = broken
                applied[breakage, default: 0] += 1
                let caught = checks.findings(for: variant, targetLanguage: tag).filter { breakage.expected.contains($0.check) && $0.severity >= .warning }
                #expect(!caught.isEmpty, "\(tag) \(breakage): not caught in \(broken.displayText)")
            }
        }
        // Every breakage found entries to break in every memory.
        #expect(Set(applied.keys) == Set(Breakage.allCases), "\(applied)")
    }
}
