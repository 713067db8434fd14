@testable import DataContract
import XCTest

final class FieldParserTests: XCTestCase {
    private func parse(_ parser: inout FieldParser, _ text: String, column: Int = 0) -> Result<Value, FieldParser.Failure> {
        var text = text
        var cell: UInt64 = 0
        if let failure = text.withUTF8({ parser.parse(UnsafeRawBufferPointer($0), column: column, into: &cell) }) {
            return .failure(failure)
        }
        return .success(KeptRows.decode(cell, texts: []))
    }

    /// 18 digits are read (19 are not a number of the contract); past ±2^53 a double holds them
    /// rounded, and the parser counts them for the log's warning.
    func testLargeWholeNumbersAreCountedWhenADoubleRoundsThem() {
        var parser = FieldParser(columns: [ColumnSchema(name: "n", type: .integer(min: nil, max: nil), optional: false)])
        XCTAssertEqual(try parse(&parser, "9007199254740992").get(), .number(9_007_199_254_740_992))
        XCTAssertEqual(parser.inexactIntegers, 0)
        XCTAssertEqual(try parse(&parser, "999999999999999999").get(), .number(1e18))
        XCTAssertEqual(try parse(&parser, "-9007199254740993").get(), .number(-9_007_199_254_740_992))
        XCTAssertEqual(try parse(&parser, "-0").get(), .number(0))
        XCTAssertEqual(parser.inexactIntegers, 2)
        XCTAssertEqual(parse(&parser, "1000000000000000000"), .failure(.invalid(expected: .integer)))
    }

    func testBooleansInEitherCase() {
        var parser = FieldParser(columns: [ColumnSchema(name: "b", type: .boolean, optional: false)])
        for yes in ["Y", "y", "1", "true", "TRUE", "True", " tRuE "] { XCTAssertEqual(try parse(&parser, yes).get(), .bool(true), yes) }
        for no in ["N", "n", "0", "false", "FALSE", "False"] { XCTAssertEqual(try parse(&parser, no).get(), .bool(false), no) }
        for bad in ["yes", "no", "2", "T", "F", "tru", "falsey", "t rue", "참", "4"] {
            XCTAssertEqual(parse(&parser, bad), .failure(.invalid(expected: .boolean)), bad)
        }
    }

    /// Once a month has been seen, its dates are its first day plus their two last digits:
    /// every day field of three years' months, valid or not (day 00, 29-31 of short months
    /// and Februaries, non-digits), twice over (the second time from the month cache), must
    /// parse as the calendar says.
    func testDatesOfRememberedMonthsAgreeWithTheCalendar() {
        var parser = FieldParser(columns: [
            ColumnSchema(name: "d", type: .date, optional: false), ColumnSchema(name: "e", type: .date, optional: true),
        ])
        let days = (0...39).map { $0 < 10 ? "0\($0)" : "\($0)" } + ["3x", "x1", "-1", "1 ", "+1"]
        for pass in 1...2 {
            for year in 2024...2026 {
                for month in 1...12 {
                    let head = "\(year)-\(month < 10 ? "0" : "")\(month)-"
                    for day in days {
                        let digits = day.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                        let expected = digits ? Int(day).flatMap { Day(year: year, month: month, day: $0) } : nil
                        let found = parse(&parser, head + day, column: pass - 1)
                        if let expected {
                            XCTAssertEqual(try found.get(), .date(expected), head + day)
                        } else {
                            XCTAssertEqual(found, .failure(.invalid(expected: .date)), head + day)
                        }
                    }
                }
            }
        }
        XCTAssertEqual(try parse(&parser, " 2026-07-05\t").get(), .date(Day(year: 2026, month: 7, day: 5)!))
        XCTAssertEqual(parse(&parser, "2026-07-5"), .failure(.invalid(expected: .date)))
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

    /// Values of up to 16 bytes are matched by two words and a length, longer ones through a
    /// key index: values on both sides of 8 and 16 bytes, values that are prefixes of others or
    /// differ in their last byte or by a NUL, and a value listed twice (its first place counts).
    func testEnumValuesOnBothSidesOfTheWordLimits() {
        var values: [String] = []
        for length in [1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 15, 16, 17, 24] {
            let stem = String(repeating: "v", count: length - 1)
            values += ["\(stem)a", "\(stem)b"]
        }
        values += ["a\u{0}", "\u{0}a", "가나다라마바", "가나다라마바사", "private_donation", "a"]
        let enumValues = EnumValues(values)
        for (i, value) in values.enumerated() {
            let expected = values.firstIndex(of: value)!
            XCTAssertEqual(index(enumValues, value), Int32(expected), "\(i): \(value.debugDescription)")
        }
        for absent in ["", "c", "vc", "vvvvvvva\u{0}", String(repeating: "v", count: 15) + "c", String(repeating: "v", count: 16) + "c",
            String(repeating: "v", count: 16), "\u{0}", "a\u{0}\u{0}", "가나다라마", "private_donatio", "private_donations"]
        {
            XCTAssertNil(index(enumValues, absent), absent.debugDescription)
        }
    }

    private func index(_ values: EnumValues, _ field: String) -> Int32? {
        var field = field
        return field.withUTF8 { values.index(of: UnsafeRawBufferPointer($0)) }
    }
}
