import Foundation
import Testing
@testable import LocalizationCore

/// Reads a file a CAT tool gave back and compares it with the job it was made from: the one
/// "did it come back intact" step every client test shares.
///
/// Today it reads with `XLIFFReader` and checks with `TargetCheck`; when the importer lands,
/// point `verify` at it (read the returned file through the importer, then compare the units it
/// accepted) and every client test checks the importer instead.
struct ReturnedFileCheck {
    /// What came back, unit by unit, keyed `page#unit-id`.
    struct Report: CustomStringConvertible {
        /// Units of the job found in the returned file.
        var units = 0
        /// Units whose target equals the translation the tool was given for them.
        var translated: [String] = []
        /// Units without a target, or whose target is still the source (OmegaT writes the source
        /// into the target of a segment it has no translation for).
        var untranslated: [String] = []
        /// Units the tool was given a translation for that came back without it.
        var missed: [String] = []
        /// Ways the file does not come back intact; empty for a good client.
        var problems: [String] = []
        /// What the tool changed that the pipeline tolerates (code display texts, states…),
        /// for the record.
        var changes: [String] = []

        var description: String {
            "\(units) units: \(translated.count) translated, \(untranslated.count) untranslated, \(missed.count) missed"
                + (problems.isEmpty ? "" : "\nproblems:\n  " + problems.prefix(20).joined(separator: "\n  "))
        }
    }

    /// Compares `returned` (the client's output, as bytes) with `job`.
    ///
    /// - Parameter expectedTargets: for each unit key the client was given a translation for
    ///   (by a memory), the target it must come back with; a target for any other unit that
    ///   differs from its source is a problem (something the client made up or mangled).
    static func verify(returned bytes: [UInt8], file: String, job: XLIFFDocument, expectedTargets: [String: Content]) throws -> Report {
        let returned = try XLIFFReader().read(bytes, file: file)
        var report = Report()
        if returned.targetLanguage != job.targetLanguage {
            report.problems.append("target language \(returned.targetLanguage ?? "none"), the job's is \(job.targetLanguage ?? "none")")
        }
        for jobFile in job.files {
            guard let returnedFile = returned.file(original: jobFile.original) else {
                report.problems.append("\(jobFile.original): the file is missing")
                continue
            }
            let returnedUnits = Dictionary(returnedFile.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for extra in returnedFile.units.map(\.id) where !jobFile.units.contains(where: { $0.id == extra }) {
                report.problems.append("\(jobFile.original)#\(extra): a unit the job does not have")
            }
            for jobUnit in jobFile.units {
                let key = "\(jobFile.original)#\(jobUnit.id)"
                guard let unit = returnedUnits[jobUnit.id] else {
                    report.problems.append("\(key): the unit is missing")
                    continue
                }
                report.units += 1
                compare(unit, with: jobUnit, key: key, expected: expectedTargets[key], into: &report)
            }
        }
        return report
    }

    private static func compare(_ unit: TextUnit, with jobUnit: TextUnit, key: String, expected: Content?, into report: inout Report) {
        if unit.source.shape != jobUnit.source.shape {
            report.problems.append("\(key): source changed: «\(unit.source.shape)», the job's «\(jobUnit.source.shape)»")
        }
        for (code, jobCode) in zip(unit.source.codes, jobUnit.source.codes) where code.displayText != jobCode.displayText {
            report.changes.append("\(key): source code \(code.id) shows «\(code.displayText ?? "")», the job's «\(jobCode.displayText ?? "")»")
        }
        guard let target = unit.target else {
            if expected != nil { report.missed.append(key) } else { report.untranslated.append(key) }
            return
        }
        // Every target, a translation or the source copied (OmegaT's untranslated segments),
        // must refer to exactly the source's codes.
        let problems = TargetCheck.problems(target: target, source: jobUnit.source, isAttribute: jobUnit.isAttribute)
        if !problems.isEmpty {
            report.problems.append("\(key): " + problems.map(\.description).joined(separator: "; "))
        }
        for code in target.codes {
            if let jobCode = jobUnit.source.codes.first(where: { $0.id == code.id }), code.displayText != jobCode.displayText {
                report.changes.append("\(key): target code \(code.id) shows «\(code.displayText ?? "")», the source's «\(jobCode.displayText ?? "")»")
            }
        }
        if expected == nil || target.shape != expected?.shape, target.shape == jobUnit.source.shape {
            if expected != nil { report.missed.append(key) } else { report.untranslated.append(key) }
            return
        }
        guard let expected else {
            report.problems.append("\(key): a target nobody gave the tool: «\(target.shape)»")
            return
        }
        if target.shape == expected.shape {
            report.translated.append(key)
        } else {
            report.problems.append("\(key): target «\(target.shape)», expected «\(expected.shape)»")
        }
    }
}

extension XLIFFDocument {
    /// Every unit with a target, keyed `page#unit-id`: the translations a job already carries
    /// (the memory's exact matches `run` pre-fills).
    var targetsByKey: [String: Content] {
        var targets: [String: Content] = [:]
        for file in files {
            for unit in file.units {
                if let target = unit.target { targets["\(file.original)#\(unit.id)"] = target }
            }
        }
        return targets
    }
}
