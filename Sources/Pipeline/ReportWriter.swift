import CSVReading
import DataContract
import Evaluation
import Foundation
import Reports
import Results
import Synchronization
import XLSX

/// Writes a run's output folder, `<out>/<period>/`, all at once.
///
/// Every file is written into a temporary folder beside the target and flushed to disk; the
/// folder then swaps places with the target in one step. A reader of the target sees the old
/// report or the new one, whole, at every instant, and a run that fails or is killed leaves
/// the old one as it was.
public enum ReportWriter {
    /// Writes every output file of `result` into the existing, empty `folder`.
    /// Returns the warnings of the workbooks (text cut to fit a cell, say).
    public static func writeFiles(_ result: EvaluationResult, into folder: String) throws(RunError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder + "/projects", withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite("\(folder): cannot write a workbook: \(error)")
        }
        // Each file is made whole on one core, all of them on all cores (a workbook is mostly
        // libxlsxwriter's XML, deflate and temporary files, each workbook its own). The longest
        // (report.html, then the portfolio) start first, so that no core is left alone with
        // one of them at the end. Warnings in the order of `outputs`, projects in project order.
        // After a failure (a full disk, say) no other file is started: the run fails anyway,
        // and a hundred workbooks failing after it would each add libxlsxwriter's message.
        let outputs = [Output.html, .portfolio, .results, .text, .quality, .rejects] + result.projects.indices.map(Output.project)
        let failed = Mutex(false)
        let written = Parallel.map(outputs, serial: result.configuration.serial) { output in
            guard !failed.withLock({ $0 }) else { return Result<[String], RunError>.success([]) }
            let made = Result { () throws(RunError) in try write(output, of: result, into: folder) }
            if case .failure = made { failed.withLock { $0 = true } }
            return made
        }
        var warnings: [String] = []
        for output in written { warnings += try output.get() }
        // Last, so that it can hash every other file; a file written above that the listing
        // misses would leave the manifest silently incomplete, so it stops the run instead.
        let hashed = try Manifest.outputs(in: folder, serial: result.configuration.serial)
        let listed = Set(hashed.map(\.path))
        if let unlisted = outputs.map({ $0.path(of: result) }).first(where: { !listed.contains($0) }) {
            throw .ioError("\(folder)/\(unlisted): written, but not found when listing the folder for the manifest. The previous report is unchanged.")
        }
        let manifest = Manifest(
            toolVersion: OutcomeEvalVersion.string, libraries: OutcomeEvalVersion.libraries, period: result.configuration.period.description,
            language: result.configuration.language.rawValue, documentTime: result.configuration.documentTime,
            inputs: try Manifest.inputs(of: result), outputs: hashed)
        try DurableFiles.create(folder + "/" + Manifest.fileName, with: manifest.render())
        return warnings
    }

    /// A file of the report folder but the manifest.
    private enum Output: Sendable {
        case results, text, html, quality, rejects, portfolio
        case project(Int)

        /// Where it goes in the report folder.
        func path(of result: EvaluationResult) -> String {
            switch self {
            case .results: "results.json"
            case .text: "report.txt"
            case .html: "report.html"
            case .quality: "data_quality.csv"
            case .rejects: "rejects.csv"
            case .portfolio: "portfolio.xlsx"
            case let .project(index): "projects/\(result.projects[index].project.id).xlsx"
            }
        }
    }

    /// Renders and writes one file; returns its warnings (workbooks only).
    private static func write(_ output: Output, of result: EvaluationResult, into folder: String) throws(RunError) -> [String] {
        let version = OutcomeEvalVersion.string
        let language = result.configuration.language
        let words = Words(language: language)
        let created = result.configuration.documentTime
        let path = folder + "/" + output.path(of: result)
        switch output {
        case .results: try DurableFiles.create(path, with: ResultsJSON.render(result, toolVersion: version))
        case .text: try DurableFiles.create(path, with: TextReport(result: result, language: language, toolVersion: version).render())
        case .html: try DurableFiles.create(path, with: HTMLReport(result: result, words: words, toolVersion: version).render())
        case .quality: try DurableFiles.create(path, with: QualityCSV.dataQuality(result.allFiles))
        case .rejects:
            // Raw input rows (ages, incomes, disabilities): for the data stewards, not for publication.
            try DurableFiles.create(path, with: QualityCSV.rejects(result.allRejects, language: language), ownerOnly: true)
        case .portfolio:
            return try workbook(in: folder) { try PortfolioWorkbook(result: result, ranking: result.ranking, words: words).write(to: path, created: created) }
        case let .project(index):
            return try workbook(in: folder) { try ProjectWorkbook(result: result, index: index, words: words).write(to: path, created: created) }
        }
        return []
    }

    /// Runs a workbook's `write`, its errors made the run's: a workbook that does not hold what
    /// was written is an I/O error (74), any other failure a file that cannot be written (73).
    private static func workbook(in folder: String, _ write: () throws -> [String]) throws(RunError) -> [String] {
        do {
            return try write()
        } catch let error as RunError {
            throw error
        } catch let mismatch as WorkbookMismatch {
            throw .ioError(
                "\(mismatch.path): the workbook on disk does not hold what was written (a write was lost on the way: check the disk and its log). "
                    + "The previous report is unchanged.")
        } catch {
            throw .cannotWrite("\(folder): cannot write a workbook: \(error)")
        }
    }

    /// Where this process writes a report before it takes its place (removed if the run is stopped).
    public static func stagingFolder(output: String, period: Quarter) -> String {
        output + "/.\(period).partial-\(getpid())"
    }

    /// Writes the report of `result` as `<outputDirectory>/<period>/`, replacing the old one only
    /// when everything is written, its results.json passes the release audit, and it is on the
    /// disk. Steps (`PausePoint`): the files are `written` into the staging folder, `synced`
    /// (every file and folder), `swapped` with the old report in one step, made `durable` (the
    /// parent folder synced), and the old report, now in the staging folder, is `cleaned` away.
    public static func publish(_ result: EvaluationResult, to outputDirectory: String) throws(RunError) -> [String] {
        let name = result.configuration.period.description
        let fm = FileManager.default
        let target = outputDirectory + "/" + name
        let staging = stagingFolder(output: outputDirectory, period: result.configuration.period)
        let retired = outputDirectory + "/.\(name).previous-\(getpid())"
        let warnings: [String]
        do {
            try fm.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: staging)
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite("\(outputDirectory): cannot create the output folder (\(error.localizedDescription)).")
        }
        do {
            warnings = try writeFiles(result, into: staging)
            try ReleaseAudit.requireSafe(staging)
            PausePoint.reached("written")
            try DurableFiles.sync(tree: staging)
            PausePoint.reached("synced")
            try swap(staging, into: target, retiredName: retired)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        PausePoint.reached("swapped")
        do {
            try DurableFiles.sync(outputDirectory)
        } catch {
            // The swap may not survive a power cut: undo it, so that a failed run leaves the
            // previous report (or none) in place, as it promises.
            let undone = fm.fileExists(atPath: staging)
                ? (try? swap(staging, into: target, retiredName: retired)) != nil : rename(target, staging) == 0
            if undone { try? fm.removeItem(atPath: staging) }
            throw error
        }
        PausePoint.reached("durable")
        // The previous report (or nothing) is now where the new one was written; a failure to
        // remove it leaves debris that the next run removes.
        try? fm.removeItem(atPath: staging)
        PausePoint.reached("cleaned")
        return warnings
    }

    /// Puts `staging` at `target`: one `renameat2(RENAME_EXCHANGE)` when there is an old report,
    /// which then sits at `staging`; where the system cannot swap, two renames through
    /// `retiredName` (a killed run there is put right by the next run's lock, `OutputLock`).
    private static func swap(_ staging: String, into target: String, retiredName: String) throws(RunError) {
        guard FileManager.default.fileExists(atPath: target) else {
            guard rename(staging, target) == 0 else {
                throw .cannotWrite("\(target): cannot put the new report in place (\(systemErrorText())).")
            }
            return
        }
        if DurableFiles.exchange(staging, target) { return }
        guard errno == ENOSYS || errno == EINVAL else {
            throw .cannotWrite("\(target): cannot put the new report in place (\(systemErrorText())); the previous report is unchanged.")
        }
        guard rename(target, retiredName) == 0 else {
            throw .cannotWrite("\(target): cannot replace the old report (\(systemErrorText())).")
        }
        guard rename(staging, target) == 0 else {
            let reason = systemErrorText()
            _ = rename(retiredName, target)
            throw .cannotWrite("\(target): cannot put the new report in place (\(reason)).")
        }
        // Where `publish` expects the old report after a swap.
        _ = rename(retiredName, staging)
    }
}
