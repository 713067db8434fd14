import XCTest

@testable import OutcomeEval

final class FieldParserTests: XCTestCase {
    private func parse(_ parser: inout FieldParser, _ text: String, column: Int = 0) -> Result<Value, FieldParser.Failure> {
        var text = text
        return text.withUTF8 { parser.parse(UnsafeRawBufferPointer($0), column: column) }
    }

    func testBooleansInEitherCase() {
        var parser = FieldParser(columns: [ColumnSchema(name: "b", type: .boolean, optional: false)])
        for yes in ["Y", "y", "1", "true", "TRUE", "True", " tRuE "] { XCTAssertEqual(try parse(&parser, yes).get(), .bool(true), yes) }
        for no in ["N", "n", "0", "false", "FALSE", "False"] { XCTAssertEqual(try parse(&parser, no).get(), .bool(false), no) }
        for bad in ["yes", "no", "2", "T", "F", "tru", "falsey", "t rue", "참", "4"] {
            XCTAssertEqual(parse(&parser, bad), .failure(.invalid(expected: .boolean)), bad)
        }
    }

    /// A date column remembers its last field; a field that differs in any byte is parsed anew.
    func testRepeatedDatesAndTheirNeighbours() {
        var parser = FieldParser(columns: [
            ColumnSchema(name: "d", type: .date, optional: false), ColumnSchema(name: "e", type: .date, optional: true),
        ])
        let july5 = Value.date(Day(year: 2026, month: 7, day: 5)!)
        XCTAssertEqual(try parse(&parser, "2026-07-05").get(), july5)
        XCTAssertEqual(try parse(&parser, "2026-07-05").get(), july5)
        XCTAssertEqual(try parse(&parser, " 2026-07-05\t").get(), july5)
        XCTAssertEqual(parse(&parser, "2026-07-0x"), .failure(.invalid(expected: .date)))
        XCTAssertEqual(parse(&parser, "2026-02-30"), .failure(.invalid(expected: .date)))
        XCTAssertEqual(try parse(&parser, "2026-07-06").get(), .date(Day(year: 2026, month: 7, day: 6)!))
        XCTAssertEqual(try parse(&parser, "2026-07-05").get(), july5)
        // Each column keeps its own: the second column's first date is not the first's.
        XCTAssertEqual(try parse(&parser, "2025-01-01", column: 1).get(), .date(Day(year: 2025, month: 1, day: 1)!))
        XCTAssertEqual(try parse(&parser, "", column: 1).get(), .missing)
        XCTAssertEqual(parse(&parser, "\0\0\0\0\0\0\0\0\0\0", column: 1), .failure(.invalid(expected: .date)))
    }

    func testEnumValuesByTheirBytes() {
        let districts = ["종로구", "중구", "용산구", "서대문구", "기타"]
        var parser = FieldParser(columns: [ColumnSchema(name: "d", type: .enumeration(values: districts, ordered: false), optional: false)])
        for (i, district) in districts.enumerated() { XCTAssertEqual(try parse(&parser, district).get(), .symbol(Int32(i))) }
        for bad in ["종로", "x", "종로구구", "종로 구"] {
            XCTAssertEqual(parse(&parser, bad), .failure(.notInEnum), bad)
        }
        XCTAssertEqual(try parse(&parser, " 종로구 ").get(), .symbol(0))
    }
}
