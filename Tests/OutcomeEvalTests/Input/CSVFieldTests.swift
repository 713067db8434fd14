@testable import CSVReading
import XCTest

/// The one CSV quoting of the package (reports' CSVs, sample data): by hand, and read back
/// by the reader.
final class CSVFieldTests: XCTestCase {
    private let cases: [(field: String, written: String)] = [
        ("plain", "plain"),
        ("", ""),
        ("마포구", "마포구"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("a\nb", "\"a\nb\""),
        ("a\rb", "\"a\rb\""),
        // One Character, neither "\r" nor "\n": still a line break to a CSV reader.
        ("a\r\nb", "\"a\r\nb\""),
        // A quote with a combining mark is one Character; its quote is still doubled.
        ("\"\u{301}", "\"\"\"\u{301}\""),
        ("서울, 마포", "\"서울, 마포\""),
    ]

    func testQuotesOnlyWhatNeedsIt() {
        for (field, written) in cases {
            XCTAssertEqual(CSVField.quoted(field), written, field.debugDescription)
        }
    }

    func testTheReaderGetsBackEveryField() throws {
        let fields = cases.map(\.field)
        let record = fields.map(CSVField.quoted).joined(separator: ",") + "\r\n"
        let reader = CSVReader(
            path: "fields.csv", source: MemoryByteSource(Array(record.utf8)), validatesUTF8: true, limits: CSVLimits())
        XCTAssertTrue(try reader.next())
        XCTAssertNil(reader.problem)
        XCTAssertEqual((0..<reader.fieldCount).map(reader.string), fields)
        XCTAssertFalse(try reader.next())
    }
}
