/// Pieces of a column put end to end in one buffer sized at once, each piece copied by its
/// own piece of work: the stretches' columns become the register's on every core, with
/// no growing and no second copy.
enum ColumnJoining {
    /// `pieces` end to end, keeping of piece `i` only the rows `kept[i]` (every row when nil).
    static func joined<Element: BitwiseCopyable & Sendable>(_ pieces: [[Element]], keeping kept: [[Int]?]) -> [Element] {
        let offsets = startOffsets(pieces.indices.map { kept[$0]?.count ?? pieces[$0].count })
        return [Element](unsafeUninitializedCapacity: offsets.total) { buffer, initialised in
            let destination = Destination(buffer: buffer)
            _ = Parallel.map(pieces.count) { index in
                let piece = pieces[index]
                let start = offsets.starts[index]
                destination.prepareForWriting(start..<start + (kept[index]?.count ?? piece.count))
                if let rows = kept[index] {
                    for (offset, row) in rows.enumerated() { destination.buffer[start + offset] = piece[row] }
                } else {
                    piece.withUnsafeBufferPointer { source in
                        if let from = source.baseAddress, let to = destination.buffer.baseAddress {
                            (to + start).initialize(from: from, count: source.count)
                        }
                    }
                }
            }
            initialised = offsets.total
        }
    }

    /// `pieces` end to end.
    static func joined<Element: BitwiseCopyable & Sendable>(_ pieces: [[Element]]) -> [Element] {
        joined(pieces, keeping: [[Int]?](repeating: nil, count: pieces.count))
    }

    /// Where each piece starts, and the whole length.
    static func startOffsets(_ counts: [Int]) -> (starts: [Int], total: Int) {
        var starts: [Int] = []
        starts.reserveCapacity(counts.count)
        var total = 0
        for count in counts {
            starts.append(total)
            total += count
        }
        return (starts, total)
    }

    /// A buffer each piece of work writes its own part of, and none reads: safe to share.
    struct Destination<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>

        /// Makes the pages of the part `range` ready for writing (`MemoryPages`) before
        /// a piece is copied there.
        func prepareForWriting(_ range: Range<Int>) {
            MemoryPages.prepareForWriting(UnsafeMutableBufferPointer(rebasing: buffer[range]))
        }
    }
}

extension TextColumn {
    /// `pieces` end to end, keeping of piece `i` only the rows `kept[i]` (every row when nil).
    /// Each piece is freed as soon as it is copied, so the text is not held twice.
    static func joined(_ pieces: consuming [TextColumn], keeping kept: [[Int]?]) -> TextColumn {
        let byteCounts = pieces.indices.map { index in
            guard let rows = kept[index] else { return pieces[index].bytes.count }
            return rows.reduce(0) { $0 + pieces[index].range($1).count }
        }
        let rowCounts = pieces.indices.map { kept[$0]?.count ?? pieces[$0].count }
        let boxes = pieces.map(PieceBox.init)
        _ = consume pieces
        let byteOffsets = ColumnJoining.startOffsets(byteCounts)
        let rowOffsets = ColumnJoining.startOffsets(rowCounts)
        var ends: [Int] = []
        let bytes = [UInt8](unsafeUninitializedCapacity: byteOffsets.total) { byteBuffer, bytesInitialised in
            ends = [Int](unsafeUninitializedCapacity: rowOffsets.total) { endBuffer, endsInitialised in
                let byteDestination = ColumnJoining.Destination(buffer: byteBuffer)
                let endDestination = ColumnJoining.Destination(buffer: endBuffer)
                _ = Parallel.map(boxes.count) { index in
                    let byteStart = byteOffsets.starts[index]
                    let endStart = rowOffsets.starts[index]
                    byteDestination.prepareForWriting(byteStart..<byteStart + byteCounts[index])
                    endDestination.prepareForWriting(endStart..<endStart + rowCounts[index])
                    boxes[index].take().copy(
                        rows: kept[index], bytesTo: byteDestination.buffer, at: byteStart,
                        endsTo: endDestination.buffer, at: endStart)
                }
                endsInitialised = rowOffsets.total
            }
            bytesInitialised = byteOffsets.total
        }
        return TextColumn(bytes: bytes, ends: ends)
    }

    /// One piece, taken out by the one piece of work that copies it.
    private final class PieceBox: @unchecked Sendable {
        private var piece: TextColumn?

        init(_ piece: TextColumn) { self.piece = piece }

        func take() -> TextColumn {
            defer { piece = nil }
            return piece ?? TextColumn()
        }
    }

    /// Copies `rows` (every row when nil) into `bytes` from `byteStart` and their ends,
    /// counted in `bytes`, into `ends` from `endStart`.
    private func copy(
        rows: [Int]?, bytesTo bytes: UnsafeMutableBufferPointer<UInt8>, at byteStart: Int,
        endsTo ends: UnsafeMutableBufferPointer<Int>, at endStart: Int
    ) {
        self.bytes.withUnsafeBufferPointer { source in
            guard let rows else {
                if let from = source.baseAddress, let to = bytes.baseAddress {
                    (to + byteStart).initialize(from: from, count: source.count)
                }
                for row in self.ends.indices { ends[endStart + row] = self.ends[row] + byteStart }
                return
            }
            var end = byteStart
            for (offset, row) in rows.enumerated() {
                for index in range(row) {
                    bytes[end] = source[index]
                    end += 1
                }
                ends[endStart + offset] = end
            }
        }
    }
}
