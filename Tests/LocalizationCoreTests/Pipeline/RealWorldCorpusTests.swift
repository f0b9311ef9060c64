import Foundation
import Testing
@testable import LocalizationCore

/// Real German HTML pages from outside the project, of several origins and generators, from
/// Debian packages that `.ci/run` installs (listed in `Tests/corpus-packages.txt`). Every page
/// must round-trip: byte-identical without targets; same element structure and every unit
/// pseudo-translated through an XLIFF job.
@Suite struct RealWorldCorpusTests {
    struct Source: CustomStringConvertible, Sendable {
        var package: String
        var generator: String
        var folder: String
        var suffix: String
        /// Take every n-th page (sorted by path), to keep the run short on large collections.
        var stride: Int

        var description: String { "\(package) (\(generator))" }

        /// Regular files only: some packages link untranslated pages to the English ones.
        func pages() -> [URL] {
            guard let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: folder), includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey]) else { return [] }
            var urls: [URL] = []
            for case let url as URL in enumerator where url.lastPathComponent.hasSuffix(suffix) {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
                if values?.isRegularFile == true, values?.isSymbolicLink != true { urls.append(url) }
            }
            return Swift.stride(from: 0, to: urls.count, by: stride).map { urls.sorted { $0.path < $1.path }[$0] }
        }
    }

    /// Where `.ci/run` unpacks the packages it only downloads.
    static let unpacked = (ProcessInfo.processInfo.environment["TRANSLATE_PIPELINE_CORPUS"] ?? "/tmp/translate-pipeline-corpus") + "/root"

    static let sources = [
        Source(package: "apache2-doc", generator: "Apache httpd manual XSLT, ISO-8859-1 declared", folder: "/usr/share/doc/apache2-doc/manual/de", suffix: ".html", stride: 1),
        Source(package: "debian-reference-de", generator: "DocBook XSL, HTML", folder: "/usr/share/debian-reference", suffix: ".de.html", stride: 1),
        Source(package: "maint-guide-de", generator: "DocBook XSL, XHTML 1.1", folder: "/usr/share/doc/maint-guide-de/html", suffix: ".de.html", stride: 1),
        Source(package: "developers-reference-de", generator: "Sphinx, HTML5", folder: "/usr/share/developers-reference/de", suffix: ".html", stride: 1),
        Source(package: "udo-doc-de", generator: "UDO 6.4, HTML 4.01, ISO-8859-1 declared", folder: "/usr/share/doc/udo-doc-de/html", suffix: ".html", stride: 1),
        Source(package: "harden-doc", generator: "publican, XHTML 1.0 Strict", folder: "/usr/share/doc/harden-doc/html/de-DE", suffix: ".html", stride: 1),
        Source(package: "gosa-help-de", generator: "LaTeX2HTML, ISO-8859-15 bytes", folder: unpacked + "/usr/share/gosa/doc/core/de/html", suffix: ".html", stride: 1),
        Source(package: "libreoffice-help-de", generator: "LibreOffice help XSLT, HTML5", folder: unpacked + "/usr/share/libreoffice/help/de", suffix: ".html", stride: 8),
    ]

    static let available = sources.filter { !$0.pages().isEmpty }

    @Test(.enabled(if: !available.isEmpty, "no corpus package is installed (see Tests/corpus-packages.txt; .ci/run installs them)"),
          arguments: sources)
    func everyPageRoundTrips(source: Source) throws {
        let pages = source.pages()
        try #require(!pages.isEmpty, "\(source.package) is missing: .ci/run installs or unpacks it (Tests/corpus-*.txt)")
        var failures: [String] = []
        for url in pages {
            let bytes = try ProjectFiles.read(url)
            failures += RoundTrip.failures(name: url.path, bytes: bytes)
        }
        #expect(failures.isEmpty, "\(failures.count) failures in \(pages.count) pages of \(source):\n\(failures.prefix(20).joined(separator: "\n"))")
        print("corpus: \(source): \(pages.count) pages round-tripped, \(failures.count) failures")
    }
}
