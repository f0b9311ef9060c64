// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "translate-pipeline",
    products: [
        .executable(name: "translate-pipeline", targets: ["translate-pipeline"]),
        .library(name: "LocalizationCore", targets: ["LocalizationCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // ZIP packages of returned jobs (import): reading only, with our own path and size caps.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // System ICU behind an ICU-free header: Foundation on Linux bundles its own ICU,
        // so no Swift module may see <unicode/*.h> (see ARCHITECTURE.md, decision 1).
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
        ),
        // libxml2 through a shim header that turns its ICU support off for the module map.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Snowball stemmers (German and several target languages) for glossary term matching.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .target(
            name: "LocalizationCore",
            dependencies: ["CICU", "CLibXML2", "CStemmer", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["QA/README.md"],
            resources: [.copy("Segmentation/Rules")]
        ),
        .executableTarget(
            name: "translate-pipeline",
            dependencies: [
                "LocalizationCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks are code: `swift run -c release memory-benchmark` (see the README).
        .executableTarget(
            name: "memory-benchmark",
            dependencies: ["LocalizationCore"],
            exclude: ["rapidfuzz_baseline.py"]
        ),
        // `swift run -c release batch-benchmark`: the whole pipeline on a generated 10,000-page
        // site, and extraction + merge against translate-toolkit (see the README).
        .executableTarget(
            name: "batch-benchmark",
            dependencies: ["LocalizationCore"]
        ),
        .testTarget(
            name: "LocalizationCoreTests",
            // libxml2 directly too: tests compare page structure with an independent parse.
            dependencies: ["LocalizationCore", "CLibXML2"],
            // Read from the source tree by path (#filePath), not bundled.
            exclude: ["Glossary/Fixtures"]
        ),
    ]
)

// Strict settings for every Swift target, in one place.
for target in package.targets where target.type != .system && target.name != "CICU" {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
