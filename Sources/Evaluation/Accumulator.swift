import DataContract

/// What one feed has seen of one table for one quarter.
struct Accumulator {
    var rows = 0
    var hits = 0
    var count = 0
    var sum = 0.0
    var minimum = Double.infinity
    var maximum = -Double.infinity
    /// The distinct values, for `distinct` feeds.
    var keys = DistinctValues()
    /// Tallies per group, for grouped feeds that are not distinct.
    var tallies = GroupTallies()

    struct Tally {
        var rows = 0
        var hits = 0
        var sum = 0.0

        func merged(_ other: Tally) -> Tally {
            Tally(rows: rows + other.rows, hits: hits + other.hits, sum: sum + other.sum)
        }

        mutating func add(hit: Bool, projected: Double?) {
            rows += 1
            if hit { hits += 1 }
            if let projected { sum += projected }
        }
    }

    /// Adds what the same feed saw in the next chunk of the file; sums add in file order.
    mutating func merge(_ next: Accumulator) {
        rows += next.rows
        hits += next.hits
        count += next.count
        sum += next.sum
        minimum = Swift.min(minimum, next.minimum)
        maximum = Swift.max(maximum, next.maximum)
        keys.formUnion(next.keys)
        tallies.merge(next.tallies)
    }

    /// Takes the rows of a batch that passed the feed's filter, in row order: a distinct
    /// column, a row count and the rows per group of a column in one loop over the cells
    /// each, anything else row by row.
    @inline(__always)
    mutating func add<Rows: Collection>(_ rows: Rows, of source: RowSource, _ feed: CompiledFeed)
    where Rows.Element: BinaryInteger {
        if feed.distinct && feed.projectionColumn >= 0 {
            let column = source.cells + feed.projectionColumn * source.stride
            for r in rows { keys.insert(cell: column[Int(r)], texts: source.texts) }
        } else if feed.countsRowsOnly {
            self.rows += rows.count
        } else if feed.countsRowsByColumn {
            self.rows += rows.count
            let column = source.cells + feed.groupColumn * source.stride
            for r in rows { tallies.count(cell: column[Int(r)], texts: source.texts) }
        } else {
            for r in rows { add(source.row(Int(r)), feed) }
        }
    }

    /// Takes one row that passed the feed's filter.
    mutating func add(_ row: Row, _ feed: CompiledFeed) {
        if feed.distinct {
            if let value = feed.projected(row) { keys.insert(value) }
            return
        }
        rows += 1
        var projected: Double?
        if let v = feed.projected(row) {
            if !v.isMissing {
                count += 1
                if let n = v.numeric {
                    projected = n
                    sum += n
                    minimum = Swift.min(minimum, n)
                    maximum = Swift.max(maximum, n)
                }
            }
        }
        let hit = feed.condition?(row, .missing) ?? false
        if hit { hits += 1 }
        if let group = feed.grouped(row) {
            tallies.add(group, hit: hit, projected: projected)
        }
    }
}

/// Tallies by group. References (per participant, say) and enum values (per district) are
/// counted in arrays by their number, so the common groups cost no hashing.
struct GroupTallies {
    private var rows = DenseTallies()
    private var symbols = DenseTallies()
    private var others: [Value: Accumulator.Tally] = [:]

    /// Counts a row in the group of a cell (`add(_:hit:)` without a `Value` for a reference).
    @inline(__always)
    mutating func count(cell: UInt64, texts: UnsafeBufferPointer<String>) {
        if let r = KeptRows.row(cell) {
            rows.count(Int(r))
        } else {
            add(KeptRows.decode(cell, texts: texts), hit: false)
        }
    }

    mutating func add(_ group: Value, hit: Bool, projected: Double? = nil) {
        switch group {
        case let .row(r):
            rows.add(Int(r), hit: hit, projected: projected)
        case let .symbol(s):
            symbols.add(Int(s), hit: hit, projected: projected)
        default:
            others[group, default: Accumulator.Tally()].add(hit: hit, projected: projected)
        }
    }

    mutating func merge(_ next: GroupTallies) {
        rows.merge(next.rows)
        symbols.merge(next.symbols)
        others.merge(next.others) { $0.merged($1) }
    }

    /// Each group with its tally: references and enum values in number order, then the others.
    func forEach(_ body: (Value, Accumulator.Tally) -> Void) {
        rows.forEach { body(.row(Int32($0)), $1) }
        symbols.forEach { body(.symbol(Int32($0)), $1) }
        for (value, tally) in others { body(value, tally) }
    }

    func tally(for group: Value) -> Accumulator.Tally? {
        switch group {
        case let .row(r): return rows[Int(r)]
        case let .symbol(s): return symbols[Int(s)]
        default: return others[group]
        }
    }

    var count: Int {
        var n = 0
        forEach { _, _ in n += 1 }
        return n
    }
}

/// Tallies by number (a reference's row, an enum value's position) in separate arrays, so
/// that the common tally, a row count alone (rows per participant for the Gini
/// coefficient), takes eight bytes a group instead of a whole `Tally`'s 24: a participant's
/// count is then far more often in the cache when its next row comes. The hits and sums
/// arrays are made only when a hit or a projected value first comes.
struct DenseTallies {
    /// Row counts in 32 bits: half an `Int`'s cache footprint, so a quarter's counts for a
    /// hundred thousand participants fit the core's cache beside the rest. A count that
    /// would reach 2^32 - 1 moves to `wideRows`, its slot then holding `UInt32.max`.
    private var rows: [UInt32] = []
    private var wideRows: [Int: Int] = [:]
    private var hits: [Int] = []
    private var sums: [Double] = []

    /// `add(i, hit: false, projected: nil)`, without the hits and sums (for rows per group).
    @inline(__always)
    mutating func count(_ i: Int) {
        if UInt(bitPattern: i) < UInt(rows.count) && rows[i] < UInt32.max - 1 {
            rows[i] += 1
        } else {
            add(i, rows: 1, hits: 0, sum: nil)
        }
    }

    mutating func add(_ i: Int, hit: Bool, projected: Double?) {
        add(i, rows: 1, hits: hit ? 1 : 0, sum: projected)
    }

    mutating func add(_ i: Int, rows count: Int, hits hitCount: Int, sum: Double?) {
        if i >= rows.count { grow(to: i + 1 + rows.count / 2) }
        let (narrow, overflow) = rows[i].addingReportingOverflow(UInt32(truncatingIfNeeded: count))
        if !overflow && count <= Int(UInt32.max) && narrow != UInt32.max {
            rows[i] = narrow
        } else {
            wideRows[i] = rowCount(i) + count
            rows[i] = UInt32.max
        }
        if hitCount > 0 {
            if hits.isEmpty { hits = [Int](repeating: 0, count: rows.count) }
            hits[i] += hitCount
        }
        if let sum {
            if sums.isEmpty { sums = [Double](repeating: 0, count: rows.count) }
            sums[i] += sum
        }
    }

    private mutating func grow(to count: Int) {
        rows += [UInt32](repeating: 0, count: count - rows.count)
        if !hits.isEmpty { hits += [Int](repeating: 0, count: count - hits.count) }
        if !sums.isEmpty { sums += [Double](repeating: 0, count: count - sums.count) }
    }

    private func rowCount(_ i: Int) -> Int { rows[i] == UInt32.max ? wideRows[i]! : Int(rows[i]) }

    /// The tally of group `i`; `nil` when no row came to it.
    subscript(i: Int) -> Accumulator.Tally? {
        guard i >= 0, i < rows.count, rows[i] > 0 else { return nil }
        return Accumulator.Tally(rows: rowCount(i), hits: hits.isEmpty ? 0 : hits[i], sum: sums.isEmpty ? 0 : sums[i])
    }

    /// Adds what the same groups saw in the next chunk; sums add in file order.
    mutating func merge(_ next: DenseTallies) {
        for i in next.rows.indices {
            guard let tally = next[i] else { continue }
            add(i, rows: tally.rows, hits: tally.hits, sum: next.sums.isEmpty ? nil : tally.sum)
        }
    }

    /// Each group that rows came to, in number order.
    func forEach(_ body: (Int, Accumulator.Tally) -> Void) {
        for i in rows.indices {
            if let tally = self[i] { body(i, tally) }
        }
    }
}

/// A set of distinct values. References (`.row`), by far the most common, are kept as bits,
/// so that adding one costs no hashing; anything else goes to an ordinary set.
struct DistinctValues {
    private var bits: [UInt64] = []
    private var rowCount = 0
    private var others = Set<Value>()
    /// The last value added to `others`: such values come in runs (the quarter of activities
    /// listed by date), and comparing with the last is far cheaper than hashing.
    private var lastOther: Value?

    var count: Int { rowCount + others.count }

    /// Inserts a cell's value (a reference without making a `Value`).
    @inline(__always)
    mutating func insert(cell: UInt64, texts: UnsafeBufferPointer<String>) {
        if let r = KeptRows.row(cell) {
            insert(row: r)
        } else {
            insert(KeptRows.decode(cell, texts: texts))
        }
    }

    @inline(__always)
    private mutating func insert(row r: Int32) {
        let word = Int(r) >> 6
        if word >= bits.count { bits += [UInt64](repeating: 0, count: word - bits.count + 1 + bits.count / 2) }
        let mask = UInt64(1) << UInt64(r & 63)
        if bits[word] & mask == 0 {
            bits[word] |= mask
            rowCount += 1
        }
    }

    mutating func insert(_ value: Value) {
        switch value {
        case .missing:
            return
        case let .row(r):
            insert(row: r)
        default:
            guard value != lastOther else { return }
            others.insert(value)
            lastOther = value
        }
    }

    mutating func formUnion(_ other: DistinctValues) {
        if bits.count < other.bits.count { bits += [UInt64](repeating: 0, count: other.bits.count - bits.count) }
        rowCount = 0
        for w in bits.indices {
            if w < other.bits.count { bits[w] |= other.bits[w] }
            rowCount += bits[w].nonzeroBitCount
        }
        others.formUnion(other.others)
    }

    func contains(_ value: Value) -> Bool {
        if case let .row(r) = value {
            let word = Int(r) >> 6
            return word < bits.count && bits[word] & (UInt64(1) << UInt64(r & 63)) != 0
        }
        return others.contains(value)
    }

    /// The values that pass: references by their row number, through `row`; others through `other`.
    func filter(rows row: (Int) -> Bool, others other: (Value) -> Bool) -> DistinctValues {
        var kept = DistinctValues()
        kept.bits = [UInt64](repeating: 0, count: bits.count)
        for (w, word) in bits.enumerated() where word != 0 {
            var rest = word
            var passed: UInt64 = 0
            while rest != 0 {
                let bit = rest.trailingZeroBitCount
                if row(w * 64 + bit) { passed |= 1 << UInt64(bit) }
                rest &= rest - 1
            }
            kept.bits[w] = passed
            kept.rowCount += passed.nonzeroBitCount
        }
        kept.others = others.filter(other)
        return kept
    }

    /// The values in both sets.
    func intersection(_ other: DistinctValues) -> DistinctValues {
        filter(rows: { other.contains(.row(Int32($0))) }, others: { other.contains($0) })
    }

    /// The values of this set that are not in `other`.
    func subtracting(_ other: DistinctValues) -> DistinctValues {
        filter(rows: { !other.contains(.row(Int32($0))) }, others: { !other.contains($0) })
    }

    /// Every value, references in row order first.
    func forEach(_ body: (Value) -> Void) {
        for (w, word) in bits.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                let bit = rest.trailingZeroBitCount
                body(.row(Int32(w * 64 + bit)))
                rest &= rest - 1
            }
        }
        for value in others { body(value) }
    }
}
