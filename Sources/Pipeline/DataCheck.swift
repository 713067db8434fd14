import CSVReading
import DataContract
import Definitions
import Evaluation

/// `check --data`: whether a data folder's files have the columns the schema requires and the
/// indicators use, read from their headers alone (no rows are evaluated).
public enum DataCheck {
    /// Throws every missing column at once, as definition problems (exit 65).
    public static func requireHeaders(plan: EvaluationPlan, data: String) throws(RunError) {
        let problems = try headers(plan: plan, data: data)
        if !problems.isEmpty { throw .definitions(DefinitionErrors(diagnostics: problems)) }
    }

    static func headers(plan: EvaluationPlan, data: String) throws(RunError) -> [Diagnostic] {
        let (projects, registryOutput) = try DataSetEvaluation.readRegistry(data, plan: plan)
        let users = plan.columnUsers()
        var diagnostics: [Diagnostic] = []
        func check(_ table: TableSchema, tableIndex: Int, path: String, display: String) {
            guard let header = try? readCSV(path: path, limits: plan.settings.limits, { reader -> [String]? in
                guard try reader.next() else { return nil }
                return (0..<reader.fieldCount).map { reader.string($0).trimmingSpaces }
            }).result else { return }
            for (c, column) in table.columns.enumerated() where !header.contains(column.name) {
                let used = users[ColumnUse(table: tableIndex, column: c)] ?? []
                if column.optional && used.isEmpty { continue }
                var message = "the header has no column \(column.name)"
                if !used.isEmpty { message += ", which \(used.sorted().joined(separator: ", ")) use\(used.count == 1 ? "s" : "")" }
                if !column.optional { message += "; every row will be rejected until it is added" }
                diagnostics.append(Diagnostic(file: display, line: 1, column: 1, message: message))
            }
        }
        check(plan.schema.registry, tableIndex: -1, path: data + "/" + plan.schema.registry.file, display: plan.schema.registry.file)
        for reject in registryOutput.rejects {
            diagnostics.append(Diagnostic(file: reject.file, line: reject.line, column: 1, message: reject.problem.text(.en)))
        }
        for project in projects {
            for (index, table) in plan.schema.tables.enumerated() {
                let path = data + "/" + project.id + "/" + table.file
                check(table, tableIndex: index, path: path, display: project.id + "/" + table.file)
            }
        }
        return diagnostics
    }
}

/// A column of a table (-1 for the registry), as indicators use it.
struct ColumnUse: Hashable {
    var table: Int
    var column: Int
}

extension EvaluationPlan {
    /// Which indicators read each column, through their aggregates, lookups and project fields.
    func columnUsers() -> [ColumnUse: Set<String>] {
        var users: [ColumnUse: Set<String>] = [:]
        for indicator in indicators {
            var seen = Set<Int>()
            var uses = Set<ColumnUse>()
            func walk(_ expr: Expr, table: Int) {
                expr.visit { node in
                    switch node {
                    case let .column(c): uses.insert(ColumnUse(table: table, column: c))
                    case let .lookup(through, target, field):
                        uses.insert(ColumnUse(table: table, column: through))
                        uses.insert(ColumnUse(table: target, column: field))
                    case let .keyLookup(target, field): uses.insert(ColumnUse(table: target, column: field))
                    case let .projectField(c): uses.insert(ColumnUse(table: -1, column: c))
                    case let .aggregate(id), let .inSet(_, id):
                        guard seen.insert(id).inserted else { return }
                        let aggregate = aggregates[id]
                        for part in aggregate.expressions { walk(part, table: aggregate.table) }
                    default: break
                    }
                }
            }
            for expr in [indicator.value, indicator.floor, indicator.target, indicator.appliesTo].compactMap({ $0 }) {
                walk(expr, table: -1)
            }
            for use in uses { users[use, default: []].insert(indicator.definition.id) }
        }
        return users
    }
}
