import DataContract
import Definitions

/// What one table scan feeds: the rows of `table` that pass `filter`, as several aggregates
/// may read them. Aggregates over the same rows share one feed, so each row is filtered and
/// counted once per quarter however many indicators use it.
package final class Feed: Sendable {
    let table: Int
    let distinct: Bool
    let projection: Expr?
    let filter: Expr?
    /// For feeds that are not distinct: the group and condition tallied per row.
    let group: Expr?
    let condition: Expr?
    /// The filter's leading `column in window`, which `FeedDispatch` checks for all feeds at
    /// once, and the rest of the filter.
    let window: (column: Int, window: Window)?
    let rest: Expr?
    /// What the feed does with a row besides its window, when that does not depend on the
    /// quarter evaluated; `nil` when it does (other windows, `quarters_in`, set membership).
    /// Feeds compiled for two quarters with equal keys and equal window days keep the same
    /// things (this quarter's `previous` is the quarter before's `quarter`).
    let quarterFreeKey: String?
    /// The same for the rows alone: feeds that are not distinct and have equal keys here
    /// count the same rows.
    let quarterFreeRowsKey: String?
    /// Every expression the feed evaluates on a row.
    var expressions: [Expr] { [projection, filter, group, condition].compactMap { $0 } }
    /// Whether the feed only counts rows (no projection, group or condition).
    var countsRowsOnly: Bool { !distinct && projection == nil && group == nil && condition == nil }

    init(of aggregate: Aggregate) {
        table = aggregate.table
        distinct = aggregate.distinct
        projection = aggregate.projection
        filter = aggregate.filter
        // Distinct values are grouped and tested after the scan, per value, by the aggregate.
        group = aggregate.distinct ? nil : aggregate.group
        condition = aggregate.distinct ? nil : aggregate.condition
        switch aggregate.filter {
        case let .inWindow(.column(c), w)?: (window, rest) = ((c, w), nil)
        case let .and(.inWindow(.column(c), w), remainder)?: (window, rest) = ((c, w), remainder)
        default: (window, rest) = (nil, aggregate.filter)
        }
        let column = window.map { String($0.column) } ?? "-"
        let rowsKey = [String(distinct), column, String(describing: rest)].joined(separator: "|")
        quarterFreeRowsKey = rest.map(Feed.isQuarterFree) ?? true ? rowsKey : nil
        quarterFreeKey = [rest, projection, group, condition].allSatisfy { $0.map(Feed.isQuarterFree) ?? true }
            ? ([rowsKey] + [projection, group, condition].map { String(describing: $0) }).joined(separator: "|")
            : nil
    }

    /// No windows, no `quarters_in`, no set membership (sets are per quarter), no aggregates.
    private static func isQuarterFree(_ e: Expr) -> Bool {
        var free = true
        e.visit { part in
            switch part {
            case .inWindow, .inSet, .aggregate, .call(.quartersIn, _): free = false
            default: break
            }
        }
        return free
    }

    /// Aggregates with equal keys can share a feed.
    static func key(of aggregate: Aggregate) -> String {
        let parts: [Any?] = aggregate.distinct
            ? [aggregate.table, true, aggregate.projection, aggregate.filter]
            : [aggregate.table, false, aggregate.projection, aggregate.filter, aggregate.group, aggregate.condition]
        return parts.map { String(describing: $0) }.joined(separator: "|")
    }
}
