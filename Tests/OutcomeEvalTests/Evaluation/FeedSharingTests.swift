import XCTest

@testable import OutcomeEval

/// Which compiled feeds of the default indicators share an accumulator (see `FeedSharing`).
final class FeedSharingTests: XCTestCase {
    func testAttendanceFeedsShareAcrossQuartersAndRowCounts() throws {
        let plan = try DefinitionLoader.load(directory: defaultIndicators)
        let attendance = plan.schema.tables.firstIndex { $0.name == "attendance" }!
        let feeds = plan.feeds(over: attendance).map(\.feed)
        let quarters = (0..<4).map { Quarter(index: Quarter("2026Q3")!.index - 3 + $0) }
        let evaluators = quarters.map {
            RowEvaluator(tables: plan.schema.tables.map { KeptRows(width: $0.columns.count) }, project: [], quarter: $0)
        }
        let compiled = ContiguousArray(feeds.flatMap { feed in evaluators.map { CompiledFeed(feed, $0) } })
        let owners = FeedSharing.owners(of: compiled, feeds: feeds, quarterCount: 4)
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
