import CSVReading
import Evaluation
import Foundation
import Reports
import Results

/// `manifest.json`: what a report was made from and what it holds, so that an auditor can
/// regenerate it (`verify`). No wall-clock time: the log carries that.
public struct Manifest: Sendable {
    public struct Input: Sendable, Equatable {
        /// `data/<path>` or `indicators/<path>`.
        public var path: String
        public var sha256: String
        public var read: Int?
        public var accepted: Int?
        public var rejected: Int?
    }

    public var toolVersion: String
    /// The libraries the tool was built with, by name (`OutcomeEvalVersion.libraries`); empty
    /// in manifests written before they were recorded.
    public var libraries: [(name: String, version: String)]
    public var period: String
    public var language: String
    public var documentTime: Int
    public var inputs: [Input]
    /// Every other file of the report folder, by relative path.
    public var outputs: [(path: String, sha256: String)]

    static let fileName = "manifest.json"

    /// The inputs of a run: every data file read and every definition file, with hashes.
    static func inputs(of result: EvaluationResult) throws(RunError) -> [Input] {
        var inputs: [Input] = []
        for file in result.allFiles where file.status != .missing {
            let hash: String
            if let known = file.sha256 { hash = known } else { hash = try Self.hash(result.configuration.dataDirectory + "/" + file.file) }
            inputs.append(Input(path: "data/" + file.file, sha256: hash, read: file.read, accepted: file.accepted, rejected: file.rejected))
        }
        for file in result.plan.files {
            inputs.append(Input(path: "indicators/" + file, sha256: try hash(result.configuration.indicatorsDirectory + "/" + file)))
        }
        return inputs.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    /// An input that cannot be read back is missing input (66); an output this run has just
    /// written and cannot read back is an I/O error (74).
    static func hash(_ path: String, isOutput: Bool = false) throws(RunError) -> String {
        do {
            return try SHA256.file(path)
        } catch {
            throw isOutput ? .ioError("\(error): the report just written cannot be read back. The previous report is unchanged.") : .inputMissing("\(error)")
        }
    }

    /// Hashes every file under `folder` except the manifest itself.
    static func outputs(in folder: String, serial: Bool) throws(RunError) -> [(path: String, sha256: String)] {
        let files = FileSystem.files(under: folder).filter { $0 != fileName }
        // On all cores: a hundred workbooks read back and hashed.
        let hashes = Parallel.map(files, serial: serial) { relative in Result { () throws(RunError) in try hash(folder + "/" + relative, isOutput: true) } }
        var outputs: [(String, String)] = []
        for (relative, hash) in zip(files, hashes) { outputs.append((relative, try hash.get())) }
        return outputs
    }

    func render() -> String {
        var json = JSONWriter()
        json.beginObject()
        json.value("tool_version", .string(toolVersion))
        json.beginObject("libraries")
        for library in libraries { json.value(library.name, .string(library.version)) }
        json.endObject()
        json.value("period", .string(period))
        json.beginObject("settings")
        json.value("language", .string(language))
        json.value("document_time", .integer(documentTime))
        json.endObject()
        json.beginObject("inputs")
        for input in inputs {
            json.beginObject(input.path)
            json.value("sha256", .string(input.sha256))
            if let read = input.read {
                json.value("rows_read", .integer(read))
                json.value("rows_accepted", .integer(input.accepted ?? 0))
                json.value("rows_rejected", .integer(input.rejected ?? 0))
            }
            json.endObject()
        }
        json.endObject()
        json.beginObject("outputs")
        for output in outputs { json.value(output.path, .string(output.sha256)) }
        json.endObject()
        json.endObject()
        return json.text + "\n"
    }

    /// Reads a manifest written by `render`.
    static func read(_ path: String) throws(RunError) -> Manifest {
        guard let data = FileManager.default.contents(atPath: path),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let settings = root["settings"] as? [String: Any], let period = root["period"] as? String,
            let language = settings["language"] as? String, let time = settings["document_time"] as? Int,
            let inputs = root["inputs"] as? [String: [String: Any]], let outputs = root["outputs"] as? [String: String]
        else {
            throw .inputMissing("\(path): missing or not a manifest written by outcome-eval; verify needs the report's manifest.json.")
        }
        return Manifest(
            toolVersion: root["tool_version"] as? String ?? "",
            libraries: (root["libraries"] as? [String: String] ?? [:]).map { ($0.key, $0.value) }.sorted { $0.name < $1.name },
            period: period, language: language, documentTime: time,
            inputs: inputs.map { Input(path: $0.key, sha256: $0.value["sha256"] as? String ?? "", read: $0.value["rows_read"] as? Int) }
                .sorted { $0.path < $1.path },
            outputs: outputs.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 })
    }
}
