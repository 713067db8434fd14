import Definitions
import Evaluation
import Foundation
import Scoring

/// How much one indicator moved a project's overall score since the previous quarter.
public struct Driver: Sendable, Equatable {
    /// The indicator's place in the plan.
    public var indicator: Int
    public var contribution: Double
}

/// Drivers of change (INDICATORS.md, "Uncertainty"): the change of the overall score split
/// into one contribution per indicator that add up to the change.
///
/// With every level arithmetic, (W_d / ΣW) · (wᵢsᵢ / Σ_d − wᵢs′ᵢ / Σ′_d): each part is the
/// combined score with every other term's score set to 0.
///
/// A geometric or harmonic level is an arithmetic mean of f(s) — f = ln, or −1/s — so its
/// change splits exactly in f's terms, tᵢ = (wᵢ / Σ) f(sᵢ) − (wᵢ / Σ′) f(s′ᵢ); each term is
/// brought back to scores by the slope of f between the level's two scores (its derivative
/// when they are equal): contributionᵢ = (W_d / ΣW) · r_o(D_d) / r_d(D_d) · tᵢ / r_o(O), with
/// r(x) = Δf(x) / Δx. For a geometric overall: each indicator's share of Δ ln(overall), scaled
/// by Δ(overall) / Δ ln(overall). A 0 under a geometric or harmonic level (f has no value)
/// falls back to the arithmetic split, scaled to add up to the change.
enum Drivers {
    /// Every indicator with a score in either quarter, largest |contribution| first (equal ones
    /// in plan order); `nil` unless both quarters have an overall score.
    static func of(now: ProjectScores, before: ProjectScores, plan: EvaluationPlan) -> [Driver]? {
        guard let overall = now.overall, let previous = before.overall else { return nil }
        let settings = plan.settings
        let arithmetic = settings.overallAggregation == .arithmetic && settings.dimensions.allSatisfy { $0.aggregation == .arithmetic }
        let indices = plan.indicators.indices.filter { now.indicators[$0].score != nil || before.indicators[$0].score != nil }
        var contributions = indices.map { i in part(of: i, now, plan) - part(of: i, before, plan) }
        if !arithmetic {
            if let split = logSplit(indices, now, before, plan, overall: (overall, previous)) {
                contributions = split
            } else {
                // A 0 under a geometric or harmonic level: the arithmetic split, scaled.
                let total = contributions.reduce(0, +)
                let change = overall - previous
                contributions = contributions.map { total == 0 ? 0 : $0 * change / total }
            }
        }
        let drivers = zip(indices, contributions).map { Driver(indicator: $0, contribution: $1) }
        return drivers.enumerated().sorted { a, b in
            let x = abs(a.element.contribution)
            let y = abs(b.element.contribution)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// The part of the overall score that indicator `i` makes with every level arithmetic: 0
    /// when it has no score.
    private static func part(of i: Int, _ scores: ProjectScores, _ plan: EvaluationPlan) -> Double {
        let dimension = plan.indicators[i].definition.dimension
        guard scores.indicators[i].score != nil else { return 0 }
        let inDimension = scores.indicators.indices.compactMap { j -> (weight: Double, score: Double)? in
            guard plan.indicators[j].definition.dimension == dimension, let s = scores.indicators[j].score else { return nil }
            return (plan.indicators[j].definition.weight, j == i ? s : 0)
        }
        // Never nil: the terms hold indicator i's weight, and weights and scores are finite.
        let dimensionPart = Aggregation.arithmetic.combine(inDimension)?.score ?? 0
        return Aggregation.arithmetic.combine(plan.settings.dimensions.map { (weight: $0.weight, score: $0.id == dimension ? dimensionPart : 0) })?.score ?? 0
    }

    /// The split in the terms of each level's f; `nil` when a score that f needs is 0.
    private static func logSplit(
        _ indices: [Int], _ now: ProjectScores, _ before: ProjectScores, _ plan: EvaluationPlan, overall: (Double, Double)
    ) -> [Double]? {
        let settings = plan.settings
        let totalWeight = settings.dimensions.reduce(0) { $0 + $1.weight }
        guard let overallSlope = settings.overallAggregation.slope(overall.0, overall.1) else { return nil }
        var result: [Double] = []
        for i in indices {
            let indicator = plan.indicators[i].definition
            guard let d = settings.dimensions.firstIndex(where: { $0.id == indicator.dimension }),
                let dimensionNow = now.dimensions[d].score, let dimensionBefore = before.dimensions[d].score
            else { return nil }
            let method = settings.dimensions[d].aggregation
            guard let dimensionSlope = method.slope(dimensionNow, dimensionBefore),
                let dimensionInOverall = settings.overallAggregation.slope(dimensionNow, dimensionBefore),
                let nowTerm = term(i, method, now, plan), let previousTerm = term(i, method, before, plan)
            else { return nil }
            result.append(settings.dimensions[d].weight / totalWeight * dimensionInOverall / dimensionSlope * (nowTerm - previousTerm) / overallSlope)
        }
        return result
    }

    /// (wᵢ / Σ_d) f(sᵢ) in one quarter: 0 without a score, `nil` when f has no value.
    private static func term(_ i: Int, _ method: Aggregation, _ scores: ProjectScores, _ plan: EvaluationPlan) -> Double? {
        guard let s = scores.indicators[i].score else { return 0 }
        let dimension = plan.indicators[i].definition.dimension
        let total = plan.indicators.indices.reduce(0.0) { sum, j in
            plan.indicators[j].definition.dimension == dimension && scores.indicators[j].score != nil ? sum + plan.indicators[j].definition.weight : sum
        }
        return method.transform(s).map { plan.indicators[i].definition.weight / total * $0 }
    }
}

extension Aggregation {
    /// f of the mean: each method is an arithmetic mean of f(s); `nil` where f has no value.
    func transform(_ x: Double) -> Double? {
        switch self {
        case .arithmetic: return x
        case .geometric: return x > 0 ? log(x) : nil
        case .harmonic: return x > 0 ? -1 / x : nil
        }
    }

    /// (f(a) − f(b)) / (a − b), or f′(a) when a = b.
    func slope(_ a: Double, _ b: Double) -> Double? {
        guard let fa = transform(a), let fb = transform(b) else { return nil }
        if a != b { return (fa - fb) / (a - b) }
        switch self {
        case .arithmetic: return 1
        case .geometric: return 1 / a
        case .harmonic: return 1 / (a * a)
        }
    }
}
