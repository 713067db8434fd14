/// A calendar day as a count of days since 1970-01-01 (proleptic Gregorian), so that
/// comparisons and windows are integer operations.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let ordinal: Int32

    @inlinable public init(ordinal: Int32) { self.ordinal = ordinal }

    /// `nil` for a day that does not exist, such as 2026-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Days from civil, after Howard Hinnant's well-known derivation.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * m + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        ordinal = Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let d = Int(bytes[i]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init?(iso text: String) {
        var copy = text
        guard let day = copy.withUTF8({ Day(iso: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = day
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var description: String {
        let (y, m, d) = components
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A calendar quarter such as 2026Q3, the unit of evaluation.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// year × 4 + (quarter − 1), so that arithmetic on quarters is arithmetic on integers.
    public let index: Int

    public init(index: Int) { self.index = index }

    public init?(year: Int, quarter: Int) {
        guard (1...4).contains(quarter), (1...9999).contains(year) else { return nil }
        index = year * 4 + quarter - 1
    }

    /// Parses `YYYYQn`, e.g. `2026Q3`.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1,
            let year = Int(parts[0]), let q = Int(parts[1])
        else { return nil }
        self.init(year: year, quarter: q)
    }

    public init(containing day: Day) {
        let (y, m, _) = day.components
        index = y * 4 + (m - 1) / 3
    }

    public var year: Int { index / 4 }
    public var number: Int { index % 4 + 1 }
    public var firstDay: Day { Day(year: year, month: (number - 1) * 3 + 1, day: 1)! }
    public var lastDay: Day {
        let month = number * 3
        return Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
    }
    public var previous: Quarter { Quarter(index: index - 1) }
    public func advanced(by n: Int) -> Quarter { Quarter(index: index + n) }
    public var description: String { "\(year)Q\(number)" }
    public static func < (a: Quarter, b: Quarter) -> Bool { a.index < b.index }
}
