import Foundation
import Testing
@testable import LocalizationCore

/// Assembled right-to-left pages as a real browser lays them out: headless Chromium loads each
/// page with a small probe script and reports the computed directions and where the first and
/// last character of every isolated run are drawn.
@Suite("Browser rendering", .serialized,
       .enabled(if: ExternalTool.path("chromium") != nil,
                "SKIPPED: Chromium is not installed (apt-get install chromium; .ci/run installs it) — right-to-left rendering not checked in a browser"))
struct BrowserRenderingTests {
    struct Probe: Decodable {
        struct Run: Decodable {
            var text: String
            var direction: String
            var firstLeft: Double
            var lastLeft: Double
        }
        var html: String
        var paragraph: String
        var runs: [Run]
    }

    static let probeScript = """
    <script>
    window.addEventListener('load', () => {
      const paragraph = document.querySelector('main p') || document.querySelector('p');
      const result = {html: getComputedStyle(document.documentElement).direction,
                      paragraph: paragraph ? getComputedStyle(paragraph).direction : '', runs: []};
      for (const bdi of document.querySelectorAll('bdi')) {
        const walker = document.createTreeWalker(bdi, NodeFilter.SHOW_TEXT);
        const first = walker.nextNode(); let last = first;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node;
        if (!first || bdi.textContent.length < 2) continue;
        const start = document.createRange(); start.setStart(first, 0); start.setEnd(first, 1);
        const end = document.createRange(); end.setStart(last, last.length - 1); end.setEnd(last, last.length);
        result.runs.push({text: bdi.textContent, direction: getComputedStyle(bdi).direction,
                          firstLeft: start.getBoundingClientRect().left, lastLeft: end.getBoundingClientRect().left});
      }
      document.body.setAttribute('data-bidi-probe', JSON.stringify(result));
    });
    </script>
    """

    /// Loads the page with the probe in headless Chromium and returns what it measured.
    static func probe(_ page: String) throws -> Probe {
        let folder = try temporaryFolder("browser")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.html")
        // (Not replacingOccurrences: the library's internal one of that name takes one character.)
        try Data(page.components(separatedBy: "</body>").joined(separator: probeScript + "</body>").utf8).write(to: file)
        let chromium = try #require(ExternalTool.path("chromium"))
        let (status, output) = try ExternalTool.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile", "--dump-dom", file.absoluteString])
        #expect(status == 0, "chromium: \(output.suffix(400))")
        let marker = "data-bidi-probe=\""
        let start = try #require(output.range(of: marker), "no probe result in Chromium's DOM").upperBound
        var json = String(output[start...].prefix { $0 != "\"" })
        for (entity, character) in [("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            json = json.components(separatedBy: entity).joined(separator: character)
        }
        return try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
    }

    func expectRightToLeftWithLeftToRightRuns(_ probe: Probe, _ label: String, runs expected: Set<String>) {
        #expect(probe.html == "rtl", "\(label): <html> direction")
        #expect(probe.paragraph == "rtl", "\(label): paragraph direction")
        #expect(expected.isSubset(of: Set(probe.runs.map(\.text))), "\(label): runs \(probe.runs.map(\.text))")
        for run in probe.runs {
            #expect(run.direction == "ltr", "\(label): '\(run.text)' computed direction")
            #expect(run.firstLeft < run.lastLeft, "\(label): '\(run.text)' is drawn left to right")
        }
    }

    @Test func arabicAndPersianSamplePagesRenderRightToLeftWithIsolatedRunsLeftToRight() async throws {
        let root = try SiteAssemblyTests.sampleProject(targets: #"["ar", "fa"]"#)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await BatchRun(project: try Project(root: root)).run()
        for tag in ["ar", "fa"] {
            let probe = try Self.probe(try SiteAssemblyTests.page(root, "\(tag)/miso.html"))
            expectRightToLeftWithLeftToRightRuns(probe, "\(tag)/miso.html", runs: ["MiSO"])
        }
    }

    @Test func persianCouncilSentenceRendersItsNumberAndAddressLeftToRight() async throws {
        let root = try SiteAssemblyTests.sampleProject(targets: #"["fa"]"#, settings: #", "publishThresholds": {"fa": 0.5}"#)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try SiteAssemblyTests.addPersianCouncilSentence(to: root)
        _ = try await BatchRun(project: try Project(root: root)).run()
        let probe = try Self.probe(try SiteAssemblyTests.page(root, "fa/wir-2-0/index.html"))
        expectRightToLeftWithLeftToRightRuns(probe, "fa/wir-2-0/index.html", runs: ["0108/2021", "info@hannover.de"])
    }

    @Test func codesAddressesAndNamesInAnArabicSentenceRenderLeftToRight() throws {
        let probe = try Self.probe(try assembledArabicSentence())
        expectRightToLeftWithLeftToRightRuns(probe, "rat.html", runs: ["WIR 2.0", "0108/2021", "info@hannover.de"])
    }
}
