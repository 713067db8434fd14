import Foundation

/// Writes a run's output folder, `<out>/<period>/`, all at once.
///
/// Files are written into a temporary folder beside the target, which then takes the
/// target's place; a run that fails or is killed before that leaves the old folder as it was.
public enum ReportWriter {
    /// The files of one report folder, by relative path; every byte comes from the result.
    public static func files(_ result: EvaluationResult) throws(RunError) -> [(path: String, bytes: [UInt8])] {
        let version = OutcomeEvalVersion.string
        var files: [(String, [UInt8])] = [
            ("results.json", Array(ResultsJSON.render(result, toolVersion: version).utf8)),
            ("report.txt", Array(TextReport(result: result, language: result.configuration.language, toolVersion: version).render().utf8)),
            ("rejects.csv", Array(QualityCSV.rejects(result.allRejects, language: result.configuration.language).utf8)),
            ("data_quality.csv", Array(QualityCSV.dataQuality(result.allFiles).utf8)),
        ]
        files.sort { $0.0 < $1.0 }
        return files
    }

    /// Writes `files` as `<outputDirectory>/<name>/`, replacing what was there only at the end.
    public static func write(_ files: [(path: String, bytes: [UInt8])], to outputDirectory: String, name: String) throws(RunError) {
        let fm = FileManager.default
        let target = outputDirectory + "/" + name
        let staging = outputDirectory + "/.\(name).partial-\(getpid())"
        let retired = outputDirectory + "/.\(name).previous-\(getpid())"
        do {
            try fm.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: staging)
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for file in files {
                let path = staging + "/" + file.path
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard fm.createFile(atPath: path, contents: Data(file.bytes)) else {
                    throw RunError.cannotWrite("\(path): cannot write. Check the folder is writable and the disk is not full.")
                }
            }
        } catch let error as RunError {
            try? fm.removeItem(atPath: staging)
            throw error
        } catch {
            try? fm.removeItem(atPath: staging)
            throw .cannotWrite("\(outputDirectory): cannot write the report (\(error.localizedDescription)). Check the folder is writable.")
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
    }
}
