import XCTest

@testable import OutcomeEval

final class KeptRowsTests: XCTestCase {
    /// Every kind of value comes back as it went in, including numbers whose bit patterns
    /// lie next to the tags (negative, -0, the largest finite) and Korean text.
    func testEveryKindOfValueRoundTrips() {
        let rows: [[Value]] = [
            [.missing, .number(0), .number(-0.0), .bool(true), .bool(false)],
            [.number(-1.5), .number(-Double.greatestFiniteMagnitude), .number(Double.greatestFiniteMagnitude), .number(2_000_000_000), .number(-Double.leastNonzeroMagnitude)],
            [.date(Day(ordinal: -719_468)), .date(Day(ordinal: 20_640)), .symbol(0), .symbol(25), .row(Int32.max)],
            [.row(0), .text(""), .text("종로구 주민자치회"), .text("A000001"), .missing],
        ]
        var kept = KeptRows(width: 5)
        for row in rows { row.withUnsafeBufferPointer { kept.append($0) } }
        XCTAssertEqual(kept.count, 4)
        for (r, row) in rows.enumerated() {
            XCTAssertEqual(kept.values(row: r), row)
            for (c, value) in row.enumerated() { XCTAssertEqual(kept.value(row: r, column: c), value) }
        }
        // -0.0 == 0.0 for Double, so check the sign survived as well.
        guard case let .number(negativeZero) = kept.value(row: 0, column: 2) else { return XCTFail() }
        XCTAssertEqual(negativeZero.sign, .minus)
    }
}
