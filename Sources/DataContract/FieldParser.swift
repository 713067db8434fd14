import CSVReading

/// Turns the bytes of one CSV field into a cell of its column's type (see `KeptRows`), or
/// says why not.
///
/// What each column needs is worked out once, so that parsing a field copies no schema.
@usableFromInline package struct FieldParser: Sendable {
    private enum Kind {
        case text, slug, decimal, date, boolean
        case integer(min: Int64?, max: Int64?)
        case enumeration(EnumValues)
        case reference
    }

    private var kinds: [Kind]
    private var optional: [Bool]
    /// Whether a text column's strings are kept; others are checked but not made into strings.
    private var keeps: [Bool]
    /// Keys of the referenced tables, for reference columns.
    private var references: [KeyIndex?]
    /// The months of the dates parsed so far, by their first eight bytes (`2026-07-`): a
    /// project's dates fall in a few dozen months, so a date is then its month's first day
    /// plus its two last digits, without the calendar arithmetic.
    private var months = MonthCache()

    package init(columns: [ColumnSchema]) {
        kinds = columns.map { column in
            switch column.type {
            case .text: return .text
            case .slug: return .slug
            case .decimal: return .decimal
            case .date: return .date
            case .boolean: return .boolean
            case let .integer(min, max): return .integer(min: min, max: max)
            case let .enumeration(values, _): return .enumeration(EnumValues(values))
            case .reference: return .reference
            }
        }
        optional = columns.map(\.optional)
        keeps = columns.map { _ in false }
        references = columns.map { _ in nil }
    }

    package mutating func keepText(_ column: Int) { keeps[column] = true }

    /// The columns whose text is kept (slugs always): their cells are made by `text(_:)`
    /// once the row is accepted, so that a rejected row keeps no string.
    package var keptTextColumns: [Int] {
        kinds.indices.filter { i in
            if case .slug = kinds[i] { return true }
            if case .text = kinds[i] { return keeps[i] }
            return false
        }
    }

    /// The cell of a kept text column's field, which `parse` has accepted.
    package static func text(_ bytes: UnsafeRawBufferPointer, texts: inout [String]) -> UInt64 {
        let trimmed = trim(bytes)
        return trimmed.isEmpty ? KeptRows.missingCell : KeptRows.cell(text: String(decoding: trimmed, as: UTF8.self), texts: &texts)
    }

    package mutating func resolveReferences(_ column: Int, with keys: KeyIndex) { references[column] = keys }

    /// The key index a reference column's values are looked up in.
    package func keys(referencedBy column: Int) -> KeyIndex? { references[column] }

    package enum Failure: Error, Equatable {
        case empty
        case invalid(expected: ExpectedForm)
        case outOfRange(limit: Int64, isMinimum: Bool)
        /// The values and the referenced table come from the column's schema, so a failure
        /// carries nothing to copy on the hot path.
        case notInEnum
        case danglingReference
    }

    /// Whole numbers read beyond ±2^53, which a double holds only rounded (to 16 digits).
    package private(set) var inexactIntegers = 0

    /// Parses a field of column `index` into `cell` (see `KeptRows`); the failure, if the
    /// field is not of the column's type. A text is only checked (see `keptTextColumns`).
    package mutating func parse(_ bytes: UnsafeRawBufferPointer, column index: Int, into cell: inout UInt64) -> Failure? {
        parse(bytes, kind: kinds[index], optional: optional[index], column: index, into: &cell)
    }

    /// Parses column `index` (field `position` of the file's records) of the reader's batch's
    /// `records` into `cells`, with one call for the whole column instead of one per field:
    /// a reference already resolved ahead (`resolved[k]`, -1 when not) is taken as it is, and
    /// a record that failed at an earlier column is passed over (see `BatchFailures`).
    package mutating func parse(
        column index: Int, at position: Int, of reader: CSVReader, records: Range<Int>, resolved: UnsafePointer<Int32>?,
        failures: BatchFailures, into cells: UnsafeMutablePointer<UInt64>
    ) {
        let kind = kinds[index]
        let optional = self.optional[index]
        let column = Int32(index)
        for k in records where failures.column[k] > column {
            if let resolved, resolved[k] >= 0 {
                cells[k] = KeptRows.cell(row: resolved[k])
                continue
            }
            if let failure = parse(reader.field(position, ofRecord: k), kind: kind, optional: optional, column: index, into: &cells[k]) {
                failures.set(record: k, column: column, failure)
            }
        }
    }

    /// A field of column `index`, of `kind`, which may be empty when `optional`.
    @inline(__always)
    private mutating func parse(
        _ bytes: UnsafeRawBufferPointer, kind: Kind, optional: Bool, column index: Int, into cell: inout UInt64
    ) -> Failure? {
        let trimmed = FieldParser.trim(bytes)
        if trimmed.isEmpty {
            cell = KeptRows.missingCell
            return optional ? nil : .empty
        }
        switch kind {
        case .text:
            cell = KeptRows.missingCell
        case .slug:
            guard isSlug(trimmed) else { return .invalid(expected: .slug) }
            cell = KeptRows.missingCell
        case let .integer(min, max):
            guard let n = parseInteger(trimmed) else { return .invalid(expected: .integer) }
            if let min, n < min { return .outOfRange(limit: min, isMinimum: true) }
            if let max, n > max { return .outOfRange(limit: max, isMinimum: false) }
            if n.magnitude > 1 << 53 { inexactIntegers += 1 }
            cell = KeptRows.cell(number: Double(n))
        case .decimal:
            guard let d = Double(String(decoding: trimmed, as: UTF8.self)), d.isFinite else {
                return .invalid(expected: .decimal)
            }
            cell = KeptRows.cell(number: d)
        case .date:
            guard trimmed.count == 10 else { return .invalid(expected: .date) }
            let head = trimmed.loadUnaligned(as: UInt64.self)
            let tail = trimmed.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
            if let day = months.day(head: head, tail: tail) {
                cell = KeptRows.cell(date: day)
                return nil
            }
            guard let day = Day(iso: trimmed) else { return .invalid(expected: .date) }
            months.remember(day, head: head)
            cell = KeptRows.cell(date: day)
        case .boolean:
            guard let b = parseBoolean(trimmed) else { return .invalid(expected: .boolean) }
            cell = KeptRows.cell(bool: b)
        case let .enumeration(values):
            guard let i = values.index(of: trimmed) else { return .notInEnum }
            cell = KeptRows.cell(symbol: i)
        case .reference:
            guard let row = references[index]?.row(for: trimmed) else { return .danglingReference }
            cell = KeptRows.cell(row: row)
        }
        return nil
    }

    /// Without leading and trailing spaces and tabs, as every field is read.
    @inlinable @inline(__always)
    package static func trim(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        // Almost every field has nothing to trim.
        guard let first = bytes.first, let last = bytes.last,
            first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        else { return bytes }
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    private func parseInteger(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < bytes.count, bytes.count - i <= 18 else { return nil }
        var value: Int64 = 0
        while i < bytes.count {
            let d = Int64(bytes[i]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
            i += 1
        }
        return negative ? -value : value
    }

    /// Y/N, 1/0 or true/false, in either case.
    private func parseBoolean(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        // ASCII letters lowercased by one bit; other bytes changed this way match no spelling.
        func matches(_ word: StaticString) -> Bool {
            guard bytes.count == word.utf8CodeUnitCount else { return false }
            for i in 0..<bytes.count where bytes[i] | 0x20 != word.utf8Start[i] { return false }
            return true
        }
        if bytes.count == 1 {
            switch bytes[0] {
            case UInt8(ascii: "Y"), UInt8(ascii: "y"), UInt8(ascii: "1"): return true
            case UInt8(ascii: "N"), UInt8(ascii: "n"), UInt8(ascii: "0"): return false
            default: return nil
            }
        }
        if matches("true") { return true }
        if matches("false") { return false }
        return nil
    }

    private func isSlug(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count <= 64 else { return false }
        for (i, byte) in bytes.enumerated() {
            let alnum = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if !(alnum || (i > 0 && byte == UInt8(ascii: "-"))) { return false }
        }
        return true
    }
}

/// An enum column's values, matched by the field's bytes without making a `String`.
///
/// A value of up to 16 bytes (every value of the default schema: a district's 6-12 bytes,
/// `private_donation`) is held as its two words and its length in a small open-addressed
/// table that stays in the cache, so a field is matched by reading its two words, mixing them
/// into a slot and comparing an entry; in the key index they were long keys, whose bytes are
/// kept beside the slots and compared with `memcmp`. Longer values go to a key index.
final class EnumValues: Sendable {
    let values: [String]
    private struct Entry {
        var first: UInt64 = 0
        var second: UInt64 = 0
        /// The value's byte count plus one; 0 marks an empty entry.
        var tag = 0
        var index: Int32 = 0
    }
    private static let shortBytes = 16
    /// A power of two at least four times the short values, so that most look-ups read one entry.
    private let entries: [Entry]
    private let longValues: KeyIndex

    init(_ values: [String]) {
        self.values = values
        var count = 8
        while count < 4 * values.count { count *= 2 }
        var entries = [Entry](repeating: Entry(), count: count)
        let longValues = KeyIndex()
        for (i, value) in values.enumerated() {
            var value = value
            value.withUTF8 { bytes in
                let field = UnsafeRawBufferPointer(bytes)
                guard field.count <= EnumValues.shortBytes else {
                    _ = longValues.insertOrFind(field, row: Int32(i))
                    return
                }
                let (first, second) = EnumValues.words(field)
                var slot = EnumValues.slot(first, second, field.count, mask: count - 1)
                while entries[slot].tag != 0 {
                    // A value listed twice keeps its first place, as in the key index.
                    if entries[slot].first == first && entries[slot].second == second && entries[slot].tag == field.count + 1 { return }
                    slot = (slot + 1) & (count - 1)
                }
                entries[slot] = Entry(first: first, second: second, tag: field.count + 1, index: Int32(i))
            }
        }
        self.entries = entries
        self.longValues = longValues
    }

    func index(of field: UnsafeRawBufferPointer) -> Int32? {
        guard field.count <= EnumValues.shortBytes else { return longValues.row(for: field) }
        let (first, second) = EnumValues.words(field)
        let mask = entries.count - 1
        var slot = EnumValues.slot(first, second, field.count, mask: mask)
        while true {
            let entry = entries[slot]
            if entry.tag == 0 { return nil }
            if entry.first == first && entry.second == second && entry.tag == field.count + 1 { return entry.index }
            slot = (slot + 1) & mask
        }
    }

    /// The first and the next eight bytes of a field of up to 16, zero-padded.
    @inline(__always)
    private static func words(_ field: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        (KeyIndex.word(field, from: 0), field.count > 8 ? KeyIndex.word(field, from: 8) : 0)
    }

    @inline(__always)
    private static func slot(_ first: UInt64, _ second: UInt64, _ count: Int, mask: Int) -> Int {
        Int(truncatingIfNeeded: KeyIndex.mix(first, second, length: Int32(truncatingIfNeeded: count))) & mask
    }
}

/// Months by the first eight bytes of a date (`YYYY-MM-`), direct-mapped: each entry holds
/// a month already checked by `Day(iso:)`, its first day and its length. A date of another
/// month in the entry is parsed in full and takes the entry over.
struct MonthCache {
    private struct Entry {
        /// All ones when empty, which no date's bytes are.
        var head = UInt64.max
        var first: Int32 = 0
        var length: Int32 = 0
    }
    private static let bits = 6
    private var entries = [Entry](repeating: Entry(), count: 1 << MonthCache.bits)

    @inline(__always)
    private static func slot(_ head: UInt64) -> Int {
        Int(truncatingIfNeeded: (head &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// The day whose month is `head` and whose last two bytes are `tail`; `nil` when the
    /// month is not here or the day is not a day of it (the full parse then says why).
    @inline(__always)
    func day(head: UInt64, tail: UInt16) -> Day? {
        let entry = entries[MonthCache.slot(head)]
        guard entry.head == head else { return nil }
        let tens = Int32(tail & 0xFF) &- 48
        let ones = Int32(tail >> 8) &- 48
        guard tens >= 0, tens <= 9, ones >= 0, ones <= 9 else { return nil }
        let day = tens * 10 + ones
        guard day >= 1, day <= entry.length else { return nil }
        return Day(ordinal: entry.first + day - 1)
    }

    /// Keeps the month of a day just parsed from a field starting with `head`.
    mutating func remember(_ day: Day, head: UInt64) {
        let (year, month, dayOfMonth) = day.components
        entries[MonthCache.slot(head)] = Entry(
            head: head, first: day.ordinal - Int32(dayOfMonth - 1), length: Int32(Day.daysIn(month: month, year: year)))
    }
}
