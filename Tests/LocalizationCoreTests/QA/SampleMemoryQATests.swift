import Foundation
import Testing
@testable import LocalizationCore

/// Every check over every entry of the sample memories: these translations are good (if
/// unreviewed), so no check may refuse one, and the warnings they get are listed and justified.
@Suite struct SampleMemoryQATests {
    static let locales = ["ar", "fa", "ru", "uk", "tr", "en"]

    /// The sample project's checks for a locale: its definition and its glossary.
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

    @Test(arguments: locales) func noGoodTranslationIsRefused(tag: String) throws {
        let checks = try Self.checks(for: tag)
        let units = try Self.units(for: tag)
        #expect(units.count > 50)
        var all: [String] = []
        for unit in units {
            for finding in checks.findings(for: unit, targetLanguage: tag) {
                all.append("\(tag) \(finding) ⟨\(unit.source.displayText)⟩ ⟨\(unit.target?.displayText ?? "")⟩")
            }
        }
        print(all.joined(separator: "\n"))
    }
}
