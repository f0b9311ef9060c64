import Foundation
import Testing
@testable import LocalizationCore

/// XLIFF that translate-toolkit makes of the sample pages (html2po → PO → po2xliff), with the
/// memory's translations for the units it shares with the project, reads back through
/// `XLIFFReader`, and every translated unit is found again among the project's units by page
/// name and source text, with the translation it was given.
///
/// What translate-toolkit 3.20 does differently from the pipeline: `po2xliff` writes XLIFF 1.1
/// (its namespace; `source-language="en-US"`, no `target-language`), `original` is the PO
/// file's path, ids are PO entry numbers, the first unit is the PO header; `html2po` keeps
/// inline markup as escaped text (`&lt;strong&gt;`, `translate="no"` spans too), extracts
/// `<html lang>` and elements marked `translate="no"` as units, and gives up on a page whose
/// list items close implicitly (HTML5's `<li>` without `</li>`).
@Suite("translate-toolkit XLIFF", .serialized,
       .enabled(if: TranslateToolkitChain.isInstalled,
                "SKIPPED: translate-toolkit is not installed (pip install translate-toolkit==3.20.4; .ci/run installs it) — its XLIFF not checked"))
struct TranslateToolkitTests {
    @Test func translatedUnitsReadBackAndMatchTheProjectsUnitsByPageAndSource() async throws {
        // Every memory translation a proposal, so that the job carries all of them pre-filled.
        let (root, _, job) = try await OmegaTRoundTripTests.arabicJob(proposals: { _ in true })
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try Project(root: root)
        let chain = TranslateToolkitChain(folder: root.appendingPathComponent("translate-toolkit"))
        let warnings = try chain.extract(content: project.contentFolder)
        let matcher = ForeignUnitMatcher(job: job)

        // Translations for the entries that are units of the job the memory translated, with
        // the page's own markup around the translated text, as a translator would write it.
        let extracted = try job.files.map { file in try project.extract(pageAt: project.contentFolder.appendingPathComponent(file.original)) }
        let entries = try chain.entries()
        var filled: [TranslateToolkitChain.Entry] = []
        var given: [String: (matches: [ForeignUnitMatcher.Match], target: Content)] = [:]
        var unmatched: [String] = []
        for entry in entries {
            let page = String(entry.file.dropLast(3)) + ".html"
            let matches = matcher.matches(page: page, source: entry.source)
            guard !matches.isEmpty else {
                unmatched.append("\(page): \(entry.source.prefix(60))")
                continue
            }
            // The first of the matched units (repetitions share a translation) the memory has a
            // translation for that can be written with the page's markup.
            let translation = matches.lazy.compactMap { match -> (Content, String)? in
                guard case .unit(_, let id) = match,
                      let target = job.file(original: page)?.units.first(where: { $0.id == id })?.target,
                      let source = extracted.first(where: { $0.page.name == page })?.units.first(where: { $0.id == id })?.source,
                      let html = Self.html(target, codesOf: source)
                else { return nil }
                return (target, html)
            }.first
            guard let (target, html) = translation else { continue }
            var translated = entry
            translated.target = html
            filled.append(translated)
            given["\(page)\u{0}\(entry.source)"] = (matches, target)
        }
        print("translate-toolkit: \(entries.count) PO entries, \(entries.count - unmatched.count) matched units or sentences of the job, \(filled.count) translated; html2po: \(warnings.split(separator: "\n").filter { $0.contains("Error") }.joined())")
        print("translate-toolkit: not matched:\n  " + unmatched.joined(separator: "\n  "))
        #expect(filled.count > job.targetsByKey.count / 2, "\(filled.count) of \(job.targetsByKey.count) translated units found in translate-toolkit's PO")
        #expect(filled.contains { $0.source.contains("<") }, "some translated entries carry inline markup")
        try chain.fill(filled)

        var returned = 0
        let converted = try chain.convert()
        for (path, bytes) in converted {
            let document = try XLIFFReader().read(bytes, file: path)
            let page = String(path.dropLast(6)) + ".html"
            for unit in document.files.flatMap(\.units) {
                guard let target = unit.target else { continue }
                let source = unit.source.plainText
                // Markup comes as text, never as codes: the importer must map it onto the
                // source unit's codes or take only units without markup.
                #expect(unit.source.codes.isEmpty && target.codes.isEmpty, "\(page) unit \(unit.id)")
                guard let (matches, expected) = given["\(page)\u{0}\(source)"] else {
                    // The PO header comes as a unit (restype x-gettext-domain-header) whose
                    // target is the header again; it matches nothing of the page.
                    #expect(source.hasPrefix("Project-Id-Version:") && matcher.matches(page: page, source: source).isEmpty,
                            "\(page) unit \(unit.id): a translation nobody gave: \(target.plainText)")
                    continue
                }
                returned += 1
                #expect(matcher.matches(page: page, source: source) == matches, "\(page) unit \(unit.id)")
                #expect(ForeignUnitMatcher.normalized(ForeignUnitMatcher.removingMarkup(target.plainText))
                        == ForeignUnitMatcher.normalized(expected.displayText), "\(page) unit \(unit.id)")
                #expect(unit.state >= .translated)
            }
        }
        #expect(returned == filled.count)

        // Through the importer: not one of our jobs, so matched by page and source text.
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        var paths: [String] = []
        for (path, bytes) in converted {
            let url = inbox.appendingPathComponent(path.replacingOccurrences(of: "/", with: "-"))
            try Data(bytes).write(to: url)
            paths.append(url.path)
        }
        var importer = Importer(project: project, translator: "translate-toolkit test", now: "2026-11-27T12:00:00Z")
        importer.defaultLocale = "ar"  // po2xliff names no target language
        let reports = try importer.importPaths(paths)
        for report in reports {
            let reasons = Set(report.entries.filter { $0.disposition == .refused }.flatMap { $0.findings.map(\.check) })
            print("translate-toolkit file imported: \(report.file): \(report.outcome), \(report.accepted) accepted, \(report.refused) refused (\(reasons.sorted().joined(separator: ", "))) \(report.error ?? "") \(report.entries.first { $0.disposition == .refused }.map { "\($0.page): \($0.findings.first?.message ?? "")" } ?? "")")
        }
        // Every translated entry without inline markup lands; markup typed as text cannot be
        // mapped onto the page's codes and is refused, as is the PO header.
        let plain = filled.filter { !$0.source.contains("<") }.count
        #expect(reports.allSatisfy { $0.outcome == .imported })
        #expect(reports.reduce(0) { $0 + $1.accepted } == plain, "\(plain) translated entries without markup")
        #expect(reports.flatMap(\.entries).filter { $0.disposition == .refused }.allSatisfy { $0.findings.allSatisfy { $0.check == "unknown-unit" } })
    }

    /// `content` as HTML text with the markup of `source`'s codes (their original bytes), the
    /// form html2po gives a translator; nil when a code is not in the source.
    static func html(_ content: Content, codesOf source: Content) -> String? {
        var markup: [String: (open: String, close: String)] = [:]
        for fragment in source.fragments {
            switch fragment {
            case .opening(let code): markup[code.id, default: ("", "")].open = code.originalData
            case .closing(let code): markup[code.id, default: ("", "")].close = code.originalData
            case .standalone(let code, _): markup[code.id] = (code.originalData, "")
            case .text: break
            }
        }
        var html = ""
        for fragment in content.fragments {
            switch fragment {
            case .text(let text): html += XMLWriter.escape(text, attribute: false)
            case .opening(let code), .standalone(let code, _): guard let data = markup[code.id]?.open else { return nil }; html += data
            case .closing(let code): guard let data = markup[code.id]?.close else { return nil }; html += data
            }
        }
        return html
    }
}
