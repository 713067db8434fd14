@testable import Evaluation
import XCTest

/// Breakdown groups come in one defined order, even when their labels are the same text.
final class BreakdownOrderTests: XCTestCase {
    func testGroupsWhoseLabelsRoundAlikeGoByTheirValues() {
        // Twenty values that all read "1.00", each group as large as its place in value order.
        let values = (0..<20).map { 0.9951 + Double($0) * 0.0005 }
        for seed in 0..<5 {
            var tallies = GroupTallies()
            var order = Array(values.indices)
            var state = UInt64(seed + 1)
            for i in order.indices.reversed() {  // Fisher–Yates, seeded
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                order.swapAt(i, Int((state >> 33) % UInt64(i + 1)))
            }
            for i in order {
                for _ in 0...i { tallies.add(.number(values[i]), hit: false) }
            }
            tallies.add(.number(0.5), hit: true)
            tallies.add(.missing, hit: false)
            let groups = ProjectEvaluator.ordered(tallies, labels: nil)
            XCTAssertEqual(groups.map(\.label), ["0.50"] + Array(repeating: "1.00", count: 20) + [nil])
            XCTAssertEqual(groups.map(\.size), [1] + Array(1...20) + [1], "insertion order \(order)")
        }
    }
}
