@testable import DataContract
@testable import Evaluation
import XCTest

/// Which compiled feeds of the default indicators share an accumulator (see `FeedSharing`).
final class FeedSharingTests: XCTestCase {
    func testAttendanceFeedsShareAcrossQuartersAndRowCounts() throws {
        let plan = try EvaluationPlan.load(directory: defaultIndicators)
        let attendance = plan.schema.tables.firstIndex { $0.name == "attendance" }!
        let (feeds, _, owners) = compiledFeeds(plan, table: attendance)
        func index(_ feed: Int, _ quarter: Int) -> Int { feed * 4 + quarter }
        func feed(where matches: (Feed) -> Bool) -> Int { feeds.firstIndex(where: matches)! }

        let seenInQuarter = feed { $0.distinct && $0.window?.window == .quarter && $0.rest == nil }
        let seenInPrevious = feed { $0.distinct && $0.window?.window == .previous && $0.rest == nil }
        let rowsByPerson = feed { !$0.distinct && $0.group != nil && $0.window?.window == .quarter }
        let rowCount = feed { $0.countsRowsOnly && $0.window?.window == .quarter }
        for q in 0..<4 {
            XCTAssertEqual(owners[index(seenInQuarter, q)], index(seenInQuarter, q))
            XCTAssertEqual(owners[index(rowsByPerson, q)], index(rowsByPerson, q))
            // Counting rows reads the grouped feed over the same rows.
            XCTAssertEqual(owners[index(rowCount, q)], index(rowsByPerson, q))
            // Quarter q's previous quarter is quarter q - 1's quarter; the first has no such.
            XCTAssertEqual(owners[index(seenInPrevious, q)], q == 0 ? index(seenInPrevious, 0) : index(seenInQuarter, q - 1))
        }
    }
}

/// `FeedDispatch` sends a row to exactly the feeds whose window holds its date, whether the
/// dates come in order (as attendance does, activity by activity: the last interval is
/// remembered) or jump about, and a row without a date only to the feeds without a window;
/// each feed's runs come in row order, so its sums add in file order.
final class FeedDispatchTests: XCTestCase {
    func testEveryDayReachesExactlyTheFeedsWhoseWindowHoldsIt() throws {
        let plan = try EvaluationPlan.load(directory: defaultIndicators)
        for table in plan.schema.tables.indices {
            let (_, compiled, owners) = compiledFeeds(plan, table: table)
            var dispatch = FeedDispatch(compiled, owners: owners)
            let first = Day(year: 2024, month: 6, day: 1)!.ordinal
            let ascending = (0..<900).map { first + Int32($0) }
            var state: UInt64 = 5
            let jumping = ascending.map { _ -> Int32 in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return first + Int32(state >> 33 % 900) - 100
            }
            let width = plan.schema.tables[table].columns.count
            // Two batches, so that the second starts from the interval the first ended in.
            let days: [Int32?] = ascending + [nil, nil] + jumping + [nil] + ascending.reversed()
            for part in [days[..<1000], days[1000...]] {
                let batch = columnBatch(part.map { [Value](repeating: $0.map { .date(Day(ordinal: $0)) } ?? .missing, count: width) })
                var found = [[Int]](repeating: [], count: part.count)
                var lastRow = [Int: Int]()
                dispatch.forEachRun(batch) { k, rows in
                    XCTAssertGreaterThan(rows.lowerBound, lastRow[k] ?? -1, "feed \(k)'s runs in row order")
                    lastRow[k] = rows.upperBound - 1
                    for r in rows { found[r].append(k) }
                }
                for (r, day) in part.enumerated() {
                    let expected = compiled.indices.filter { k in
                        owners[k] == k && (compiled[k].windowColumn < 0 || day.map(compiled[k].windowDays.contains) == true)
                    }
                    XCTAssertEqual(found[r].sorted(), expected, "table \(table), day \(day.map { Day(ordinal: $0).description } ?? "missing")")
                }
            }
        }
    }
}

/// A table's feeds compiled for 2026Q3 and the three quarters before, as `TableScanner` does,
/// and which accumulator each reads.
private func compiledFeeds(_ plan: EvaluationPlan, table: Int) -> (feeds: [Feed], compiled: ContiguousArray<CompiledFeed>, owners: [Int]) {
    let feeds = plan.feeds(over: table).map(\.feed)
    let quarters = (0..<4).map { Quarter(index: Quarter("2026Q3")!.index - 3 + $0) }
    let evaluators = quarters.map {
        // A registry row of missing values: some feeds compare with project fields.
        RowEvaluator(
            tables: plan.schema.tables.map { KeptRows(width: $0.columns.count) },
            project: [Value](repeating: .missing, count: plan.schema.registry.columns.count), quarter: $0)
    }
    let compiled = ContiguousArray(feeds.flatMap { feed in evaluators.map { CompiledFeed(feed, $0) } })
    return (feeds, compiled, FeedSharing.owners(of: compiled, feeds: feeds, quarterCount: 4))
}
