/// An indicator's score and band for one quarter.
public struct IndicatorScore: Sendable, Equatable {
    public var outcome: IndicatorOutcome
    public var score: Double?
    public var bandIndex: Int?

    public var value: Double? {
        if case let .value(v, _, _) = outcome { return v }
        return nil
    }
}

public struct DimensionScore: Sendable, Equatable {
    public var score: Double?
    /// Weight of computable indicators / weight of applicable ones; `nil` when none applies.
    public var coverage: Double?
    public var bandIndex: Int?
}

/// All scores of one project for one quarter.
public struct ProjectScores: Sendable, Equatable {
    public var indicators: [IndicatorScore]
    /// In the order of the settings' dimensions.
    public var dimensions: [DimensionScore]
    public var overall: Double?
    public var overallBandIndex: Int?
}

/// The scoring of INDICATORS.md: indicator scores, bands, dimension and overall scores.
public enum Scorer {
    /// clamp((value − floor) / (target − floor), 0, 1) × 100; also right when lower is better.
    public static func score(value: Double, floor: Double, target: Double) -> Double {
        min(max((value - floor) / (target - floor), 0), 1) * 100
    }

    public static func scores(_ outcomes: [IndicatorOutcome], plan: EvaluationPlan) -> ProjectScores {
        let settings = plan.settings
        func band(_ score: Double?) -> Int? {
            score.flatMap { s in settings.bands.firstIndex { s >= $0.minimum } }
        }
        let indicators = outcomes.map { outcome -> IndicatorScore in
            guard case let .value(v, floor, target) = outcome else { return IndicatorScore(outcome: outcome) }
            let s = score(value: v, floor: floor, target: target)
            return IndicatorScore(outcome: outcome, score: s, bandIndex: band(s))
        }
        let dimensions = settings.dimensions.map { dimension -> DimensionScore in
            var applicable = 0.0
            var computable = 0.0
            var weighted = 0.0
            for (indicator, result) in zip(plan.indicators, indicators) where indicator.definition.dimension == dimension.id {
                let weight = indicator.definition.weight
                if result.outcome == .notApplicable { continue }
                applicable += weight
                if let s = result.score {
                    computable += weight
                    weighted += weight * s
                }
            }
            guard applicable > 0 else { return DimensionScore() }
            let coverage = computable / applicable
            guard coverage >= settings.minimumCoverage, computable > 0 else { return DimensionScore(coverage: coverage) }
            let s = weighted / computable
            return DimensionScore(score: s, coverage: coverage, bandIndex: band(s))
        }
        var overall: Double?
        if dimensions.allSatisfy({ $0.score != nil }) {
            let total = settings.dimensions.reduce(0) { $0 + $1.weight }
            overall = zip(settings.dimensions, dimensions).reduce(0) { $0 + $1.0.weight * $1.1.score! } / total
        }
        return ProjectScores(indicators: indicators, dimensions: dimensions, overall: overall, overallBandIndex: band(overall))
    }
}
