import CSVReading
import DataContract
import Evaluation
import Foundation
import Results
import Synchronization

public enum DataSetEvaluation {
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
            return try EvaluationPlan.load(directory: directory)
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

        let quarters = configuration.quarters
        let evaluator = ProjectEvaluator(
            plan: plan, quarters: quarters, splitBytes: configuration.splitBytes, chunkBytes: configuration.chunkBytes,
            serial: configuration.serial)
        let counter = ProgressCounter(total: projects.count, report: progress)
        // Largest first, so that no large project is left running alone at the end.
        let sizes = projects.map { project in
            plan.schema.tables.reduce(0) { $0 + FileSystem.size(of: data + "/" + project.id + "/" + $1.file) }
        }
        let outcomes = Parallel.map(projects, serial: configuration.serial, largestFirst: sizes) { project in
            defer { counter.step() }
            return evaluator.evaluate(project, folder: data + "/" + project.id, displayFolder: project.id)
        }
        let errors = outcomes.flatMap(\.errors)
        guard errors.isEmpty else { throw .badData(errors) }
        return EvaluationResult(
            configuration: configuration, plan: plan, quarters: quarters, registry: output.quality,
            registryRejects: output.rejects, projects: outcomes)
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
}
