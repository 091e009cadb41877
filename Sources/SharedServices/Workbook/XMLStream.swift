import Foundation

/// Feeds a part's bytes to a tokenizer as they are inflated, carrying a token cut by the
/// end of one chunk over to the next: only that remainder and the chunk are ever held.
struct XMLStream {
    private var pending: [UInt8] = []
    /// How far the token at the start of `pending` has been scanned already.
    private var resume: XMLTokenizer.Resume?

    /// Why a part could not be read as XML.
    struct Malformed: Error {
        var reason: String
    }

    /// Reads a part's XML as `produce` gives it a chunk at a time, each token to `handle`.
    static func read(
        _ produce: (_ feed: (Data) throws -> Void) throws -> Void,
        _ handle: (XMLTokenizer, XMLTokenizer.Token) throws -> Void
    ) throws {
        // `handle` is only called while `produce` runs, never kept.
        try withoutActuallyEscaping(handle) { handle in
            var stream = XMLStream()
            try produce { try stream.feed($0, handle) }
            try stream.finish(handle)
        }
    }

    /// Reads the tokens `chunk` completes; `handle` gets the tokenizer (for names,
    /// attributes and text) with each.
    mutating func feed(
        _ chunk: some Collection<UInt8>, _ handle: (XMLTokenizer, XMLTokenizer.Token) throws -> Void
    ) throws {
        pending.append(contentsOf: chunk)
        try process(isFinal: false, handle)
    }

    /// Reads what is left once the part has ended.
    mutating func finish(_ handle: (XMLTokenizer, XMLTokenizer.Token) throws -> Void) throws {
        try process(isFinal: true, handle)
    }

    private mutating func process(
        isFinal: Bool, _ handle: (XMLTokenizer, XMLTokenizer.Token) throws -> Void
    ) throws {
        let resume = self.resume
        let (consumed, next) = try pending.withUnsafeBufferPointer { buffer in
            var tokenizer = XMLTokenizer(bytes: buffer, isFinal: isFinal, resume: resume)
            while true {
                switch tokenizer.next() {
                case .token(let token): try handle(tokenizer, token)
                case .needMore: return (tokenizer.position, tokenizer.resume)
                case .finished: return (buffer.count, nil)
                case .malformed(let reason): throw Malformed(reason: reason)
                }
            }
        }
        pending.removeFirst(consumed)
        self.resume = next
    }
}
