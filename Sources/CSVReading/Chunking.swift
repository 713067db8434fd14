/// How a large UTF-8 file is split for parsing in parallel: record boundaries found by one
/// sequential pass that also hashes the file and checks its UTF-8.
///
/// The pass drives the reader's own quote state machine (`QuoteMachine`), so a boundary is
/// exactly where the sequential reader ends a record, and the line number there is the one it
/// would count. It gives up (no split; the file is read sequentially) on anything where the
/// reader's recovery could see records differently: a stray quote, a record over the size
/// limit, or bytes that are not UTF-8 (CP949 files are read sequentially anyway).
package struct ChunkPlan {
    package var ranges: [Range<Int>]
    /// The line number of each chunk's first record.
    package var firstLines: [Int]
    package var digest: String
    package var hadByteOrderMark: Bool

    /// Chunks of about `chunkBytes`; `nil` when the file should be read in one piece.
    package static func make(path: String, chunkBytes: Int, limits: CSVLimits) throws(InputError) -> ChunkPlan? {
        let source = try FileByteSource(path: path, raw: true)
        let capacity = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity + 8, alignment: 8)
        defer { buffer.deallocate() }

        var machine = QuoteMachine()
        var ranges: [Range<Int>] = []
        var firstLines = [1]
        var chunkStart = 0
        var line = 1
        var recordStart = 0
        var pendingCR = false
        var hadBOM = false
        var carried = 0
        var fileOffset = 0  // file offset of buffer[0]
        var first = true

        func boundary(at offset: Int) {
            recordStart = offset
            if offset - chunkStart >= chunkBytes {
                ranges.append(chunkStart..<offset)
                firstLines.append(line)
                chunkStart = offset
            }
        }

        /// Eight bytes at once, where the machine would only count lines in them (`pass`), no
        /// chunk boundary is due and the record is not near the size limit. Returns where to go
        /// on, or `nil` for the machine to take the next byte.
        func skipWord(at i: Int) -> Int? {
            let offset = fileOffset + i
            guard offset + 8 - chunkStart < chunkBytes, offset + 8 - recordStart <= limits.maxRecordBytes else { return nil }
            let quoted = machine.state == .quoted
            guard let lineFeeds = machine.pass(buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self)) else { return nil }
            // A line feed inside quotes is a line, not the record's end.
            if !quoted && lineFeeds != 0 { recordStart = offset + (63 - lineFeeds.leadingZeroBitCount) / 8 + 1 }
            line += lineFeeds.nonzeroBitCount
            return i + 8
        }

        while true {
            let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[carried..<(carried + capacity)]))
            let end = carried + n
            let atEnd = n == 0
            let check = UTF8Validator.validate(UnsafeRawBufferPointer(buffer), from: 0, to: end, final: atEnd)
            if check.invalidAt != nil { return nil }
            var i = 0
            if first {
                first = false
                if end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                    hadBOM = true
                    i = 3
                }
            }
            while i < check.validUpTo {
                if !pendingCR && i + 8 <= check.validUpTo, let next = skipWord(at: i) {
                    i = next
                    continue
                }
                let byte = buffer[i]
                let offset = fileOffset + i
                if pendingCR {
                    pendingCR = false
                    if byte == UInt8(ascii: "\n") {
                        boundary(at: offset + 1)
                        i += 1
                        continue
                    }
                    boundary(at: offset)
                }
                switch machine.step(byte) {
                case .text, .openingQuote, .quoteInQuotes, .escapedQuote, .fieldEnd:
                    break
                case .lineFeedInQuotes:
                    line += 1
                case .recordEnd:
                    line += 1
                    if byte == UInt8(ascii: "\r") {
                        pendingCR = true
                    } else {
                        boundary(at: offset + 1)
                    }
                case .strayQuote, .textAfterClosingQuote:
                    return nil  // the reader's recovery decides the record
                }
                if offset - recordStart > limits.maxRecordBytes { return nil }
                i += 1
            }
            if atEnd { break }
            // Keep an unfinished UTF-8 sequence for the next read.
            carried = end - check.validUpTo
            if carried > 0 {
                UnsafeMutableRawBufferPointer(rebasing: buffer[0..<carried])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[check.validUpTo..<end]))
            }
            fileOffset += check.validUpTo
        }
        let total = source.fileOffset
        if machine.state == .quoted { return nil }
        if chunkStart < total { ranges.append(chunkStart..<total) } else { firstLines.removeLast() }
        guard ranges.count > 1, let digest = source.digest else { return nil }
        return ChunkPlan(ranges: ranges, firstLines: firstLines, digest: digest, hadByteOrderMark: hadBOM)
    }
}
