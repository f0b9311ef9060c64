internal import CICU

/// One paragraph resolved by the Unicode Bidirectional Algorithm (UAX #9, through ICU's
/// `ubidi`), laid out as a single line: the embedding level of each character and the order
/// in which characters are shown.
///
/// ```swift
/// let paragraph = try BidiParagraph("أهلا WIR 2.0", direction: .rightToLeft)
/// paragraph.levels        // [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]
/// ```
public struct BidiParagraph: Sendable, Hashable {
    /// The paragraph direction asked for: fixed, or from the first strong character (P2–P3).
    public enum Direction: Int32, Sendable, Hashable {
        case leftToRight = 0
        case rightToLeft = 1
        case auto = 2
    }

    /// The text's Unicode scalars.
    public let scalars: [Unicode.Scalar]
    /// The resolved paragraph embedding level (0 or 1).
    public let paragraphLevel: Int
    /// The level of each scalar after rule L1; nil for characters rule X9 removes.
    public let levels: [Int?]
    /// Indices into `scalars` in visual order, left to right; removed characters left out.
    public let visualOrder: [Int]

    public init(_ text: String, direction: Direction) {
        self.init(scalars: Array(text.unicodeScalars), direction: direction)
    }

    /// Resolves the paragraph by UAX #9 as written (``UnicodeBidiAlgorithm``).
    public init(scalars: [Unicode.Scalar], direction: Direction) {
        let resolved = UnicodeBidiAlgorithm(scalars: scalars).resolve(direction: direction)
        self.init(scalars: scalars, paragraphLevel: resolved.paragraphLevel, levels: resolved.levels, visualOrder: resolved.visualOrder)
    }

    private init(scalars: [Unicode.Scalar], paragraphLevel: Int, levels: [Int?], visualOrder: [Int]) {
        self.scalars = scalars
        self.paragraphLevel = paragraphLevel
        self.levels = levels
        self.visualOrder = visualOrder
    }

    /// The same paragraph resolved by ICU's `ubidi` (what browsers built on ICU do), for
    /// comparison: it differs from UAX #9 in a few corner cases (see ``UnicodeBidiAlgorithm``).
    public static func resolvedByICU(scalars: [Unicode.Scalar], direction: Direction) throws(ICUError) -> BidiParagraph {
        // ubidi works on UTF-16; keep the scalar each code unit belongs to.
        var utf16: [UInt16] = []
        var scalarOfUnit: [Int] = []
        utf16.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            for unit in String(scalar).utf16 {
                utf16.append(unit)
                scalarOfUnit.append(index)
            }
        }
        var unitLevels = [UInt8](repeating: 0, count: utf16.count)
        var visual = [Int32](repeating: 0, count: utf16.count)
        var paragraphLevel: Int32 = direction == .rightToLeft ? 1 : 0
        var status: Int32 = 0
        if !utf16.isEmpty {
            cicu_bidi_resolve(utf16, Int32(utf16.count), direction.rawValue, &unitLevels, &visual, &paragraphLevel, &status)
            guard status <= 0 else { throw ICUError("bidi resolution", code: status) }
        }
        let removed = scalars.map { BidiClass($0).isRemovedByX9 }
        var levels = [Int?](repeating: nil, count: scalars.count)
        for (unit, scalar) in scalarOfUnit.enumerated() where !removed[scalar] {
            levels[scalar] = Int(unitLevels[unit])
        }
        var order: [Int] = []
        var previous = -1
        for unit in visual {
            let scalar = scalarOfUnit[Int(unit)]
            // A surrogate pair appears as two units, next to each other in either order.
            if scalar == previous || removed[scalar] { continue }
            order.append(scalar)
            previous = scalar
        }
        return BidiParagraph(scalars: scalars, paragraphLevel: Int(paragraphLevel), levels: levels, visualOrder: order)
    }

    /// The text as shown, left to right.
    public var visualText: String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: visualOrder.map { scalars[$0] })
        return String(result)
    }

    /// The direction of the text's first strong character (no isolates looked into), or nil.
    public static func firstStrongDirection(of text: String) -> TextDirection? {
        let utf16 = Array(text.utf16)
        return switch cicu_bidi_first_strong(utf16, Int32(utf16.count)) {
        case 0: .leftToRight
        case 1: .rightToLeft
        default: nil
        }
    }
}
