import CSVReading
import Evaluation

/// The floor of a run over a data folder, for `make bench`: every input file that `run` reads,
/// read, SHA-256 hashed, checked as UTF-8 and split into records on all cores, largest first —
/// and nothing else: no field checked, no key looked up, nothing counted. The run's time over
/// this one's says how much the evaluation itself costs beyond reading.
public enum ReadingFloor {
    public struct Totals: Sendable {
        public var files = 0
        public var bytes = 0
        public var records = 0
    }

    public static func measure(data: String, plan: EvaluationPlan) throws(RunError) -> Totals {
        let (projects, registry) = try DataSetEvaluation.readRegistry(data, plan: plan)
        // Sizes once: they drop the absent and empty files, order the work and add up the bytes.
        let files = projects.flatMap { project in plan.schema.tables.map { data + "/" + project.id + "/" + $0.file } }
            .map { (path: $0, size: FileSystem.size(of: $0)) }.filter { $0.size > 0 }
        let paths = files.map(\.path)
        let limits = plan.settings.limits
        let counted = Parallel.map(paths, serial: false, largestFirst: files.map(\.size)) { path in
            Result { () throws -> Int in
                try readCSV(path: path, limits: limits) { reader -> Int in
                    var records = 0
                    while try reader.next() { records += 1 }
                    return records
                }.result
            }
        }
        // The registry was read above, header and rows.
        var totals = Totals(
            files: files.count + 1, bytes: files.reduce(FileSystem.size(of: data + "/" + plan.schema.registry.file)) { $0 + $1.size },
            records: registry.quality.read + 1)
        for (path, records) in zip(paths, counted) {
            do {
                totals.records += try records.get()
            } catch {
                throw .badData(["\(path): \(error)"])
            }
        }
        return totals
    }
}
