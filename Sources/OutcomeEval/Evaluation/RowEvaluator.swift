/// Evaluates row-level expressions: filters, projections, groups and conditions.
///
/// Comparisons with a missing value are false (only `= missing` tests for it), and
/// arithmetic with a missing value, or by zero, is missing.
struct RowEvaluator {
    /// Rows of the tables kept in memory, by schema table index (empty for streamed tables).
    let tables: [[[Value]]]
    let project: [Value]
    let quarter: Quarter
    /// Day ranges of the windows for `quarter`, indexed like `Window.allCases`.
    let windows: [ClosedRange<Int32>]
    /// Value sets of distinct aggregates, for `in (distinct ...)`; only at finalisation.
    var sets: ((Int) -> Set<Value>)?

    init(tables: [[[Value]]], project: [Value], quarter: Quarter) {
        self.tables = tables
        self.project = project
        self.quarter = quarter
        windows = Window.allCases.map { $0.days(for: quarter) }
    }

    func test(_ expr: Expr, row: [Value], key: Value = .missing) -> Bool {
        if case .bool(true) = value(expr, row: row, key: key) { return true }
        return false
    }

    func value(_ expr: Expr, row: [Value], key: Value = .missing) -> Value {
        switch expr {
        case let .constant(v): return v
        case let .column(i): return row[i]
        case let .lookup(through, table, field):
            guard case let .row(r) = row[through] else { return .missing }
            return tables[table][Int(r)][field]
        case let .projectField(i): return project[i]
        case .key: return key
        case let .keyLookup(table, field):
            guard case let .row(r) = key else { return .missing }
            return tables[table][Int(r)][field]
        case .aggregate: return .missing
        case let .negate(e):
            guard let n = number(value(e, row: row, key: key)) else { return .missing }
            return .number(-n)
        case let .not(e):
            return .bool(!test(e, row: row, key: key))
        case let .arithmetic(op, l, r, _):
            guard let a = number(value(l, row: row, key: key)), let b = number(value(r, row: row, key: key)),
                let result = Arithmetic.apply(op, a, b)
            else { return .missing }
            return .number(result)
        case let .compare(op, l, r):
            return .bool(Self.compare(op, value(l, row: row, key: key), value(r, row: row, key: key)))
        case let .and(l, r):
            return .bool(test(l, row: row, key: key) && test(r, row: row, key: key))
        case let .or(l, r):
            return .bool(test(l, row: row, key: key) || test(r, row: row, key: key))
        case let .isMissing(e, negated):
            return .bool(value(e, row: row, key: key).isMissing != negated)
        case let .inList(e, values, negated):
            let v = value(e, row: row, key: key)
            if v.isMissing { return .bool(false) }
            return .bool(values.contains(v) != negated)
        case let .inWindow(e, window):
            guard case let .date(day) = value(e, row: row, key: key) else { return .bool(false) }
            return .bool(windows[window.index].contains(day.ordinal))
        case let .inSet(e, aggregate):
            let v = value(e, row: row, key: key)
            return .bool(!v.isMissing && (sets?(aggregate).contains(v) ?? false))
        case let .call(function, arguments):
            return call(function, arguments.map { value($0, row: row, key: key) })
        }
    }

    private func call(_ function: ScalarFunction, _ arguments: [Value]) -> Value {
        switch function {
        case .abs:
            return number(arguments[0]).map { .number(Swift.abs($0)) } ?? .missing
        case .ifNone:
            return arguments[0].isMissing ? arguments[1] : arguments[0]
        case .quarterOf:
            guard case let .date(day) = arguments[0] else { return .missing }
            return .number(Double(Quarter(containing: day).index))
        case .quarterEnd:
            guard case let .date(day) = arguments[0] else { return .missing }
            return .date(Quarter(containing: day).lastDay)
        case .quartersIn:
            guard case let .text(name) = arguments[0], let window = Window(rawValue: name),
                case let .date(since) = arguments[1]
            else { return .missing }
            return .number(Double(window.quarters(for: quarter).filter { $0.lastDay >= since }.count))
        }
    }

    /// A value as a number: numbers, and ordered enum values by rank (first = 1).
    func number(_ value: Value) -> Double? {
        switch value {
        case let .number(n): return n
        case let .symbol(i): return Double(i + 1)
        default: return nil
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

extension Window {
    var index: Int { Window.allCases.firstIndex(of: self)! }
}
