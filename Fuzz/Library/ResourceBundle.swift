import Foundation

/// What SwiftPM's generated accessor provides in a package build: the library's resources
/// (the shipped SRX rules). `Fuzz/build.sh` copies them to `Fuzz/.out/resources`, beside the
/// fuzzer binaries.
extension Bundle {
    static let module: Bundle = {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let folder = executable.deletingLastPathComponent().appendingPathComponent("resources")
        guard let bundle = Bundle(path: folder.path) else {
            fatalError("fuzz resources missing at \(folder.path): run Fuzz/build.sh")
        }
        return bundle
    }()
}
