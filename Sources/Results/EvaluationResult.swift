import DataContract
import Definitions
import Evaluation
import Scoring
import Uncertainty

/// What a run is asked to do; every output depends on these and the input files alone.
public struct RunConfiguration: Sendable {
    public var dataDirectory: String
    public var indicatorsDirectory: String
    public var period: Quarter
    public var language: Language
    /// Evaluate projects one at a time (for comparing with the parallel run).
    public var serial: Bool
    /// The workbooks' created time (seconds since 1970): `SOURCE_DATE_EPOCH` when the caller
    /// has one, else the period's last day, so that no output depends on the clock.
    public var documentTime: Int
    /// A streamed table file at least this large is parsed in chunks of `chunkBytes`, in
    /// parallel. The chunks depend on the file alone, never on the number of cores, so the
    /// output is the same serial or parallel.
    package var splitBytes = 64 << 20
    package var chunkBytes = 32 << 20

    public init(
        dataDirectory: String, indicatorsDirectory: String, period: Quarter, language: Language = .ko, serial: Bool = false,
        documentTime: Int? = nil
    ) {
        self.dataDirectory = dataDirectory
        self.indicatorsDirectory = indicatorsDirectory
        self.period = period
        self.language = language
        self.serial = serial
        self.documentTime = documentTime ?? Int(period.lastDay.ordinal) * 86_400
    }

    /// How many quarters each run evaluates: the period and the three before it (for trends).
    public static let quarterCount = 4

    /// The quarters evaluated, oldest first; the last is the period.
    public var quarters: [Quarter] {
        (0..<Self.quarterCount).map { period.advanced(by: $0 - Self.quarterCount + 1) }
    }
}

/// The evaluation of a whole data set for one quarter, ready to be written.
public struct EvaluationResult: Sendable {
    public var configuration: RunConfiguration
    public var plan: EvaluationPlan
    /// Quarters evaluated, oldest first; the last is the period.
    public var quarters: [Quarter]
    public var registry: FileQuality
    public var registryRejects: [Reject]
    /// In registry order.
    public var projects: [ProjectOutcome]
    /// By project, then by quarter.
    public var scores: [[ProjectScores]]
    /// By project, then by breakdown of the plan, as every output shows them (small and
    /// complementary cells hidden); `nil` when the breakdown's table is unavailable.
    public var breakdowns: [[PublishedBreakdown?]]
    /// Intervals, rank ranges and drivers of change of the evaluated quarter.
    public var uncertainty: Uncertainty

    /// Scores every project's quarters, hides the breakdowns' small and complementary cells
    /// and measures how sure the evaluated quarter is.
    package init(
        configuration: RunConfiguration, plan: EvaluationPlan, quarters: [Quarter], registry: FileQuality,
        registryRejects: [Reject], projects: [ProjectOutcome]
    ) {
        self.configuration = configuration
        self.plan = plan
        self.quarters = quarters
        self.registry = registry
        self.registryRejects = registryRejects
        self.projects = projects
        scores = projects.map { outcome in outcome.outcomes.map { Scorer.scores($0, plan: plan) } }
        let rule = plan.settings.disclosureRule
        breakdowns = projects.map { outcome in
            zip(plan.breakdowns, outcome.breakdowns).map { breakdown, groups in
                groups.map { PublishedBreakdown(groups: $0, hasRate: breakdown.hasRate, rule: rule) }
            }
        }
        uncertainty = Uncertainty.evaluate(
            scores: scores, ranking: Self.ranking(projects, scores, current: quarters.count - 1), plan: plan, serial: configuration.serial)
    }

    public var allFiles: [FileQuality] { [registry] + projects.flatMap(\.files) }
    public var allRejects: [Reject] { registryRejects + projects.flatMap(\.rejects) }

    /// Files whose rejected share is above the ceiling of the settings.
    public var filesOverCeiling: [FileQuality] {
        allFiles.filter { $0.rejectedShare > plan.settings.rejectCeiling }
    }
}

extension EvaluationResult {
    /// Projects by overall score, highest first; those without a score last, then by id.
    public var ranking: [Int] { Self.ranking(projects, scores, current: quarters.count - 1) }

    private static func ranking(_ projects: [ProjectOutcome], _ scores: [[ProjectScores]], current: Int) -> [Int] {
        projects.indices.sorted { a, b in
            let sa = scores[a][current].overall ?? -1
            let sb = scores[b][current].overall ?? -1
            if sa != sb { return sa > sb }
            return projects[a].project.id < projects[b].project.id
        }
    }
}
