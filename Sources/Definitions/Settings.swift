import CSVReading
import DataContract
import Yams

/// Scoring and run settings from `Indicators/evaluation.yaml`.
public struct Settings: Sendable {
    public struct Dimension: Sendable {
        public var id: String
        public var name: LocalizedText
        public var weight: Double
        /// How its indicators' scores make its score.
        public var aggregation: Aggregation
    }

    /// A score band of the legend: scores from `minimum` up to the next band's minimum.
    public struct Band: Sendable {
        public var minimum: Double
        public var name: LocalizedText
        /// Fill colour for workbooks, `#RRGGBB`.
        public var color: String
    }

    public var dimensions: [Dimension]
    /// How the dimensions' scores make the overall.
    public var overallAggregation: Aggregation
    /// Below this share of applicable weight a dimension has "insufficient data".
    public var minimumCoverage: Double
    /// Highest minimum first.
    public var bands: [Band]
    public var smallCellThreshold: Int
    /// Hide further groups so that the small ones cannot be worked out (on unless set false).
    public var complementarySuppression: Bool
    /// A file with a larger share of rejected rows fails the run.
    public var rejectCeiling: Double
    public var limits: CSVLimits
    public var references: [String: ReferenceTable]
    /// The report's title and the word for what it evaluates.
    public var wording: ReportWording

    public var disclosureRule: DisclosureRule { DisclosureRule(threshold: smallCellThreshold, complementary: complementarySuppression) }
    public var uncertainty: UncertaintySettings
}

enum SettingsLoader {
    static func load(_ file: YAMLFile, directory: String, diagnostics: Diagnostics) -> Settings? {
        diagnostics.collect {
            let root = try file.mapping(file.root, "the settings")
            file.rejectUnknownKeys(
                root,
                allowed: [
                    "dimensions", "minimum_coverage", "bands", "small_cell_threshold", "complementary_suppression", "reject_ceiling", "limits",
                    "references", "breakdowns", "rollups", "uncertainty", "aggregation", "report",
                ],
                diagnostics: diagnostics)
            let dimensionsNode = try file.required(root, "dimensions", in: file.root)
            guard let dimensionList = dimensionsNode.sequence, !dimensionList.isEmpty else {
                throw file.error(dimensionsNode, "dimensions must be a list of {id, name, weight}")
            }
            let aggregation = try AggregationSettings.levels(root, file: file, diagnostics: diagnostics)
            var dimensions: [Settings.Dimension] = []
            for node in dimensionList {
                let map = try file.mapping(node, "a dimension")
                let weight = try map["weight"].map { try file.number($0, "weight") } ?? 1
                guard weight > 0 else { throw file.error(node, "a dimension's weight must be above 0") }
                let idNode = try file.required(map, "id", in: node)
                let id = try file.string(idNode, "id")
                // Indicators name their dimension by id, so two with one id could not be told apart.
                guard !dimensions.contains(where: { $0.id == id }) else { throw file.error(idNode, "the dimension id '\(id)' is already used") }
                dimensions.append(
                    Settings.Dimension(
                        id: id,
                        name: try file.localized(try file.required(map, "name", in: node), "name"),
                        weight: weight,
                        aggregation: try map["aggregation"].map { try AggregationSettings.method($0, file: file) } ?? aggregation.dimensions))
            }
            let bandsNode = try file.required(root, "bands", in: file.root)
            guard let bandList = bandsNode.sequence, !bandList.isEmpty else {
                throw file.error(bandsNode, "bands must be a list of {min, name, color}")
            }
            var bands: [Settings.Band] = []
            for node in bandList {
                let map = try file.mapping(node, "a band")
                let color = try file.string(try file.required(map, "color", in: node), "color")
                guard color.count == 7, color.first == "#", UInt32(color.dropFirst(), radix: 16) != nil else {
                    throw file.error(node, "color must be written #RRGGBB")
                }
                bands.append(
                    Settings.Band(
                        minimum: try file.number(try file.required(map, "min", in: node), "min"),
                        name: try file.localized(try file.required(map, "name", in: node), "name"), color: color))
            }
            bands.sort { $0.minimum > $1.minimum }
            if let lowest = bands.last, lowest.minimum > 0 {
                diagnostics.add(file.error(bandsNode, "the lowest band must start at 0 so that every score has a band"))
            }
            let limitsMap = try root["limits"].map { try file.mapping($0, "limits") }
            var limits = CSVLimits()
            if let node = limitsMap?["max_field_bytes"] { limits.maxFieldBytes = try file.int(node, "max_field_bytes") }
            if let node = limitsMap?["max_record_bytes"] { limits.maxRecordBytes = max(64, try file.int(node, "max_record_bytes")) }
            var references: [String: ReferenceTable] = [:]
            if let node = root["references"] {
                for entry in try file.entries(try file.mapping(node, "references")) {
                    if let table = diagnostics.collect({
                        try reference(entry.key, entry.value, file: file, directory: directory)
                    }) {
                        references[entry.key] = table
                    }
                }
            }
            let ceiling = try root["reject_ceiling"].map { try file.number($0, "reject_ceiling") } ?? 0.05
            guard (0...1).contains(ceiling) else { throw file.error(root["reject_ceiling"], "reject_ceiling is a share from 0 to 1") }
            let threshold = try root["small_cell_threshold"].map { try file.int($0, "small_cell_threshold") } ?? 5
            guard threshold >= 1 else { throw file.error(root["small_cell_threshold"], "small_cell_threshold is a count of at least 1") }
            return Settings(
                dimensions: dimensions, overallAggregation: aggregation.overall,
                minimumCoverage: try root["minimum_coverage"].map { try file.number($0, "minimum_coverage") } ?? 0.5,
                bands: bands,
                smallCellThreshold: threshold,
                complementarySuppression: try root["complementary_suppression"].map { try file.bool($0, "complementary_suppression") } ?? true,
                rejectCeiling: ceiling, limits: limits, references: references,
                wording: try ReportWording.load(root, file: file, diagnostics: diagnostics),
                uncertainty: try UncertaintySettingsLoader.load(root["uncertainty"], file: file, diagnostics: diagnostics))
        }
    }

    /// A two-column reference table (key, number) from a CSV file beside the definitions.
    private static func reference(_ name: String, _ node: Node, file: YAMLFile, directory: String) throws -> ReferenceTable {
        let map = try file.mapping(node, "reference '\(name)'")
        let path = try file.string(try file.required(map, "file", in: node), "file")
        let keyColumn = try file.string(try file.required(map, "key", in: node), "key")
        let valueColumn = try file.string(try file.required(map, "value", in: node), "value")
        let note = try map["note"].map { try file.localized($0, "note") }
        let fullPath = directory + "/" + path
        let rows: [(String, Double)]
        do {
            rows = try readCSV(path: fullPath, limits: CSVLimits()) { reader -> [(String, Double)] in
                guard try reader.next() else { return [] }
                let header = (0..<reader.fieldCount).map { reader.string($0).trimmingSpaces }
                guard let k = header.firstIndex(of: keyColumn), let v = header.firstIndex(of: valueColumn) else {
                    throw file.error(node, "\(path) needs the columns \(keyColumn) and \(valueColumn)")
                }
                var rows: [(String, Double)] = []
                while try reader.next() {
                    guard reader.fieldCount == header.count, let value = Double(reader.string(v).trimmingSpaces), value >= 0 else {
                        throw file.error(node, "\(path) line \(reader.line): expected a key and a number of at least 0")
                    }
                    rows.append((reader.string(k).trimmingSpaces, value))
                }
                return rows
            }.result
        } catch let error as InputError {
            throw file.error(node, "\(error)")
        }
        guard !rows.isEmpty else { throw file.error(node, "\(path) has no rows") }
        return ReferenceTable(name: name, note: note, rows: rows)
    }
}
