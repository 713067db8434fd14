import Dispatch
import Foundation
import Synchronization

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
    var splitBytes = 64 << 20
    var chunkBytes = 32 << 20

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

    public var allFiles: [FileQuality] { [registry] + projects.flatMap(\.files) }
    public var allRejects: [Reject] { registryRejects + projects.flatMap(\.rejects) }

    /// Files whose rejected share is above the ceiling of the settings.
    public var filesOverCeiling: [FileQuality] {
        allFiles.filter { $0.rejectedShare > plan.settings.rejectCeiling }
    }
}

public enum Evaluation {
    /// How many quarters each run evaluates: the period and the three before it (for trends).
    public static let quarterCount = 4

    /// Reads the definitions and the data and evaluates every project.
    public static func run(_ configuration: RunConfiguration) throws(RunError) -> EvaluationResult {
        try run(configuration, plan: try loadDefinitions(configuration.indicatorsDirectory))
    }

    /// Loads a definitions folder; a folder that is not there is missing input (66), not bad definitions.
    public static func loadDefinitions(_ directory: String) throws(RunError) -> EvaluationPlan {
        guard FileSystem.isDirectory(directory) else {
            throw .inputMissing("\(directory): the definitions folder does not exist. Pass --indicators with the folder that holds schema.yaml.")
        }
        do {
            return try DefinitionLoader.load(directory: directory)
        } catch {
            throw .definitions(error)
        }
    }

    public static func run(
        _ configuration: RunConfiguration, plan: EvaluationPlan, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(RunError) -> EvaluationResult {
        let data = configuration.dataDirectory
        let (projects, output) = try readRegistry(data, plan: plan)
        var problems: [String] = []
        let root = (data as NSString).resolvingSymlinksInPath
        for project in projects {
            let folder = data + "/" + project.id
            let resolved = (folder as NSString).resolvingSymlinksInPath
            if resolved != root + "/" + project.id && FileManager.default.fileExists(atPath: folder) {
                problems.append("\(folder): the project folder is a link to \(resolved), outside the data folder; copy the files in instead.")
            }
        }
        guard problems.isEmpty else { throw .badData(problems) }

        let quarters = (0..<quarterCount).map { configuration.period.advanced(by: $0 - quarterCount + 1) }
        let evaluator = ProjectEvaluator(
            plan: plan, quarters: quarters, splitBytes: configuration.splitBytes, chunkBytes: configuration.chunkBytes,
            serial: configuration.serial)
        let counter = ProgressCounter(total: projects.count, report: progress)
        // Largest first, so that no large project is left running alone at the end.
        let sizes = projects.map { project in
            plan.schema.tables.reduce(0) { $0 + FileSystem.size(of: data + "/" + project.id + "/" + $1.file) }
        }
        let outcomes = parallelMap(projects, serial: configuration.serial, largestFirst: sizes) { project in
            defer { counter.step() }
            return evaluator.evaluate(project, folder: data + "/" + project.id, displayFolder: project.id)
        }
        let errors = outcomes.flatMap(\.errors)
        guard errors.isEmpty else { throw .badData(errors) }
        let scores = outcomes.map { outcome in outcome.outcomes.map { Scorer.scores($0, plan: plan) } }
        let rule = plan.settings.disclosureRule
        let breakdowns = outcomes.map { outcome in
            zip(plan.breakdowns, outcome.breakdowns).map { breakdown, groups in
                groups.map { PublishedBreakdown(groups: $0, hasRate: breakdown.hasRate, rule: rule) }
            }
        }
        var result = EvaluationResult(
            configuration: configuration, plan: plan, quarters: quarters, registry: output.quality,
            registryRejects: output.rejects, projects: outcomes, scores: scores, breakdowns: breakdowns,
            uncertainty: Uncertainty(intervals: [], ranks: [], drivers: []))
        result.uncertainty = Uncertainty.evaluate(scores: scores, ranking: result.ranking, plan: plan, serial: configuration.serial)
        return result
    }

    /// Reads the project registry of a data folder: its projects, and how the file fared.
    static func readRegistry(_ data: String, plan: EvaluationPlan) throws(RunError) -> ([Project], TableScanner.Output) {
        guard FileSystem.isDirectory(data) else {
            throw .inputMissing("\(data): the data folder does not exist. Pass --data with the folder that holds \(plan.schema.registry.file).")
        }
        let registry = plan.schema.registry
        let registryPath = data + "/" + registry.file
        guard FileManager.default.fileExists(atPath: registryPath) else {
            throw .inputMissing("\(registryPath): the project registry is missing; every data folder needs one.")
        }
        var parser = FieldParser(columns: registry.columns)
        for column in registry.columns.indices { parser.keepText(column) }
        let scanner = TableScanner(
            table: registry, parser: parser, feeds: [], evaluators: [],
            keepsRows: true, limits: plan.settings.limits)
        let output: TableScanner.Output
        do {
            output = try scanner.scan(path: registryPath, displayPath: registry.file)
        } catch let error as InputError {
            throw .badData(["\(error)"])
        } catch {
            throw .internalError("\(error)")
        }
        guard let keyIndex = registry.keyColumnIndex else {
            throw .internalError("\(registry.file): the schema gives the registry no key column")
        }
        let registryRows = (0..<output.rows.count).map { output.rows.values(row: $0) }
        let projects = registryRows.map { row -> Project in
            guard case let .text(id) = row[keyIndex] else { return Project(id: "", row: row) }
            return Project(id: id, row: row)
        }
        guard !projects.isEmpty else { throw .badData([noProject(registryPath, output.quality)]) }
        return (projects, output)
    }

    /// A registry with no project to evaluate (a cut-off upload, say) stops the run, so that
    /// it never replaces a report with an empty one.
    static func noProject(_ path: String, _ quality: FileQuality) -> String {
        let why =
            if quality.status == .empty {
                "the file is empty (0 bytes)"
            } else if quality.read == 0 {
                "it has a header and no rows"
            } else {
                "every row (\(quality.read)) was rejected (\(RunPipeline.topReasons(quality)))"
            }
        return "\(path): the project registry holds no project: \(why). The previous report is kept; "
            + "put one row per project in it and run again."
    }

    /// Counts finished projects for a progress display; the order they finish in does not matter.
    final class ProgressCounter: Sendable {
        private let done = Mutex(0)
        private let total: Int
        private let report: (@Sendable (Int, Int) -> Void)?

        init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
            self.total = total
            self.report = report
        }

        func step() {
            guard let report else { return }
            let now = done.withLock { done in
                done += 1
                return done
            }
            report(now, total)
        }
    }

    /// Maps on all cores; results keep the order of `items`, so output does not depend on timing.
    /// `transform` of each item, in the items' order; the items are started in the order of
    /// `largestFirst` (descending) when given. Each item is a unit of `workers`: after a stop
    /// no item starts, and this never returns.
    static func parallelMap<T: Sendable, R: Sendable>(
        _ items: [T], serial: Bool, largestFirst sizes: [Int]? = nil, workers: Workers = .shared,
        _ transform: @Sendable (T) -> R
    ) -> [R] {
        let order = sizes.map { sizes in items.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 } }
        if serial || items.count < 2 {
            return items.map { item in
                guard workers.start() else { workers.park() }
                defer { workers.finish() }
                return transform(item)
            }
        }
        let results = Mutex([R?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { position in
            guard workers.start() else { return }
            defer { workers.finish() }
            let index = order?[position] ?? position
            let result = transform(items[index])
            results.withLock { $0[index] = result }
        }
        let done = results.withLock { $0.compactMap { $0 } }
        guard done.count == items.count else { workers.park() }
        return done
    }
}
