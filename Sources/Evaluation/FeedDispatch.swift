import DataContract

/// Which compiled feeds a row can reach, found from its date once instead of by asking every
/// feed. A table is read once for all the quarters evaluated, so most feeds are
/// `date in <window>` for some quarter and a given row falls in the windows of only a few.
///
/// The bounds of the windows over one date column cut the days into intervals; each interval
/// lists the feeds whose window covers it all. A row's date picks its interval by a binary
/// search over a dozen bounds, unless it falls in the interval found for the row before.
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

    /// Calls `body` with every feed whose window (if it has one) holds the row's date.
    @inline(__always)
    mutating func forEachCandidate(_ row: Row, _ body: (Int) -> Void) {
        for i in unwindowed.indices { body(unwindowed[i]) }
        for d in dateColumns.indices {
            guard case let .date(day) = row[dateColumns[d]] else { continue }
            if day.ordinal < memoFrom[d] || day.ordinal >= memoTo[d] { find(day.ordinal, column: d) }
            let interval = memoInterval[d]
            guard interval >= 0 else { continue }
            for m in offsets[interval]..<offsets[interval + 1] { body(members[m]) }
        }
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
