import Foundation

/// The command line: `batch-benchmark [--pages N] [--locales N] [--out DIR] [--toolkit-pages N]
/// [--skip-toolkit] [--repeat K] [--cold-repeat K] [--coverage F] [--seed N] [--binary PATH]
/// [--generate-only] [--skip-runs] [--regenerate]`.
struct BenchmarkOptions {
    /// The locales with definitions in `locales/`, in the order `--locales N` takes them.
    static let allLocales = ["ar", "fa", "tr", "uk", "ru", "en", "ckb", "ti"]

    var pages = 10_000
    var localeCount = 8
    var out = URL(fileURLWithPath: "/tmp/tp-bench")
    var toolkitPages = 1_000
    var skipToolkit = false
    var repeats = 3
    var coldRepeats = 1
    var coverage = 0.85
    var seed: UInt64 = 2026
    var binary: String?
    var generateOnly = false
    /// Only the comparison with translate-toolkit and xmllint, no pipeline runs.
    var skipRuns = false
    var regenerate = false

    var locales: [String] { Array(Self.allLocales.prefix(localeCount)) }

    static let usage = """
    usage: batch-benchmark [--pages 10000] [--locales 8] [--out /tmp/tp-bench] [--toolkit-pages 1000]
                           [--skip-toolkit] [--repeat 3] [--cold-repeat 1] [--coverage 0.85] [--seed 2026]
                           [--binary PATH/translate-pipeline] [--generate-only] [--skip-runs] [--regenerate]
    """

    init(arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let value = rest.popFirst() else { throw BenchmarkError.run("\(name) needs a value\n\(Self.usage)") }
            return value
        }
        func number(_ name: String) throws -> Int {
            guard let number = Int(try value(name)), number >= 0 else { throw BenchmarkError.run("\(name) needs a whole number\n\(Self.usage)") }
            return number
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--pages": pages = max(1, try number(argument))
            case "--locales": localeCount = min(Self.allLocales.count, max(1, try number(argument)))
            case "--out": out = URL(fileURLWithPath: try value(argument))
            case "--toolkit-pages": toolkitPages = try number(argument)
            case "--skip-toolkit": skipToolkit = true
            case "--repeat": repeats = max(1, try number(argument))
            case "--cold-repeat": coldRepeats = max(1, try number(argument))
            case "--coverage":
                guard let share = Double(try value(argument)), (0 ... 1).contains(share) else { throw BenchmarkError.run("--coverage is a share, 0 to 1") }
                coverage = share
            case "--seed": seed = UInt64(try number(argument))
            case "--binary": binary = try value(argument)
            case "--generate-only": generateOnly = true
            case "--skip-runs": skipRuns = true
            case "--regenerate": regenerate = true
            case "--help", "-h": throw BenchmarkError.run(Self.usage)
            default: throw BenchmarkError.run("unknown argument \(argument)\n\(Self.usage)")
            }
        }
    }

    /// What the generated project depends on: a project generated with other values is made again.
    var generationKey: String { "pages \(pages) locales \(locales.joined(separator: ",")) coverage \(coverage) seed \(seed) v2" }
}
