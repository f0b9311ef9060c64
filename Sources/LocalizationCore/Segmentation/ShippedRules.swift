import Foundation

/// Segmentation rules that ship with the pipeline, as SRX files in `Rules/`.
enum ShippedRules {
    static func german() throws(SegmentationError) -> SRXRules {
        try load("german")
    }

    private static func load(_ name: String) throws(SegmentationError) -> SRXRules {
        guard let url = Bundle.module.url(forResource: name, withExtension: "srx", subdirectory: "Rules"),
              let data = try? Data(contentsOf: url) else {
            throw .invalidRules(file: "\(name).srx", line: nil, message: "the shipped rules are missing from the package resources")
        }
        return try SRXRules([UInt8](data), file: "\(name).srx")
    }
}
