import CSVReading
import DataContract

/// The references of a batch of records, looked up before the records are parsed.
///
/// Attendance names participants in no order, and a project's participants index is far
/// larger than the cache, so each look-up is a cache miss; so is the participant's kept row
/// when a condition reads it (`participant.income_band` of a proposal). Looked up row by row,
/// each miss is waited for in turn. Here, when the reader starts a batch, the key slots of
/// the whole batch are prefetched (`prefetch`); the scan parses the batch's other columns
/// meanwhile, then looks them up in one short loop (`lookUp`: their misses overlap), and the
/// kept rows the batch will read are prefetched in turn. The parse of a reference column
/// (`FieldParser.parse(column:...)`) then takes a reference's row from here; a field not
/// resolved here (empty, with doubled quotes, or naming no row) is parsed as usual, which also
/// reports it.
struct ReferencesAhead {
    private struct Column {
        /// Where the field is in the file's records.
        let position: Int
        let keys: KeyIndex
        /// The referenced table's kept rows, when the row loop reads them through this column.
        let kept: KeptRows?
    }
    private let columns: [Column]
    /// Per schema column, its place in `columns`; -1 for a column that is no reference.
    private let columnOf: [Int]
    /// The table's own key column, whose slots are prefetched for the inserts.
    private let ownKeys: (position: Int, keys: KeyIndex)?
    /// `rows[j * batchSize + k]`: the row column j of the batch's record k refers to; -1 when
    /// it was not resolved ahead.
    private var rows: [Int32]
    /// `keys[j * batchSize + k]`: the key of column j of the batch's record k, as `prefetch` read it.
    private var keys: [KeyIndex.ReadKey]

    /// `positions` are the schema columns' places in the file; `keptRowsRead[c]` the kept
    /// rows that expressions read through reference column `c`.
    init(
        positions: [Int?], parser: FieldParser, ownKeys: (position: Int, keys: KeyIndex)?, keptRowsRead: [Int: KeptRows]
    ) {
        var columns: [Column] = []
        var columnOf = [Int](repeating: -1, count: positions.count)
        for (index, position) in positions.enumerated() {
            guard let position, let keys = parser.keys(referencedBy: index) else { continue }
            columnOf[index] = columns.count
            columns.append(Column(position: position, keys: keys, kept: keptRowsRead[index]))
        }
        self.columns = columns
        self.columnOf = columnOf
        self.ownKeys = ownKeys
        rows = [Int32](repeating: -1, count: columns.count * CSVReader.batchSize)
        keys = [KeyIndex.ReadKey](repeating: .absent, count: columns.count * CSVReader.batchSize)
    }

    /// Starts loading the index slots of the batch the reader has just started: its
    /// references' and its own keys'. `lookUp` should come after other work, so that the
    /// loads have landed by then.
    mutating func prefetch(_ reader: CSVReader) {
        keys.withUnsafeMutableBufferPointer { keys in
            for (j, column) in columns.enumerated() {
                column.keys.prefetch(fieldAt: column.position, of: reader, keeping: keys.baseAddress! + j * CSVReader.batchSize)
            }
        }
        if let ownKeys { ownKeys.keys.prefetch(fieldAt: ownKeys.position, of: reader) }
    }

    /// Looks up the references of the batch the reader has just started (after `prefetch`).
    mutating func lookUp(_ reader: CSVReader) {
        for (j, column) in columns.enumerated() {
            for k in 0..<reader.batchCount {
                let key = keys[j * CSVReader.batchSize + k]
                // An empty field is missing or an error, never a key: the parser says which.
                var found: Int32?
                if key.count > KeyIndex.inlineBytes {
                    found = reader.fieldAhead(column.position, ofRecord: k).flatMap { column.keys.row(for: FieldParser.trim($0)) }
                } else if key.count > 0 {
                    found = column.keys.row(forShort: key)
                }
                if let found { column.kept?.prefetch(row: Int(found)) }
                rows[j * CSVReader.batchSize + k] = found ?? -1
            }
        }
    }

    /// Whether schema column `index` is a reference looked up here.
    @inline(__always)
    func isReference(_ index: Int) -> Bool { columnOf[index] >= 0 }

    /// Calls `body` with the rows that schema column `index` of the batch's records refer to
    /// (-1 where not looked up ahead), or with `nil` when the column is no reference.
    @inline(__always)
    func withRows<R>(column index: Int, _ body: (UnsafePointer<Int32>?) -> R) -> R {
        let j = columnOf[index]
        guard j >= 0 else { return body(nil) }
        return rows.withUnsafeBufferPointer { body($0.baseAddress! + j * CSVReader.batchSize) }
    }
}
