import DataContract

extension Compiler {
    /// Compiles `function(source, ...)`, adds it to the plan, and returns its number.
    func aggregate(
        _ function: AggregateFunction, _ arguments: [Argument], at position: TextPosition, text: String
    ) throws(ExpressionError) -> Int {
        guard let first = arguments.first else {
            throw ExpressionError(position: position, message: "\(function.rawValue)(...) needs the rows of a table first")
        }
        let source: SourceSyntax
        switch first {
        case let .source(s): source = s
        case let .expression(.name(parts, p)) where parts.count == 1:
            source = SourceSyntax(
                distinct: false, projection: nil, table: parts[0], tablePosition: p, filter: nil, group: nil, position: p,
                text: parts[0])
        case let .expression(syntax):
            throw ExpressionError(
                position: syntax.position,
                message: "\(function.rawValue)(...) needs the rows of a table first, e.g. \(function.rawValue)(table where ...)")
        }
        guard let table = schema.tables.firstIndex(where: { $0.name == source.table }) else {
            throw ExpressionError(
                position: source.tablePosition,
                message: "unknown table '\(source.table)'; the tables are \(schema.tables.map(\.name).joined(separator: ", "))")
        }
        let rowScope = Scope.row(table: table)
        var projection: Expr?
        var keyColumn = -1
        if let p = source.projection {
            let (expr, type) = try compile(p, in: rowScope)
            if case let .column(c) = expr { keyColumn = c }
            if !source.distinct && [.sum, .mean, .min, .max].contains(function) {
                guard type == .number || type.isOrderedSymbol else {
                    throw ExpressionError(position: p.position, message: "\(function.rawValue) needs numbers, found \(type)")
                }
            }
            projection = expr
        } else if source.distinct {
            throw ExpressionError(position: source.position, message: "'distinct' needs a column: distinct column from table")
        }
        if source.distinct && [.sum, .mean, .min, .max].contains(function) {
            throw ExpressionError(position: source.position, message: "\(function.rawValue) does not take 'distinct'")
        }
        if [.sum, .mean, .min, .max].contains(function) && projection == nil {
            throw ExpressionError(position: source.position, message: "\(function.rawValue) needs a column: \(function.rawValue)(column from \(source.table) ...)")
        }
        var filter = try source.filter.map { f throws(ExpressionError) in try condition(f, in: rowScope) }
        var keyFilter: Expr?
        if source.distinct && keyColumn >= 0 { (filter, keyFilter) = KeyConditions.split(filter, keyColumn: keyColumn) }
        let valueScope: Scope = source.distinct ? .key(table: table, column: keyColumn) : rowScope
        var group: Expr?
        if let g = source.group {
            guard function.isGrouped else {
                throw ExpressionError(position: g.position, message: "\(function.rawValue) does not take 'by'")
            }
            group = try compile(g, in: valueScope).0
        } else if function.isGrouped {
            throw ExpressionError(position: source.position, message: "\(function.rawValue) needs groups: \(function.rawValue)(... by column)")
        }

        var aggregate = Aggregate(
            function: function, table: table, distinct: source.distinct, projection: projection, filter: filter,
            group: group, condition: nil, keyFilter: keyFilter, reference: [:], minimumGroupSize: 0, text: source.text,
            tableName: source.table)
        let extra = Array(arguments.dropFirst())
        func expression(_ i: Int, _ what: String) throws(ExpressionError) -> Syntax {
            guard i < extra.count, case let .expression(syntax) = extra[i] else {
                throw ExpressionError(position: position, message: "\(function.rawValue)(...) needs \(what)")
            }
            return syntax
        }
        let expectedExtra: Int
        switch function {
        case .count, .sum, .mean, .min, .max, .gini, .diversity:
            expectedExtra = 0
        case .share:
            expectedExtra = 1
            aggregate.condition = try condition(try expression(0, "a condition after the rows"), in: valueScope)
        case .dissimilarity:
            expectedExtra = 1
            let syntax = try expression(0, "a reference table after the rows")
            aggregate.reference = try referenceShares(syntax, group: try groupSyntax(of: source, function), in: valueScope)
        case .groups:
            expectedExtra = extra.count
            if !extra.isEmpty {
                aggregate.condition = try condition(try expression(0, "a condition"), in: valueScope)
            }
        case .minMaxRatio:
            expectedExtra = 2
            aggregate.condition = try condition(try expression(0, "a condition after the rows"), in: valueScope)
            let sizeSyntax = try expression(1, "a minimum group size last")
            guard case let .number(size, _) = sizeSyntax, size >= 1, size == size.rounded() else {
                throw ExpressionError(position: sizeSyntax.position, message: "the minimum group size must be a whole number of at least 1")
            }
            aggregate.minimumGroupSize = Int(size)
        }
        guard extra.count == expectedExtra else {
            throw ExpressionError(position: position, message: "\(function.rawValue)(...) takes \(expectedExtra + 1) argument\(expectedExtra == 0 ? "" : "s")")
        }
        aggregates.append(aggregate)
        return aggregates.count - 1
    }

    /// Compiles a group breakdown: `source` must have `by`; `rate` is an optional condition.
    /// Returns the aggregate's number and, for enum groups, the labels in enum order.
    func breakdown(_ source: SourceSyntax, rate: Syntax?) throws(ExpressionError) -> (id: Int, labels: [String]?) {
        let id = try aggregate(.groups, [.source(source)] + (rate.map { [.expression($0)] } ?? []), at: source.position, text: source.text)
        let aggregate = aggregates[id]
        let scope: Scope = aggregate.distinct
            ? .key(table: aggregate.table, column: { if case let .column(c) = aggregate.projection { return c } else { return -1 } }())
            : .row(table: aggregate.table)
        if case let .symbol(_, values, _) = try compile(try groupSyntax(of: source, .groups), in: scope).1 { return (id, values) }
        return (id, nil)
    }

    /// The `by` of a source whose function needs one (`aggregate` has checked it is there).
    private func groupSyntax(of source: SourceSyntax, _ function: AggregateFunction) throws(ExpressionError) -> Syntax {
        guard let group = source.group else {
            throw ExpressionError(position: source.position, message: "\(function.rawValue) needs groups: \(function.rawValue)(... by column)")
        }
        return group
    }

    /// Each group's share of a reference table, keyed the way the group values are.
    private func referenceShares(_ syntax: Syntax, group: Syntax, in scope: Scope) throws(ExpressionError) -> [Value: Double] {
        guard case let .name(parts, position) = syntax, parts.count == 1 else {
            throw ExpressionError(position: syntax.position, message: "expected the name of a reference table")
        }
        guard let table = references[parts[0]] else {
            let known = references.keys.sorted().joined(separator: ", ")
            throw ExpressionError(position: position, message: "unknown reference table '\(parts[0])'; known: \(known)")
        }
        let groupType = try compile(group, in: scope).1
        let total = table.rows.reduce(0) { $0 + $1.value }
        guard total > 0 else { throw ExpressionError(position: position, message: "reference table '\(parts[0])' sums to 0") }
        var shares: [Value: Double] = [:]
        for row in table.rows {
            let key: Value
            switch groupType {
            case let .symbol(column, values, _):
                guard let index = values.firstIndex(of: row.key) else {
                    throw ExpressionError(
                        position: position,
                        message: "reference table '\(parts[0])' has '\(row.key)', which is not a value of \(column)")
                }
                key = .symbol(Int32(index))
            case .text:
                key = .text(row.key)
            default:
                throw ExpressionError(position: group.position, message: "groups compared with a reference table must be text or enum values")
            }
            shares[key] = row.value / total
        }
        return shares
    }
}

/// A reference distribution such as Seoul's population by district.
public struct ReferenceTable: Sendable {
    public var name: String
    /// Where the figures come from, in both report languages.
    public var note: LocalizedText?
    public var rows: [(key: String, value: Double)]
}
