import Definitions
import Scoring

/// A share indicator's interval for one quarter, with the scores of its ends.
public struct ShareInterval: Sendable, Equatable {
    public var interval: WilsonInterval
    /// The denominator, n.
    public var n: Int
    /// The scores of the interval's ends, lower first (a "lower is better" share turns them round).
    public var scoreLow: Double
    public var scoreHigh: Double
    /// The score interval reaches into a band other than the score's own.
    public var uncertain: Bool

    /// The interval of an indicator score whose value is one share; `nil` for any other.
    init?(_ score: IndicatorScore, z: Double, settings: Settings) {
        guard case let .value(_, floor, target, share?) = score.outcome, let band = score.bandIndex else { return nil }
        interval = WilsonInterval(hits: share.hits, of: share.rows, z: z)
        n = share.rows
        guard let low = Scorer.score(value: interval.low, floor: floor, target: target),
            let high = Scorer.score(value: interval.high, floor: floor, target: target)
        else { return nil }
        scoreLow = min(low, high)
        scoreHigh = max(low, high)
        // Bands follow the score, so only the two ends can leave the score's band.
        uncertain = Scorer.band(scoreLow, settings) != band || Scorer.band(scoreHigh, settings) != band
    }
}
