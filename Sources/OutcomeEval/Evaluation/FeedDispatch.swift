/// Which compiled feeds a row can reach, found from its date once instead of by asking every
/// feed. A table is read once for all the quarters evaluated, so most feeds are
/// `date in <window>` for some quarter and a given row falls in the windows of only a few.
///
/// The bounds of the windows over one date column cut the days into intervals; each interval
/// lists the feeds whose window covers it all. A row's date picks its interval by a binary
/// search over a dozen bounds.
struct FeedDispatch {
    /// Feeds without a leading window: every row goes to them.
    private let unwindowed: [Int]
    private let columns: [DateColumn]

    private struct DateColumn {
        let column: Int
        /// Each interval's first day, ascending; the interval before the first holds no feed.
        let starts: [Int32]
        /// The feeds of interval i are `members[offsets[i]..<offsets[i + 1]]`.
        let offsets: [Int]
        let members: [Int]
    }

    /// Dispatches to the feeds that keep their own accumulator (`owners[k] == k`, see `FeedSharing`).
    init(_ feeds: ContiguousArray<CompiledFeed>, owners: [Int]) {
        let own = feeds.indices.filter { owners[$0] == $0 }
        unwindowed = own.filter { feeds[$0].windowColumn < 0 }
        let windowed = Dictionary(grouping: own.filter { feeds[$0].windowColumn >= 0 }, by: { feeds[$0].windowColumn })
        columns = windowed.keys.sorted().map { column in
            let indices = windowed[column]!
            // An interval starts at every window's first day and the day after every last day.
            var bounds = Set<Int32>()
            for k in indices {
                bounds.insert(feeds[k].windowDays.lowerBound)
                if feeds[k].windowDays.upperBound < Int32.max { bounds.insert(feeds[k].windowDays.upperBound + 1) }
            }
            let starts = bounds.sorted()
            var offsets = [0]
            var members: [Int] = []
            for start in starts {
                members += indices.filter { feeds[$0].windowDays.contains(start) }
                offsets.append(members.count)
            }
            return DateColumn(column: column, starts: starts, offsets: offsets, members: members)
        }
    }

    /// Calls `body` with every feed whose window (if it has one) holds the row's date.
    @inline(__always)
    func forEachCandidate(_ row: Row, _ body: (Int) -> Void) {
        for k in unwindowed { body(k) }
        for date in columns {
            guard case let .date(day) = row[date.column] else { continue }
            // The last interval starting on or before the day.
            var low = 0
            var high = date.starts.count
            while low < high {
                let middle = (low + high) / 2
                if date.starts[middle] <= day.ordinal { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { continue }
            for m in date.offsets[low - 1]..<date.offsets[low] { body(date.members[m]) }
        }
    }
}
