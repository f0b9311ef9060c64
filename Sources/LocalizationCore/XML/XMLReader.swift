internal import CLibXML2
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Parses XML files that come from outside (translators' XLIFF, TMX, rule files) under the
/// rules of SECURITY.md: no network, no external or internal entity declarations, no DTD
/// loading, libxml2's default depth limit, and byte limits of our own checked before parsing.
public struct XMLReader: Sendable {
    /// Limits applied before and after parsing.
    public struct Limits: Sendable, Hashable {
        /// The largest file accepted, in bytes.
        public var maximumFileBytes: Int
        /// The largest single text node accepted, in bytes.
        public var maximumTextBytes: Int

        public init(maximumFileBytes: Int = 32 << 20, maximumTextBytes: Int = 1 << 20) {
            self.maximumFileBytes = maximumFileBytes
            self.maximumTextBytes = maximumTextBytes
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
        LibXML2.initialize()
    }

    /// Parses `bytes`, naming `file` in every error.
    public func parse(_ bytes: [UInt8], file: String) throws(XMLError) -> XML.Element {
        let builder = XMLTreeBuilder(file: file, maximumTextBytes: limits.maximumTextBytes)
        try parse(bytes, file: file, into: builder, installing: XMLTreeBuilder.install(on:))
        guard let root = builder.root else {
            throw XMLError(file: file, line: nil, message: "the document has no root element")
        }
        if let failure = builder.failure { throw failure }
        return root
    }

    /// Parses `bytes` under the rules above, libxml2's events going to `handler` through the
    /// callbacks `install` sets on the parser (which find `handler` in the context's `_private`):
    /// the tree builder's, or a reader that takes what it needs straight from the events.
    func parse(_ bytes: [UInt8], file: String, into handler: AnyObject, installing install: (xmlParserCtxtPtr) -> Void) throws(XMLError) {
        if bytes.count > limits.maximumFileBytes {
            throw XMLError(file: file, line: nil, message: "file is \(bytes.count) bytes, more than the limit of \(limits.maximumFileBytes)")
        }
        try Self.refuseEntityDeclarations(bytes, file: file)

        // No tree of libxml2's own: the handler makes what it reads from the parser's events,
        // and takes lines from the parser's input (so neither COMPACT nor BIG_LINES, options
        // of libxml2's tree).
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        guard let context = xmlNewParserCtxt() else {
            throw XMLError(file: file, line: nil, message: "libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        install(context)
        let document = withExtendedLifetime(handler) {
            context.pointee._private = Unmanaged.passUnretained(handler).toOpaque()
            defer { context.pointee._private = nil }
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    xmlCtxtReadMemory(context, pointer, Int32(buffer.count), file, nil, options)
                }
            }
        }
        // The document holds what libxml2's own handlers made of the prolog: the DTD, if any.
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            throw XMLError.lastError(of: context, file: file)
        }
        defer { xmlFreeDoc(document) }
        // A prefix without a declaration leaves names we cannot place in a namespace.
        if context.pointee.nsWellFormed == 0 {
            throw XMLError.lastError(of: context, file: file)
        }
        if let subset = document.pointee.intSubset, subset.pointee.entities != nil || subset.pointee.pentities != nil {
            throw XMLError(file: file, line: nil, message: "the document declares entities; entity declarations are refused")
        }
    }

    /// Calls `body` with the handler a callback of `parse(_:file:into:installing:)` works for
    /// and the parser context it is given (libxml2 passes its `userData`, which is the context
    /// itself, whose `_private` holds the handler). The handler is borrowed, not retained:
    /// `parse` keeps it alive for the whole parse, and taking it as a strong reference cost an
    /// atomic retain and release per event (8% of the profile samples of reading a job from them).
    static func withHandler<Handler: AnyObject>(_ context: UnsafeMutableRawPointer?, as _: Handler.Type,
                                                _ body: (Handler, xmlParserCtxtPtr) -> Void) {
        guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let handler = parser.pointee._private else { return }
        Unmanaged<Handler>.fromOpaque(handler)._withUnsafeGuaranteedRef { body($0, parser) }
    }

    /// Whether `bytes` have a line `line` (counting line feeds): `memchr` finds them, in files
    /// long enough to have that many.
    static func reaches(line: Int, _ bytes: [UInt8]) -> Bool {
        guard line > 1 else { return true }
        guard bytes.count >= line - 1 else { return false }
        var lines = 1
        var from = 0
        while let lineFeed = bytes.firstIndex(of: 0x0A, from: from) {
            lines += 1
            if lines >= line { return true }
            from = lineFeed + 1
        }
        return false
    }

    /// Entity declarations are refused before libxml2 sees them: a declared entity is the
    /// vehicle of XXE and of billion-laughs expansion, and no format we read needs one.
    private static func refuseEntityDeclarations(_ bytes: [UInt8], file: String) throws(XMLError) {
        let pattern = Array("<!ENTITY".utf8)
        // UTF-16 files spell the keyword with NUL bytes between; check the ASCII-folded view.
        let asciiView = bytes.count > 1 && (bytes[0] == 0 || bytes[1] == 0) ? bytes.filter { $0 != 0 } : bytes
        // `memchr` finds each `!` at memory speed (a rare byte outside declarations and
        // comments), and lines are counted only when a declaration is found: a byte-by-byte
        // loop doing both cost a twentieth of the parse.
        let declaration: Int? = {
            var from = 1 // a `!` at 0 has no `<` before it
            while let mark = asciiView.firstIndex(of: 0x21, from: from) {
                if asciiView[mark - 1] == 0x3C, asciiView[(mark - 1)...].starts(with: pattern) { return mark - 1 }
                from = mark + 1
            }
            return nil
        }()
        guard let declaration else { return }
        let line = 1 + asciiView[..<declaration].count { $0 == 0x0A }
        throw XMLError(file: file, line: line, message: "entity declarations are refused (<!ENTITY …>)")
    }
}

/// A file that is not acceptable XML, with where and why.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }

    static func lastError(of context: xmlParserCtxtPtr, file: String) -> XMLError {
        guard let error = xmlCtxtGetLastError(context), error.pointee.code != 0 else {
            return XMLError(file: file, line: nil, message: "not well-formed XML")
        }
        let message = error.pointee.message.map { String(cString: $0) }?
            .trimmingCharacters(in: " \n") ?? "not well-formed XML"
        return XMLError(file: file, line: Int(error.pointee.line), message: message)
    }
}

/// One-time libxml2 set-up; never `xmlCleanupParser()` from library code.
enum LibXML2 {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func initialize() {
        _ = initialized
    }
}

extension String {
    /// Drops the given characters from both ends.
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
