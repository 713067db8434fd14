import CSVReading
import DataContract

/// Reads one table file once: checks every row against the schema, records rejects, keeps
/// the rows of tables that others refer to, and feeds every aggregate of every quarter.
package struct TableScanner: Sendable {
    let table: TableSchema
    var parser: FieldParser
    /// The feeds over this table, with their numbers in the plan.
    let feeds: [(id: Int, feed: Feed)]
    /// One evaluator per quarter evaluated.
    let evaluators: [RowEvaluator]
    /// Whether to keep the rows (for tables that others refer to, and the registry).
    let keepsRows: Bool
    let limits: CSVLimits

    package init(
        table: TableSchema, parser: FieldParser, feeds: [(id: Int, feed: Feed)], evaluators: [RowEvaluator], keepsRows: Bool, limits: CSVLimits
    ) {
        self.table = table
        self.parser = parser
        self.feeds = feeds
        self.evaluators = evaluators
        self.keepsRows = keepsRows
        self.limits = limits
    }

    package struct Output {
        package var quality: FileQuality
        package var rejects: [Reject] = []
        package var rows: KeptRows
        /// The table's keys (if it has a key column), each mapped to its row's number among
        /// the accepted rows: the kept row, for tables whose rows are kept.
        var keys = KeyIndex()
        /// By feed position in `feeds`, then by quarter.
        var accumulators: [[Accumulator]]

        /// Adds what the next chunk of the same file saw (only for tables whose rows are not kept).
        mutating func merge(_ next: Output) {
            quality.read += next.quality.read
            quality.accepted += next.quality.accepted
            quality.rejected += next.quality.rejected
            quality.blankLines += next.quality.blankLines
            quality.reasons.merge(next.quality.reasons, uniquingKeysWith: +)
            quality.inexactIntegers += next.quality.inexactIntegers
            rejects += next.rejects
            for f in accumulators.indices {
                for q in accumulators[f].indices { accumulators[f][q].merge(next.accumulators[f][q]) }
            }
        }
    }

    /// The longest raw line kept in the rejects file.
    static let rawLimit = 4096

    /// About the length of a row of the data contract's keyed tables (participants,
    /// activities, proposals: 45-55 bytes): a file's size over it reserves room for its keys
    /// and kept rows, so neither grows while it is filled. Shorter rows only mean they grow
    /// later; `maxReservedKeys` bounds what a file of long rows reserves in excess (8.4 MB of
    /// index, and 2 MB a column of kept rows).
    static let reservedBytesPerKey = 48
    static let maxReservedKeys = 1 << 18

    package func scan(path: String, displayPath: String) throws -> Output {
        let expectedKeys = min(FileSystem.size(of: path) / Self.reservedBytesPerKey, Self.maxReservedKeys)
        let (output, encoding) = try readCSV(path: path, limits: limits) { reader in
            try scan(reader, displayPath: displayPath, expectedKeys: expectedKeys)
        }
        var result = output
        result.quality.encoding = result.quality.status == .read ? encoding : nil
        return result
    }

    /// Where each schema column is in the file, and what is wrong with the header, if anything.
    struct Header {
        var width: Int
        var positions: [Int?]
        var problem: HeaderProblem?
    }

    /// Reads the first record as the header; `nil` for a file with no record at all.
    private func readHeader(_ reader: CSVReader) throws -> Header? {
        guard try reader.next() else { return nil }
        let names = (0..<reader.fieldCount).map { reader.string($0).trimmingSpaces }
        var problem = reader.problem.map(HeaderProblem.malformed)
        var positions: [Int?] = []
        for column in table.columns {
            let found = names.indices.filter { names[$0] == column.name }
            if found.count > 1 && problem == nil {
                problem = .repeated(column: column.name, times: found.count)
            }
            if found.isEmpty && !column.optional && problem == nil {
                problem = .missing(column: column.name)
            }
            positions.append(found.first)
        }
        return Header(width: names.count, positions: positions, problem: problem)
    }

    private func emptyOutput(_ displayPath: String) -> Output {
        Output(
            quality: FileQuality(file: displayPath, table: table.name, status: .read),
            rows: KeptRows(width: table.columns.count),
            accumulators: feeds.map { _ in evaluators.map { _ in Accumulator() } })
    }

    private func scan(_ reader: CSVReader, displayPath: String, expectedKeys: Int) throws -> Output {
        guard let header = try readHeader(reader) else {
            var out = emptyOutput(displayPath)
            out.quality.status = .empty
            out.quality.blankLines = reader.blankLines
            out.quality.sha256 = reader.digest
            return out
        }
        return try scanRecords(reader, header: header, displayPath: displayPath, expectedKeys: expectedKeys)
    }

    /// Checks and feeds every record after the header (or, for a chunk, every record).
    private func scanRecords(_ reader: CSVReader, header: Header, displayPath: String, expectedKeys: Int = 0) throws -> Output {
        var out = emptyOutput(displayPath)
        if table.keyColumnIndex != nil { out.keys = KeyIndex(reservingFor: expectedKeys) }
        if keepsRows { out.rows.reserve(rows: expectedKeys) }
        let headerProblem = header.problem
        let positions = header.positions
        let keyColumn = table.keyColumnIndex
        // Compiled once per quarter; the feeds then run over batches of parsed rows.
        // After a flush the reader's whole batch of records is parsed into it at once.
        let batch = ColumnBatch(width: table.columns.count, capacity: max(ColumnBatch.defaultCapacity, CSVReader.batchSize))
        let feeder = BatchFeeder(feeds: feeds.map(\.feed), evaluators: evaluators, capacity: batch.capacity)
        let columnCount = table.columns.count
        var parser = self.parser
        // Each key numbered in the order first seen, which is the kept row's number, and the
        // line it was seen on, for duplicate messages.
        let keys = out.keys
        var keyLines: [Int] = []

        func reject(_ problem: RowProblem) {
            out.quality.rejected += 1
            out.quality.reasons[problem.code, default: 0] += 1
            var raw = reader.rawRecord
            if raw.utf8.count > Self.rawLimit {
                raw = String(decoding: Array(raw.utf8.prefix(Self.rawLimit)), as: UTF8.self) + "…"
            }
            out.rejects.append(Reject(file: displayPath, line: reader.line, problem: problem, raw: raw))
        }

        var ahead = ReferencesAhead(
            positions: positions, parser: parser, ownKeys: keyColumn.flatMap { c in positions[c].map { ($0, keys) } },
            keptRowsRead: keptRowsRead())
        let keptTexts = parser.keptTextColumns.compactMap { c in positions[c].map { (column: c, position: $0) } }
        // Per record of the reader's batch: why it cannot be taken, found while parsing it.
        let failures = BatchFailures(count: CSVReader.batchSize)
        defer { failures.free() }
        // Where the reader's batch's first record is parsed into `batch`.
        var firstSlot = 0

        /// Parses the reader's new batch of records from record `first` on (after the header,
        /// when the header started it) column by column into the free rows of `batch` (record
        /// k into row `firstSlot + k`), and notes why a record cannot be taken.
        func parseBatch(from first: Int) {
            if batch.room < reader.batchCount {
                feeder.feed(batch)
                batch.removeAll()
            }
            // After the feeds, whose work would push the prefetched lines out of the cache.
            ahead.prefetch(reader)
            firstSlot = batch.count
            let records = first..<reader.batchCount
            for k in records {
                failures.start(record: k, whole: headerProblem == nil && reader.isWhole(record: k, width: header.width))
            }
            // The other columns first, while the index slots prefetched above load; then the
            // references. A record keeps the failure of its first failing column either way.
            for index in 0..<columnCount where !ahead.isReference(index) { parseColumn(index, records) }
            ahead.lookUp(reader)
            for index in 0..<columnCount where ahead.isReference(index) { parseColumn(index, records) }
        }

        /// Parses column `index` of the batch's `records` into their cells, but not of a record
        /// that failed in an earlier column.
        func parseColumn(_ index: Int, _ records: Range<Int>) {
            let cells = batch.free(column: index)
            guard let position = positions[index] else {
                for k in records { cells[k] = KeptRows.missingCell }
                return
            }
            ahead.withRows(column: index) { resolved in
                parser.parse(
                    column: index, at: position, of: reader, records: records, resolved: resolved, failures: failures, into: cells)
            }
        }

        // The header (or a chunk's skipped header) started the first batch.
        if reader.batchCount > 0 { parseBatch(from: reader.batchPosition + 1) }
        while try reader.next() {
            if reader.startedBatch { parseBatch(from: 0) }
            out.quality.read += 1
            if let headerProblem {
                reject(.header(headerProblem))
                continue
            }
            if let problem = reader.problem {
                reject(.malformed(problem))
                continue
            }
            guard reader.fieldCount == header.width else {
                reject(.fieldCount(expected: header.width, found: reader.fieldCount))
                continue
            }
            if let (index, failure) = failures.field(record: reader.batchPosition) {
                let text = positions[index].map { String(reader.string($0).prefix(100)) } ?? ""
                reject(problem(failure, column: table.columns[index], text: text))
                continue
            }
            if let keyColumn, let position = positions[keyColumn] {
                // A row number is 32 bits in the key index; the kept rows of a table this large
                // would not fit in memory anyway, but it is an error, not a trap.
                guard keyLines.count < Int(Int32.max) else {
                    throw InputError.cannotRead(path: displayPath, reason: "more than \(Int32.max) rows with a key")
                }
                if let first = keys.insertOrFind(FieldParser.trim(reader.field(position)), row: Int32(keyLines.count)) {
                    let key = reader.string(position).trimmingSpaces
                    reject(.duplicateKey(column: table.columns[keyColumn].name, value: key, firstLine: keyLines[Int(first)]))
                    continue
                }
                keyLines.append(reader.line)
            }
            out.quality.accepted += 1
            batch.commit(slot: firstSlot + reader.batchPosition)
            for (column, position) in keptTexts {
                batch.set(column: column, row: batch.count - 1, FieldParser.text(reader.field(position), texts: &batch.texts))
            }
            if keepsRows { out.rows.append(batch, row: batch.count - 1) }
        }
        feeder.feed(batch)
        out.quality.blankLines = reader.blankLines
        out.quality.sha256 = reader.digest
        out.quality.inexactIntegers = parser.inexactIntegers
        out.accumulators = feeder.results
        return out
    }

    /// Reads a large file in the chunks of `plan`, in parallel unless `serial`, and merges the
    /// outputs in file order, so the result does not depend on how many run at once.
    func scan(path: String, displayPath: String, chunks plan: ChunkPlan, serial: Bool) throws -> Output {
        guard let header = try readHeader(CSVReader(
            path: path, source: try FileByteSource(path: path, range: plan.ranges[0]), validatesUTF8: true, limits: limits))
        else {
            // The plan splits only files of many megabytes; one that lost its bytes since is not read.
            throw InputError.cannotRead(path: displayPath, reason: "the file has no header row any more")
        }
        let parts = try Parallel.map(Array(plan.ranges.indices), serial: serial) { i -> Result<Output, Error> in
            Result {
                let reader = CSVReader(
                    path: path, source: try FileByteSource(path: path, range: plan.ranges[i]), validatesUTF8: true, limits: limits,
                    firstLine: plan.firstLines[i])
                if i == 0 { _ = try reader.next() }  // the header, read above
                return try scanRecords(reader, header: header, displayPath: displayPath)
            }
        }.map { try $0.get() }
        var out = parts[0]
        for part in parts.dropFirst() { out.merge(part) }
        out.quality.encoding = plan.hadByteOrderMark ? .utf8WithBOM : .utf8
        out.quality.sha256 = plan.digest
        return out
    }

    /// The kept rows that this table's feeds read through each of its reference columns.
    private func keptRowsRead() -> [Int: KeptRows] {
        guard let tables = evaluators.first?.tables else { return [:] }
        var read: [Int: KeptRows] = [:]
        for (_, feed) in feeds {
            for expr in feed.expressions {
                expr.visit { e in
                    if case let .lookup(through, table, _) = e { read[through] = tables[table] }
                }
            }
        }
        return read
    }

    private func problem(_ failure: FieldParser.Failure, column: ColumnSchema, text: String) -> RowProblem {
        switch failure {
        case .empty: return .empty(column: column.name)
        case let .invalid(expected): return .invalid(column: column.name, value: text, expected: expected)
        case let .outOfRange(limit, isMinimum): return .outOfRange(column: column.name, value: text, limit: limit, isMinimum: isMinimum)
        case .notInEnum:
            var values: [String] = []
            if case let .enumeration(list, _) = column.type { values = list }
            return .notInEnum(column: column.name, value: text, values: values)
        case .danglingReference:
            return .danglingReference(column: column.name, value: text, table: column.type.referencedTable ?? "")
        }
    }
}
