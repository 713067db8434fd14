import Foundation
import Results

/// The projects of the published report that a run is about to replace and no longer has:
/// a registry cut short publishes fewer projects, and the log should say which.
enum DroppedProjects {
    /// One warning per project of `folder/results.json` that `result` lacks; none when there
    /// is no previous report (or it cannot be read: the run does not depend on it).
    static func warnings(replacing folder: String, with result: EvaluationResult) -> [String] {
        let previous = projectIDs(inResults: folder + "/results.json")
        let now = Set(result.projects.map(\.project.id))
        let dropped = previous.filter { !now.contains($0) }
        return dropped.map { id in
            "\(folder): project \(id) is in the report this run replaces but not in this run's \(result.plan.schema.registry.file); "
                + "\(now.count) projects now, \(previous.count) before"
        }
    }

    /// The project ids of a results.json, sorted; empty when the file is absent or not one.
    /// Only the keys are decoded: the values, most of a 2 MB file for 100 projects, are
    /// skipped instead of being made into objects (that took as long as writing report.html).
    static func projectIDs(inResults path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let results = try? JSONDecoder().decode(Results.self, from: data) else { return [] }
        return results.projects.keys.sorted()
    }

    private struct Results: Decodable {
        let projects: [String: Skipped]
    }

    /// Any JSON value, not read.
    private struct Skipped: Decodable {
        init(from decoder: Decoder) {}
    }
}
