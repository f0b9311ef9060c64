import Foundation
import Testing
@testable import LocalizationCore

/// The `qa` severities of a project file and the `maxExpansion` of a locale file.
@Suite struct QASettingsTests {
    static func project(_ json: String) throws -> (URL, Result<Project, ProjectError>) {
        let folder = try temporaryFolder("qa-settings")
        try Data(json.utf8).write(to: folder.appendingPathComponent(Project.fileName))
        do {
            return (folder, .success(try Project(root: folder)))
        } catch {
            return (folder, .failure(error))
        }
    }

    @Test func severitiesAreReadFromTheProjectFile() throws {
        let (folder, result) = try Self.project(#"{"qa": {"length": "error", "double-spaces": "off", "untranslated": "note"}}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = try result.get()
        #expect(project.settings.qa == [.length: .error, .doubleSpaces: .off, .untranslated: .note])
        let checks = QualityChecks(project: project)
        #expect(checks.severity(of: .length) == .error)
        #expect(checks.severity(of: .numbers) == .error)
        #expect(checks.severity(of: .script) == .warning)
        #expect(checks.severity(of: .doubleSpaces) == .off)
    }

    @Test func aProjectWithoutQASettingsUsesTheDefaults() throws {
        let project = try Project(root: TestPaths.packageRoot)
        #expect(project.settings.qa.isEmpty)
        #expect(QACheck.allCases.map { QualityChecks(project: project).severity(of: $0) } == QACheck.allCases.map(\.defaultSeverity))
    }

    @Test func anUnknownCheckIsAnErrorNamingTheFileAndTheKnownChecks() throws {
        let (folder, result) = try Self.project(#"{"qa": {"lenght": "error"}}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.standardizedFileURL.appendingPathComponent(Project.fileName).path
        #expect(throws: ProjectError.invalidProjectFile(path, reason: "\"qa\": unknown check \"lenght\" (known: inline-codes, numbers, placeholders, glossary, length, whitespace, end-punctuation, untranslated, script, bidi-controls, double-spaces, brackets)")) {
            try result.get()
        }
    }

    @Test func anUnknownSeverityIsAnErrorNamingTheCheck() throws {
        let (folder, result) = try Self.project(#"{"qa": {"length": "fatal"}}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.standardizedFileURL.appendingPathComponent(Project.fileName).path
        #expect(throws: ProjectError.invalidProjectFile(path, reason: "\"qa\": \"length\" has unknown severity \"fatal\" (known: off, note, warning, error)")) {
            try result.get()
        }
    }

    @Test func severitiesRoundTripThroughJSON() throws {
        var settings = Project.Settings()
        settings.qa = [.bidiControls: .warning]
        let data = try JSONEncoder().encode(settings)
        #expect(String(decoding: data, as: UTF8.self).contains(#""qa":{"bidi-controls":"warning"}"#))
        #expect(try JSONDecoder().decode(Project.Settings.self, from: data).qa == [.bidiControls: .warning])
    }

    @Test func everyTargetLocaleOfTheSampleSetsItsExpansionLimit() throws {
        let catalog = try LocaleCatalog.load(folder: TestPaths.packageRoot.appendingPathComponent("locales"), sourceLocale: "de")
        for tag in ["ar", "fa", "ckb", "tr", "uk", "ru", "en", "ti"] {
            let ratio = try #require(try catalog.definition(for: tag).maxExpansion, "\(tag).json has no maxExpansion")
            #expect((1.2 ... 2).contains(ratio))
        }
        #expect(try catalog.definition(for: "de").maxExpansion == nil)
        #expect(QATargetLocale(targetLanguage: "sw", definition: nil).maxExpansion == QATargetLocale.defaultMaxExpansion)
    }

    @Test func anExpansionLimitBelowOneIsRefusedWithTheFileName() throws {
        let folder = try temporaryFolder("qa-locales")
        defer { try? FileManager.default.removeItem(at: folder) }
        for tag in ["de", "ar"] {
            var json = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("locales/\(tag).json"), encoding: .utf8)
            if tag == "ar" { json = json.replacingOccurrences(of: #""maxExpansion": 1.6"#, with: #""maxExpansion": 0.5"#) }
            try json.write(to: folder.appendingPathComponent("\(tag).json"), atomically: true, encoding: .utf8)
        }
        #expect(throws: LocaleDefinitionError.invalidMaxExpansion(file: "ar.json", 0.5)) {
            try LocaleCatalog.load(folder: folder, sourceLocale: "de")
        }
        #expect(LocaleDefinitionError.invalidMaxExpansion(file: "ar.json", 0.5).description == "ar.json: maxExpansion 0.5 must be between 1 and 10 (e.g. 1.5: a target may be half again as long as its source)")
    }
}
