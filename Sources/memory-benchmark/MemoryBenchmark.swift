import Dispatch
import Foundation
import LocalizationCore

/// Measures translation-memory lookups on generated German-like data: index build time (and
/// the exact index's alone: the fuzzy index is built by the first fuzzy lookup),
/// indexed lookups per second (both cores), the same queries by exhaustive scan in the same
/// run, the ratio, whether the best matches are identical, and peak memory (measured before
/// the scan's own token tables are built).
///
/// Usage: swift run -c release memory-benchmark [sizes, default 10000,100000] [queries, default 200]
///        [vocabulary: realistic (default) | uniform] — see `SentenceGenerator`.
@main
enum MemoryBenchmark {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        let sizes = (arguments.first ?? "10000,100000").split(separator: ",").compactMap { Int($0) }
        let queryCount = arguments.dropFirst().first.flatMap { Int($0) } ?? 200
        guard let vocabulary = SentenceGenerator.Vocabulary(rawValue: arguments.dropFirst(2).first ?? "realistic") else {
            print("memory-benchmark: the vocabulary is 'realistic' or 'uniform'")
            exit(2)
        }
        print("memory-benchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(queryCount) queries per size, threshold 75, \(vocabulary.rawValue) vocabulary")
        for size in sizes { run(size: size, queryCount: queryCount, vocabulary: vocabulary) }
    }

    static func run(size: Int, queryCount: Int, vocabulary: SentenceGenerator.Vocabulary) {
        var generator = SentenceGenerator(seed: UInt64(size), vocabulary: vocabulary)
        let provenance = MemoryEntry.Provenance(origin: .import, date: "2026-11-26T00:00:00Z")
        let sources = (0 ..< size).map { _ in generator.sentence() }
        // Queries: half edited copies of stored sentences (fuzzy hits), half new sentences.
        let queries = (0 ..< queryCount).map { index in
            index % 2 == 0 ? generator.edited(sources[Int(generator.next() % UInt64(size))]) : generator.sentence()
        }

        // Build: the entries as a memory file's reader makes them, then the index (both cores).
        let buildStart = DispatchTime.now()
        let entries = sources.map { MemoryEntry(source: Content(text: $0), target: Content(text: "x"), provenance: provenance) }
        let memory = TranslationMemory(sourceLanguage: "de", targetLanguage: "en", entries: entries)
        let loadSeconds = seconds(since: buildStart)
        // The fuzzy index is built by the first fuzzy lookup: one lookup makes it part of the build.
        _ = memory.matches(for: Content(text: queries[0]), threshold: 75, limit: 1)
        let buildSeconds = seconds(since: buildStart)

        let frozen = memory
        var indexed = [Int?](repeating: nil, count: queries.count)
        let indexedSeconds = timed {
            indexed.withUnsafeMutableBufferPointer { results in
                nonisolated(unsafe) let results = results
                DispatchQueue.concurrentPerform(iterations: queries.count) { index in
                    results[index] = frozen.matches(for: Content(text: queries[index]), threshold: 75, limit: 1).first?.score
                }
            }
        }
        let peak = peakMegabytes()
        let scan = ExhaustiveScan(frozen)
        // The exhaustive scan grades every entry for every query; at large sizes a sample of
        // the queries keeps the run short, and the rate is per query either way.
        let scanned = min(queries.count, max(20, 2_000_000 / size))
        var exhaustive = [Int?](repeating: nil, count: scanned)
        let exhaustiveSeconds = timed {
            exhaustive.withUnsafeMutableBufferPointer { results in
                nonisolated(unsafe) let results = results
                DispatchQueue.concurrentPerform(iterations: scanned) { index in
                    results[index] = scan.bestScore(for: Content(text: queries[index]), threshold: 75)
                }
            }
        }
        let identical = zip(indexed.prefix(scanned), exhaustive).allSatisfy { $0 == $1 }
        let indexedRate = Double(queries.count) / indexedSeconds
        let exhaustiveRate = Double(scanned) / exhaustiveSeconds
        let hits = indexed.compactMap { $0 }.count
        let rapidfuzz = rapidfuzzRate(sources: sources, queries: queries).map { rate in
            String(format: "  rapidfuzz %8.1f lookups/s (ours %.1f× that)", rate, indexedRate / rate)
        } ?? "  rapidfuzz: not installed (pip install rapidfuzz)"
        print(String(format: "size %8d  build %6.2f s (exact index alone %.2f s)  indexed %9.1f lookups/s  exhaustive %8.2f lookups/s  ratio %7.1f×  best matches identical: %@ (%d of %d compared)  hits %d/%d  peak %5.0f MB",
                     size, buildSeconds, loadSeconds, indexedRate, exhaustiveRate, indexedRate / exhaustiveRate, identical ? "yes" : "NO", scanned, scanned, hits, queries.count, peak) + rapidfuzz)
    }

    /// Lookups per second of rapidfuzz's exhaustive scan on the same data, run by
    /// `rapidfuzz_baseline.py` beside this file; nil when Python or rapidfuzz is missing.
    static func rapidfuzzRate(sources: [String], queries: [String]) -> Double? {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("rapidfuzz_baseline.py")
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("memory-benchmark-\(ProcessInfo.processInfo.processIdentifier).txt")
        defer { try? FileManager.default.removeItem(at: data) }
        guard (try? Data((sources.joined(separator: "\n") + "\n\u{0C}\n" + queries.joined(separator: "\n")).utf8).write(to: data)) != nil else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, data.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return output.split(separator: " ").first.flatMap { Double($0) }
    }

    static func timed(_ body: () -> Void) -> Double {
        let start = DispatchTime.now()
        body()
        return seconds(since: start)
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func peakMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
