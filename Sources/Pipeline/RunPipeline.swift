import DataContract
import Foundation
import Logging
import Reports
import Results

/// The whole of `outcome-eval run`: lock the output folder, evaluate, check the rejected-row
/// ceiling, and publish the report folder. The command line only parses and prints.
public enum RunPipeline {
    public struct Summary: Sendable {
        public var reportFolder: String
        public var warnings: [String]
    }

    /// A logger that says nothing, for callers that do not want the steps.
    public static let silent = Logger(label: "outcome-eval", factory: { _ in SwiftLogNoOpLogHandler() })

    public static func run(
        _ configuration: RunConfiguration, output: String, logger: Logger = silent,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(RunError) -> Summary {
        let lock = try OutputLock(directory: output)
        defer { withExtendedLifetime(lock) {} }
        let result = try evaluate(configuration, logger: logger, progress: progress)
        let failedRejects = output + "/\(configuration.period).rejects.csv"
        do {
            try checkCeiling(result)
        } catch {
            // The report stays as it was; the rows to fix go beside it, all of them.
            guard case var .badData(lines) = error, writeAtomically(QualityCSV.rejects(result.allRejects, language: configuration.language), to: failedRejects) else {
                throw error
            }
            lines.append("Every rejected row is in \(failedRejects).")
            throw .badData(lines)
        }
        try? FileManager.default.removeItem(atPath: failedRejects)
        let folder = output + "/" + configuration.period.description
        let dropped = DroppedProjects.warnings(replacing: folder, with: result)
        let start = ContinuousClock.now
        let warnings = try ReportWriter.publish(result, to: output)
        for warning in warnings { logger.warning("\(warning)") }
        logger.info("wrote \(folder)", metadata: ["seconds": "\(seconds(since: start))"])
        for warning in dropped { logger.warning("\(warning)") }
        logFileWarnings(result, in: folder, logger: logger)
        return Summary(reportFolder: folder, warnings: warnings + dropped)
    }

    /// One warning per file with rejected rows, so that a run that succeeds does not hide
    /// them, and one per file with whole numbers too large to hold exactly.
    static func logFileWarnings(_ result: EvaluationResult, in folder: String, logger: Logger) {
        for file in result.allFiles where file.rejected > 0 {
            logger.warning(
                "\(file.file): \(file.rejected) of \(file.read) rows rejected; top reasons: \(topReasons(file)); every one is in \(folder)/rejects.csv",
                metadata: ["file": "\(file.file)", "rows_read": "\(file.read)", "rows_rejected": "\(file.rejected)"])
        }
        for file in result.allFiles where file.inexactIntegers > 0 {
            logger.warning(
                "\(file.file): \(file.inexactIntegers) whole number(s) beyond ±9007199254740992 are held rounded to 16 significant digits, and so are the values made from them",
                metadata: ["file": "\(file.file)", "inexact_numbers": "\(file.inexactIntegers)"])
        }
    }

    /// A file's three most frequent problems, "code count, …".
    static func topReasons(_ file: FileQuality) -> String {
        file.topReasons.prefix(3).map { "\($0.code) \($0.count)" }.joined(separator: ", ")
    }

    /// Loads the definitions and evaluates, logging each step with its counts and time.
    static func evaluate(
        _ configuration: RunConfiguration, logger: Logger, progress: (@Sendable (Int, Int) -> Void)?
    ) throws(RunError) -> EvaluationResult {
        var start = ContinuousClock.now
        let plan = try DataSetEvaluation.loadDefinitions(configuration.indicatorsDirectory)
        logger.info(
            "read definitions: \(plan.indicators.count) indicators, \(plan.breakdowns.count) breakdowns, \(plan.schema.tables.count) tables",
            metadata: ["seconds": "\(seconds(since: start))"])
        start = ContinuousClock.now
        let result = try DataSetEvaluation.run(configuration, plan: plan, progress: progress)
        let files = result.allFiles
        let read = files.reduce(0) { $0 + $1.read }
        let rejected = files.reduce(0) { $0 + $1.rejected }
        logger.info(
            "evaluated \(result.projects.count) \(plan.settings.wording.units(.en)) for \(result.quarters.first!)–\(result.quarters.last!): \(read) rows read, \(read - rejected) accepted, \(rejected) rejected",
            metadata: ["seconds": "\(seconds(since: start))", "files": "\(files.count)"])
        return result
    }

    /// Fails the run when a file's share of rejected rows passes the ceiling of evaluation.yaml.
    static func checkCeiling(_ result: EvaluationResult) throws(RunError) {
        let over = result.filesOverCeiling
        guard !over.isEmpty else { return }
        let ceiling = Fixed.string(result.plan.settings.rejectCeiling * 100, decimals: 1)
        var lines = over.map { f in
            "\(f.file): \(f.rejected) of \(f.read) rows rejected, above the ceiling of \(ceiling) %; top reasons: " + topReasons(f)
        }
        let examples = result.allRejects.filter { r in over.contains { $0.file == r.file } }.prefix(3)
        lines += examples.map { "  e.g. \($0.file):\($0.line): \($0.problem.text(.en))" }
        lines.append("The report was not replaced. Fix those rows, or raise reject_ceiling in evaluation.yaml.")
        throw .badData(lines)
    }

    /// Writes a file of rejected rows beside its final name (owner only, like rejects.csv) and
    /// renames it into place.
    private static func writeAtomically(_ text: String, to path: String) -> Bool {
        let temporary = path + ".partial-\(getpid())"
        guard (try? DurableFiles.create(temporary, with: text, ownerOnly: true)) != nil else { return false }
        return rename(temporary, path) == 0
    }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        let d = ContinuousClock.now - start
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        return Fixed.string(ms / 1000, decimals: 3)
    }
}
