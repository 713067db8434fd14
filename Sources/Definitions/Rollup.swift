import DataContract
import Yams

/// A roll-up of evaluation.yaml: the portfolio's scores summed up by a registry column
/// (department, programme type), for the portfolio workbook and the page.
public struct RollupDefinition: Sendable {
    /// The registry column whose values make the groups.
    public var column: String
    public var name: LocalizedText
}

enum RollupLoader {
    static func load(_ file: YAMLFile, registry: TableSchema, diagnostics: Diagnostics) -> [RollupDefinition] {
        guard let root = file.root.mapping, let node = root["rollups"] else { return [] }
        guard let list = node.sequence else {
            diagnostics.add(file.error(node, "rollups must be a list of {column, name}"))
            return []
        }
        return list.compactMap { item in
            diagnostics.collect { () throws -> RollupDefinition in
                let map = try file.mapping(item, "a roll-up")
                file.rejectUnknownKeys(map, allowed: ["column", "name"], diagnostics: diagnostics)
                let columnNode = try file.required(map, "column", in: item)
                let column = try file.string(columnNode, "column")
                guard registry.columnIndex(column) != nil else {
                    throw file.error(
                        columnNode, "\(registry.file) has no column '\(column)'; it has \(registry.columns.map(\.name).joined(separator: ", "))")
                }
                return RollupDefinition(column: column, name: try file.localized(try file.required(map, "name", in: item), "name"))
            }
        }
    }
}
