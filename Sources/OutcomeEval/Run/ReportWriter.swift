import Foundation

/// Writes a run's output folder, `<out>/<period>/`, all at once.
///
/// Every file is written into a temporary folder beside the target, which then takes the
/// target's place; a run that fails or is killed before that leaves the old folder as it was.
public enum ReportWriter {
    /// Writes every output file of `result` into the existing, empty `folder`.
    /// Returns the warnings of the workbooks (text cut to fit a cell, say).
    public static func writeFiles(_ result: EvaluationResult, into folder: String) throws(RunError) -> [String] {
        let version = OutcomeEvalVersion.string
        let language = result.configuration.language
        let texts: [(String, String)] = [
            ("results.json", ResultsJSON.render(result, toolVersion: version)),
            ("report.txt", TextReport(result: result, language: language, toolVersion: version).render()),
            ("report.html", HTMLReport(result: result, words: Words(language: language), toolVersion: version).render()),
            ("data_quality.csv", QualityCSV.dataQuality(result.allFiles)),
        ]
        for (name, text) in texts {
            let path = folder + "/" + name
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                throw .cannotWrite("\(path): cannot write. Check the folder is writable and the disk is not full.")
            }
        }
        // Raw input rows (ages, incomes, disabilities): for the data stewards, not for publication.
        let rejects = folder + "/rejects.csv"
        guard FileSystem.writeOwnerOnly(QualityCSV.rejects(result.allRejects, language: language), to: rejects) else {
            throw .cannotWrite("\(rejects): cannot write. Check the folder is writable and the disk is not full.")
        }
        let words = Words(language: language)
        let created = result.configuration.documentTime
        var warnings: [String] = []
        do {
            warnings += try PortfolioWorkbook(result: result, ranking: result.ranking, words: words)
                .write(to: folder + "/portfolio.xlsx", created: created)
            try FileManager.default.createDirectory(atPath: folder + "/projects", withIntermediateDirectories: true)
            // On all cores: writing a workbook is mostly libxlsxwriter's temporary files (some
            // twenty system calls a sheet), each workbook its own. Warnings in project order.
            let written = Evaluation.parallelMap(Array(result.projects.indices), serial: result.configuration.serial) { index in
                let path = folder + "/projects/\(result.projects[index].project.id).xlsx"
                return Result { try ProjectWorkbook(result: result, index: index, words: words).write(to: path, created: created) }
            }
            for workbook in written { warnings += try workbook.get() }
        } catch let error as RunError {
            throw error
        } catch {
            throw .cannotWrite("\(folder): cannot write a workbook: \(error)")
        }
        // Last, so that it can hash every other file.
        let manifest = Manifest(
            toolVersion: version, libraries: OutcomeEvalVersion.libraries, period: result.configuration.period.description, language: language.rawValue,
            documentTime: created, inputs: try Manifest.inputs(of: result), outputs: try Manifest.outputs(in: folder))
        guard FileManager.default.createFile(atPath: folder + "/" + Manifest.fileName, contents: Data(manifest.render().utf8)) else {
            throw .cannotWrite("\(folder)/\(Manifest.fileName): cannot write.")
        }
        return warnings
    }

    /// Where this process writes a report before it takes its place (removed if the run is stopped).
    public static func stagingFolder(output: String, period: Quarter) -> String {
        output + "/.\(period).partial-\(getpid())"
    }

    /// Writes the report of `result` as `<outputDirectory>/<period>/`, replacing the old one only
    /// when everything is written and its results.json passes the release audit.
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
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        let hadOld = fm.fileExists(atPath: target)
        if hadOld && rename(target, retired) != 0 {
            try? fm.removeItem(atPath: staging)
            throw .cannotWrite("\(target): cannot replace the old report (\(systemErrorText())).")
        }
        if rename(staging, target) != 0 {
            let reason = systemErrorText()
            if hadOld { _ = rename(retired, target) }
            throw .cannotWrite("\(target): cannot put the new report in place (\(reason)).")
        }
        if hadOld { try? fm.removeItem(atPath: retired) }
        return warnings
    }
}

extension EvaluationResult {
    /// Projects by overall score, highest first; those without a score last, then by id.
    public var ranking: [Int] {
        let current = quarters.count - 1
        return projects.indices.sorted { a, b in
            let sa = scores[a][current].overall ?? -1
            let sb = scores[b][current].overall ?? -1
            if sa != sb { return sa > sb }
            return projects[a].project.id < projects[b].project.id
        }
    }
}
