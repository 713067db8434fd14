@testable import CSVReading
@testable import DataContract
@testable import Evaluation
import XCTest

/// References looked up a batch ahead must be the rows the field parser finds for the same
/// fields; a field the look-ahead leaves alone (empty, with doubled quotes, naming no row) is
/// left to the parser, which says what is wrong with it. Keys of up to 8 bytes are looked up
/// from what the prefetch read; longer ones (a second word, bytes beside the index) by their bytes.
final class ReferencesAheadTests: XCTestCase {
    func testLookAheadAgreesWithTheParser() throws {
        let participants = KeyIndex()
        for i in 0..<500 { XCTAssertTrue(participants.insert("P\(i)", row: Int32(i))) }
        XCTAssertTrue(participants.insert("\"", row: 500))
        for i in 0..<50 { XCTAssertTrue(participants.insert("PARTICIPANT-\(i)", row: Int32(600 + i))) }
        // 8 and 9 bytes: the last short key and the first long one.
        for i in 0..<50 { XCTAssertTrue(participants.insert("P\(String(1_000_000 + i))", row: Int32(700 + i))) }
        for i in 0..<50 { XCTAssertTrue(participants.insert("PP\(String(1_000_000 + i))", row: Int32(750 + i))) }
        var parser = FieldParser(columns: [
            ColumnSchema(name: "participant_id", type: .reference(table: "participants", alias: "participant"), optional: true),
            ColumnSchema(name: "note", type: .text, optional: true),
        ])
        parser.resolveReferences(0, with: participants)
        var text = "note,participant_id\n"
        for i in 0..<700 {
            let field: String
            switch i % 9 {
            case 0: field = ""
            case 1: field = " P\(i % 500) "
            case 2: field = "\"P\(i % 500)\""
            case 3: field = "\"\"\"\""  // a lone doubled quote: the key "\""
            case 4: field = "Q\(i)"
            case 5: field = "PARTICIPANT-\(i % 60)"  // 13-14 bytes; from 50 on, naming no row
            case 6: field = " PARTICIPANT-\(i % 50)"
            case 7: field = i % 2 == 0 ? "P\(String(1_000_000 + i % 55))" : " P\(String(1_000_000 + i % 50))\t"  // 8 bytes; from 50 on, no row
            case 8 where i % 4 == 0: field = "PP\(String(1_000_000 + i % 55))"  // 9 bytes
            default: field = "P\((i * 37) % 600)"
            }
            text += "n\(i),\(field)\n"
        }
        let folder = TemporaryFolder()
        let path = folder.write("attendance.csv", text)
        let reader = try CSVReader(path: path, encoding: .utf8, limits: CSVLimits(maxFieldBytes: 64, maxRecordBytes: 256))
        let kept = KeptRows(width: 1)
        var ahead = ReferencesAhead(positions: [1, 0], parser: parser, ownKeys: nil, keptRowsRead: [0: kept])
        // The header starts the first batch, as in `TableScanner`.
        XCTAssertTrue(try reader.next())
        ahead.prefetch(reader)
        ahead.lookUp(reader)
        var records = 0
        var resolved = 0
        var longResolved = 0
        var eightByteResolved = 0
        while try reader.next() {
            if reader.startedBatch {
                ahead.prefetch(reader)
                ahead.lookUp(reader)
            }
            records += 1
            var cell: UInt64 = 0
            let parsed: Result<Value, FieldParser.Failure> = parser.parse(reader.field(1), column: 0, into: &cell)
                .map { .failure($0) } ?? .success(KeptRows.decode(cell, texts: []))
            let row = ahead.withRows(column: 0) { $0.map { $0[reader.batchPosition] } } ?? -1
            if row >= 0 {
                resolved += 1
                if row >= 600 && row < 700 || row >= 750 { longResolved += 1 }
                if row >= 700 && row < 750 { eightByteResolved += 1 }
                XCTAssertEqual(try parsed.get(), .row(row), "line \(reader.line)")
            } else if reader.field(1).first != UInt8(ascii: "\"") {
                // Left to the parser: missing or a dangling reference (or a doubled quote).
                XCTAssertNotEqual(try? parsed.get().isMissing, false, "line \(reader.line): \(parsed)")
            }
            XCTAssertTrue(ahead.withRows(column: 1) { $0 == nil }, "a text column is no reference")
        }
        XCTAssertEqual(records, 700)
        XCTAssertGreaterThan(resolved, 400)
        XCTAssertGreaterThan(longResolved, 100)
        XCTAssertGreaterThan(eightByteResolved, 50)
    }
}
