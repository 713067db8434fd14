import Yams

/// `aggregation:` of evaluation.yaml, `{dimensions: …, overall: …}`, and a dimension's own
/// `aggregation:` that overrides the first.
enum AggregationSettings {
    /// The default of the dimensions and the overall's; both arithmetic when not declared.
    static func levels(_ root: Node.Mapping, file: YAMLFile, diagnostics: Diagnostics) throws -> (dimensions: Aggregation, overall: Aggregation) {
        guard let node = root["aggregation"] else { return (.arithmetic, .arithmetic) }
        let map = try file.mapping(node, "aggregation (dimensions, overall)")
        file.rejectUnknownKeys(map, allowed: ["dimensions", "overall"], diagnostics: diagnostics)
        return (
            try map["dimensions"].map { try method($0, file: file) } ?? .arithmetic,
            try map["overall"].map { try method($0, file: file) } ?? .arithmetic
        )
    }

    static func method(_ node: Node, file: YAMLFile) throws -> Aggregation {
        let name = try file.string(node, "aggregation")
        guard let method = Aggregation(rawValue: name) else {
            throw file.error(node, "aggregation '\(name)' is not one of \(Aggregation.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return method
    }
}
