import DataContract
import Definitions

/// A compiled row expression: a value from a row (or, for distinct values, from the value).
typealias RowFunction = (_ row: Row, _ key: Value) -> Value
/// A compiled condition.
typealias RowTest = (_ row: Row, _ key: Value) -> Bool

/// No row: for conditions on distinct values and project-level expressions.
var noRow: Row { Row(cells: nil, stride: 0, texts: UnsafeBufferPointer(start: nil, count: 0)) }

/// Compiles row-level expressions (filters, projections, groups, conditions) into closures
/// for one project and quarter, so the row loop walks no expression tree.
///
/// Comparisons with a missing value are false (only `= missing` tests for it), and
/// arithmetic with a missing value, or by zero, is missing.
///
/// Unchecked `Sendable`: the chunks of a large file share it, in parallel, but only read its
/// `let`s and compile closures of their own from it (a closure's cache lives in the closure,
/// not here). `sets`, its one `var`, is set and read by the thread that evaluates the project,
/// after every scan of the project has returned, so it is `@exclusivity(unchecked)`; the same
/// holds for `columns` (a cache that fills as it is read), which only finalisation's
/// evaluators have.
package final class RowEvaluator: @unchecked Sendable {
    /// Rows of the tables kept in memory, by schema table index (empty for streamed tables).
    let tables: [KeptRows]
    let project: [Value]
    let quarter: Quarter
    /// Day ranges of the windows for `quarter`, indexed like `Window.allCases`.
    let windows: [ClosedRange<Int32>]
    /// Value sets of distinct aggregates, for `in (distinct ...)`; only at finalisation.
    @exclusivity(unchecked) var sets: ((Int) -> DistinctValues)?
    /// The kept tables' columns as arrays, for the conditions and groups of distinct values
    /// (`select`, `forEach(groupedBy:)`), shared by the quarters of a project; `nil` in the
    /// evaluators of the scan, which ask no such condition.
    let columns: KeptColumns?

    init(tables: [KeptRows], project: [Value], quarter: Quarter, columns: KeptColumns? = nil) {
        self.tables = tables
        self.columns = columns
        self.project = project
        self.quarter = quarter
        windows = Window.allCases.map { $0.days(for: quarter) }
    }

    /// Evaluates once (for project-level expressions and messages); loops should compile.
    func value(_ expr: Expr, key: Value = .missing) -> Value { function(expr)(noRow, key) }

    func test(_ expr: Expr, key: Value = .missing) -> Bool { condition(expr)(noRow, key) }

    func condition(_ expr: Expr) -> RowTest {
        switch expr {
        case let .constant(v):
            let result = v == .bool(true)
            return { _, _ in result }
        case let .not(e):
            let inner = condition(e)
            return { row, key in !inner(row, key) }
        case let .and(l, r):
            let a = condition(l)
            let b = condition(r)
            return { row, key in a(row, key) && b(row, key) }
        case let .or(l, r):
            let a = condition(l)
            let b = condition(r)
            return { row, key in a(row, key) || b(row, key) }
        case let .inWindow(.column(i), window):
            // The most common filter, `date in quarter`, as one range check.
            let days = windows[window.index]
            return { row, _ in KeptRows.day(row.cell(i)).map(days.contains) ?? false }
        case let .inWindow(e, window):
            let days = windows[window.index]
            let inner = function(e)
            return { row, key in
                if case let .date(day) = inner(row, key) { return days.contains(day.ordinal) }
                return false
            }
        case let .compare(op, l, r):
            // `participant.role = "organizer"`: the stored cell against the constant's, with
            // no `Value` made (a comparison with a value of another kind, or missing, is false).
            if op == .equal || op == .notEqual, case let .constant(c) = r, let stored = storedCell(l),
                let constant = KeptRows.cell(comparing: c)
            {
                let equal = op == .equal
                return { row, key in stored(row, key).map { KeptRows.compare($0, constant, equal: equal) } ?? false }
            }
            let a = function(l)
            let b = function(r)
            return { row, key in RowEvaluator.compare(op, a(row, key), b(row, key)) }
        case let .isMissing(e, negated):
            if let stored = storedCell(e) {
                return { row, key in (stored(row, key).map { $0 == KeptRows.missingCell } ?? true) != negated }
            }
            let inner = function(e)
            return { row, key in inner(row, key).isMissing != negated }
        case let .inList(e, values, negated):
            // `status in ("adopted", "rejected")`: the stored cell against the constants' cells.
            if let stored = storedCell(e), let listed = RowEvaluator.cells(comparing: values) {
                return { row, key in stored(row, key).map { RowEvaluator.isListed($0, listed, negated: negated) } ?? false }
            }
            let inner = function(e)
            return { row, key in
                let v = inner(row, key)
                return !v.isMissing && values.contains(v) != negated
            }
        case let .inSet(e, aggregate):
            let inner = function(e)
            let set = sets?(aggregate) ?? DistinctValues()
            return { row, key in
                let v = inner(row, key)
                return !v.isMissing && set.contains(v)
            }
        default:
            // A boolean column on its own (`resident_led`, `participant.disability`): true only
            // when it holds true, read from the stored cell.
            if let stored = storedCell(expr) {
                let yes = KeptRows.cell(bool: true)
                return { row, key in stored(row, key) == yes }
            }
            let inner = function(expr)
            return { row, key in inner(row, key) == .bool(true) }
        }
    }

    /// The cells of a list's constants, when each has one that compares (see `KeptRows.cell(comparing:)`).
    static func cells(comparing values: [Value]) -> [UInt64]? {
        let cells = values.compactMap(KeptRows.cell(comparing:))
        return cells.count == values.count ? cells : nil
    }

    /// `value in (list)` (or `not in`) for a stored cell and the list's cells: a missing value
    /// is in no list and outside none.
    @inline(__always)
    static func isListed(_ cell: UInt64, _ listed: [UInt64], negated: Bool) -> Bool {
        cell != KeptRows.missingCell && listed.contains(cell) != negated
    }

    /// For a column of the row (`status = "adopted"`), or of a kept table read through a
    /// reference: the stored cell, or `nil` when the row has no reference there.
    private func storedCell(_ expr: Expr) -> ((Row, Value) -> UInt64?)? {
        switch expr {
        case let .column(i):
            return { row, _ in row.cell(i) }
        case let .lookup(through, table, field):
            let rows = tables[table]
            return { row, _ in KeptRows.row(row.cell(through)).map { rows.cell(row: Int($0), column: field) } }
        case let .keyLookup(table, field):
            let rows = tables[table]
            return { _, key in
                if case let .row(r) = key { return rows.cell(row: Int(r), column: field) }
                return nil
            }
        default:
            return nil
        }
    }

    func function(_ expr: Expr) -> RowFunction {
        switch expr {
        case let .constant(v):
            return { _, _ in v }
        case let .column(i):
            return { row, _ in row[i] }
        case let .lookup(through, table, field):
            let rows = tables[table]
            return { row, _ in KeptRows.row(row.cell(through)).map { rows.value(row: Int($0), column: field) } ?? .missing }
        case let .projectField(i):
            let v = project[i]
            return { _, _ in v }
        case .key:
            return { _, key in key }
        case let .keyLookup(table, field):
            let rows = tables[table]
            return { _, key in
                if case let .row(r) = key { return rows.value(row: Int(r), column: field) }
                return .missing
            }
        case .aggregate:
            return { _, _ in .missing }
        case let .negate(e):
            let inner = function(e)
            return { row, key in inner(row, key).numeric.map { .number(-$0) } ?? .missing }
        case let .arithmetic(op, l, r, _):
            let a = function(l)
            let b = function(r)
            return { row, key in
                guard let x = a(row, key).numeric, let y = b(row, key).numeric, let result = Arithmetic.apply(op, x, y) else {
                    return .missing
                }
                return .number(result)
            }
        case .not, .and, .or, .compare, .isMissing, .inList, .inWindow, .inSet:
            let test = condition(expr)
            return { row, key in .bool(test(row, key)) }
        case let .call(function, arguments):
            // Every function takes one or two arguments (the compiler checks); passing them
            // as two values rather than an array keeps an allocation out of every row.
            let first = self.function(arguments[0])
            let second = arguments.count > 1 ? self.function(arguments[1]) : nil
            if function == .quarterOf || function == .quarterEnd {
                // Rows come in runs of dates of one quarter: the last quarter's days are kept
                // here, so the calendar arithmetic runs once a run.
                let last = LastQuarter()
                return { [unowned self] row, key in
                    let date = first(row, key)
                    guard case let .date(day) = date else { return .missing }
                    if !last.days.contains(day.ordinal) {
                        let quarter = Quarter(containing: day)
                        last.days = quarter.firstDay.ordinal..<(quarter.lastDay.ordinal + 1)
                        last.result = self.call(function, date, .missing)
                    }
                    return last.result
                }
            }
            return { [unowned self] row, key in
                self.call(function, first(row, key), second?(row, key) ?? .missing)
            }
        case let .math(function, arguments, _):
            // Missing in, or outside the function's domain, is missing out (as a division by 0).
            let first = self.function(arguments[0])
            let second = arguments.count > 1 ? self.function(arguments[1]) : nil
            return { row, key in
                guard let a = first(row, key).numeric else { return .missing }
                var b = 0.0
                if let second {
                    guard let n = second(row, key).numeric else { return .missing }
                    b = n
                }
                guard case let .success(result) = function.apply(a, b) else { return .missing }
                return .number(result)
            }
        }
    }

    private func call(_ function: ScalarFunction, _ first: Value, _ second: Value) -> Value {
        switch function {
        case .abs:
            return first.numeric.map { .number(Swift.abs($0)) } ?? .missing
        case .ifNone:
            return first.isMissing ? second : first
        case .whenAny:
            // Compiled for values only, where tables are read, never for a row.
            return .missing
        case .quarterOf:
            guard case let .date(day) = first else { return .missing }
            return .number(Double(Quarter(containing: day).index))
        case .quarterEnd:
            guard case let .date(day) = first else { return .missing }
            return .date(Quarter(containing: day).lastDay)
        case .quartersIn:
            guard case let .text(name) = first, let window = Window(rawValue: name),
                case let .date(since) = second
            else { return .missing }
            return .number(Double(window.quarters(for: quarter).filter { $0.lastDay >= since }.count))
        }
    }

    static func compare(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Bool {
        let order: Int
        switch (a, b) {
        case let (.number(x), .number(y)): order = x < y ? -1 : (x > y ? 1 : 0)
        case let (.date(x), .date(y)): order = x < y ? -1 : (x > y ? 1 : 0)
        case let (.symbol(x), .symbol(y)): order = x < y ? -1 : (x > y ? 1 : 0)
        case let (.text(x), .text(y)): order = x == y ? 0 : 2
        case let (.bool(x), .bool(y)): order = x == y ? 0 : 2
        case let (.row(x), .row(y)): order = x == y ? 0 : 2
        default: return false
        }
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order == -1
        case .lessOrEqual: return order == -1 || order == 0
        case .greater: return order == 1
        case .greaterOrEqual: return order == 1 || order == 0
        default: return false
        }
    }
}

/// The days of the quarter a `quarter_of`/`quarter_end` closure saw last, and its result.
///
/// A class with `@exclusivity(unchecked)` properties rather than `var`s captured by the closure:
/// a captured `var` is checked at run time on every access (76 instructions a row in a
/// callgrind profile). Each compiled closure has its own and is used by one scan (one thread),
/// and nothing holds an access open across a call.
private final class LastQuarter {
    @exclusivity(unchecked) var days: Range<Int32> = 0..<0
    @exclusivity(unchecked) var result = Value.missing
}

extension Window {
    var index: Int { Window.allCases.firstIndex(of: self)! }
}

/// A feed's expressions compiled for one quarter. A class, so the row loop passes it
/// without copying its closures.
final class CompiledFeed {
    let distinct: Bool
    /// The filter's leading `column in window`, taken out so that `FeedDispatch` can send a
    /// row only to the feeds whose window holds its date; -1 when the filter has none.
    let windowColumn: Int
    let windowDays: ClosedRange<Int32>
    /// The rest of the filter.
    let filter: RowTest?
    let projection: RowFunction?
    let condition: RowTest?
    let group: RowFunction?
    /// The projection and the group when they are a column of the row (distinct
    /// participant_id; by participant_id), read without calling a closure; -1 otherwise.
    let projectionColumn: Int
    let groupColumn: Int
    /// Whether the feed only counts rows (no projection, group or condition).
    let countsRowsOnly: Bool
    /// Whether the feed counts rows per value of a column only (no projection or condition).
    let countsRowsByColumn: Bool

    init(_ feed: Feed, _ evaluator: RowEvaluator) {
        distinct = feed.distinct
        windowColumn = feed.window?.column ?? -1
        windowDays = feed.window.map { evaluator.windows[$0.window.index] } ?? Int32.min...Int32.max
        filter = feed.rest.map(evaluator.condition)
        projection = feed.projection.map(evaluator.function)
        condition = feed.condition.map(evaluator.condition)
        group = feed.group.map(evaluator.function)
        if case let .column(c)? = feed.projection { projectionColumn = c } else { projectionColumn = -1 }
        if case let .column(c)? = feed.group { groupColumn = c } else { groupColumn = -1 }
        countsRowsOnly = feed.countsRowsOnly
        countsRowsByColumn = !distinct && feed.projection == nil && feed.condition == nil && groupColumn >= 0
    }

    /// The row's projected value; `nil` for a feed without a projection.
    @inline(__always)
    func projected(_ row: Row) -> Value? {
        projectionColumn >= 0 ? row[projectionColumn] : projection?(row, .missing)
    }

    /// The row's group; `nil` for a feed without a group.
    @inline(__always)
    func grouped(_ row: Row) -> Value? {
        groupColumn >= 0 ? row[groupColumn] : group?(row, .missing)
    }
}
