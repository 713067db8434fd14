/// Up to `capacity` accepted rows of one table, column by column, each field parsed once into
/// a typed cell (see `KeptRows`: a number as its bits, a date as its day number, an enum value
/// as its position, a reference as the referenced row, missing as its own tag).
///
/// The row loop (`TableScanner`) fills a batch, then `BatchFeeder` runs every feed over it in
/// tight loops over the columns, instead of making a `Value` per field and calling every feed
/// per row. One per scan (one thread); its storage is reused from batch to batch.
///
/// Its `var`s are `@exclusivity(unchecked)`: a batch belongs to one scan on one thread, and no
/// method holds an access to one open across a call that could come back to it (the overlap the
/// run-time checks look for, which across targets would cost the run: BENCHMARKS.md, "The split
/// into nine targets").
@usableFromInline package final class ColumnBatch {
    /// About the rows of 24 attendance cells a core's first-level cache holds beside the rest.
    package static let defaultCapacity = 1024

    @usableFromInline package let width: Int
    @usableFromInline package let capacity: Int
    @exclusivity(unchecked) @usableFromInline package private(set) var count = 0
    /// Column c of row k is `cells[c * capacity + k]`.
    @usableFromInline let cells: UnsafeMutablePointer<UInt64>
    /// The texts that text cells refer to by position.
    @exclusivity(unchecked) package var texts: [String] = []

    package init(width: Int, capacity: Int = ColumnBatch.defaultCapacity) {
        self.width = width
        self.capacity = capacity
        cells = .allocate(capacity: max(width * capacity, 1))
    }

    deinit { cells.deallocate() }

    /// How many more rows the batch can take.
    package var room: Int { capacity - count }

    @inlinable @inline(__always)
    package func cell(column c: Int, row k: Int) -> UInt64 { cells[c * capacity + k] }

    /// Column c of every row, `count` of them.
    @inlinable @inline(__always)
    package func column(_ c: Int) -> UnsafePointer<UInt64> { UnsafePointer(cells + c * capacity) }

    /// Column c's cells from the first free row on: where rows are parsed before they count.
    @inlinable @inline(__always)
    package func free(column c: Int) -> UnsafeMutablePointer<UInt64> { cells + (c * capacity + count) }

    /// Takes the row parsed into `slot` (at or after the first free row) as the next row.
    @inlinable @inline(__always)
    package func commit(slot: Int) {
        if slot != count {
            for c in 0..<width { cells[c * capacity + count] = cells[c * capacity + slot] }
        }
        count += 1
    }

    /// Sets a cell of a row taken already.
    @inlinable @inline(__always)
    package func set(column c: Int, row k: Int, _ cell: UInt64) { cells[c * capacity + k] = cell }

    /// Empties the batch for the next rows.
    package func removeAll() {
        count = 0
        texts.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with the batch's rows as `Row`s can read them.
    package func withRows<R>(_ body: (RowSource) -> R) -> R {
        texts.withUnsafeBufferPointer { body(RowSource(cells: UnsafePointer(cells), stride: capacity, texts: $0)) }
    }
}

/// A batch's cells and texts, from which its rows are read.
@usableFromInline package struct RowSource {
    @usableFromInline package let cells: UnsafePointer<UInt64>
    @usableFromInline package let stride: Int
    @usableFromInline package let texts: UnsafeBufferPointer<String>

    @inlinable @inline(__always)
    package func row(_ k: Int) -> Row { Row(cells: cells + k, stride: stride, texts: texts) }
}

/// One row of a batch, borrowed for the time of a call: column i's cell is `cells[i * stride]`.
@usableFromInline package struct Row {
    @usableFromInline package let cells: UnsafePointer<UInt64>?
    @usableFromInline package let stride: Int
    @usableFromInline package let texts: UnsafeBufferPointer<String>

    /// `cells` nil: no row (for expressions on distinct values and the project's).
    @inlinable
    package init(cells: UnsafePointer<UInt64>?, stride: Int, texts: UnsafeBufferPointer<String>) {
        (self.cells, self.stride, self.texts) = (cells, stride, texts)
    }

    /// Column i's value; only for a row of a batch.
    @inlinable @inline(__always)
    package subscript(i: Int) -> Value {
        guard let cells else { return .missing }
        return KeptRows.decode(cells[i * stride], texts: texts)
    }

    /// Column i's cell; only for a row of a batch.
    @inlinable @inline(__always)
    package func cell(_ i: Int) -> UInt64 { cells.map { $0[i * stride] } ?? KeptRows.missingCell }
}
