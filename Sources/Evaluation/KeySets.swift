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
            let rows = tables[table]
            let equal = op == .equal
            return keys.filter(
                rows: { KeptRows.compare(rows.cell(row: $0, column: field), constant, equal: equal) }, others: { _ in false })
        case let .keyLookup(table, field):
            // A boolean column on its own: true only when it holds true.
            let rows = tables[table]
            let yes = KeptRows.cell(comparing: .bool(true))!
            return keys.filter(rows: { rows.cell(row: $0, column: field) == yes }, others: { _ in false })
        case let .inList(.keyLookup(table, field), values, negated):
            let cells = values.compactMap(KeptRows.cell(comparing:))
            guard cells.count == values.count else { break }
            let rows = tables[table]
            return keys.filter(
                rows: { r in
                    let cell = rows.cell(row: r, column: field)
                    return cell != KeptRows.missingCell && cells.contains(cell) != negated
                },
                others: { _ in false })
        case let .isMissing(.keyLookup(table, field), negated):
            let rows = tables[table]
            return keys.filter(
                rows: { (rows.cell(row: $0, column: field) == KeptRows.missingCell) != negated },
                others: { _ in !negated })
        default:
            break
        }
        let test = self.condition(condition)
        return keys.filter(rows: { test(noRow, .row(Int32($0))) }, others: { test(noRow, $0) })
    }

    /// Calls `body` with each value of `keys` and its group, `group` being an expression of the
    /// value alone; a stored column of the value's row is read without a closure per value.
    func forEach(_ keys: DistinctValues, groupedBy group: Expr, _ body: (Value, Value) -> Void) {
        if case let .keyLookup(table, field) = group {
            let rows = tables[table]
            keys.forEach { key in
                if case let .row(r) = key { body(key, rows.value(row: Int(r), column: field)) } else { body(key, .missing) }
            }
            return
        }
        let groupOf = function(group)
        keys.forEach { body($0, groupOf(noRow, $0)) }
    }
}
