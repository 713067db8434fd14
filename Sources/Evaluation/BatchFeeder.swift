import DataContract
import Definitions

/// Runs a table's feeds, compiled for every quarter evaluated, over each batch of accepted
/// rows: `FeedDispatch` cuts the batch into runs of rows within each feed's window, and a feed
/// takes a run in one loop over the batch's columns (see `Accumulator.add(_:of:_:)`).
///
/// One per scan (one thread).
///
/// Its `var`s are `@exclusivity(unchecked)`: a feeder belongs to one scan on one thread, and no
/// method holds an access to one open across a call that could come back to it (the overlap the
/// run-time checks look for, which across targets would cost the run: BENCHMARKS.md, "The split
/// into nine targets").
final class BatchFeeder {
    private let compiled: ContiguousArray<CompiledFeed>
    /// For each compiled feed, the one whose accumulator it reads (see `FeedSharing`).
    private let owners: [Int]
    private let feedCount: Int
    private let quarterCount: Int
    /// Written through a pointer: an array element would be checked for sharing on each add.
    private let accumulators: UnsafeMutableBufferPointer<Accumulator>
    @exclusivity(unchecked) private var dispatch: FeedDispatch
    /// The rows of a run that pass a feed's filter.
    private let passed: UnsafeMutableBufferPointer<Int32>

    /// `feeds` compiled with each of `evaluators` (feed by feed, quarter by quarter within),
    /// for batches of up to `capacity` rows.
    init(feeds: [Feed], evaluators: [RowEvaluator], capacity: Int) {
        compiled = ContiguousArray(feeds.flatMap { feed in evaluators.map { CompiledFeed(feed, $0) } })
        feedCount = feeds.count
        quarterCount = evaluators.count
        owners = FeedSharing.owners(of: compiled, feeds: feeds, quarterCount: quarterCount)
        accumulators = .filled(with: Accumulator(), count: compiled.count)
        dispatch = FeedDispatch(compiled, owners: owners)
        passed = .filled(with: 0, count: capacity)
    }

    deinit {
        accumulators.free()
        passed.free()
    }

    /// Feeds the batch's rows to every feed whose window they are in.
    func feed(_ batch: ColumnBatch) {
        batch.withRows { source in
            dispatch.forEachRun(batch) { k, rows in
                let feed = compiled[k]
                guard let filter = feed.filter else {
                    accumulators[k].add(rows, of: source, feed)
                    return
                }
                var n = 0
                for r in rows where filter(source.row(r), .missing) {
                    passed[n] = Int32(truncatingIfNeeded: r)
                    n += 1
                }
                accumulators[k].add(UnsafeBufferPointer(rebasing: passed[..<n]), of: source, feed)
            }
        }
    }

    /// What each feed saw, by feed, then by quarter.
    var results: [[Accumulator]] {
        (0..<feedCount).map { f in
            (0..<quarterCount).map { q in accumulators[owners[f * quarterCount + q]] }
        }
    }
}
