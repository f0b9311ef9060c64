/// Translatable content: text interleaved with references to inline codes.
///
/// Every format (HTML extraction, XLIFF 1.2 and 2.x) reads into and writes from this one
/// representation, so a code found in a page is the same value a translator's file refers to.
public struct Content: Sendable, Hashable {
    /// One run of content.
    public enum Fragment: Sendable, Hashable {
        case text(String)
        /// The start of a paired code.
        case opening(InlineCode)
        /// The end of a paired code; `code.id` matches its opening.
        case closing(InlineCode)
        /// A code with no partner: a standalone element, or one half of a pair whose other
        /// half lies outside this unit (`isolated` is then `true`).
        case standalone(InlineCode, isolated: IsolatedHalf? = nil)
    }

    /// For a pair split across units: which half this unit holds.
    public enum IsolatedHalf: Sendable, Hashable {
        case opening
        case closing
    }

    public var fragments: [Fragment]

    public init(_ fragments: [Fragment] = []) {
        self.fragments = Self.coalesced(fragments)
    }

    public init(text: String) {
        self.init([.text(text)])
    }

    /// The text alone, codes left out.
    public var plainText: String {
        fragments.reduce(into: "") { result, fragment in
            if case .text(let text) = fragment { result += text }
        }
    }

    /// The text as a reader sees it: codes that show text (a protected name) included.
    public var displayText: String {
        fragments.reduce(into: "") { result, fragment in
            switch fragment {
            case .text(let text): result += text
            case .standalone(let code, nil): result += code.displayText ?? ""
            default: break
            }
        }
    }

    /// Codes in the order they appear; a paired code appears once, at its opening.
    public var codes: [InlineCode] {
        fragments.compactMap { fragment in
            switch fragment {
            case .opening(let code), .standalone(let code, _): code
            case .text, .closing: nil
            }
        }
    }

    public var isEmpty: Bool { fragments.isEmpty }

    /// Merges neighbouring text runs and drops empty ones, so equal content compares equal.
    static func coalesced(_ fragments: [Fragment]) -> [Fragment] {
        // Most contents come coalesced already (read from a file, cut into sentences): they
        // are kept as they are, not copied fragment by fragment into a new array.
        if isCoalesced(fragments) { return fragments }
        var result: [Fragment] = []
        result.reserveCapacity(fragments.count)
        for fragment in fragments {
            if case .text(let text) = fragment {
                if text.isEmpty { continue }
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + text)
                    continue
                }
            }
            result.append(fragment)
        }
        return result
    }

    /// Whether no text is empty and no two texts are adjacent.
    private static func isCoalesced(_ fragments: [Fragment]) -> Bool {
        var previousIsText = false
        for fragment in fragments {
            guard case .text(let text) = fragment else {
                previousIsText = false
                continue
            }
            if text.isEmpty || previousIsText { return false }
            previousIsText = true
        }
        return true
    }
}

extension Content.Fragment {
    /// The code this fragment refers to, if any.
    public var code: InlineCode? {
        switch self {
        case .text: nil
        case .opening(let code), .closing(let code), .standalone(let code, _): code
        }
    }
}

extension Content {
    /// Fragments with isolated halves that meet inside the same unit turned into a pair:
    /// XLIFF writes a pair as `<bx>`/`<ex>`, `<bpt>`/`<ept>` or `<sc>`/`<ec>` as often as `<g>`/`<pc>`.
    static func pairingIsolatedHalves(_ fragments: [Fragment]) -> [Fragment] {
        var openings: Set<String> = []
        var closings: Set<String> = []
        for fragment in fragments {
            if case .standalone(let code, .opening?) = fragment { openings.insert(code.id) }
            if case .standalone(let code, .closing?) = fragment { closings.insert(code.id) }
        }
        // Most contents have no isolated half at all: no intersection to make.
        guard !openings.isEmpty, !closings.isEmpty else { return fragments }
        let paired = openings.intersection(closings)
        guard !paired.isEmpty else { return fragments }
        return fragments.map { fragment in
            switch fragment {
            case .standalone(let code, .opening?) where paired.contains(code.id): .opening(code)
            case .standalone(let code, .closing?) where paired.contains(code.id): .closing(code)
            default: fragment
            }
        }
    }
}
