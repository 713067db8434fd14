#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings an input file may have (DATA.md: UTF-8, else CP949/EUC-KR).
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case cp949 = "CP949"
}

/// Size limits that keep a hostile file from exhausting memory.
public struct CSVLimits: Sendable, Equatable {
    public var maxFieldBytes: Int
    public var maxRecordBytes: Int

    package init(maxFieldBytes: Int = 1 << 20, maxRecordBytes: Int = 4 << 20) {
        self.maxFieldBytes = maxFieldBytes
        self.maxRecordBytes = max(maxRecordBytes, 64)
    }
}

/// Why a record could not be split into fields the RFC 4180 way.
public enum CSVProblem: Equatable, Sendable {
    case unterminatedQuote
    case quoteInUnquotedField(field: Int)
    case textAfterClosingQuote(field: Int)
    case recordTooLong(limit: Int)
    case fieldTooLong(field: Int, limit: Int)
}

package enum CSVReadError: Error {
    case input(InputError)
    /// Not UTF-8 at `offset`; `lookedLikeUTF8` when valid multi-byte UTF-8 came before it.
    case notUTF8(offset: Int, lookedLikeUTF8: Bool)
}

/// A streaming RFC 4180 reader over bytes.
///
/// One buffer is reused for the whole file and a record's fields are byte ranges into it,
/// so reading a row allocates nothing; callers turn only the fields they need into values.
///
/// Its `var`s are `@exclusivity(unchecked)`: one reader serves one scan on one thread, and no
/// method holds an access to one open across a call that could come back to it (the overlap the
/// run-time checks look for, which across targets would cost the run: BENCHMARKS.md, "The split
/// into nine targets").
@usableFromInline package final class CSVReader {
    let path: String
    private let source: ByteSource
    private let validatesUTF8: Bool
    private let limits: CSVLimits

    @exclusivity(unchecked) @usableFromInline var buffer: UnsafeMutableRawBufferPointer
    @exclusivity(unchecked) private var dataEnd = 0
    @exclusivity(unchecked) private var recordStart = 0
    @exclusivity(unchecked) private var validatedUpTo = 0
    @exclusivity(unchecked) private var bufferFileOffset = 0
    @exclusivity(unchecked) private var atEOF = false
    @exclusivity(unchecked) private var sawNonASCII = false
    @exclusivity(unchecked) private var nextLine = 1

    // The current record.
    @exclusivity(unchecked) package private(set) var line = 0
    @exclusivity(unchecked) package private(set) var problem: CSVProblem?
    /// A field's start and end offsets from its record's start, and whether it holds doubled quotes.
    @usableFromInline struct FieldRange {
        @usableFromInline var start: Int
        @usableFromInline var end: Int
        @usableFromInline var escaped: Bool
    }
    /// The fields of every record of the batch, one record after another. Owned here and
    /// reused, so splitting a record allocates nothing.
    @exclusivity(unchecked) @usableFromInline var fields = UnsafeMutablePointer<FieldRange>.allocate(capacity: 64)
    @exclusivity(unchecked) private var fieldCapacity = 64
    /// Where the current record's fields start in `fields`, and how many fields the record has.
    @exclusivity(unchecked) private var firstField = 0
    @exclusivity(unchecked) package private(set) var fieldCount = 0
    @exclusivity(unchecked) private var contentEnd = 0

    /// A record split ahead of its turn.
    @usableFromInline struct Record {
        @usableFromInline var start: Int
        var contentEnd: Int
        var line: Int
        @usableFromInline var firstField: Int
        @usableFromInline var fieldCount: Int
        @usableFromInline var problem: CSVProblem?
    }
    /// The records split from the data already in the buffer, up to `batchSize` at a time:
    /// a caller can look at the fields of the coming records (to prefetch what they refer
    /// to) before it reads them. The buffer is only refilled once the batch is used up, so
    /// the records' offsets stay valid.
    @inlinable package static var batchSize: Int { 512 }
    @usableFromInline let batch = UnsafeMutablePointer<Record>.allocate(capacity: CSVReader.batchSize)
    @exclusivity(unchecked) @usableFromInline package private(set) var batchCount = 0
    /// The current record's place in the batch.
    @exclusivity(unchecked) @usableFromInline package private(set) var batchPosition = 0
    /// Whether the last `next()` started a new batch.
    @exclusivity(unchecked) package private(set) var startedBatch = false
    /// Where a field with doubled quotes is unescaped; owned here.
    @exclusivity(unchecked) private var unescaped = UnsafeMutableRawBufferPointer.allocate(byteCount: 256, alignment: 1)
    @exclusivity(unchecked) private var truncatedRaw: [UInt8]?
    /// Blank lines passed over so far; they are not rows.
    @exclusivity(unchecked) package private(set) var blankLines = 0

    package convenience init(path: String, encoding: TextEncoding, limits: CSVLimits = CSVLimits()) throws(InputError) {
        switch encoding {
        case .cp949:
            self.init(path: path, source: try CP949ByteSource(path: path), validatesUTF8: false, limits: limits)
        case .utf8, .utf8WithBOM:
            self.init(path: path, source: try FileByteSource(path: path), validatesUTF8: true, limits: limits)
        }
    }

    /// Reads from any source; `validatesUTF8` when the source's bytes are to be checked as UTF-8.
    /// `firstLine` is the line number of the source's first byte (a chunk starts further down).
    package init(path: String, source: ByteSource, validatesUTF8: Bool, limits: CSVLimits, firstLine: Int = 1) {
        self.path = path
        nextLine = firstLine
        self.limits = limits
        self.source = source
        self.validatesUTF8 = validatesUTF8
        buffer = .allocate(byteCount: min(1 << 20, limits.maxRecordBytes), alignment: 8)
    }

    deinit {
        buffer.deallocate()
        fields.deallocate()
        batch.deallocate()
        unescaped.deallocate()
    }

    /// SHA-256 of the file as stored, once every record has been read.
    package var digest: String? { source.digest }

    /// The encoding actually met: a UTF-8 file that began with a byte-order mark says so.
    var hadByteOrderMark: Bool { (source as? FileByteSource)?.hadByteOrderMark ?? false }

    /// Advances to the next record; `false` at the end of the file.
    package func next() throws(CSVReadError) -> Bool {
        if batchPosition + 1 < batchCount {
            batchPosition += 1
            startedBatch = false
            select(batchPosition)
            return true
        }
        batchCount = 0
        firstField = 0
        guard try readFirstOfBatch() else { return false }
        splitAhead()
        batchPosition = 0
        startedBatch = true
        select(0)
        return true
    }

    /// The next record, refilling the buffer as needed, as the first of a new batch.
    private func readFirstOfBatch() throws(CSVReadError) -> Bool {
        recordStart = nextStart
        truncatedRaw = nil
        while true {
            if recordStart >= dataEnd && atEOF { return false }
            if let scanned = scan() {
                if accept(scanned) { return true }
                recordStart = nextStart
                continue
            }
            if recordStart == 0 && dataEnd == buffer.count {
                if buffer.count >= limits.maxRecordBytes {
                    try skipOverlongRecord()
                    addToBatch()
                    return true
                }
                grow()
            }
            try refill()
        }
    }

    /// Splits the records after the batch's first that are wholly in the buffer already.
    private func splitAhead() {
        while batchCount < CSVReader.batchSize {
            recordStart = nextStart
            guard recordStart < dataEnd, let scanned = scan() else { return }
            _ = accept(scanned)
        }
    }

    /// Counts the record just split and adds it to the batch; `false` for a blank line.
    private func accept(_ scanned: Scanned) -> Bool {
        line = nextLine
        nextLine += scanned.newlines
        nextStart = scanned.next
        contentEnd = scanned.contentEnd
        if contentEnd == 0 && problem == nil && fieldCount == 1 {
            blankLines += 1
            return false
        }
        addToBatch()
        return true
    }

    private func addToBatch() {
        batch[batchCount] = Record(
            start: recordStart, contentEnd: contentEnd, line: line, firstField: firstField, fieldCount: fieldCount,
            problem: problem)
        batchCount += 1
        firstField += fieldCount
    }

    /// Makes the batch's record `k` the current one.
    private func select(_ k: Int) {
        let record = batch[k]
        recordStart = record.start
        contentEnd = record.contentEnd
        line = record.line
        firstField = record.firstField
        fieldCount = record.fieldCount
        problem = record.problem
        if k > 0 { truncatedRaw = nil }
    }

    /// The bytes of field `index` of the batch's record `k`, for a look ahead: `nil` when the
    /// record has no such field or the field holds doubled quotes.
    @inlinable
    package func fieldAhead(_ index: Int, ofRecord k: Int) -> UnsafeRawBufferPointer? {
        let record = batch[k]
        guard index < record.fieldCount else { return nil }
        let field = fields[record.firstField + index]
        guard !field.escaped else { return nil }
        return UnsafeRawBufferPointer(rebasing: buffer[(record.start + field.start)..<(record.start + field.end)])
    }

    /// Whether the batch's record `k` was split without a problem into `width` fields.
    @inlinable
    package func isWhole(record k: Int, width: Int) -> Bool {
        batch[k].problem == nil && batch[k].fieldCount == width
    }

    @exclusivity(unchecked) private var nextStart = 0

    /// The bytes of field `index` (quotes removed, `""` made `"`), valid until the next call
    /// of `field` or `next`: a view into the reader's buffer, no copy.
    @inlinable
    package func field(_ index: Int) -> UnsafeRawBufferPointer {
        field(index, ofRecord: batchPosition)
    }

    /// `field(_:)` of the batch's record `k`, which must have the field (see `isWhole`).
    @inlinable
    package func field(_ index: Int, ofRecord k: Int) -> UnsafeRawBufferPointer {
        let record = batch[k]
        let field = fields[record.firstField + index]
        let start = record.start + field.start
        let end = record.start + field.end
        if !field.escaped {
            return UnsafeRawBufferPointer(rebasing: buffer[start..<end])
        }
        return unescape(from: start, to: end)
    }

    /// The bytes from `start` to `end` with each doubled quote made one, in a buffer owned here.
    @usableFromInline
    func unescape(from start: Int, to end: Int) -> UnsafeRawBufferPointer {
        if unescaped.count < end - start {
            unescaped.deallocate()
            unescaped = .allocate(byteCount: max(end - start, unescaped.count * 2), alignment: 1)
        }
        var i = start
        var n = 0
        while i < end {
            let byte = buffer[i]
            unescaped[n] = byte
            n += 1
            i += byte == UInt8(ascii: "\"") ? 2 : 1
        }
        return UnsafeRawBufferPointer(rebasing: unescaped[0..<n])
    }

    package func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// The record as it stood in the file, without its line break.
    package var rawRecord: String {
        if let truncatedRaw { return String(decoding: truncatedRaw, as: UTF8.self) + "…" }
        let end = min(recordStart + contentEnd, dataEnd)
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[recordStart..<end]), as: UTF8.self)
    }

    // MARK: - Scanning

    private struct Scanned {
        var contentEnd: Int
        var next: Int
        var newlines: Int
    }

    /// Splits the record at `recordStart` into fields; `nil` when it runs past the data read so far.
    private func scan() -> Scanned? {
        let limit = validatesUTF8 ? validatedUpTo : dataEnd
        return scanUnquoted(limit: limit) ?? scanQuoted(limit: limit)
    }

    /// The common record, with no quote in it, eight bytes at a time: each comma or line
    /// break in a word ends a field without going through the state machine. `nil` when the
    /// record has a quote, or its end is not at least eight bytes before `limit`; `scanQuoted`
    /// then reads it from its start.
    @inline(__always)
    private func scanUnquoted(limit: Int) -> Scanned? {
        let comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        fieldCount = 0
        problem = nil
        let base = recordStart
        var fieldStart = base
        var i = base
        while i + 8 <= limit {
            var special = QuoteMachine.specialBytes(buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            while special != 0 {
                let at = i + special.trailingZeroBitCount >> 3
                special &= special - 1
                let byte = buffer[at]
                if byte == comma {
                    addField(start: fieldStart - base, end: at - base, escaped: false)
                    fieldStart = at + 1
                } else if byte == lf || byte == cr {
                    guard let next = terminatorEnd(at: at, limit: limit) else { return nil }
                    addField(start: fieldStart - base, end: at - base, escaped: false)
                    return Scanned(contentEnd: at - base, next: next, newlines: 1)
                } else if byte == UInt8(ascii: "\"") {
                    return nil
                }
                // Anything else is a byte the word test flagged after a true one: pass on.
            }
            i += 8
        }
        return nil
    }

    private func addField(start: Int, end: Int, escaped: Bool) {
        if firstField + fieldCount == fieldCapacity { growFields() }
        fields[firstField + fieldCount] = FieldRange(start: start, end: end, escaped: escaped)
        fieldCount += 1
        if end - start > limits.maxFieldBytes && problem == nil {
            problem = .fieldTooLong(field: fieldCount - 1, limit: limits.maxFieldBytes)
        }
    }

    /// Splits the record the RFC 4180 way, byte by byte through the quote machine.
    private func scanQuoted(limit: Int) -> Scanned? {
        fieldCount = 0
        problem = nil
        let base = recordStart
        var i = base
        var machine = QuoteMachine()
        var fieldStart = base
        var fieldEscaped = false
        var newlines = 0
        func endField(_ end: Int) {
            addField(start: fieldStart - base, end: end - base, escaped: fieldEscaped)
            fieldEscaped = false
        }
        while i < limit {
            switch machine.step(buffer[i]) {
            case .text:
                guard machine.state == .unquoted else { break }
                // Unquoted text: pass over the bytes after it eight at a time, up to the next
                // comma, quote or line break (or the last few bytes read).
                i += 1
                while i + 8 <= limit {
                    let special = QuoteMachine.specialBytes(buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    if special != 0 {
                        i += special.trailingZeroBitCount >> 3
                        break
                    }
                    i += 8
                }
                continue
            case .openingQuote:
                fieldStart = i + 1
            case .lineFeedInQuotes:
                newlines += 1
            case .quoteInQuotes:
                break
            case .escapedQuote:
                fieldEscaped = true
            case let .fieldEnd(afterQuote):
                endField(afterQuote ? i - 1 : i)
                fieldStart = i + 1
            case let .recordEnd(afterQuote):
                endField(afterQuote ? i - 1 : i)
                guard let next = terminatorEnd(at: i, limit: limit) else { return nil }
                return Scanned(contentEnd: i - base, next: next, newlines: newlines + 1)
            case .strayQuote:
                if problem == nil { problem = .quoteInUnquotedField(field: fieldCount) }
            case .textAfterClosingQuote:
                if problem == nil { problem = .textAfterClosingQuote(field: fieldCount) }
            }
            i += 1
        }
        guard atEOF && limit == dataEnd else { return nil }
        // The last record of a file without a final line break.
        switch machine.state {
        case .fieldStart, .unquoted: endField(i)
        case .quoteInQuoted: endField(i - 1)
        case .quoted:
            endField(i)
            problem = .unterminatedQuote
        }
        if i == base && fieldCount == 1 { return Scanned(contentEnd: 0, next: i, newlines: 0) }
        return Scanned(contentEnd: i - base, next: i, newlines: 0)
    }

    /// Where the line break at `i` ends (CRLF, LF or a lone CR); `nil` if a CR is the last byte read.
    @inline(__always)
    private func terminatorEnd(at i: Int, limit: Int) -> Int? {
        if buffer[i] == UInt8(ascii: "\r") {
            if i + 1 < limit { return buffer[i + 1] == UInt8(ascii: "\n") ? i + 2 : i + 1 }
            return atEOF && limit == dataEnd ? i + 1 : nil
        }
        return i + 1
    }

    // MARK: - Buffer management

    private func growFields() {
        let bigger = UnsafeMutablePointer<FieldRange>.allocate(capacity: fieldCapacity * 2)
        bigger.moveInitialize(from: fields, count: firstField + fieldCount)
        fields.deallocate()
        fields = bigger
        fieldCapacity *= 2
    }

    private func grow() {
        let bigger = UnsafeMutableRawBufferPointer.allocate(
            byteCount: min(buffer.count * 2, limits.maxRecordBytes), alignment: 8)
        bigger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<dataEnd]))
        buffer.deallocate()
        buffer = bigger
    }

    /// Moves the unfinished record to the front and reads more after it.
    private func refill() throws(CSVReadError) {
        if recordStart > 0 {
            let keep = dataEnd - recordStart
            if keep > 0 {
                UnsafeMutableRawBufferPointer(rebasing: buffer[0..<keep])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[recordStart..<dataEnd]))
            }
            bufferFileOffset += recordStart
            validatedUpTo -= recordStart
            nextStart -= recordStart
            dataEnd = keep
            recordStart = 0
        }
        let n: Int
        do {
            n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[dataEnd...]))
        } catch {
            throw .input(error)
        }
        dataEnd += n
        if n == 0 { atEOF = true }
        if validatesUTF8 {
            let result = UTF8Validator.validate(
                UnsafeRawBufferPointer(buffer), from: validatedUpTo, to: dataEnd, final: atEOF)
            sawNonASCII = sawNonASCII || result.sawNonASCII
            if let bad = result.invalidAt {
                let bomShift = hadByteOrderMark ? 3 : 0
                throw .notUTF8(offset: bufferFileOffset + bad + bomShift, lookedLikeUTF8: sawNonASCII)
            }
            validatedUpTo = result.validUpTo
        }
    }

    /// Passes over a record longer than the limit, keeping its start for the rejects file.
    private func skipOverlongRecord() throws(CSVReadError) {
        truncatedRaw = Array(UnsafeRawBufferPointer(rebasing: buffer[0..<min(dataEnd, 200)]))
        fieldCount = 0
        problem = .recordTooLong(limit: limits.maxRecordBytes)
        line = nextLine
        var machine = QuoteMachine()
        var newlines = 0
        var i = 0
        while true {
            // Only bytes already checked as UTF-8 may be dropped; an unfinished sequence at the
            // end stays for the next check.
            let limit = validatesUTF8 ? validatedUpTo : dataEnd
            scanning: while i < limit {
                let before = machine
                switch machine.step(buffer[i]) {
                case .recordEnd:
                    // A CR that is the last byte read may be the first half of a CRLF: read on.
                    guard let next = terminatorEnd(at: i, limit: limit) else {
                        machine = before
                        break scanning
                    }
                    nextLine += newlines + 1
                    recordStart = 0
                    contentEnd = 0
                    nextStart = next
                    return
                case .lineFeedInQuotes:
                    newlines += 1
                default:
                    break
                }
                i += 1
            }
            if atEOF && limit == dataEnd {
                nextLine += newlines
                nextStart = dataEnd
                contentEnd = 0
                return
            }
            // Drop what was scanned (all but a CR waiting for its LF) and read on.
            recordStart = i
            nextStart = i
            try refill()
            i = 0
        }
    }
}
