import CSVReading
import DataContract
import Foundation
import Logging
import Results

/// `outcome-eval verify`: regenerates a published report from the raw data in a temporary
/// folder and compares it with the report, byte for byte, file by file.
public enum Verification {
    public struct Report: Sendable {
        /// Each difference as a line; empty when the report is reproduced exactly.
        public var differences: [String]
        public var filesCompared: Int
    }

    public static func verify(data: String, indicators: String, report: String, logger: Logger = RunPipeline.silent) throws(RunError) -> Report {
        let old = try Manifest.read(report + "/" + Manifest.fileName)
        guard let period = Quarter(old.period), let language = Language(rawValue: old.language) else {
            throw .badData(["\(report)/\(Manifest.fileName): period '\(old.period)' or language '\(old.language)' is not valid."])
        }
        let configuration = RunConfiguration(
            dataDirectory: data, indicatorsDirectory: indicators, period: period, language: language, documentTime: old.documentTime)
        let result = try RunPipeline.evaluate(configuration, logger: logger, progress: nil)
        let scratch = NSTemporaryDirectory() + "outcome-eval-verify-\(getpid())-\(UUID().uuidString.prefix(8))"
        do {
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite("\(scratch): cannot create a temporary folder (\(error.localizedDescription)).")
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        _ = try ReportWriter.writeFiles(result, into: scratch)
        let new = try Manifest.read(scratch + "/" + Manifest.fileName)

        // First: different libraries alone can explain every difference below.
        var differences = libraryChanges(old: old, new: new) + inputChanges(old: old, new: new)
        if old.toolVersion != new.toolVersion {
            differences.append("tool version: the report was made by \(old.toolVersion), this is \(new.toolVersion)")
        }
        let published = FileSystem.files(under: report)
        let regenerated = FileSystem.files(under: scratch)
        for path in Set(published).union(regenerated).sorted() {
            let a = FileManager.default.contents(atPath: report + "/" + path)
            let b = FileManager.default.contents(atPath: scratch + "/" + path)
            switch (a, b) {
            case (nil, _): differences.append("output missing from the report: \(path)")
            case (_, nil): differences.append("output not made by this run: \(path)")
            case let (a?, b?) where a != b:
                differences.append("output differs: \(path)")
                if path == "results.json" { differences += resultChanges(old: a, new: b) }
            default: break
            }
        }
        return Report(differences: differences, filesCompared: Set(published).union(regenerated).count)
    }

    /// Each library whose version differs from the one the report was made with; none when
    /// the report predates the record.
    static func libraryChanges(old: Manifest, new: Manifest) -> [String] {
        guard !old.libraries.isEmpty else { return [] }
        let before = Dictionary(old.libraries, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.libraries, uniquingKeysWith: { a, _ in a })
        return Set(before.keys).union(after.keys).sorted().compactMap { name in
            let (a, b) = (before[name] ?? "none", after[name] ?? "none")
            return a == b ? nil : "library \(name): the report was made with \(a), this binary has \(b); outputs may differ for that alone"
        }
    }

    private static func inputChanges(old: Manifest, new: Manifest) -> [String] {
        let before = Dictionary(old.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        var lines: [String] = []
        for path in Set(before.keys).union(after.keys).sorted() {
            switch (before[path], after[path]) {
            case (nil, _): lines.append("input added since the report: \(path)")
            case (_, nil): lines.append("input gone since the report: \(path)")
            case let (a?, b?) where a != b: lines.append("input changed since the report: \(path)")
            default: break
            }
        }
        return lines
    }

    /// Which project and indicator moved, and how, between two results.json.
    private static func resultChanges(old: Data, new: Data) -> [String] {
        func projects(_ data: Data) -> [String: [String: Any]] {
            let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            return root?["projects"] as? [String: [String: Any]] ?? [:]
        }
        let a = projects(old)
        let b = projects(new)
        var lines: [String] = []
        for id in Set(a.keys).union(b.keys).sorted() {
            let ia = a[id]?["indicators"] as? [String: [String: Any]] ?? [:]
            let ib = b[id]?["indicators"] as? [String: [String: Any]] ?? [:]
            for indicator in Set(ia.keys).union(ib.keys).sorted() {
                for key in ["status", "value", "score", "previous_value"] {
                    let x = ia[indicator]?[key].map { "\($0)" } ?? "none"
                    let y = ib[indicator]?[key].map { "\($0)" } ?? "none"
                    if x != y { lines.append("  results.json \(id)/\(indicator) \(key): \(x) → \(y)") }
                }
            }
        }
        return lines
    }
}
