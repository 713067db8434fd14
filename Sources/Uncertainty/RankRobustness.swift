import Evaluation
import Scoring

/// A project's rank and how far it moves under other reasonable assumptions.
public struct RankRange: Sendable, Equatable {
    /// The published rank (1 = highest overall score).
    public var position: Int
    /// The median, 5th and 95th percentile of the rank over the draws.
    public var median: Int
    public var p05: Int
    public var p95: Int
    public var draws: Int
}

/// Rank robustness (INDICATORS.md, "Uncertainty"): the scoring run `draws` times, each draw
/// with its own weights (one factor per indicator and per dimension, uniform in [1 − s, 1 + s],
/// shared by every project) and each project's shares redrawn from Beta(k + ½, n − k + ½).
/// Coverage and "insufficient data" stay as published: a draw rescores the same computable
/// indicators of the projects that have an overall score.
///
/// Draw t has its own generator, `Xoshiro256StarStar(seed:stream: t)`, and takes its numbers
/// in a fixed order — the indicator factors in plan order, the dimension factors in settings
/// order, then per ranked project (registry order) one Beta per share indicator (plan order) —
/// so the ranks do not depend on threads or on the order draws finish in.
enum RankRobustness {
    /// One indicator term of a dimension: a fixed score, or a share drawn anew.
    private struct Term {
        var indicator: Int
        var weight: Double
        var score: Double
        var share: (sampler: BetaSampler, floor: Double, target: Double)?
    }

    /// A ranked project, its terms by dimension, worked out once for every draw.
    private struct Project {
        var index: Int
        var dimensions: [[Term]]
    }

    /// Draws are computed in this many blocks, on all cores unless `serial`; the blocks depend
    /// on the number of draws alone.
    static let blocks = 8

    /// By project (registry order): the range, or `nil` for a project without an overall score.
    static func ranges(scores: [ProjectScores], positions: [Int?], plan: EvaluationPlan, serial: Bool) -> [RankRange?] {
        let settings = plan.settings.uncertainty
        let projects = prepare(scores, plan: plan)
        guard !projects.isEmpty else { return positions.map { _ in nil } }
        let draws = settings.draws
        let blockDraws = (draws + blocks - 1) / blocks
        let ranges = (0..<blocks).map { block -> Range<Int> in
            let start = min(draws, block * blockDraws)
            return start..<min(draws, start + blockDraws)
        }.filter { !$0.isEmpty }
        // Per block, how often each ranked project took each rank: P × P counts, whatever the
        // number of draws; summed over blocks, they do not depend on the order blocks finish in.
        let count = projects.count
        let blockCounts = Parallel.map(ranges, serial: serial) { range in
            var counts = [Int](repeating: 0, count: count * count)
            var overall = [Double](repeating: 0, count: count)
            for draw in range {
                score(draw: draw, projects, plan: plan, into: &overall)
                for (p, rank) in rank(overall).enumerated() { counts[p * count + Int(rank) - 1] += 1 }
            }
            return counts
        }
        var result = [RankRange?](repeating: nil, count: scores.count)
        for (p, project) in projects.enumerated() {
            guard let position = positions[project.index] else { continue }
            let counts = (0..<count).map { r in blockCounts.reduce(0) { $0 + $1[p * count + r] } }
            // The ⌈q·draws⌉-th smallest rank, with q in hundredths so that no rounding moves it.
            func percentile(_ hundredths: Int) -> Int {
                let k = max(1, (hundredths * draws + 99) / 100)
                var seen = 0
                for (r, n) in counts.enumerated() {
                    seen += n
                    if seen >= k { return r + 1 }
                }
                return count
            }
            result[project.index] = RankRange(
                position: position, median: percentile(50), p05: percentile(5), p95: percentile(95), draws: draws)
        }
        return result
    }

    private static func prepare(_ scores: [ProjectScores], plan: EvaluationPlan) -> [Project] {
        scores.enumerated().compactMap { index, project -> Project? in
            guard project.overall != nil else { return nil }
            let dimensions = plan.settings.dimensions.map { dimension in
                zip(plan.indicators, project.indicators).enumerated().compactMap { i, pair -> Term? in
                    let (indicator, score) = pair
                    guard indicator.definition.dimension == dimension.id, let s = score.score else { return nil }
                    var term = Term(indicator: i, weight: indicator.definition.weight, score: s)
                    if case let .value(_, floor, target, share?) = score.outcome {
                        let k = Double(share.hits)
                        term.share = (BetaSampler(k + 0.5, Double(share.rows) - k + 0.5), floor, target)
                    }
                    return term
                }
            }
            return Project(index: index, dimensions: dimensions)
        }
    }

    /// Every ranked project's overall score in one draw.
    private static func score(draw: Int, _ projects: [Project], plan: EvaluationPlan, into overall: inout [Double]) {
        let spread = plan.settings.uncertainty.weightSpread
        var random = Xoshiro256StarStar(seed: plan.settings.uncertainty.seed, stream: UInt64(draw))
        func factor() -> Double { 1 - spread + 2 * spread * random.uniform() }
        let indicatorFactors = plan.indicators.map { _ in factor() }
        let dimensionFactors = plan.settings.dimensions.map { _ in factor() }
        for (p, project) in projects.enumerated() {
            var dimensionScores: [(weight: Double, score: Double)] = []
            for (d, terms) in project.dimensions.enumerated() {
                let drawn = terms.map { term -> (weight: Double, score: Double) in
                    var s = term.score
                    if let share = term.share,
                        let drawn = Scorer.score(value: share.sampler.sample(&random), floor: share.floor, target: share.target)
                    {
                        s = drawn
                    }
                    return (term.weight * indicatorFactors[term.indicator], s)
                }
                let dimension = plan.settings.dimensions[d]
                dimensionScores.append((dimension.weight * dimensionFactors[d], dimension.aggregation.combine(drawn)?.score ?? 0))
            }
            // Never nil: a ranked project has a computable indicator in every dimension, and
            // the drawn weights are above 0.
            overall[p] = plan.settings.overallAggregation.combine(dimensionScores)?.score ?? 0
        }
    }

    /// 1 for the highest score; equal scores share the smaller rank.
    static func rank(_ scores: [Double]) -> [Int32] {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var ranks = [Int32](repeating: 0, count: scores.count)
        for (position, index) in order.enumerated() {
            if position > 0, scores[order[position - 1]] == scores[index] {
                ranks[index] = ranks[order[position - 1]]
            } else {
                ranks[index] = Int32(position + 1)
            }
        }
        return ranks
    }
}
