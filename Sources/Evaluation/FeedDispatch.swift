import DataContract

/// Which compiled feeds a row can reach, found from its date once instead of by asking every
/// feed. A table is read once for all the quarters evaluated, so most feeds are
/// `date in <window>` for some quarter and a given row falls in the windows of only a few.
///
/// The bounds of the windows over one date column cut the days into intervals; each interval
/// lists the feeds whose window covers it all. A row's date picks its interval by a binary
/// search over a dozen bounds, unless it falls in the interval found for the row before;
/// consecutive rows of a batch in one interval go to its feeds as one run.
/// Everything is in flat arrays read by index, so that the row
/// loop copies no struct of arrays (each copy would retain and release them).
struct FeedDispatch {
    /// Feeds without a leading window: every row goes to them.
    private let unwindowed: [Int]
    /// The date columns that windows are on.
    private let dateColumns: [Int]
    /// Date column d's interval starts are `starts[startRanges[d]]`, ascending; the interval
    /// before the first holds no feed.
    private let starts: [Int32]
    private let startRanges: [Range<Int>]
    /// Interval i (numbered across all date columns) has the feeds `members[offsets[i]..<offsets[i + 1]]`.
    private let offsets: [Int]
    private let members: [Int]
    /// Where date column d's intervals begin in `offsets`.
    private let firstInterval: [Int]
    /// Per date column, the days of the interval found last (`from..<to`) and its number (-1:
    /// before the first). Rows come activity by activity, so most dates fall in the same
    /// interval as the row before, and a range check replaces the search.
    private var memoFrom: [Int32]
    private var memoTo: [Int32]
    private var memoInterval: [Int]

    /// Dispatches to the feeds that keep their own accumulator (`owners[k] == k`, see `FeedSharing`).
    init(_ feeds: ContiguousArray<CompiledFeed>, owners: [Int]) {
        let own = feeds.indices.filter { owners[$0] == $0 }
        unwindowed = own.filter { feeds[$0].windowColumn < 0 }
        let windowed = Dictionary(grouping: own.filter { feeds[$0].windowColumn >= 0 }, by: { feeds[$0].windowColumn })
        dateColumns = windowed.keys.sorted()
        var starts: [Int32] = []
        var startRanges: [Range<Int>] = []
        var offsets = [0]
        var members: [Int] = []
        var firstInterval: [Int] = []
        for column in dateColumns {
            let indices = windowed[column]!
            // An interval starts at every window's first day and the day after every last day.
            var bounds = Set<Int32>()
            for k in indices {
                bounds.insert(feeds[k].windowDays.lowerBound)
                if feeds[k].windowDays.upperBound < Int32.max { bounds.insert(feeds[k].windowDays.upperBound + 1) }
            }
            firstInterval.append(offsets.count - 1)
            startRanges.append(starts.count..<(starts.count + bounds.count))
            for start in bounds.sorted() {
                starts.append(start)
                members += indices.filter { feeds[$0].windowDays.contains(start) }
                offsets.append(members.count)
            }
        }
        (self.starts, self.startRanges, self.offsets, self.members, self.firstInterval) = (starts, startRanges, offsets, members, firstInterval)
        // Empty ranges: the first row of each column searches.
        memoFrom = dateColumns.map { _ in 0 }
        memoTo = dateColumns.map { _ in 0 }
        memoInterval = dateColumns.map { _ in -1 }
    }

    /// Calls `body` with every feed and each run of consecutive rows of the batch that reach
    /// it (rows whose date is in its window, if it has one); a feed's runs come in row order.
    /// Rows come activity by activity, so a run is most often as long as an activity's rows.
    mutating func forEachRun(_ batch: ColumnBatch, _ body: (Int, Range<Int>) -> Void) {
        let count = batch.count
        guard count > 0 else { return }
        for i in unwindowed.indices { body(unwindowed[i], 0..<count) }
        for d in dateColumns.indices {
            let dates = batch.column(dateColumns[d])
            var runStart = 0
            var runInterval = -1
            for k in 0..<count {
                var interval = -1
                // A row without a date (missing) reaches none of this column's feeds.
                if let day = KeptRows.day(dates[k]) {
                    if day < memoFrom[d] || day >= memoTo[d] { find(day, column: d) }
                    interval = memoInterval[d]
                }
                if interval != runInterval {
                    forEachMember(runInterval) { body($0, runStart..<k) }
                    (runStart, runInterval) = (k, interval)
                }
            }
            forEachMember(runInterval) { body($0, runStart..<count) }
        }
    }

    /// The feeds of interval `i`; none for -1.
    @inline(__always)
    private func forEachMember(_ i: Int, _ body: (Int) -> Void) {
        guard i >= 0 else { return }
        for m in offsets[i]..<offsets[i + 1] { body(members[m]) }
    }

    /// Finds the last interval of date column `d` starting on or before `day`, and remembers it.
    private mutating func find(_ day: Int32, column d: Int) {
        let range = startRanges[d]
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= day { low = middle + 1 } else { high = middle }
        }
        // `low` is now the first interval starting after the day, if any.
        memoTo[d] = low < range.upperBound ? starts[low] : Int32.max
        if low > range.lowerBound {
            memoFrom[d] = starts[low - 1]
            memoInterval[d] = firstInterval[d] + (low - 1 - range.lowerBound)
        } else {
            memoFrom[d] = Int32.min
            memoInterval[d] = -1
        }
    }
}
