import CPrefetch

/// The values of one row, borrowed for the time of a call (no array to retain per call).
package typealias Row = UnsafeBufferPointer<Value>

/// The rows of a table that other tables refer to (participants, activities, the registry),
/// kept in memory, eight bytes per value, one row after another.
///
/// Every attendance row looks its participant up here, in a random order, and a table of a
/// hundred thousand participants is larger than the cache. A `Value` takes 24 bytes, so a
/// participant's eight columns spanned three or four cache lines; as cells they take one
/// or two, and the look-ups that follow one reference mostly share a line.
package struct KeptRows: Sendable {
    let width: Int
    package private(set) var count = 0
    private var cells: [UInt64] = []
    /// Text values, which a cell refers to by position.
    private var texts: [String] = []

    package init(width: Int) { self.width = width }

    /// Makes room for `rows` rows, so that filling the table does not copy it as it grows.
    package mutating func reserve(rows: Int) { cells.reserveCapacity(rows * width) }

    package mutating func append(_ row: Row) {
        for value in row { cells.append(encode(value)) }
        count += 1
    }

    @inline(__always)
    package func value(row: Int, column: Int) -> Value {
        decode(cells[row * width + column])
    }

    /// A stored value as its cell, for comparing without making a `Value`.
    @inline(__always)
    package func cell(row: Int, column: Int) -> UInt64 { cells[row * width + column] }

    /// Starts loading a row's cells (its first and last, which may be on different cache lines).
    package func prefetch(row: Int) {
        cells.withUnsafeBufferPointer { cells in
            guard let base = cells.baseAddress else { return }
            oe_prefetch(base + row * width)
            oe_prefetch(base + (row * width + width - 1))
        }
    }

    /// The cell of a missing value.
    package static let missingCell = Tag.missing.rawValue << 48

    /// The cell a value is stored as, when equal values have equal cells and no other value
    /// has the same cell: not for numbers (0 and -0 are equal) or text (stored by position).
    package static func cell(comparing value: Value) -> UInt64? {
        switch value {
        case let .bool(b): return cell(.bool, b ? 1 : 0)
        case let .date(day): return cell(.date, UInt32(bitPattern: day.ordinal))
        case let .symbol(s): return cell(.symbol, UInt32(bitPattern: s))
        case let .row(r): return cell(.row, UInt32(bitPattern: r))
        case .missing, .number, .text: return nil
        }
    }

    /// `cell = constant` (or `!=` when not `equal`), `constant` made by `cell(comparing:)`: a
    /// value of another kind, or missing, is neither equal nor unequal, as for any comparison
    /// (a finite number's top sixteen bits are never a tag's).
    @inline(__always)
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
    private enum Tag: UInt64 {
        case missing = 0xFFF1, bool, date, symbol, row, text
    }

    private static func cell(_ tag: Tag, _ payload: UInt32) -> UInt64 { tag.rawValue << 48 | UInt64(payload) }

    private mutating func encode(_ value: Value) -> UInt64 {
        switch value {
        case let .number(n): return n.bitPattern
        case .missing: return Self.missingCell
        case let .text(s):
            texts.append(s)
            return Self.cell(.text, UInt32(texts.count - 1))
        case .bool, .date, .symbol, .row: return Self.cell(comparing: value)!
        }
    }

    @inline(__always)
    private func decode(_ cell: UInt64) -> Value {
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
}
