import DataContract
import Definitions

/// Evaluates an indicator's value, floor and target for one project and quarter.
struct IndicatorEvaluator {
    let project: [Value]
    let registry: TableSchema
    let quarter: Quarter
    let rows: RowEvaluator
    let aggregate: (Int) -> Result<Double, NotComputable>
    /// The counts of a `share` aggregate, once `aggregate` has finalised it.
    let share: (Int) -> ShareCount?

    func outcome(_ indicator: CompiledIndicator) -> IndicatorOutcome {
        if let applies = indicator.appliesTo, !rows.test(applies) {
            return .notApplicable
        }
        do {
            let value = try number(indicator.value)
            // Computing the value finalised its share, if it is one: its k and n are kept.
            let share = indicator.shareAggregate.flatMap(self.share)
            let floor = try number(indicator.floor)
            let target = try number(indicator.target)
            for (number, part) in [(value, NotComputable.Part.value), (floor, .floor), (target, .target)] where !number.isFinite {
                return .notComputable(.notFinite(part))
            }
            guard floor != target else { return .notComputable(.floorEqualsTarget) }
            return .value(value, floor: floor, target: target, share: share)
        } catch {
            return .notComputable(error)
        }
    }

    func number(_ expr: Expr) throws(NotComputable) -> Double {
        switch expr {
        case let .constant(.number(n)):
            return n
        case let .projectField(i):
            guard let n = project[i].numeric else {
                throw .projectValueMissing(column: registry.columns[i].name)
            }
            return n
        case let .aggregate(id):
            return try aggregate(id).get()
        case let .negate(e):
            return -(try number(e))
        case let .arithmetic(op, l, r, divisorText):
            let a = try number(l)
            let b = try number(r)
            guard let result = Arithmetic.apply(op, a, b) else { throw .zeroDenominator(divisor: divisorText) }
            return result
        case let .call(.abs, arguments):
            return Swift.abs(try number(arguments[0]))
        case let .call(.ifNone, arguments):
            do {
                return try number(arguments[0])
            } catch .noRows {
                return try number(arguments[1])
            }
        case let .call(.whenAny, arguments):
            guard case let .aggregate(rows) = arguments[0], case let .constant(.text(source)) = arguments[1] else {
                throw .noRows(source: "when_any")
            }
            guard try aggregate(rows).get() > 0 else { throw .noData(source: source) }
            return try number(arguments[2])
        case let .math(function, arguments, text):
            let a = try number(arguments[0])
            let b = arguments.count > 1 ? try number(arguments[1]) : 0
            switch function.apply(a, b) {
            case let .success(result): return result
            case let .failure(problem): throw .outsideDomain(call: text, problem: problem)
            }
        case .call:
            // quarters_in and other functions of project values: missing when a registry
            // field they read is empty.
            guard let n = rows.value(expr).numeric else {
                var empty: Int?
                expr.visit { part in
                    if case let .projectField(i) = part, empty == nil, project[i] == .missing { empty = i }
                }
                throw empty.map { .projectValueMissing(column: registry.columns[$0].name) } ?? .valueMissing
            }
            return n
        default:
            guard let n = rows.value(expr).numeric else { throw .valueMissing }
            return n
        }
    }
}
