import DataContract

/// What a reader can work out of a published breakdown, with nothing but what it publishes:
/// the shown counts, the total, the rule that a small cell holds 1 to threshold − 1 and a
/// complementary one at least the threshold, and for a rate breakdown the hits of the shown
/// groups (rate × count) and the total hits. `run` and `check-release` use it the same way.
public enum DisclosureAttack {
    /// A hidden group whose count, or whose rate, has a single possible value.
    public struct Finding: Sendable, Equatable {
        public enum Value: Sendable, Equatable {
            case count(Int)
            case rate(Double)
        }

        /// Its index in the breakdown's groups.
        public var group: Int
        public var value: Value
    }

    /// Every hidden group that can be pinned to one value, in group order.
    ///
    /// Counts: the hidden groups sum to S = total − the shown counts, each within its bounds,
    /// and every integer assignment in those boxes with that sum is possible; so a group's
    /// least value is max(its low, S − the others' highs), its greatest min(its high, S − the
    /// others' lows), and it is pinned when they meet.
    ///
    /// Rates: the hidden hits H = total hits − the shown hits lie in 0…S in any case, so they
    /// never narrow the counts. With a group's count still open (another hidden group takes
    /// the rest), its hits can be anything that leaves the others 0…their count, and its
    /// rate is pinned only when H is 0 (all hidden rates 0) or S (all 1). When the total hits
    /// are 0 or the total, every rate is known from the total alone and the groups add nothing.
    public static func findings(_ breakdown: PublishedBreakdown, threshold: Int) -> [Finding] {
        guard let total = breakdown.total else { return [] }
        let hidden = breakdown.groups.indices.filter { breakdown.groups[$0].suppressed }
        guard !hidden.isEmpty else { return [] }
        let shown = breakdown.groups.reduce(0) { $0 + ($1.count ?? 0) }
        let rest = total - shown
        let low = hidden.map { breakdown.groups[$0].suppression == .smallCell ? 1 : threshold }
        let high = hidden.map { breakdown.groups[$0].suppression == .smallCell ? threshold - 1 : rest }
        let sumLow = low.reduce(0, +)
        let sumHigh = high.reduce(0, +)
        var findings: [Finding] = []
        var pinned = Set<Int>()
        for (k, group) in hidden.enumerated() {
            let least = max(low[k], rest - (sumHigh - high[k]))
            let greatest = min(high[k], rest - (sumLow - low[k]))
            if least == greatest {
                findings.append(Finding(group: group, value: .count(least)))
                pinned.insert(group)
            }
        }
        if breakdown.hasRate, let hits = breakdown.hits, hits > 0, hits < total {
            let shownHits = breakdown.groups.reduce(0) { sum, g in
                guard let count = g.count, let rate = g.rate else { return sum }
                return sum + Int((rate * Double(count)).rounded())
            }
            let hiddenHits = hits - shownHits
            if hiddenHits == 0 || hiddenHits == rest {
                for group in hidden where !pinned.contains(group) {
                    findings.append(Finding(group: group, value: .rate(hiddenHits == 0 ? 0 : 1)))
                }
            }
        }
        return findings.sorted { $0.group < $1.group }
    }
}
