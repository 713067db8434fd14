#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of one CSV field into a `Value` of its column's type, or says why not.
struct FieldParser {
    /// Keys of the referenced tables, for `reference` columns (by column index).
    var referenceKeys: [Int: KeyIndex] = [:]
    /// Columns whose text is needed later; others are checked but not kept as strings.
    var keepsText: Set<Int> = []

    enum Failure: Error, Equatable {
        case empty
        case invalid(expected: ExpectedForm)
        case outOfRange(limit: Int64, isMinimum: Bool)
        case notInEnum(values: [String])
        case danglingReference(table: String)
    }

    func parse(_ bytes: UnsafeRawBufferPointer, column: ColumnSchema, index: Int) -> Result<Value, Failure> {
        let trimmed = trim(bytes)
        if trimmed.isEmpty {
            return column.optional ? .success(.missing) : .failure(.empty)
        }
        switch column.type {
        case .text:
            return .success(keepsText.contains(index) ? .text(String(decoding: trimmed, as: UTF8.self)) : .missing)
        case .slug:
            guard isSlug(trimmed) else { return .failure(.invalid(expected: .slug)) }
            return .success(.text(String(decoding: trimmed, as: UTF8.self)))
        case let .integer(min, max):
            guard let n = parseInteger(trimmed) else { return .failure(.invalid(expected: .integer)) }
            if let min, n < min { return .failure(.outOfRange(limit: min, isMinimum: true)) }
            if let max, n > max { return .failure(.outOfRange(limit: max, isMinimum: false)) }
            return .success(.number(Double(n)))
        case .decimal:
            guard let d = Double(String(decoding: trimmed, as: UTF8.self)), d.isFinite else {
                return .failure(.invalid(expected: .decimal))
            }
            return .success(.number(d))
        case .date:
            guard let day = Day(iso: trimmed) else { return .failure(.invalid(expected: .date)) }
            return .success(.date(day))
        case .boolean:
            guard let b = parseBoolean(trimmed) else { return .failure(.invalid(expected: .boolean)) }
            return .success(.bool(b))
        case let .enumeration(values, _):
            for (i, value) in values.enumerated() where equals(trimmed, value) {
                return .success(.symbol(Int32(i)))
            }
            return .failure(.notInEnum(values: values))
        case let .reference(table, _):
            guard let row = referenceKeys[index]?.row(for: trimmed) else { return .failure(.danglingReference(table: table)) }
            return .success(.row(row))
        }
    }

    private func trim(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
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

    private func parseBoolean(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        switch String(decoding: bytes, as: UTF8.self).lowercased() {
        case "y", "1", "true": return true
        case "n", "0", "false": return false
        default: return nil
        }
    }

    private func isSlug(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count <= 64 else { return false }
        for (i, byte) in bytes.enumerated() {
            let alnum = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if !(alnum || (i > 0 && byte == UInt8(ascii: "-"))) { return false }
        }
        return true
    }

    private func equals(_ bytes: UnsafeRawBufferPointer, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.count == bytes.count && memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }
}

/// Maps the key values of a table to their row numbers.
struct KeyIndex: Sendable {
    private var rows: [String: Int32] = [:]

    /// Adds a key; `false` when it is already there.
    mutating func insert(_ key: String, row: Int32) -> Bool {
        if rows[key] != nil { return false }
        rows[key] = row
        return true
    }

    func row(for key: UnsafeRawBufferPointer) -> Int32? {
        rows[String(decoding: key, as: UTF8.self)]
    }

    func row(for key: String) -> Int32? { rows[key] }
}
