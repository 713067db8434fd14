import DataContract
import Definitions

/// Conditions on distinct values, worked out a set at a time.
///
/// A distinct source's own conditions and its aggregate's condition depend on the value alone
/// (`participant.gender = "F"` of each distinct participant), and each quarter asks them of
/// tens of thousands of participants. Asking them value by value called a chain of closures per
/// value; here `and`, `or` and `not` become operations on the sets, and the common leaves, a
/// stored column of the value's row against a constant, membership of another distinct set,
/// run as one loop over the set's bits. Any other condition is asked value by value, as before.
/// The leaves read a column of the value's table as one array (`KeptColumns`).
extension RowEvaluator {
    /// The values of `keys` for which `condition` holds.
    func select(_ condition: Expr, from keys: DistinctValues) -> DistinctValues {
        switch condition {
        case let .and(l, r):
            return select(r, from: select(l, from: keys))
        case let .or(l, r):
            var either = select(l, from: keys)
            either.formUnion(select(r, from: keys))
            return either
        case let .not(e):
            return keys.subtracting(select(e, from: keys))
        case let .inSet(.key, aggregate):
            return keys.intersection(sets?(aggregate) ?? DistinctValues())
        case let .compare(op, .keyLookup(table, field), .constant(c)):
            // As `condition` compiles it: a value of another kind, or missing, or a value that
            // is no reference (so has no row to look in), is neither equal nor unequal.
            guard op == .equal || op == .notEqual, let constant = KeptRows.cell(comparing: c) else { break }
            let cells = column(table: table, field: field)
            let equal = op == .equal
            return keys.filter(rows: { KeptRows.compare(cells[$0], constant, equal: equal) }, others: { _ in false })
        case let .keyLookup(table, field):
            // A boolean column on its own: true only when it holds true.
            let cells = column(table: table, field: field)
            let yes = KeptRows.cell(bool: true)
            return keys.filter(rows: { cells[$0] == yes }, others: { _ in false })
        case let .inList(.keyLookup(table, field), values, negated):
            guard let listed = RowEvaluator.cells(comparing: values) else { break }
            let cells = column(table: table, field: field)
            return keys.filter(
                rows: { RowEvaluator.isListed(cells[$0], listed, negated: negated) },
                others: { _ in false })
        case let .isMissing(.keyLookup(table, field), negated):
            let cells = column(table: table, field: field)
            return keys.filter(
                rows: { (cells[$0] == KeptRows.missingCell) != negated },
                others: { _ in !negated })
        default:
            break
        }
        let test = self.condition(condition)
        return keys.filter(rows: { test(noRow, .row(Int32($0))) }, others: { test(noRow, $0) })
    }

    /// Column `field` of every row of table `table`: from `columns`, or copied out for this call
    /// in an evaluator without them.
    private func column(table: Int, field: Int) -> [UInt64] {
        columns?.column(table: table, field: field) ?? tables[table].column(field)
    }

    /// Calls `body` with each value of `keys` and its group, `group` being an expression of the
    /// value alone; a stored column of the value's row is read without a closure per value.
    func forEach(_ keys: DistinctValues, groupedBy group: Expr, _ body: (Value, Value) -> Void) {
        if case let .keyLookup(table, field) = group {
            let rows = tables[table]
            let cells = column(table: table, field: field)
            keys.forEach { key in
                if case let .row(r) = key { body(key, rows.value(of: cells[Int(r)])) } else { body(key, .missing) }
            }
            return
        }
        let groupOf = function(group)
        keys.forEach { body($0, groupOf(noRow, $0)) }
    }
}

/// The columns of a project's kept tables that conditions and groups of distinct values read,
/// each copied out of its rows once, when first read.
///
/// A kept row holds a participant's cells side by side, so a loop over one column of tens of
/// thousands of participants reads a cache line per participant for eight bytes of it, and the
/// quarters, aggregates and breakdowns of a project make dozens of such loops: most of the
/// time after the scan went to waiting for those lines. As one array a column is read in
/// order, eight bytes a participant (an eighth of the lines, for the eight columns of the
/// default participants table).
///
/// Shared by the evaluators of a project's quarters, which are finalised one after another on
/// the project's thread (never by the scans' evaluators, which run in parallel), so its `var`
/// is `@exclusivity(unchecked)`: nothing holds an access to it open across a call that could
/// come back.
final class KeptColumns {
    private let tables: [KeptRows]
    @exclusivity(unchecked) private var copied: [Int: [UInt64]] = [:]

    init(tables: [KeptRows]) { self.tables = tables }

    /// Column `field` of every row of table `table`, by row number.
    func column(table: Int, field: Int) -> [UInt64] {
        let key = table << 32 | field
        if let column = copied[key] { return column }
        let column = tables[table].column(field)
        copied[key] = column
        return column
    }
}
