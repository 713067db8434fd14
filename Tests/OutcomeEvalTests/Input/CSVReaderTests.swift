@testable import CSVReading
import XCTest

/// Reads a whole file with the reader and returns each record's fields (or its problem).
private func records(
    _ bytes: [UInt8], limits: CSVLimits = CSVLimits(maxFieldBytes: 1 << 20, maxRecordBytes: 64)
) throws -> (rows: [[String]], problems: [CSVProblem?], lines: [Int], encoding: TextEncoding) {
    let folder = TemporaryFolder()
    let path = folder.write("t.csv", bytes: bytes)
    let (result, encoding) = try readCSV(path: path, limits: limits) { reader -> ([[String]], [CSVProblem?], [Int]) in
        var rows: [[String]] = []
        var problems: [CSVProblem?] = []
        var lines: [Int] = []
        while try reader.next() {
            rows.append((0..<reader.fieldCount).map { reader.string($0) })
            problems.append(reader.problem)
            lines.append(reader.line)
        }
        return (rows, problems, lines)
    }
    return (result.0, result.1, result.2, encoding)
}

private func records(_ text: String) throws -> (rows: [[String]], problems: [CSVProblem?], lines: [Int], encoding: TextEncoding) {
    try records(Array(text.utf8))
}

final class CSVReaderTests: XCTestCase {
    func testQuotedCommasQuotesAndLineBreaks() throws {
        let r = try records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,,end\n")
        XCTAssertEqual(r.rows, [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["plain", "", "end"]])
        XCTAssertEqual(r.problems, [nil, nil, nil])
        // The record after a quoted line break starts on line 4.
        XCTAssertEqual(r.lines, [1, 2, 4])
    }

    /// Unquoted fields are passed over eight bytes at a time: a comma, quote or line break at
    /// every offset of the word, after fields of every length around the word size, and
    /// Hangul (whose UTF-8 bytes are all above 0x80) are found where a byte-by-byte scan finds them.
    func testSeparatorsAtEveryOffsetOfAWord() throws {
        for length in 1...19 {
            for stem in ["x", "가"] {
                let field = String(repeating: stem, count: length)
                let text = "\(field),\(field)\n\(field)\r\n\(field)q\"\(field),\(field)\r\(field)"
                let r = try records(Array(text.utf8), limits: CSVLimits(maxFieldBytes: 1 << 20, maxRecordBytes: 1 << 16))
                XCTAssertEqual(r.rows, [[field, field], [field], ["\(field)q\"\(field)", field], [field]], "\(length) \(stem)")
                XCTAssertEqual(r.problems, [nil, nil, .quoteInUnquotedField(field: 0), nil], "\(length) \(stem)")
            }
        }
    }

    /// Several fields in one word are split from the word's mask, whose flags above the first
    /// may mark a byte just above a separator ("-" after ",", "#" after a quote, 0x0B after LF,
    /// 0x0E after CR): such bytes must stay in their fields. Rows built from known fields, with
    /// both line breaks, must come back as built.
    func testShortFieldsAndTheBytesAboveSeparatorsSplitAsBuilt() throws {
        let pieces = ["", "-", "#", "\u{0B}", "\u{0E}", "x", "가", "-x", "12", "a b", "+--", "\t", ",-"]
        var state: UInt64 = 7
        func pick(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        var expected: [[String]] = []
        var text = ""
        for _ in 0..<400 {
            let row = (0..<(2 + pick(6))).map { _ in pieces[pick(pieces.count - 1)] }
            expected.append(row)
            text += row.joined(separator: ",") + (pick(2) == 0 ? "\n" : "\r\n")
        }
        // A quoted field holding a comma and the byte above it, among the unquoted ones.
        expected.append([",-", "x"])
        text += "\"" + pieces[pieces.count - 1] + "\",x\n"
        let r = try records(Array(text.utf8), limits: CSVLimits(maxFieldBytes: 1 << 20, maxRecordBytes: 1 << 16))
        XCTAssertEqual(r.rows, expected)
        XCTAssertEqual(r.problems, expected.map { _ in nil })
        XCTAssertEqual(r.lines, Array(1...expected.count))
    }

    /// The records split ahead (whose keys the scanner prefetches) are the records `next()`
    /// then gives, across buffer refills (a 64-byte buffer here), blank lines and quoted fields.
    func testFieldsAheadAreTheComingRecordsFields() throws {
        var text = ""
        for i in 0..<300 {
            text += i % 7 == 0 ? "\"q\"\"\(i)\",x\n" : "P\(i),A\(i % 13)\n"
            if i % 11 == 0 { text += "\n" }
        }
        let folder = TemporaryFolder()
        let path = folder.write("t.csv", text)
        let reader = try CSVReader(path: path, encoding: .utf8, limits: CSVLimits(maxFieldBytes: 64, maxRecordBytes: 64))
        var ahead: [String?] = []
        var read: [String] = []
        var batches = 0
        while try reader.next() {
            if reader.startedBatch {
                XCTAssertTrue(ahead.isEmpty, "a batch starts when the last one is used up")
                batches += 1
                for k in 0..<reader.batchCount {
                    ahead.append(reader.fieldAhead(0, ofRecord: k).map { String(decoding: $0, as: UTF8.self) })
                }
            }
            let expected = ahead.removeFirst()
            read.append(reader.string(0))
            // A field with doubled quotes is not offered ahead.
            XCTAssertEqual(expected, read.last!.hasPrefix("q") ? nil : read.last!)
        }
        XCTAssertEqual(read.count, 300)
        XCTAssertEqual(read[7], "q\"7")
        // A 64-byte buffer holds at most six of these records, so at least 50 batches, however
        // many records a batch may hold.
        XCTAssertGreaterThan(batches, 30, "the small buffer ends batches early")
    }

    /// The word test flags bytes below "-" (0x2D): the separators, and spaces, tabs and a few
    /// marks the reader passes over. Its lowest flag is the first such byte; every such byte is
    /// flagged; the only other byte ever flagged is a "-" right above a flagged byte.
    func testSpecialBytesFindsTheFirstSeparatorOfAWord() {
        for special in [UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A, 0x0D, 0x20, 0x09, 0x2B, 0x00] {
            for position in 0..<8 {
                // Ordinary bytes around it: "-", digits, letters, DEL and Hangul's 0x80 and up.
                var bytes: [UInt8] = [0x2D, 0x2E, 0x30, 0x41, 0x7F, 0x80, 0xEA, 0xFF]
                bytes[position] = special
                // A second special byte later in the word must not hide the first.
                if position < 7 { bytes[7] = UInt8(ascii: ",") }
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                XCTAssertEqual(QuoteMachine.specialBytes(word).trailingZeroBitCount >> 3, position, "\(special) at \(position)")
            }
        }
        let ordinary = [UInt8]("abc가-0Z".utf8).prefix(8)
        XCTAssertEqual(QuoteMachine.specialBytes(Array(ordinary).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }), 0)
        var state: UInt64 = 3
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Bytes drawn mostly from around the threshold.
            let bytes = (0..<8).map { i -> UInt8 in
                let r = UInt8(truncatingIfNeeded: state >> UInt64(8 * i))
                return r & 0x80 != 0 ? r : 0x28 + r % 8
            }
            let mask = QuoteMachine.specialBytes(bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
            for (i, byte) in bytes.enumerated() {
                let flagged = mask & (0x80 << UInt64(8 * i)) != 0
                if byte < 0x2D { XCTAssertTrue(flagged, "\(bytes) at \(i)") }
                // The borrow of a flagged byte runs into a "-" above it (and on up a run of them).
                let belowFlagged = i > 0 && mask & (0x80 << UInt64(8 * (i - 1))) != 0
                if flagged && byte >= 0x2D { XCTAssertTrue(byte == 0x2D && belowFlagged, "\(bytes) at \(i)") }
            }
        }
    }

    func testCRLFAndLFAndNoFinalLineBreak() throws {
        XCTAssertEqual(try records("a,b\r\n1,2\r\n3,4").rows, [["a", "b"], ["1", "2"], ["3", "4"]])
        XCTAssertEqual(try records("a,b\n1,2\n3,4\n").rows, [["a", "b"], ["1", "2"], ["3", "4"]])
        XCTAssertEqual(try records("a,b\r\n\"q\"\r\n").rows, [["a", "b"], ["q"]])
    }

    func testEmptyFieldsAndEmptyQuotedField() throws {
        XCTAssertEqual(try records(",,\n\"\",x,\n").rows, [["", "", ""], ["", "x", ""]])
    }

    func testBlankLinesAreSkippedNotCounted() throws {
        let r = try records("a\n\n1\n\r\n2\n")
        XCTAssertEqual(r.rows, [["a"], ["1"], ["2"]])
        XCTAssertEqual(r.lines, [1, 3, 5])
    }

    func testRecordsLongerThanTheBufferAcrossRefills() throws {
        // The buffer starts at 64 bytes here, so these records cross many refills.
        let long = String(repeating: "가나다", count: 40)
        let r = try records(Array("h1,h2\n\"\(long)\",\(long)\nx,y\n".utf8), limits: CSVLimits(maxRecordBytes: 1 << 16))
        XCTAssertEqual(r.rows, [["h1", "h2"], [long, long], ["x", "y"]])
    }

    func testByteOrderMarkIsDroppedAndReported() throws {
        let r = try records([0xEF, 0xBB, 0xBF] + Array("id,name\n1,종로\n".utf8))
        XCTAssertEqual(r.rows, [["id", "name"], ["1", "종로"]])
        XCTAssertEqual(r.encoding, .utf8WithBOM)
    }

    func testCP949IsDetectedAndDecoded() throws {
        // 종로구 in CP949, as Korean Excel saves it.
        let bytes = Array("district,n\r\n".utf8) + [0xC1, 0xBE, 0xB7, 0xCE, 0xB1, 0xB8] + Array(",1\r\n".utf8)
        let r = try records(bytes)
        XCTAssertEqual(r.rows, [["district", "n"], ["종로구", "1"]])
        XCTAssertEqual(r.encoding, .cp949)
    }

    func testNeitherUTF8NorCP949NamesTheByteOffset() throws {
        // 0xFF is a lead byte in neither encoding; it stands at offset 6.
        XCTAssertThrowsError(try records(Array("a,b\n1,".utf8) + [0xFF] + Array("\n".utf8))) { error in
            guard case let InputError.unknownEncoding(path, offset) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(path.hasSuffix("t.csv"))
            XCTAssertEqual(offset, 6)
        }
    }

    func testBrokenUTF8AfterValidHangulIsReportedAtTheUTF8Offset() throws {
        // Valid UTF-8 Hangul, then a lone continuation byte: broken UTF-8, not CP949.
        let bytes = Array("a\n종로\n".utf8) + [0x80, 0x41] + Array("\n".utf8)
        XCTAssertThrowsError(try records(bytes)) { error in
            XCTAssertEqual(error as? InputError, .unknownEncoding(path: (error as! InputError).path, offset: 9))
        }
    }

    func testUnterminatedQuoteAtEndOfFile() throws {
        let r = try records("a,b\n1,\"open\n2,3\n")
        XCTAssertEqual(r.problems.last!, .unterminatedQuote)
        XCTAssertEqual(r.rows.count, 2)
    }

    func testQuoteInsideUnquotedFieldAndTextAfterClosingQuote() throws {
        let r = try records("a,b\nab\"c,1\n\"x\"y,2\nok,3\n")
        XCTAssertEqual(r.problems, [nil, .quoteInUnquotedField(field: 0), .textAfterClosingQuote(field: 0), nil])
        XCTAssertEqual(r.rows.last!, ["ok", "3"])
    }

    func testOverlongRecordIsReportedAndReadingGoesOn() throws {
        let huge = String(repeating: "x", count: 500)
        let r = try records(Array("a,b\n\(huge),\"q\n\(huge)\"\nnext,1\n".utf8), limits: CSVLimits(maxRecordBytes: 128))
        XCTAssertEqual(r.problems, [nil, .recordTooLong(limit: 128), nil])
        XCTAssertEqual(r.rows.last!, ["next", "1"])
        XCTAssertEqual(r.lines, [1, 2, 4])
    }

    /// An overlong record whose CRLF is split by a refill (the CR the last byte of one read,
    /// the LF the first of the next) ends at that CRLF: the LF is no blank line, and the next
    /// record keeps its line number (found by the chunks fuzz target: a chunked read, whose
    /// refills fall elsewhere, counted one line fewer). With a 64-byte buffer, each refill
    /// after the first reads 64 bytes, so the CR at offset 127 ends the second read.
    func testOverlongRecordWhoseCRLFStraddlesARefill() throws {
        let overlong = String(repeating: "x", count: 127) + "\r\n"
        let r = try records(Array((overlong + "a,b\n").utf8), limits: CSVLimits(maxFieldBytes: 1 << 20, maxRecordBytes: 64))
        XCTAssertEqual(r.problems, [.recordTooLong(limit: 64), nil])
        XCTAssertEqual(r.rows.last!, ["a", "b"])
        XCTAssertEqual(r.lines, [1, 2])
    }

    func testOverlongFieldIsReported() throws {
        let r = try records(Array("a,b\n12345678901,2\n".utf8), limits: CSVLimits(maxFieldBytes: 10, maxRecordBytes: 1024))
        XCTAssertEqual(r.problems, [nil, .fieldTooLong(field: 0, limit: 10)])
    }

    func testEmptyFileHasNoRecords() throws {
        XCTAssertEqual(try records([]).rows, [])
    }
}

extension InputError {
    var path: String {
        switch self {
        case let .cannotOpen(path, _), let .cannotRead(path, _), let .unknownEncoding(path, _):
            return path
        }
    }
}
