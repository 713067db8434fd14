@testable import DataContract
@testable import Evaluation
import XCTest

/// `quarter_of` and `quarter_end` keep the last quarter's days between rows; whatever order
/// the dates come in, each answer must be the calendar's.
final class ScalarFunctionTests: XCTestCase {
    func testQuarterOfAndQuarterEndInAnyOrder() {
        let evaluator = RowEvaluator(tables: [], project: [], quarter: Quarter("2026Q3")!)
        let quarterOf = evaluator.function(.call(.quarterOf, [.column(0)]))
        let quarterEnd = evaluator.function(.call(.quarterEnd, [.column(0)]))
        let first = Day(year: 2024, month: 12, day: 1)!.ordinal
        let ascending: [Value] = (0..<500).map { .date(Day(ordinal: first + Int32($0))) }
        var state: UInt64 = 9
        let jumping: [Value] = (0..<500).map { i in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return i % 17 == 0 ? .missing : .date(Day(ordinal: first + Int32(state >> 33 % 800)))
        }
        for value in ascending + jumping + ascending.reversed() {
            let (of, end) = withRow([value]) { (quarterOf($0, .missing), quarterEnd($0, .missing)) }
            guard case let .date(day) = value else {
                XCTAssertEqual(of, .missing)
                XCTAssertEqual(end, .missing)
                continue
            }
            let (year, month, _) = day.components
            let quarter = Quarter(year: year, quarter: (month - 1) / 3 + 1)!
            XCTAssertEqual(of, .number(Double(quarter.index)), "\(day)")
            XCTAssertEqual(end, .date(quarter.lastDay), "\(day)")
        }
    }
}
