/// What one aggregate has seen of one table for one quarter.
struct Accumulator {
    var rows = 0
    var hits = 0
    var count = 0
    var sum = 0.0
    var minimum = Double.infinity
    var maximum = -Double.infinity
    /// The distinct values, for `distinct` sources.
    var keys = Set<Value>()
    /// Tallies per group, for grouped sources that are not distinct.
    var groups: [Value: Tally] = [:]

    struct Tally {
        var rows = 0
        var hits = 0
        var sum = 0.0
    }

    /// Takes one row that passed the aggregate's filter.
    mutating func add(_ row: [Value], _ aggregate: Aggregate, _ evaluator: RowEvaluator) {
        if aggregate.distinct {
            let v = evaluator.value(aggregate.projection!, row: row)
            if !v.isMissing { keys.insert(v) }
            return
        }
        rows += 1
        var projected: Double?
        if let projection = aggregate.projection {
            let v = evaluator.value(projection, row: row)
            if !v.isMissing {
                count += 1
                if let n = evaluator.number(v) {
                    projected = n
                    sum += n
                    minimum = Swift.min(minimum, n)
                    maximum = Swift.max(maximum, n)
                }
            }
        }
        let hit = aggregate.condition.map { evaluator.test($0, row: row) } ?? false
        if hit { hits += 1 }
        if let group = aggregate.group {
            let g = evaluator.value(group, row: row)
            groups[g, default: Tally()].rows += 1
            if hit { groups[g]!.hits += 1 }
            if let projected { groups[g]!.sum += projected }
        }
    }
}
