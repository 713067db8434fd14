import DataContract

/// The static type of an expression, checked before any data is read.
enum ExprType: Equatable, CustomStringConvertible {
    case number, boolean, date, text
    /// An enum column; literals compared with it become positions in `values`.
    case symbol(column: String, values: [String], ordered: Bool)
    /// A reference to a row of table `table` (an index into the schema's tables).
    case row(table: Int, name: String)
    /// The literal `missing`.
    case missing

    init(column: ColumnSchema, schema: Schema) {
        switch column.type {
        case .text, .slug: self = .text
        case .integer, .decimal: self = .number
        case .date: self = .date
        case .boolean: self = .boolean
        case let .enumeration(values, ordered): self = .symbol(column: column.name, values: values, ordered: ordered)
        case let .reference(table, _):
            self = .row(table: schema.tables.firstIndex { $0.name == table } ?? -1, name: table)
        }
    }

    var description: String {
        switch self {
        case .number: return "a number"
        case .boolean: return "a condition (Y/N)"
        case .date: return "a date"
        case .text: return "text"
        case let .symbol(column, _, _): return "a value of \(column)"
        case let .row(_, name): return "a reference to \(name)"
        case .missing: return "missing"
        }
    }
}
