import Definitions

/// Turns an accumulator into the aggregate's number, following INDICATORS.md's formulas.
enum Finalization {
    /// Rows (or distinct values), those meeting the condition, and the groups' tallies.
    static func tallies(
        of aggregate: Aggregate, _ acc: Accumulator, evaluator: RowEvaluator
    ) -> (rows: Int, hits: Int, groups: GroupTallies) {
        var rows = acc.rows
        var hits = acc.hits
        var groups = acc.tallies
        if aggregate.distinct {
            // Conditions and groups of distinct values depend on the value alone, so they are
            // worked out here, after every row has been seen, a set at a time (`KeySets`).
            let keys = values(of: aggregate, acc, evaluator: evaluator)
            rows = keys.count
            let hitKeys = aggregate.condition.map { evaluator.select($0, from: keys) }
            hits = hitKeys?.count ?? 0
            var tallies = GroupTallies()
            if let group = aggregate.group {
                evaluator.forEach(keys, groupedBy: group) { key, group in
                    tallies.add(group, hit: hitKeys?.contains(key) ?? false)
                }
            }
            groups = tallies
        }
        return (rows, hits, groups)
    }

    /// The distinct values of a `distinct` aggregate: its feed's, less those that fail the
    /// aggregate's own conditions on the value.
    static func values(of aggregate: Aggregate, _ acc: Accumulator, evaluator: RowEvaluator) -> DistinctValues {
        guard let keyFilter = aggregate.keyFilter else { return acc.keys }
        return evaluator.select(keyFilter, from: acc.keys)
    }

    static func value(
        of aggregate: Aggregate, _ acc: Accumulator, evaluator: RowEvaluator
    ) -> Result<Double, NotComputable> {
        let (rows, hits, groups) = tallies(of: aggregate, acc, evaluator: evaluator)
        let noRows = NotComputable.noRows(source: aggregate.text)
        switch aggregate.function {
        case .count:
            return .success(Double(aggregate.distinct ? rows : (aggregate.projection == nil ? rows : acc.count)))
        case .sum:
            return .success(acc.sum)
        case .mean:
            return acc.count == 0 ? .failure(noRows) : .success(acc.sum / Double(acc.count))
        case .min:
            return acc.count == 0 ? .failure(noRows) : .success(acc.minimum)
        case .max:
            return acc.count == 0 ? .failure(noRows) : .success(acc.maximum)
        case .share:
            return share(rows: rows, hits: hits, noRows: noRows).map(\.value)
        case .gini:
            return gini(measures(groups, aggregate), noRows: noRows)
        case .diversity:
            let values = measures(groups, aggregate)
            let total = values.reduce(0, +)
            guard total > 0 else { return .failure(noRows) }
            return .success(1 - values.map { ($0 / total) * ($0 / total) }.sorted().reduce(0, +))
        case .dissimilarity:
            return dissimilarity(groups, aggregate, noRows: noRows)
        case .minMaxRatio:
            var rates: [Double] = []
            groups.forEach { _, tally in
                if tally.rows >= aggregate.minimumGroupSize { rates.append(Double(tally.hits) / Double(tally.rows)) }
            }
            guard rates.count >= 2 else {
                return .failure(.tooFewGroups(found: rates.count, needed: 2, source: aggregate.text))
            }
            guard let highest = rates.max(), let lowest = rates.min(), highest > 0 else {
                return .failure(.zeroMaximum(source: aggregate.text))
            }
            return .success(lowest / highest)
        case .groups:
            return .success(Double(groups.count))
        }
    }

    /// A `share` aggregate's counts, k of n, for the value and its interval.
    static func share(of aggregate: Aggregate, _ acc: Accumulator, evaluator: RowEvaluator) -> Result<ShareCount, NotComputable> {
        let (rows, hits, _) = tallies(of: aggregate, acc, evaluator: evaluator)
        return share(rows: rows, hits: hits, noRows: .noRows(source: aggregate.text))
    }

    private static func share(rows: Int, hits: Int, noRows: NotComputable) -> Result<ShareCount, NotComputable> {
        rows == 0 ? .failure(noRows) : .success(ShareCount(hits: hits, rows: rows))
    }

    /// A group's size: its sum when the source has a column, else its rows or distinct values.
    private static func measure(_ tally: Accumulator.Tally, _ aggregate: Aggregate) -> Double {
        aggregate.projection != nil && !aggregate.distinct ? tally.sum : Double(tally.rows)
    }

    /// Every group's size, sorted so that floating-point sums do not depend on dictionary order.
    private static func measures(_ groups: GroupTallies, _ aggregate: Aggregate) -> [Double] {
        var values: [Double] = []
        groups.forEach { _, tally in values.append(measure(tally, aggregate)) }
        return sortedAscending(values)
    }

    /// `values.sorted()`, by counting when every value is a small whole number (rows or
    /// people per group, the usual measure): linear in the tens of thousands of participants
    /// of a Gini coefficient, where sorting was 2 % of a run.
    static func sortedAscending(_ values: [Double]) -> [Double] {
        let limit = 1 << 16
        var largest = 0
        for value in values {
            // -0.0 is not counted: it would come back as 0.0.
            guard value.sign == .plus, value <= Double(limit), value.rounded(.towardZero) == value else {
                return values.sorted()
            }
            largest = max(largest, Int(value))
        }
        var counts = [Int](repeating: 0, count: largest + 1)
        for value in values { counts[Int(value)] += 1 }
        var sorted: [Double] = []
        sorted.reserveCapacity(values.count)
        for (value, count) in counts.enumerated() where count > 0 {
            sorted.append(contentsOf: repeatElement(Double(value), count: count))
        }
        return sorted
    }

    /// The population Gini coefficient, Σ_i Σ_j |x_i − x_j| / (2 n² mean), computed on sorted
    /// values as Σ_i (2i − n − 1) x_i / (n² mean), which is the same sum.
    private static func gini(_ sorted: [Double], noRows: NotComputable) -> Result<Double, NotComputable> {
        let n = Double(sorted.count)
        guard n > 0 else { return .failure(noRows) }
        let total = sorted.reduce(0, +)
        guard total > 0 else { return .failure(.zeroDenominator(divisor: "the mean")) }
        let mean = total / n
        var weighted = 0.0
        for (i, x) in sorted.enumerated() {
            weighted += (2 * Double(i + 1) - n - 1) * x
        }
        return .success(weighted / (n * n * mean))
    }

    /// ½ Σ_g |a_g − p_g| over the groups of the data and of the reference together.
    private static func dissimilarity(
        _ groups: GroupTallies, _ aggregate: Aggregate, noRows: NotComputable
    ) -> Result<Double, NotComputable> {
        let total = measures(groups, aggregate).reduce(0, +)
        guard total > 0 else { return .failure(noRows) }
        var terms: [Double] = []
        for (key, share) in aggregate.reference {
            terms.append(abs((groups.tally(for: key).map { measure($0, aggregate) } ?? 0) / total - share))
        }
        groups.forEach { key, tally in
            if aggregate.reference[key] == nil { terms.append(measure(tally, aggregate) / total) }
        }
        return .success(terms.sorted().reduce(0, +) / 2)
    }
}
