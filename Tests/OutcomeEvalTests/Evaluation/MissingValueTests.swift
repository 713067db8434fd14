@testable import DataContract
@testable import Definitions
@testable import Evaluation
import XCTest

/// What a missing value does to every operator, function and aggregate (README, "The
/// expression language"): a comparison with one is false, arithmetic with one is missing,
/// only `= missing` tests for it; aggregates pass over it, and what has nothing left to work
/// on is not computable, never 0.
final class MissingValueTests: XCTestCase {
    private let evaluator = RowEvaluator(tables: [], project: [], quarter: Quarter("2026Q3")!)
    private let x = Expr.column(0)
    private let m = Expr.constant(.missing)
    private let one = Expr.constant(.number(1))

    private func value(_ expr: Expr, _ row: [Value] = [.missing]) -> Value {
        let f = evaluator.function(expr)
        return withRow(row) { f($0, .missing) }
    }

    private func test(_ expr: Expr, _ row: [Value] = [.missing]) -> Bool {
        let f = evaluator.condition(expr)
        return withRow(row) { f($0, .missing) }
    }

    func testArithmeticWithMissingIsMissing() {
        XCTAssertEqual(value(.negate(x)), .missing)
        for op in [BinaryOperator.add, .subtract, .multiply, .divide] {
            XCTAssertEqual(value(.arithmetic(op, x, one, divisorText: "1")), .missing, "missing \(op.rawValue) 1")
            XCTAssertEqual(value(.arithmetic(op, one, x, divisorText: "x")), .missing, "1 \(op.rawValue) missing")
        }
        // Division by zero is missing too, not infinity.
        XCTAssertEqual(value(.arithmetic(.divide, one, .constant(.number(0)), divisorText: "0")), .missing)
        XCTAssertEqual(value(.arithmetic(.add, one, one, divisorText: "1")), .number(2))
    }

    func testEveryComparisonWithMissingIsFalseEvenNotEqual() {
        for op in [BinaryOperator.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual] {
            XCTAssertFalse(test(.compare(op, x, one)), "missing \(op.rawValue) 1")
            XCTAssertFalse(test(.compare(op, one, x)), "1 \(op.rawValue) missing")
            XCTAssertFalse(test(.compare(op, x, m)), "missing \(op.rawValue) missing")
        }
        // The same comparison with a value is true, so the row is what made it false.
        XCTAssertTrue(test(.compare(.lessOrEqual, x, one), [.number(1)]))
    }

    func testOnlyIsMissingTestsForIt() {
        XCTAssertTrue(test(.isMissing(x, negated: false)))
        XCTAssertFalse(test(.isMissing(x, negated: true)))
        XCTAssertFalse(test(.isMissing(x, negated: false), [.number(0)]))
        XCTAssertTrue(test(.isMissing(x, negated: true), [.text("")]))
    }

    func testLogicTakesAMissingConditionAsFalse() {
        // `not` of a false comparison is true: the language has two truth values.
        XCTAssertTrue(test(.not(.compare(.equal, x, one))))
        XCTAssertFalse(test(x))
        XCTAssertFalse(test(.and(x, .constant(.bool(true)))))
        XCTAssertTrue(test(.or(x, .constant(.bool(true)))))
        XCTAssertFalse(test(.or(x, .constant(.bool(false)))))
        XCTAssertEqual(value(.not(x)), .bool(true))
    }

    func testMembershipOfMissingIsFalseInEitherSense() {
        XCTAssertFalse(test(.inList(x, [.number(1)], negated: false)))
        XCTAssertFalse(test(.inList(x, [.number(1)], negated: true)))
        XCTAssertFalse(test(.inList(x, [.missing], negated: false)))
        XCTAssertTrue(test(.inList(x, [.number(1)], negated: true), [.number(2)]))
        XCTAssertFalse(test(.inWindow(x, .toDate)))
        XCTAssertTrue(test(.inWindow(x, .toDate), [.date(Day(year: 2020, month: 1, day: 1)!)]))
        evaluator.sets = { _ in
            var set = DistinctValues()
            set.insert(.number(1))
            return set
        }
        XCTAssertFalse(test(.inSet(x, aggregate: 0)))
        XCTAssertTrue(test(.inSet(x, aggregate: 0), [.number(1)]))
    }

    func testFunctionsOfMissing() {
        XCTAssertEqual(value(.call(.abs, [x])), .missing)
        XCTAssertEqual(value(.call(.quarterOf, [x])), .missing)
        XCTAssertEqual(value(.call(.quarterEnd, [x])), .missing)
        XCTAssertEqual(value(.call(.quartersIn, [.constant(.text("trailing4")), x])), .missing)
        // if_none replaces a missing value, and only that.
        XCTAssertEqual(value(.call(.ifNone, [x, .constant(.number(0))])), .number(0))
        XCTAssertEqual(value(.call(.ifNone, [x, .constant(.number(0))]), [.number(3)]), .number(3))
    }

    // MARK: - Aggregates

    /// Rows of (x, g, flag). Two of five x are missing, one group is missing, one flag is.
    private let rows: [[Value]] = [
        [.number(1), .text("a"), .bool(true)],
        [.missing, .text("a"), .bool(false)],
        [.number(3), .missing, .bool(true)],
        [.missing, .text("b"), .missing],
        [.number(1), .text("b"), .bool(true)],
    ]

    private func aggregate(
        _ function: AggregateFunction, distinct: Bool = false, of projection: Expr? = nil, by group: Expr? = nil,
        condition: Expr? = nil, reference: [Value: Double] = [:], minimumGroupSize: Int = 1, rows: [[Value]]? = nil
    ) -> Result<Double, NotComputable> {
        let aggregate = Aggregate(
            function: function, table: 0, distinct: distinct, projection: projection, filter: nil, group: group,
            condition: condition, keyFilter: nil, reference: reference, minimumGroupSize: minimumGroupSize,
            text: "t", tableName: "t")
        let feed = CompiledFeed(Feed(of: aggregate), evaluator)
        var accumulator = Accumulator()
        let rows = rows ?? self.rows
        columnBatch(rows).withRows { accumulator.add(0..<rows.count, of: $0, feed) }
        return Finalization.value(of: aggregate, accumulator, evaluator: evaluator)
    }

    private func assertValue(
        _ result: Result<Double, NotComputable>, _ expected: Double, file: StaticString = #filePath, line: UInt = #line
    ) {
        guard case let .success(v) = result else { return XCTFail("\(result)", file: file, line: line) }
        XCTAssertEqual(v, expected, accuracy: 1e-12, file: file, line: line)
    }

    private let noRows = Result<Double, NotComputable>.failure(.noRows(source: "t"))
    private let allMissing: [[Value]] = [[.missing, .text("a"), .missing]]

    func testCountsPassOverMissingValuesButNotRows() {
        assertValue(aggregate(.count), 5)
        assertValue(aggregate(.count, of: .column(0)), 3)
        // Distinct values of 1, 3, 1: missing is no value.
        assertValue(aggregate(.count, distinct: true, of: .column(0)), 2)
        assertValue(aggregate(.count, of: .column(0), rows: allMissing), 0)
        assertValue(aggregate(.count, distinct: true, of: .column(0), rows: allMissing), 0)
    }

    func testSumMeanMinMaxPassOverMissingAndHaveNothingWhenAllAreMissing() {
        assertValue(aggregate(.sum, of: .column(0)), 5)
        assertValue(aggregate(.mean, of: .column(0)), 5.0 / 3.0)
        assertValue(aggregate(.min, of: .column(0)), 1)
        assertValue(aggregate(.max, of: .column(0)), 3)
        // A sum of nothing is 0 (no amount); a mean, minimum or maximum of nothing is none.
        assertValue(aggregate(.sum, of: .column(0), rows: allMissing), 0)
        XCTAssertEqual(aggregate(.mean, of: .column(0), rows: allMissing), noRows)
        XCTAssertEqual(aggregate(.min, of: .column(0), rows: allMissing), noRows)
        XCTAssertEqual(aggregate(.max, of: .column(0), rows: allMissing), noRows)
    }

    func testShareCountsARowWithAMissingConditionAsNotMeetingIt() {
        // Flags true, false, true, missing, true: 3 of 5.
        assertValue(aggregate(.share, condition: .column(2)), 0.6)
        assertValue(aggregate(.share, condition: .column(2), rows: allMissing), 0)
        XCTAssertEqual(aggregate(.share, condition: .column(2), rows: []), noRows)
    }

    func testAMissingGroupIsAGroupOfItsOwn() {
        // Groups a: 2 rows, (missing): 1, b: 2; definitions that want it left out say `!= missing`.
        // Gini of [1, 2, 2]: Σ (2i − n − 1) x_i = −2 + 0 + 4 = 2, over n² × mean = 9 × 5/3 → 2/15.
        assertValue(aggregate(.gini, by: .column(1)), 2.0 / 15.0)
        // 1 − (0.4² + 0.2² + 0.4²) = 0.64.
        assertValue(aggregate(.diversity, by: .column(1)), 0.64)
        // Against a 50/50 reference of a and b: ½ (|0.4 − 0.5| + |0.4 − 0.5| + 0.2) = 0.2.
        assertValue(aggregate(.dissimilarity, by: .column(1), reference: [.text("a"): 0.5, .text("b"): 0.5]), 0.2)
        // Rates of the flag: a 1/2, (missing) 1/1, b 1/2 (its missing flag is not met) → 0.5 / 1;
        // with groups of at least 2, the missing group (1 row) is left out → 0.5 / 0.5.
        assertValue(aggregate(.minMaxRatio, by: .column(1), condition: .column(2)), 0.5)
        assertValue(aggregate(.minMaxRatio, by: .column(1), condition: .column(2), minimumGroupSize: 2), 1)
        XCTAssertEqual(aggregate(.gini, by: .column(1), rows: []), noRows)
    }
}
