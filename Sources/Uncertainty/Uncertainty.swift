import Evaluation
import Scoring

/// How sure the evaluated quarter's results are (INDICATORS.md, "Uncertainty"), by project in
/// registry order.
public struct Uncertainty: Sendable {
    /// By project, then indicator: the interval of a share indicator with a value, else `nil`.
    public var intervals: [[ShareInterval?]]
    /// `nil` for a project without an overall score.
    public var ranks: [RankRange?]
    /// `nil` unless the project has an overall score in this quarter and the previous one.
    public var drivers: [[Driver]?]

    package init(intervals: [[ShareInterval?]], ranks: [RankRange?], drivers: [[Driver]?]) {
        self.intervals = intervals
        self.ranks = ranks
        self.drivers = drivers
    }

    /// `scores` by project, then quarter (the last is the evaluated one); `ranking` the
    /// published order, which gives each ranked project its position.
    package static func evaluate(scores: [[ProjectScores]], ranking: [Int], plan: EvaluationPlan, serial: Bool) -> Uncertainty {
        let settings = plan.settings
        let z = WilsonInterval.z(level: settings.uncertainty.level)
        let now = scores.map { $0[$0.count - 1] }
        var positions = [Int?](repeating: nil, count: scores.count)
        // Equal overall scores share the smaller rank, as in the draws, so that a tie's
        // published rank lies in its own range.
        var last: (score: Double, position: Int)?
        for (position, index) in ranking.enumerated() {
            guard let overall = now[index].overall else { continue }
            let shared = last.flatMap { $0.score == overall ? $0.position : nil } ?? position + 1
            positions[index] = shared
            last = (overall, shared)
        }
        return Uncertainty(
            intervals: now.map { project in project.indicators.map { ShareInterval($0, z: z, settings: settings) } },
            ranks: RankRobustness.ranges(scores: now, positions: positions, plan: plan, serial: serial),
            drivers: scores.map { Drivers.of(now: $0[$0.count - 1], before: $0[$0.count - 2], plan: plan) })
    }
}
