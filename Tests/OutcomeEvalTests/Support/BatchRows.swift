@testable import DataContract

/// A value as the row loop's cell, for tests that build rows from values (the parser makes
/// them from fields).
func cell(_ value: Value, texts: inout [String]) -> UInt64 {
    switch value {
    case .missing: return KeptRows.missingCell
    case let .number(n): return KeptRows.cell(number: n)
    case let .text(s): return KeptRows.cell(text: s, texts: &texts)
    case let .bool(b): return KeptRows.cell(bool: b)
    case let .date(day): return KeptRows.cell(date: day)
    case let .symbol(s): return KeptRows.cell(symbol: s)
    case let .row(r): return KeptRows.cell(row: r)
    }
}

/// A batch holding `rows`, each of `width` values.
func columnBatch(_ rows: [[Value]], width: Int? = nil) -> ColumnBatch {
    let batch = ColumnBatch(width: width ?? rows.first?.count ?? 0, capacity: max(rows.count, 1))
    for row in rows {
        for (c, value) in row.enumerated() { batch.free(column: c).pointee = cell(value, texts: &batch.texts) }
        batch.commit(slot: batch.count)
    }
    return batch
}

/// Calls `body` with `values` as a row of a batch.
func withRow<R>(_ values: [Value], _ body: (Row) -> R) -> R {
    columnBatch([values]).withRows { body($0.row(0)) }
}

extension KeptRows {
    /// Appends a row of values.
    mutating func append(_ values: [Value]) { append(columnBatch([values]), row: 0) }
}
