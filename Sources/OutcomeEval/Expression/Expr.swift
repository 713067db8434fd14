/// A compiled expression: names resolved to column positions, literals to typed values.
indirect enum Expr: Sendable {
    case constant(Value)
    /// A column of the row being read.
    case column(Int)
    /// A column of the row that reference column `through` points to, in table `table`.
    case lookup(through: Int, table: Int, field: Int)
    /// A column of the project's registry row.
    case projectField(Int)
    /// The value itself, in a condition on the values of a `distinct` source.
    case key
    /// A column of the row the distinct value points to.
    case keyLookup(table: Int, field: Int)
    /// The result of aggregate number `n` of the plan.
    case aggregate(Int)
    case negate(Expr)
    case not(Expr)
    case arithmetic(BinaryOperator, Expr, Expr, divisorText: String)
    case compare(BinaryOperator, Expr, Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case isMissing(Expr, negated: Bool)
    case inList(Expr, [Value], negated: Bool)
    case inWindow(Expr, Window)
    /// Whether the value is among the values of aggregate `n` (a distinct source).
    case inSet(Expr, aggregate: Int)
    case call(ScalarFunction, [Expr])
    /// `text` is the call as written, for reasons such as "ln(x) needs a number above 0".
    case math(MathFunction, [Expr], text: String)
}

/// The period windows of INDICATORS.md, relative to the quarter being evaluated.
public enum Window: String, Sendable, CaseIterable {
    case quarter, previous, trailing4
    case toDate = "to_date"

    /// The days the window covers, both ends included.
    func days(for quarter: Quarter) -> ClosedRange<Int32> {
        switch self {
        case .quarter: return quarter.firstDay.ordinal...quarter.lastDay.ordinal
        case .previous: return quarter.previous.firstDay.ordinal...quarter.previous.lastDay.ordinal
        case .trailing4: return quarter.advanced(by: -3).firstDay.ordinal...quarter.lastDay.ordinal
        case .toDate: return Int32.min...quarter.lastDay.ordinal
        }
    }

    /// The quarters the window covers (`to_date` has no fixed number and is not allowed here).
    func quarters(for quarter: Quarter) -> [Quarter] {
        switch self {
        case .quarter: return [quarter]
        case .previous: return [quarter.previous]
        case .trailing4, .toDate: return (0..<4).map { quarter.advanced(by: -3 + $0) }
        }
    }
}

enum ScalarFunction: String, Sendable, CaseIterable {
    case abs
    /// `if_none(x, y)`: `y` when `x` has no rows to work on (but not when its table is missing).
    case ifNone = "if_none"
    /// `when_any(rows, x)`: `x` when the rows are there, else not computable with "no data"
    /// (a count over nothing is not 0). Compiled as [count of the rows, the rows' text, x].
    case whenAny = "when_any"
    /// `quarters_in(window, date)`: how many quarters of the window end on or after the date.
    case quartersIn = "quarters_in"
    /// `quarter_of(date)`: the quarter as a number (year × 4 + quarter − 1).
    case quarterOf = "quarter_of"
    /// `quarter_end(date)`: the last day of the date's quarter.
    case quarterEnd = "quarter_end"
}

/// Functions over the rows of a table.
enum AggregateFunction: String, Sendable, CaseIterable {
    case count, sum, mean, min, max, share, gini, diversity, dissimilarity
    case minMaxRatio = "min_max_ratio"
    /// The tallies of a group breakdown (evaluation.yaml); not a function of the language.
    case groups = "(breakdown)"

    /// The functions an indicator may call by name.
    static let named = allCases.filter { $0 != .groups }

    /// Whether the function needs `by` (a grouping) in its source.
    var isGrouped: Bool { [.gini, .diversity, .dissimilarity, .minMaxRatio, .groups].contains(self) }
}

/// What one table scan feeds: the rows of `table` that pass `filter`, as several aggregates
/// may read them. Aggregates over the same rows share one feed, so each row is filtered and
/// counted once per quarter however many indicators use it.
final class Feed: Sendable {
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

/// One aggregate of the plan: a function over the rows of one table that pass a filter.
struct Aggregate: Sendable {
    var function: AggregateFunction
    /// The plan's feed this aggregate reads.
    var feed = 0
    var table: Int
    var distinct: Bool
    /// Per row: the value aggregated (or made distinct); `nil` means the row itself.
    var projection: Expr?
    var filter: Expr?
    /// Per row, or per distinct value when `distinct`: the group.
    var group: Expr?
    /// Per row, or per distinct value when `distinct`: the condition of `share` and `min_max_ratio`.
    var condition: Expr?
    /// `distinct`: the filter's conditions on the value alone, asked per value after the scan
    /// (see `KeyConditions`).
    var keyFilter: Expr?
    /// `dissimilarity`: each group's share of the reference distribution.
    var reference: [Value: Double]
    /// `min_max_ratio`: groups smaller than this are left out.
    var minimumGroupSize: Int
    /// The source as written, for reasons.
    var text: String
    var tableName: String

    /// Every expression of the aggregate, asked of rows or of distinct values.
    var expressions: [Expr] { [projection, filter, group, condition, keyFilter].compactMap { $0 } }
}
