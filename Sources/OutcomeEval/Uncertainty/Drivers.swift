/// How much one indicator moved a project's overall score since the previous quarter.
public struct Driver: Sendable, Equatable {
    /// The indicator's place in the plan.
    public var indicator: Int
    public var contribution: Double
}

/// Drivers of change (INDICATORS.md, "Uncertainty"): the change of the overall score split
/// into one contribution per indicator, (W_d / ΣW) · (wᵢsᵢ / Σ_d − wᵢs′ᵢ / Σ′_d), that add up
/// to the change. Each part is the combined score with every other term's score set to 0,
/// through `Scorer.weightedMean`, so the split follows the aggregation the scores use.
enum Drivers {
    /// Every indicator with a score in either quarter, largest |contribution| first (equal ones
    /// in plan order); `nil` unless both quarters have an overall score.
    static func of(now: ProjectScores, before: ProjectScores, plan: EvaluationPlan) -> [Driver]? {
        guard now.overall != nil, before.overall != nil else { return nil }
        let drivers = plan.indicators.indices.compactMap { i -> Driver? in
            guard now.indicators[i].score != nil || before.indicators[i].score != nil else { return nil }
            return Driver(indicator: i, contribution: part(of: i, now, plan) - part(of: i, before, plan))
        }
        return drivers.enumerated().sorted { a, b in
            let x = abs(a.element.contribution)
            let y = abs(b.element.contribution)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// The part of the overall score that indicator `i` makes: 0 when it has no score.
    private static func part(of i: Int, _ scores: ProjectScores, _ plan: EvaluationPlan) -> Double {
        let dimension = plan.indicators[i].definition.dimension
        guard scores.indicators[i].score != nil else { return 0 }
        let inDimension = scores.indicators.indices.compactMap { j -> (weight: Double, score: Double)? in
            guard plan.indicators[j].definition.dimension == dimension, let s = scores.indicators[j].score else { return nil }
            return (plan.indicators[j].definition.weight, j == i ? s : 0)
        }
        // Never nil: the terms hold indicator i's weight, and weights and scores are finite.
        let dimensionPart = Scorer.weightedMean(inDimension) ?? 0
        return Scorer.weightedMean(plan.settings.dimensions.map { (weight: $0.weight, score: $0.id == dimension ? dimensionPart : 0) }) ?? 0
    }
}
