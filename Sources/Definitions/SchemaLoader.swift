import DataContract
import Yams

/// Reads `schema.yaml`: the registry and the tables of a project folder.
enum SchemaLoader {
    static func load(_ file: YAMLFile, diagnostics: Diagnostics) -> Schema? {
        diagnostics.collect {
            let root = try file.mapping(file.root, "the schema")
            file.rejectUnknownKeys(root, allowed: ["registry", "tables"], diagnostics: diagnostics)
            let registryNode = try file.required(root, "registry", in: file.root)
            let registryMap = try file.mapping(registryNode, "registry")
            file.rejectUnknownKeys(
                registryMap,
                allowed: ["name", "file", "key", "display_names", "summary_columns", "columns"],
                diagnostics: diagnostics)
            let registry = try table(
                name: try file.string(try file.required(registryMap, "name", in: registryNode), "registry.name"),
                node: registryNode, file: file, diagnostics: diagnostics)
            guard let keyIndex = registry.keyColumnIndex, registry.columns[keyIndex].type == .slug else {
                throw file.error(registryNode, "the registry needs a 'key' column of type slug: project ids become folder names")
            }
            let namesNode = try file.required(registryMap, "display_names", in: registryNode)
            let names = try file.localized(namesNode, "display_names")
            let summary = try (registryMap["summary_columns"]?.sequence ?? []).map { node -> SummaryColumn in
                let map = try file.mapping(node, "a summary column ({column, name})")
                return SummaryColumn(
                    column: try file.string(try file.required(map, "column", in: node), "column"),
                    name: try file.localized(try file.required(map, "name", in: node), "name"))
            }
            for column in [names.ko, names.en] + summary.map(\.column) where registry.columnIndex(column) == nil {
                diagnostics.add(file.error(registryNode, "registry has no column '\(column)'"))
            }

            let tablesNode = try file.required(root, "tables", in: file.root)
            var tables: [TableSchema] = []
            for entry in try file.entries(try file.mapping(tablesNode, "tables")) {
                if let t = diagnostics.collect({
                    try table(name: entry.key, node: entry.value, file: file, diagnostics: diagnostics)
                }) {
                    tables.append(t)
                }
            }
            let ordered = try orderByReferences(tables, registry: registry, file: file, node: tablesNode)
            return Schema(
                registry: registry, displayNames: (names.ko, names.en), summaryColumns: summary, tables: ordered)
        }
    }

    private static func table(name: String, node: Node, file: YAMLFile, diagnostics: Diagnostics) throws -> TableSchema {
        let map = try file.mapping(node, "table '\(name)'")
        if name != "registry" {
            file.rejectUnknownKeys(map, allowed: ["file", "key", "columns", "name", "display_names", "summary_columns"], diagnostics: diagnostics)
        }
        let fileName = try file.string(try file.required(map, "file", in: node), "file")
        let key = try map["key"].map { try file.string($0, "key") }
        let columnsNode = try file.required(map, "columns", in: node)
        var columns: [ColumnSchema] = []
        for entry in try file.entries(try file.mapping(columnsNode, "columns")) {
            if let column = diagnostics.collect({ try self.column(entry.key, entry.value, file: file) }) {
                columns.append(column)
            }
        }
        if let key, !columns.contains(where: { $0.name == key }) {
            throw file.error(node, "table '\(name)' has key '\(key)' but no such column")
        }
        return TableSchema(name: name, file: fileName, key: key, columns: columns)
    }

    private static let columnKeys: Set<String> = ["type", "optional", "values", "ordered", "min", "max", "table", "as"]

    private static func column(_ name: String, _ node: Node, file: YAMLFile) throws -> ColumnSchema {
        if let scalar = node.scalar {
            return ColumnSchema(name: name, type: try simpleType(scalar.string, node: node, file: file), optional: false)
        }
        let map = try file.mapping(node, "column '\(name)'")
        for (key, _) in map where !columnKeys.contains(key.scalar?.string ?? "") {
            throw file.error(key, "unknown key '\(key.scalar?.string ?? "?")' in column '\(name)'")
        }
        let typeName = try file.string(try file.required(map, "type", in: node), "type")
        let optional = try map["optional"].map { try file.bool($0, "optional") } ?? false
        let type: ColumnType
        switch typeName {
        case "enum":
            let values = try file.strings(try file.required(map, "values", in: node), "values")
            guard !values.isEmpty, Set(values).count == values.count else {
                throw file.error(node, "enum '\(name)' needs a list of distinct values")
            }
            type = .enumeration(values: values, ordered: try map["ordered"].map { try file.bool($0, "ordered") } ?? false)
        case "reference":
            let table = try file.string(try file.required(map, "table", in: node), "table")
            type = .reference(table: table, alias: try map["as"].map { try file.string($0, "as") } ?? table)
        case "integer":
            type = .integer(
                min: try map["min"].map { Int64(try file.int($0, "min")) },
                max: try map["max"].map { Int64(try file.int($0, "max")) })
        default:
            type = try simpleType(typeName, node: node, file: file)
        }
        return ColumnSchema(name: name, type: type, optional: optional)
    }

    private static func simpleType(_ name: String, node: Node, file: YAMLFile) throws -> ColumnType {
        switch name {
        case "text": return .text
        case "slug": return .slug
        case "integer": return .integer(min: nil, max: nil)
        case "decimal": return .decimal
        case "date": return .date
        case "boolean": return .boolean
        default:
            throw file.error(
                node, "unknown column type '\(name)'; expected text, slug, integer, decimal, date, boolean, enum or reference")
        }
    }

    /// Orders tables so that each comes after the tables it refers to.
    private static func orderByReferences(
        _ tables: [TableSchema], registry: TableSchema, file: YAMLFile, node: Node
    ) throws -> [TableSchema] {
        var ordered: [TableSchema] = []
        var placed = Set<String>()
        var remaining = tables
        while !remaining.isEmpty {
            guard let next = remaining.firstIndex(where: { table in
                table.columns.allSatisfy { column in
                    guard case let .reference(target, _) = column.type else { return true }
                    return placed.contains(target)
                }
            }) else {
                let names = remaining.map(\.name).joined(separator: ", ")
                for table in remaining {
                    for column in table.columns {
                        if case let .reference(target, _) = column.type, !tables.contains(where: { $0.name == target }) {
                            throw file.error(node, "\(table.name).\(column.name) refers to unknown table '\(target)'")
                        }
                    }
                }
                throw file.error(node, "tables refer to each other in a cycle: \(names)")
            }
            let table = remaining.remove(at: next)
            for column in table.columns {
                if case let .reference(target, _) = column.type,
                    ordered.first(where: { $0.name == target })?.key == nil
                {
                    throw file.error(node, "\(table.name).\(column.name) refers to '\(target)', which has no key")
                }
            }
            ordered.append(table)
            placed.insert(table.name)
        }
        return ordered
    }
}
