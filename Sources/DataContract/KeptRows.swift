import CPrefetch

/// The rows of a table that other tables refer to (participants, activities, the registry),
/// kept in memory, eight bytes per value, one row after another.
///
/// Every attendance row looks its participant up here, in a random order, and a table of a
/// hundred thousand participants is larger than the cache. A `Value` takes 24 bytes, so a
/// participant's eight columns spanned three or four cache lines; as cells they take one
/// or two, and the look-ups that follow one reference mostly share a line. The row loop
/// parses fields straight into these cells (`ColumnBatch`), so a kept row is copied as it is.
@usableFromInline package struct KeptRows: Sendable {
    @usableFromInline let width: Int
    package private(set) var count = 0
    @usableFromInline private(set) var cells: [UInt64] = []
    /// Text values, which a cell refers to by position.
    @usableFromInline private(set) var texts: [String] = []

    package init(width: Int) { self.width = width }

    /// Makes room for `rows` rows, so that filling the table does not copy it as it grows.
    package mutating func reserve(rows: Int) { cells.reserveCapacity(rows * width) }

    /// Appends row `k` of a batch of the same table: its cells as they are, its texts moved here.
    package mutating func append(_ batch: ColumnBatch, row k: Int) {
        for c in 0..<width {
            let cell = batch.cell(column: c, row: k)
            if cell >> 48 == Tag.text.rawValue {
                cells.append(Self.cell(text: batch.texts[Int(UInt32(truncatingIfNeeded: cell))], texts: &texts))
            } else {
                cells.append(cell)
            }
        }
        count += 1
    }

    @inlinable
    package func value(row: Int, column: Int) -> Value { value(of: cells[row * width + column]) }

    /// A stored value as its cell, for comparing without making a `Value`.
    @inlinable
    package func cell(row: Int, column: Int) -> UInt64 { cells[row * width + column] }

    /// Column `column` of every row, in row order: for loops over one column of all the rows,
    /// which here would read a cache line a row for eight bytes of it.
    package func column(_ column: Int) -> [UInt64] {
        (0..<count).map { cells[$0 &* width &+ column] }
    }

    /// A cell of these rows (from `cell(row:column:)` or `column(_:)`) as its value.
    @inlinable
    package func value(of cell: UInt64) -> Value { Self.decode(cell, texts: texts) }

    /// Starts loading a row's cells (its first and last, which may be on different cache lines).
    @inlinable
    package func prefetch(row: Int) {
        cells.withUnsafeBufferPointer { cells in
            guard let base = cells.baseAddress else { return }
            oe_prefetch_range(base + row * width, base + (row * width + width - 1))
        }
    }

    /// The cell of a missing value.
    @inlinable package static var missingCell: UInt64 { Tag.missing.rawValue << 48 }

    /// The cell a value is stored as, when equal values have equal cells and no other value
    /// has the same cell: not for numbers (0 and -0 are equal) or text (stored by position).
    package static func cell(comparing value: Value) -> UInt64? {
        switch value {
        case let .bool(b): return cell(bool: b)
        case let .date(day): return cell(date: day)
        case let .symbol(s): return cell(symbol: s)
        case let .row(r): return cell(row: r)
        case .missing, .number, .text: return nil
        }
    }

    /// `cell = constant` (or `!=` when not `equal`), `constant` made by `cell(comparing:)`: a
    /// value of another kind, or missing, is neither equal nor unequal, as for any comparison
    /// (a finite number's top sixteen bits are never a tag's).
    @inlinable @inline(__always)
    package static func compare(_ cell: UInt64, _ constant: UInt64, equal: Bool) -> Bool {
        cell >> 48 == constant >> 48 && (cell == constant) == equal
    }

    /// All values of one row.
    package func values(row: Int) -> [Value] {
        (0..<width).map { value(row: row, column: $0) }
    }

    // A finite number is its own bit pattern; every other value is a NaN whose top sixteen
    // bits say what it is and whose low 32 bits hold it. Numbers are never NaN here: the
    // field parser accepts finite numbers only.
    @usableFromInline enum Tag: UInt64 {
        case missing = 0xFFF1, bool, date, symbol, row, text
    }

    @inlinable @inline(__always)
    static func cell(_ tag: Tag, _ payload: UInt32) -> UInt64 { tag.rawValue << 48 | UInt64(payload) }

    // The cells the field parser and the row loop write (see `ColumnBatch`).
    @inlinable @inline(__always)
    package static func cell(number n: Double) -> UInt64 { n.bitPattern }
    @inlinable @inline(__always)
    package static func cell(bool b: Bool) -> UInt64 { cell(.bool, b ? 1 : 0) }
    @inlinable @inline(__always)
    package static func cell(date day: Day) -> UInt64 { cell(.date, UInt32(bitPattern: day.ordinal)) }
    @inlinable @inline(__always)
    package static func cell(symbol s: Int32) -> UInt64 { cell(.symbol, UInt32(bitPattern: s)) }
    @inlinable @inline(__always)
    package static func cell(row r: Int32) -> UInt64 { cell(.row, UInt32(bitPattern: r)) }
    /// A text cell: the text's position in `texts`, where it is appended.
    package static func cell(text: String, texts: inout [String]) -> UInt64 {
        texts.append(text)
        return cell(.text, UInt32(truncatingIfNeeded: texts.count - 1))
    }

    /// The day of a date cell, without making a `Value`; `nil` for any other cell.
    @inlinable @inline(__always)
    package static func day(_ cell: UInt64) -> Int32? {
        cell >> 48 == Tag.date.rawValue ? Int32(bitPattern: UInt32(truncatingIfNeeded: cell)) : nil
    }

    /// The row of a reference cell; `nil` for any other cell.
    @inlinable @inline(__always)
    package static func row(_ cell: UInt64) -> Int32? {
        cell >> 48 == Tag.row.rawValue ? Int32(bitPattern: UInt32(truncatingIfNeeded: cell)) : nil
    }

    /// A cell's value; text cells are positions in `texts`.
    @inlinable @inline(__always)
    package static func decode(_ cell: UInt64, texts: UnsafeBufferPointer<String>) -> Value {
        let payload = UInt32(truncatingIfNeeded: cell)
        switch Tag(rawValue: cell >> 48) {
        case nil: return .number(Double(bitPattern: cell))
        case .missing: return .missing
        case .bool: return .bool(payload != 0)
        case .date: return .date(Day(ordinal: Int32(bitPattern: payload)))
        case .symbol: return .symbol(Int32(bitPattern: payload))
        case .row: return .row(Int32(bitPattern: payload))
        case .text: return .text(texts[Int(payload)])
        }
    }

    @inlinable @inline(__always)
    package static func decode(_ cell: UInt64, texts: [String]) -> Value {
        texts.withUnsafeBufferPointer { decode(cell, texts: $0) }
    }
}
