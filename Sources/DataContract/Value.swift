/// One typed cell, after a CSV field has been checked against its column's type.
public enum Value: Hashable, Sendable {
    /// An empty field: missing, never zero.
    case missing
    case number(Double)
    case bool(Bool)
    case date(Day)
    /// The position of the value in its column's enum list (an ordered enum ranks from 1 on this).
    case symbol(Int32)
    /// A reference, as the row number of the referenced row in its table.
    case row(Int32)
    case text(String)

    package var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }

    /// The value as a number: numbers, and ordered enum values by rank (first = 1).
    package var numeric: Double? {
        switch self {
        case let .number(n): return n
        case let .symbol(i): return Double(i + 1)
        default: return nil
        }
    }
}
