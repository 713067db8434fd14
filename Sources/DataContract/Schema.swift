/// The data contract, as declared in `Indicators/schema.yaml`: which tables a data folder
/// has, their columns and types, keys and references. Nothing here names a real column.
public struct Schema: Sendable {
    /// The project registry; its rows become the projects, its key the folder names.
    public var registry: TableSchema
    /// Registry columns holding the Korean and English display names.
    public var displayNames: (ko: String, en: String)
    /// Registry columns shown beside each project in the portfolio summaries.
    public var summaryColumns: [SummaryColumn]
    /// The tables of each project folder, in an order where every referenced table comes first.
    public var tables: [TableSchema]

    package init(
        registry: TableSchema, displayNames: (ko: String, en: String), summaryColumns: [SummaryColumn], tables: [TableSchema]
    ) {
        self.registry = registry
        self.displayNames = displayNames
        self.summaryColumns = summaryColumns
        self.tables = tables
    }

    public func table(named name: String) -> TableSchema? {
        if name == registry.name { return registry }
        return tables.first { $0.name == name }
    }
}

/// A registry column shown in summaries, with its heading in both languages.
public struct SummaryColumn: Sendable {
    public var column: String
    public var name: LocalizedText

    package init(column: String, name: LocalizedText) {
        self.column = column
        self.name = name
    }
}

public struct TableSchema: Sendable {
    public var name: String
    public var file: String
    /// The column whose values must be unique, if any.
    public var key: String?
    public var columns: [ColumnSchema]

    package init(name: String, file: String, key: String? = nil, columns: [ColumnSchema]) {
        self.name = name
        self.file = file
        self.key = key
        self.columns = columns
    }

    public func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// Columns of other tables referring to this one make it a dimension kept in memory.
    public var keyColumnIndex: Int? { key.flatMap(columnIndex) }
}

public struct ColumnSchema: Sendable {
    public var name: String
    public var type: ColumnType
    /// When false an empty field rejects the row.
    public var optional: Bool

    package init(name: String, type: ColumnType, optional: Bool) {
        self.name = name
        self.type = type
        self.optional = optional
    }
}

public enum ColumnType: Sendable, Equatable {
    case text
    /// `[a-z0-9][a-z0-9-]{0,63}`: safe as a file name.
    case slug
    case integer(min: Int64?, max: Int64?)
    case decimal
    case date
    case boolean
    case enumeration(values: [String], ordered: Bool)
    /// A value that must be the key of a row in `table`; `alias` names the lookup (`participant.x`).
    case reference(table: String, alias: String)

    var name: String {
        switch self {
        case .text: return "text"
        case .slug: return "slug"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .date: return "date"
        case .boolean: return "boolean"
        case .enumeration: return "enum"
        case .reference: return "reference"
        }
    }
}
