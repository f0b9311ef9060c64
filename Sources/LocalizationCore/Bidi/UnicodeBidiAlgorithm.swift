internal import CICU

/// The Unicode Bidirectional Algorithm, UAX #9 (Unicode 15), for one paragraph laid out as one
/// line: explicit levels and isolates (X1–X10), weak and neutral types (W1–W7, N0–N2),
/// implicit levels (I1–I2), line rules (L1) and reordering (L2). Character data (bidi class,
/// paired brackets) comes from ICU through CICU.
///
/// Why not ubidi's levels alone: ubidi deviates from UAX #9 in a few places the conformance
/// file checks — it returns the paragraph level for "unidirectional" text that holds
/// embeddings, keeps pairing brackets past BD16's 63-entry stack, does not give nonspacing
/// marks after N0-resolved brackets their bracket's type, and resolves overridden isolates
/// and brackets tightly flanked by embeddings differently (31 of 91,707 cases of
/// BidiCharacterTest.txt). This type follows the standard's rules as written.
struct UnicodeBidiAlgorithm {
    /// BD16: the bracket stack holds 63 entries.
    private static let bracketStackCapacity = 63
    /// BD2: the deepest valid embedding level.
    private static let maxDepth = 125

    let scalars: [Unicode.Scalar]
    private let original: [BidiClass]
    private let removed: [Bool]
    /// For an isolate initiator: the index of its matching PDI (BD9), or -1.
    private var matchingPDI: [Int]
    /// For a PDI: whether it matches an initiator.
    private var isMatchedPDI: [Bool]

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        self.original = scalars.map(BidiClass.init)
        self.removed = original.map(\.isRemovedByX9)
        self.matchingPDI = Array(repeating: -1, count: scalars.count)
        self.isMatchedPDI = Array(repeating: false, count: scalars.count)
        var open: [Int] = []
        for index in scalars.indices {
            switch original[index] {
            case .leftToRightIsolate, .rightToLeftIsolate, .firstStrongIsolate:
                open.append(index)
            case .popDirectionalIsolate:
                if let initiator = open.popLast() {
                    matchingPDI[initiator] = index
                    isMatchedPDI[index] = true
                }
            default:
                break
            }
        }
    }

    /// The paragraph level, each character's level (nil for those X9 removes) and the visual
    /// order of the characters that remain.
    func resolve(direction: BidiParagraph.Direction) -> (paragraphLevel: Int, levels: [Int?], visualOrder: [Int]) {
        let count = scalars.count
        let paragraphLevel = switch direction {
        case .leftToRight: 0
        case .rightToLeft: 1
        case .auto: firstStrongLevel(from: 0, to: count) ?? 0
        }
        var (levels, types) = explicitLevels(paragraphLevel: paragraphLevel)
        let sequences = isolatingRunSequences(levels: levels, paragraphLevel: paragraphLevel)
        for sequence in sequences {
            resolveWeakTypes(sequence, types: &types)
            resolveBrackets(sequence, types: &types)
            resolveNeutralTypes(sequence, types: &types)
        }
        // I1–I2, after every sequence took its sos/eos from the explicit levels.
        for sequence in sequences {
            for index in sequence.indices {
                let type = types[index]
                if levels[index] % 2 == 0 {
                    if type == .rightToLeft { levels[index] += 1 } else if type == .arabicNumber || type == .europeanNumber { levels[index] += 2 }
                } else if type == .leftToRight || type == .europeanNumber || type == .arabicNumber {
                    levels[index] += 1
                }
            }
        }
        // L1: separators, and whitespace and isolate controls before them or at the line's end.
        var trailing = true
        for index in stride(from: count - 1, through: 0, by: -1) where !removed[index] {
            switch original[index] {
            case .segmentSeparator, .paragraphSeparator:
                levels[index] = paragraphLevel
                trailing = true
            case .whitespace, .leftToRightIsolate, .rightToLeftIsolate, .firstStrongIsolate, .popDirectionalIsolate:
                if trailing { levels[index] = paragraphLevel }
            default:
                trailing = false
            }
        }
        // L2: reverse every run at or above each level, from the highest to the lowest odd one.
        var order = (0 ..< count).filter { !removed[$0] }
        let shown = order.map { levels[$0] }
        if let highest = shown.max(), let lowest = shown.min() {
            let lowestOdd = lowest % 2 == 1 ? lowest : lowest + 1
            var level = highest
            while level >= lowestOdd {
                var start = 0
                while start < order.count {
                    guard levels[order[start]] >= level else { start += 1; continue }
                    var end = start
                    while end < order.count, levels[order[end]] >= level { end += 1 }
                    order[start ..< end].reverse()
                    start = end
                }
                level -= 1
            }
        }
        let result = (0 ..< count).map { removed[$0] ? nil : levels[$0] } as [Int?]
        return (paragraphLevel, result, order)
    }

    // MARK: P2–P3

    /// 0 or 1 by the first strong character in `start..<end`, skipping isolates; nil if none.
    private func firstStrongLevel(from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            switch original[index] {
            case .leftToRight: return 0
            case .rightToLeft, .arabicLetter: return 1
            case .leftToRightIsolate, .rightToLeftIsolate, .firstStrongIsolate:
                guard matchingPDI[index] >= 0 else { return nil }
                index = matchingPDI[index]
            default: break
            }
            index += 1
        }
        return nil
    }

    // MARK: X1–X8

    private struct StatusEntry {
        var level: Int
        var override: BidiClass?
        var isolate: Bool
    }

    private func explicitLevels(paragraphLevel: Int) -> (levels: [Int], types: [BidiClass]) {
        var levels = Array(repeating: paragraphLevel, count: scalars.count)
        var types = original
        var stack = [StatusEntry(level: paragraphLevel, override: nil, isolate: false)]
        var overflowIsolates = 0
        var overflowEmbeddings = 0
        var validIsolates = 0
        func nextLevel(_ level: Int, rightToLeft: Bool) -> Int {
            rightToLeft ? (level + 1) | 1 : (level + 2) & ~1
        }
        for index in scalars.indices {
            let type = original[index]
            switch type {
            case .rightToLeftEmbedding, .leftToRightEmbedding, .rightToLeftOverride, .leftToRightOverride:
                let rightToLeft = type == .rightToLeftEmbedding || type == .rightToLeftOverride
                let level = nextLevel(stack[stack.count - 1].level, rightToLeft: rightToLeft)
                if level <= Self.maxDepth, overflowIsolates == 0, overflowEmbeddings == 0 {
                    let override: BidiClass? = switch type {
                    case .rightToLeftOverride: .rightToLeft
                    case .leftToRightOverride: .leftToRight
                    default: nil
                    }
                    stack.append(StatusEntry(level: level, override: override, isolate: false))
                } else if overflowIsolates == 0 {
                    overflowEmbeddings += 1
                }
                levels[index] = stack[stack.count - 1].level
            case .rightToLeftIsolate, .leftToRightIsolate, .firstStrongIsolate:
                let top = stack[stack.count - 1]
                levels[index] = top.level
                if let override = top.override { types[index] = override }
                let rightToLeft = type == .rightToLeftIsolate
                    || (type == .firstStrongIsolate && firstStrongLevel(from: index + 1, to: matchingPDI[index] >= 0 ? matchingPDI[index] : scalars.count) == 1)
                let level = nextLevel(top.level, rightToLeft: rightToLeft)
                if level <= Self.maxDepth, overflowIsolates == 0, overflowEmbeddings == 0 {
                    validIsolates += 1
                    stack.append(StatusEntry(level: level, override: nil, isolate: true))
                } else {
                    overflowIsolates += 1
                }
            case .popDirectionalIsolate:
                if overflowIsolates > 0 {
                    overflowIsolates -= 1
                } else if validIsolates > 0 {
                    overflowEmbeddings = 0
                    while !stack[stack.count - 1].isolate { stack.removeLast() }
                    stack.removeLast()
                    validIsolates -= 1
                }
                let top = stack[stack.count - 1]
                levels[index] = top.level
                if let override = top.override { types[index] = override }
            case .popDirectionalFormat:
                if overflowIsolates > 0 {
                } else if overflowEmbeddings > 0 {
                    overflowEmbeddings -= 1
                } else if !stack[stack.count - 1].isolate, stack.count >= 2 {
                    stack.removeLast()
                }
                levels[index] = stack[stack.count - 1].level
            case .paragraphSeparator:
                levels[index] = paragraphLevel
            case .boundaryNeutral:
                levels[index] = stack[stack.count - 1].level
            default:
                let top = stack[stack.count - 1]
                levels[index] = top.level
                if let override = top.override { types[index] = override }
            }
        }
        return (levels, types)
    }

    // MARK: X10

    struct Sequence {
        var indices: [Int]
        var level: Int
        var sos: BidiClass
        var eos: BidiClass
        var embeddingDirection: BidiClass { level % 2 == 0 ? .leftToRight : .rightToLeft }
    }

    private func isInitiator(_ index: Int) -> Bool {
        switch original[index] {
        case .leftToRightIsolate, .rightToLeftIsolate, .firstStrongIsolate: true
        default: false
        }
    }

    private func isolatingRunSequences(levels: [Int], paragraphLevel: Int) -> [Sequence] {
        let kept = scalars.indices.filter { !removed[$0] }
        var runs: [[Int]] = []
        for index in kept {
            if let last = runs.last?.last, levels[last] == levels[index] {
                runs[runs.count - 1].append(index)
            } else {
                runs.append([index])
            }
        }
        var runStartingAt: [Int: Int] = [:]
        for (number, run) in runs.enumerated() { runStartingAt[run[0]] = number }
        // The kept character before and after each kept index, for sos and eos.
        var previousKept = Array(repeating: -1, count: scalars.count)
        var nextKept = Array(repeating: -1, count: scalars.count)
        for (position, index) in kept.enumerated() {
            previousKept[index] = position > 0 ? kept[position - 1] : -1
            nextKept[index] = position + 1 < kept.count ? kept[position + 1] : -1
        }
        var sequences: [Sequence] = []
        for run in runs {
            if isMatchedPDI[run[0]], original[run[0]] == .popDirectionalIsolate { continue }
            var indices = run
            var last = run[run.count - 1]
            while isInitiator(last), matchingPDI[last] >= 0, let next = runStartingAt[matchingPDI[last]] {
                indices += runs[next]
                last = runs[next][runs[next].count - 1]
            }
            let level = levels[indices[0]]
            let before = previousKept[indices[0]] >= 0 ? levels[previousKept[indices[0]]] : paragraphLevel
            let after = isInitiator(last) || nextKept[last] < 0 ? paragraphLevel : levels[nextKept[last]]
            sequences.append(Sequence(
                indices: indices, level: level,
                sos: max(level, before) % 2 == 0 ? .leftToRight : .rightToLeft,
                eos: max(level, after) % 2 == 0 ? .leftToRight : .rightToLeft
            ))
        }
        return sequences
    }

    // MARK: W1–W7

    private func resolveWeakTypes(_ sequence: Sequence, types: inout [BidiClass]) {
        let indices = sequence.indices
        // W1
        var previous = sequence.sos
        for index in indices {
            if types[index] == .nonspacingMark {
                switch previous {
                case .leftToRightIsolate, .rightToLeftIsolate, .firstStrongIsolate, .popDirectionalIsolate:
                    types[index] = .otherNeutral
                default:
                    types[index] = previous
                }
            }
            previous = types[index]
        }
        // W2 and W3
        var lastStrong = sequence.sos
        for index in indices {
            switch types[index] {
            case .leftToRight, .rightToLeft: lastStrong = types[index]
            case .arabicLetter:
                lastStrong = .arabicLetter
                types[index] = .rightToLeft
            case .europeanNumber where lastStrong == .arabicLetter:
                types[index] = .arabicNumber
            default: break
            }
        }
        // W4
        if indices.count >= 3 {
            for position in 1 ..< indices.count - 1 {
                let before = types[indices[position - 1]]
                let after = types[indices[position + 1]]
                switch types[indices[position]] {
                case .europeanSeparator where before == .europeanNumber && after == .europeanNumber:
                    types[indices[position]] = .europeanNumber
                case .commonSeparator where before == after && (before == .europeanNumber || before == .arabicNumber):
                    types[indices[position]] = before
                default: break
                }
            }
        }
        // W5
        var position = 0
        while position < indices.count {
            guard types[indices[position]] == .europeanTerminator else { position += 1; continue }
            var end = position
            while end < indices.count, types[indices[end]] == .europeanTerminator { end += 1 }
            let touchesNumber = (position > 0 && types[indices[position - 1]] == .europeanNumber)
                || (end < indices.count && types[indices[end]] == .europeanNumber)
            if touchesNumber {
                for inner in position ..< end { types[indices[inner]] = .europeanNumber }
            }
            position = end
        }
        // W6
        for index in indices {
            switch types[index] {
            case .europeanSeparator, .europeanTerminator, .commonSeparator: types[index] = .otherNeutral
            default: break
            }
        }
        // W7
        lastStrong = sequence.sos
        for index in indices {
            switch types[index] {
            case .leftToRight, .rightToLeft: lastStrong = types[index]
            case .europeanNumber where lastStrong == .leftToRight: types[index] = .leftToRight
            default: break
            }
        }
    }

    // MARK: N0

    /// U+2329/U+232A and U+3008/U+3009 are canonically equivalent brackets (BD16).
    private static func canonicalBracket(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x3008: 0x2329
        case 0x3009: 0x232A
        default: value
        }
    }

    /// L for L; R for R, AL, EN and AN (numbers count as R in N0–N2); nil for the rest.
    private static func strongDirection(_ type: BidiClass) -> BidiClass? {
        switch type {
        case .leftToRight: .leftToRight
        case .rightToLeft, .arabicLetter, .europeanNumber, .arabicNumber: .rightToLeft
        default: nil
        }
    }

    private func resolveBrackets(_ sequence: Sequence, types: inout [BidiClass]) {
        let indices = sequence.indices
        var pairs: [(open: Int, close: Int)] = []
        var openers: [(position: Int, closing: UInt32)] = []
        scan: for (position, index) in indices.enumerated() where types[index] == .otherNeutral {
            var paired: UInt32 = 0
            switch cicu_bidi_paired_bracket(scalars[index].value, &paired) {
            case 1:
                guard openers.count < Self.bracketStackCapacity else { break scan }
                openers.append((position, Self.canonicalBracket(paired)))
            case 2:
                let closing = Self.canonicalBracket(scalars[index].value)
                if let match = openers.lastIndex(where: { $0.closing == closing }) {
                    pairs.append((openers[match].position, position))
                    openers.removeSubrange(match...)
                }
            default:
                break
            }
        }
        pairs.sort { $0.open < $1.open }
        let embedding = sequence.embeddingDirection
        for pair in pairs {
            var foundEmbedding = false
            var foundOpposite = false
            for position in pair.open + 1 ..< pair.close {
                guard let direction = Self.strongDirection(types[indices[position]]) else { continue }
                if direction == embedding { foundEmbedding = true; break }
                foundOpposite = true
            }
            var resolved: BidiClass?
            if foundEmbedding {
                resolved = embedding
            } else if foundOpposite {
                var context = sequence.sos
                for position in stride(from: pair.open - 1, through: 0, by: -1) {
                    if let direction = Self.strongDirection(types[indices[position]]) { context = direction; break }
                }
                resolved = context != embedding ? context : embedding
            }
            guard let resolved else { continue }
            for bracket in [pair.open, pair.close] {
                types[indices[bracket]] = resolved
                var next = bracket + 1
                while next < indices.count, original[indices[next]] == .nonspacingMark {
                    types[indices[next]] = resolved
                    next += 1
                }
            }
        }
    }

    // MARK: N1–N2

    private static func isNeutralOrIsolate(_ type: BidiClass) -> Bool {
        switch type {
        case .paragraphSeparator, .segmentSeparator, .whitespace, .otherNeutral,
             .leftToRightIsolate, .rightToLeftIsolate, .firstStrongIsolate, .popDirectionalIsolate: true
        default: false
        }
    }

    private func resolveNeutralTypes(_ sequence: Sequence, types: inout [BidiClass]) {
        let indices = sequence.indices
        var position = 0
        while position < indices.count {
            guard Self.isNeutralOrIsolate(types[indices[position]]) else { position += 1; continue }
            var end = position
            while end < indices.count, Self.isNeutralOrIsolate(types[indices[end]]) { end += 1 }
            let before = position == 0 ? sequence.sos : Self.strongDirection(types[indices[position - 1]]) ?? sequence.embeddingDirection
            let after = end == indices.count ? sequence.eos : Self.strongDirection(types[indices[end]]) ?? sequence.embeddingDirection
            let resolved = before == after ? before : sequence.embeddingDirection
            for inner in position ..< end { types[indices[inner]] = resolved }
            position = end
        }
    }
}
