/// Which of a table's compiled feeds (one per feed and quarter) can read another's
/// accumulator instead of keeping their own.
///
/// A table is read once for every quarter evaluated, and `distinct participant_id from
/// attendance where date in previous` compiled for one quarter keeps exactly what the same
/// source with `date in quarter` keeps for the quarter before. And `count(attendance where
/// date in quarter)` needs only the row count, which a feed over the same rows that also
/// groups them keeps as well. Each row then goes to one accumulator where it went to several.
enum FeedSharing {
    /// For each compiled feed (feed by feed, quarter by quarter within), the compiled feed whose
    /// accumulator it reads; itself when it keeps its own.
    static func owners(of compiled: ContiguousArray<CompiledFeed>, feeds: [Feed], quarterCount: Int) -> [Int] {
        var owners = Array(compiled.indices)
        var byKey: [String: Int] = [:]
        var byRows: [String: Int] = [:]
        // Feeds that keep more than a row count first, so that those that count rows only can
        // read theirs.
        let order = compiled.indices.sorted {
            let (a, b) = (feeds[$0 / quarterCount].countsRowsOnly, feeds[$1 / quarterCount].countsRowsOnly)
            return a != b ? b : $0 < $1
        }
        for k in order {
            let feed = feeds[k / quarterCount]
            let days = "|\(compiled[k].windowDays)"
            guard let key = feed.quarterFreeKey.map({ $0 + days }) else { continue }
            let rows = feed.distinct ? nil : feed.quarterFreeRowsKey.map { $0 + days }
            if let owner = byKey[key] ?? (feed.countsRowsOnly ? rows.flatMap { byRows[$0] } : nil) {
                owners[k] = owner
                continue
            }
            byKey[key] = k
            if let rows, byRows[rows] == nil { byRows[rows] = k }
        }
        return owners
    }
}
