import Foundation

/// How weighted scores (0–100) make one score at a level: indicators a dimension, dimensions
/// the overall. Declared in evaluation.yaml (`aggregation:`); arithmetic unless it says otherwise.
public enum Aggregation: String, Sendable, CaseIterable {
    /// Σ wᵢsᵢ / Σ wᵢ: a strong score makes up for a weak one.
    case arithmetic
    /// exp(Σ wᵢ ln sᵢ / Σ wᵢ): limits that compensation (UNDP's HDI, the OECD/JRC handbook).
    case geometric
    /// Σ wᵢ / Σ (wᵢ / sᵢ): limits it further.
    case harmonic

    /// The level's score, and which terms (by position) scored 0 and so made a geometric or
    /// harmonic result 0 (a log or a reciprocal of 0 has no value; 0 is its limit); `nil`
    /// without terms. The one function that combines scores: dimensions, the overall, and
    /// whatever recombines them (weights drawn for rank robustness) call it.
    public func combine(_ terms: [(weight: Double, score: Double)]) -> (score: Double, zeros: [Int])? {
        guard !terms.isEmpty else { return nil }
        if self != .arithmetic {
            let zeros = terms.indices.filter { terms[$0].score == 0 }
            if !zeros.isEmpty { return (0, zeros) }
        }
        var mean = self.mean(terms)
        if !mean.isFinite {
            // Weights (above 0, finite) so large that a sum overflows are scaled down by the
            // largest first; ordinary weights are used as they are, for the same bytes as always.
            let scale = 1 / (terms.map(\.weight).max() ?? 1)
            mean = self.mean(terms.map { ($0.weight * scale, $0.score) })
        }
        return mean.isFinite ? (mean, []) : nil
    }

    private func mean(_ terms: [(weight: Double, score: Double)]) -> Double {
        let total = terms.reduce(0) { $0 + $1.weight }
        switch self {
        case .arithmetic: return terms.reduce(0) { $0 + $1.weight * $1.score } / total
        case .geometric: return exp(terms.reduce(0) { $0 + $1.weight * log($1.score) } / total)
        case .harmonic: return total / terms.reduce(0) { $0 + $1.weight / $1.score }
        }
    }
}
