@testable import DataContract
@testable import Evaluation
import XCTest

final class GroupTalliesTests: XCTestCase {
    /// Row counts are kept in 32 bits until one would reach 2^32 - 1 (merged chunks of a
    /// huge file); from there that group's count is kept whole, the others stay narrow.
    func testCountsPastThirtyTwoBitsStayExact() {
        var tallies = DenseTallies()
        let big = Int(UInt32.max) - 2
        tallies.add(3, rows: big, hits: 0, sum: nil)
        tallies.add(1, hit: false, projected: nil)
        tallies.add(3, hit: false, projected: nil)
        XCTAssertEqual(tallies[3]?.rows, big + 1)
        tallies.add(3, hit: false, projected: nil)
        XCTAssertEqual(tallies[3]?.rows, big + 2, "reaching 2^32 - 1 moves the count aside")
        tallies.add(3, rows: 5 << 32, hits: 0, sum: nil)
        tallies.add(3, hit: true, projected: nil)
        XCTAssertEqual(tallies[3]?.rows, big + 3 + (5 << 32))
        XCTAssertEqual(tallies[3]?.hits, 1)
        XCTAssertEqual(tallies[1]?.rows, 1)
        XCTAssertNil(tallies[2])
        var merged = DenseTallies()
        merged.add(3, rows: 7, hits: 0, sum: nil)
        merged.merge(tallies)
        XCTAssertEqual(merged[3]?.rows, big + 10 + (5 << 32))
    }

    /// Counts alone until a hit or a projected value comes; merging two chunks gives what one
    /// pass over both would.
    func testTalliesByNumberAndTheirMerge() {
        var first = GroupTallies()
        first.add(.row(2), hit: false)
        first.add(.row(2), hit: false)
        first.add(.symbol(1), hit: true)
        var second = GroupTallies()
        second.add(.row(0), hit: true, projected: 1.5)
        second.add(.row(2), hit: false, projected: 2.0)
        second.add(.row(5), hit: false)
        second.add(.text("기타"), hit: true, projected: 3)

        var whole = GroupTallies()
        for (group, hit, projected) in [
            (Value.row(2), false, nil), (.row(2), false, nil), (.symbol(1), true, nil), (.row(0), true, 1.5),
            (.row(2), false, 2.0), (.row(5), false, nil), (.text("기타"), true, 3),
        ] as [(Value, Bool, Double?)] {
            whole.add(group, hit: hit, projected: projected)
        }
        first.merge(second)
        for tallies in [first, whole] {
            var seen: [String] = []
            tallies.forEach { group, tally in seen.append("\(group) \(tally.rows) \(tally.hits) \(tally.sum)") }
            XCTAssertEqual(seen, [
                "row(0) 1 1 1.5", "row(2) 3 0 2.0", "row(5) 1 0 0.0", "symbol(1) 1 1 0.0", "text(\"기타\") 1 1 3.0",
            ])
            XCTAssertNil(tallies.tally(for: .row(1)))
            XCTAssertNil(tallies.tally(for: .row(99)))
            XCTAssertEqual(tallies.tally(for: .row(2))?.rows, 3)
            XCTAssertEqual(tallies.count, 5)
        }
    }
}

/// Group sizes are sorted by counting when they are small whole numbers; the result must be
/// `sorted()`'s, bit for bit, and anything else must fall back to it.
final class SortedMeasuresTests: XCTestCase {
    func testCountingGivesWhatSortingGives() {
        var state: UInt64 = 11
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        let cases: [[Double]] = [
            [], [0], [3, 1, 2, 1, 0, 65536], (0..<5000).map { _ in Double(next(40)) },
            [2, 0.5, 1], [3, -1, 2], [1, -0.0, 0, 2], [65537, 1], [.infinity, 1], [1e300, 2],
        ]
        for values in cases {
            let expected = values.sorted()
            let found = Finalization.sortedAscending(values)
            XCTAssertEqual(found.map(\.bitPattern), expected.map(\.bitPattern), "\(values.prefix(8))")
        }
    }
}
