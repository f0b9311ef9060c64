import Foundation
import Testing
@testable import LocalizationCore

/// The bundled sample pages: every property of the round trip, in both XLIFF versions.
@Suite struct SampleContentTests {
    static let pages = (try? TestPaths.samplePages()) ?? []

    @Test func thereAreAtLeastSixSamplePages() {
        #expect(Self.pages.count >= 6, "content/ should hold at least six German pages")
    }

    @Test(arguments: [XLIFFDocument.Version.v1_2, .v2_1])
    func everySamplePageRoundTrips(version: XLIFFDocument.Version) {
        for page in Self.pages {
            let failures = RoundTrip.failures(name: page.name, bytes: page.bytes, version: version)
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    @Test func samplePagesExtractWithoutErrors() throws {
        let project = try Project(root: TestPaths.packageRoot)
        for page in Self.pages {
            let extracted = try project.extract(pageAt: TestPaths.content.appendingPathComponent(page.name))
            #expect(!extracted.units.isEmpty, "\(page.name) has no units")
            let errors = extracted.diagnostics.filter { $0.severity >= .warning }
            #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        }
    }
}
