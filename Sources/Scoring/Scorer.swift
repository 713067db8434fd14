import Definitions
import Evaluation

/// An indicator's score and band for one quarter.
public struct IndicatorScore: Sendable, Equatable {
    public var outcome: IndicatorOutcome
    public var score: Double?
    public var bandIndex: Int?

    public var value: Double? {
        if case let .value(v, _, _, _) = outcome { return v }
        return nil
    }
}

public struct DimensionScore: Sendable, Equatable {
    public var score: Double?
    /// Weight of computable indicators / weight of applicable ones; `nil` when none applies.
    public var coverage: Double?
    public var bandIndex: Int?
    /// Indicators (plan positions) whose score of 0 made a geometric or harmonic dimension 0.
    public var zeros: [Int] = []
}

/// All scores of one project for one quarter.
public struct ProjectScores: Sendable, Equatable {
    public var indicators: [IndicatorScore]
    /// In the order of the settings' dimensions.
    public var dimensions: [DimensionScore]
    public var overall: Double?
    public var overallBandIndex: Int?
    /// Dimensions (settings positions) whose score of 0 made a geometric or harmonic overall 0.
    public var overallZeros: [Int] = []
}

/// The scoring of INDICATORS.md: indicator scores, bands, dimension and overall scores.
/// Total: no number, however large, small or undefined, stops it.
public enum Scorer {
    /// clamp((value − floor) / (target − floor), 0, 1) × 100; also right when lower is better.
    /// `nil` when a number is NaN or infinite or the floor equals the target.
    public static func score(value: Double, floor: Double, target: Double) -> Double? {
        guard value.isFinite, floor.isFinite, target.isFinite, floor != target else { return nil }
        var ratio = (value - floor) / (target - floor)
        if !(value - floor).isFinite || !(target - floor).isFinite {
            // A difference overflowed: halved, none can.
            ratio = (value / 2 - floor / 2) / (target / 2 - floor / 2)
        }
        return min(max(ratio, 0), 1) * 100
    }

    /// The legend's band of a score: the first (highest) band whose minimum it reaches.
    public static func band(_ score: Double?, _ settings: Settings) -> Int? {
        score.flatMap { s in settings.bands.firstIndex { s >= $0.minimum } }
    }

    public static func scores(_ outcomes: [IndicatorOutcome], plan: EvaluationPlan) -> ProjectScores {
        let settings = plan.settings
        func band(_ score: Double?) -> Int? { Scorer.band(score, settings) }
        let indicators = outcomes.map { outcome -> IndicatorScore in
            guard case let .value(v, floor, target, _) = outcome else { return IndicatorScore(outcome: outcome) }
            let s = score(value: v, floor: floor, target: target)
            return IndicatorScore(outcome: outcome, score: s, bandIndex: band(s))
        }
        let dimensions = settings.dimensions.map { dimension -> DimensionScore in
            var applicable: [Double] = []
            var computable: [(weight: Double, score: Double)] = []
            var positions: [Int] = []
            for (i, (indicator, result)) in zip(plan.indicators, indicators).enumerated() where indicator.definition.dimension == dimension.id {
                let weight = indicator.definition.weight
                if result.outcome == .notApplicable { continue }
                applicable.append(weight)
                if let s = result.score {
                    computable.append((weight, s))
                    positions.append(i)
                }
            }
            guard !applicable.isEmpty else { return DimensionScore() }
            let coverage = ratio(computable.map(\.weight), of: applicable)
            guard coverage >= settings.minimumCoverage, let (s, zeros) = dimension.aggregation.combine(computable) else {
                return DimensionScore(coverage: coverage)
            }
            return DimensionScore(score: s, coverage: coverage, bandIndex: band(s), zeros: zeros.map { positions[$0] })
        }
        var overall: (score: Double, zeros: [Int])?
        let parts = zip(settings.dimensions, dimensions).compactMap { d, score in score.score.map { (d.weight, $0) } }
        if parts.count == dimensions.count { overall = settings.overallAggregation.combine(parts) }
        return ProjectScores(
            indicators: indicators, dimensions: dimensions, overall: overall?.score, overallBandIndex: band(overall?.score),
            overallZeros: overall?.zeros ?? [])
    }

    /// Σ part / Σ whole, with the same care for sums that overflow.
    static func ratio(_ part: [Double], of whole: [Double]) -> Double {
        let total = whole.reduce(0, +)
        if total.isFinite { return part.reduce(0, +) / total }
        let largest = whole.max() ?? 1
        return part.reduce(0) { $0 + $1 / largest } / whole.reduce(0) { $0 + $1 / largest }
    }
}
