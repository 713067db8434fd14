@testable import DataContract
@testable import Definitions
@testable import Evaluation
import XCTest

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
        for row in rows { kept.append(row) }
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

/// Comparisons of a kept table's column with a constant read the stored cells (see
/// `RowEvaluator.condition`); they must agree with comparing the values themselves.
final class StoredCellComparisonTests: XCTestCase {
    func testCellComparisonsAgreeWithValueComparisons() {
        let stored: [Value] = [
            .missing, .symbol(0), .symbol(1), .bool(true), .bool(false), .number(0), .number(-0.0), .number(1),
            .date(Day(ordinal: 1)), .row(0), .text("A"),
        ]
        var kept = KeptRows(width: 1)
        for value in stored { kept.append([value]) }
        let evaluator = RowEvaluator(tables: [kept], project: [], quarter: Quarter("2026Q3")!)
        let constants: [Value] = [.symbol(0), .symbol(1), .bool(true), .bool(false), .date(Day(ordinal: 1)), .row(0), .number(0), .text("A")]
        for op in [BinaryOperator.equal, .notEqual] {
            for constant in constants {
                let byKey = evaluator.condition(.compare(op, .keyLookup(table: 0, field: 0), .constant(constant)))
                let byRow = evaluator.condition(.compare(op, .lookup(through: 0, table: 0, field: 0), .constant(constant)))
                for (r, value) in stored.enumerated() {
                    let expected = RowEvaluator.compare(op, value, constant)
                    XCTAssertEqual(byKey(noRow, .row(Int32(r))), expected, "\(value) \(op) \(constant)")
                    let reference = [Value.row(Int32(r))]
                    XCTAssertEqual(withRow(reference) { byRow($0, .missing) }, expected, "\(value) \(op) \(constant)")
                }
                // No reference at all: the looked-up value is missing, so the comparison is false.
                XCTAssertFalse(byKey(noRow, .missing))
            }
        }
        let missing = evaluator.condition(.isMissing(.keyLookup(table: 0, field: 0), negated: false))
        let present = evaluator.condition(.isMissing(.keyLookup(table: 0, field: 0), negated: true))
        for (r, value) in stored.enumerated() {
            XCTAssertEqual(missing(noRow, .row(Int32(r))), value.isMissing)
            XCTAssertEqual(present(noRow, .row(Int32(r))), !value.isMissing)
        }
        XCTAssertTrue(missing(noRow, .missing))
    }
}
