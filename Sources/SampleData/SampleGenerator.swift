import DataContract
import Foundation

/// Writes a synthetic data set in the default data contract (../shared/spec/DATA.md):
/// a registry and six tables per project, 2025Q1 through 2026Q3.
///
/// This is the one place outside `Indicators/` that knows the default contract's columns,
/// because realistic data needs to know what a column means. The evaluation never uses it.
/// Every data set carries the same few deliberate defects, so the rejects path always shows:
/// a CP949 file, a file with a BOM, bad rows, a missing table and a header-only table —
/// unless `clean` is set, for peers in the benchmark that stop at the first bad row.
public struct SampleGenerator {
    public var seed: UInt64
    public var projects: Int
    public var scale: Int
    /// Multiplies the people at each activity, and so the attendance rows, leaving the
    /// participants as they are (for showing that memory does not follow rows).
    public var attendanceFactor: Int
    public var clean: Bool

    public init(seed: UInt64, projects: Int, scale: Int, attendanceFactor: Int = 1, clean: Bool = false) {
        self.seed = seed
        self.projects = max(1, projects)
        self.scale = max(1, scale)
        self.attendanceFactor = max(1, attendanceFactor)
        self.clean = clean
    }

    /// What was written, for the command's summary line.
    public struct Summary: Sendable {
        public var files = 0
        public var rows = 0
        public var bytes = 0
    }

    static let firstQuarter = Quarter(year: 2025, quarter: 1)!
    static let lastQuarter = Quarter(year: 2026, quarter: 3)!

    public func write(to directory: String) throws -> Summary {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var summary = Summary()
        let registry = try CSVFileWriter(
            path: directory + "/projects.csv",
            header: ["project_id", "name_ko", "name_en", "department", "program_type", "scope", "start_date", "funding_end_date", "target_participants"])
        for index in 0..<projects {
            let template = Self.template(index)
            registry.row([
                template.id, template.nameKo, template.nameEn, template.department, template.programType, template.scope,
                template.startDate, template.fundingEnd, String(template.target * scale),
            ])
            var random = RandomSource(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
            let folder = directory + "/" + template.id
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let project = ProjectWriter(template: template, index: index, scale: scale, attendanceFactor: attendanceFactor, folder: folder, clean: clean)
            let written = try project.write(&random)
            summary.files += written.files
            summary.rows += written.rows
            summary.bytes += written.bytes
        }
        try registry.close()
        summary.files += 1
        summary.rows += registry.rows
        summary.bytes += registry.bytes
        return summary
    }

    /// The six bureau programmes first; then copies of them with numbered ids.
    static func template(_ index: Int) -> ProjectTemplate {
        var template = ProjectTemplate.all[index % ProjectTemplate.all.count]
        let round = index / ProjectTemplate.all.count
        if round > 0 {
            template.id += "-\(round + 1)"
            template.nameKo += " \(round + 1)"
            template.nameEn += " \(round + 1)"
        }
        return template
    }
}
