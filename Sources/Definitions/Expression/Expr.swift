import DataContract

/// A compiled expression: names resolved to column positions, literals to typed values.
package indirect enum Expr: Sendable {
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
    package func days(for quarter: Quarter) -> ClosedRange<Int32> {
        switch self {
        case .quarter: return quarter.firstDay.ordinal...quarter.lastDay.ordinal
        case .previous: return quarter.previous.firstDay.ordinal...quarter.previous.lastDay.ordinal
        case .trailing4: return quarter.advanced(by: -3).firstDay.ordinal...quarter.lastDay.ordinal
        case .toDate: return Int32.min...quarter.lastDay.ordinal
        }
    }

    /// The quarters the window covers (`to_date` has no fixed number and is not allowed here).
    package func quarters(for quarter: Quarter) -> [Quarter] {
        switch self {
        case .quarter: return [quarter]
        case .previous: return [quarter.previous]
        case .trailing4, .toDate: return (0..<4).map { quarter.advanced(by: -3 + $0) }
        }
    }
}

package enum ScalarFunction: String, Sendable, CaseIterable {
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
package enum AggregateFunction: String, Sendable, CaseIterable {
    case count, sum, mean, min, max, share, gini, diversity, dissimilarity
    case minMaxRatio = "min_max_ratio"
    /// The tallies of a group breakdown (evaluation.yaml); not a function of the language.
    case groups = "(breakdown)"

    /// The functions an indicator may call by name.
    static let named = allCases.filter { $0 != .groups }

    /// Whether the function needs `by` (a grouping) in its source.
    var isGrouped: Bool { [.gini, .diversity, .dissimilarity, .minMaxRatio, .groups].contains(self) }
}

/// One aggregate of the plan: a function over the rows of one table that pass a filter.
package struct Aggregate: Sendable {
    package var function: AggregateFunction
    package var table: Int
    package var distinct: Bool
    /// Per row: the value aggregated (or made distinct); `nil` means the row itself.
    package var projection: Expr?
    package var filter: Expr?
    /// Per row, or per distinct value when `distinct`: the group.
    package var group: Expr?
    /// Per row, or per distinct value when `distinct`: the condition of `share` and `min_max_ratio`.
    package var condition: Expr?
    /// `distinct`: the filter's conditions on the value alone, asked per value after the scan
    /// (see `KeyConditions`).
    package var keyFilter: Expr?
    /// `dissimilarity`: each group's share of the reference distribution.
    package var reference: [Value: Double]
    /// `min_max_ratio`: groups smaller than this are left out.
    package var minimumGroupSize: Int
    /// The source as written, for reasons.
    package var text: String
    var tableName: String

    /// Every expression of the aggregate, asked of rows or of distinct values.
    package var expressions: [Expr] { [projection, filter, group, condition, keyFilter].compactMap { $0 } }
}
