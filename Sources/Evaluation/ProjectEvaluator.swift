import CSVReading
import DataContract
import Definitions
import Foundation

/// One project of the registry, as read from it.
public struct Project: Sendable {
    public var id: String
    /// The registry row, typed by the schema.
    public var row: [Value]

    package init(id: String, row: [Value]) {
        self.id = id
        self.row = row
    }
}

/// What evaluating one indicator for one project and quarter gave.
public enum IndicatorOutcome: Sendable, Equatable {
    case notApplicable
    case notComputable(NotComputable)
    /// `share` is k of n when the value is one `share(…)`, for its interval.
    case value(Double, floor: Double, target: Double, share: ShareCount?)
}

/// A share's counts: `hits` of `rows` (rows or distinct values) meet the condition.
public struct ShareCount: Sendable, Equatable {
    public var hits: Int
    public var rows: Int

    /// The share itself, computed as the `share` aggregate computes it.
    public var value: Double { Double(hits) / Double(rows) }
}

/// Everything the run learned about one project.
public struct ProjectOutcome: Sendable {
    public var project: Project
    /// By quarter (oldest first, the evaluated quarter last), then by indicator.
    public var outcomes: [[IndicatorOutcome]]
    public var files: [FileQuality]
    public var rejects: [Reject]
    /// Files that could not be read at all (unknown encoding, I/O errors): these fail the run.
    public var errors: [String]
    /// For the evaluated quarter, by breakdown of the plan; `nil` when its table is unavailable.
    /// Raw tallies, small groups included: outputs show `EvaluationResult.breakdowns` instead.
    public var breakdowns: [[BreakdownGroup]?]
}

/// Evaluates every indicator of one project for several quarters, reading each table once.
package struct ProjectEvaluator {
    let plan: EvaluationPlan
    /// The quarters evaluated, oldest first; the last is the evaluation period.
    let quarters: [Quarter]
    let splitBytes: Int
    let chunkBytes: Int
    let serial: Bool

    package init(plan: EvaluationPlan, quarters: [Quarter], splitBytes: Int, chunkBytes: Int, serial: Bool) {
        self.plan = plan
        self.quarters = quarters
        self.splitBytes = splitBytes
        self.chunkBytes = chunkBytes
        self.serial = serial
    }

    package func evaluate(_ project: Project, folder: String, displayFolder: String) -> ProjectOutcome {
        let schema = plan.schema
        var tables = schema.tables.map { KeptRows(width: $0.columns.count) }
        var keys = schema.tables.map { _ in KeyIndex() }
        var unavailable: [Int: TableUnavailable] = [:]
        var accumulators: [Int: [Accumulator]] = [:]
        var files: [FileQuality] = []
        var rejects: [Reject] = []
        var errors: [String] = []
        let referenced = Set(schema.tables.flatMap { $0.columns.compactMap(\.type.referencedTable) })
        let folderExists = FileSystem.isDirectory(folder)

        for (index, table) in schema.tables.enumerated() {
            let path = folder + "/" + table.file
            let display = displayFolder + "/" + table.file
            var quality = FileQuality(file: display, table: table.name, status: .read)
            var parser = FieldParser(columns: table.columns)
            var blocked: TableUnavailable?
            for (c, column) in table.columns.enumerated() {
                guard let target = column.type.referencedTable, let t = schema.tables.firstIndex(where: { $0.name == target }) else { continue }
                if unavailable[t] != nil { blocked = blocked ?? .refersToUnavailable(table: target) }
                parser.resolveReferences(c, with: keys[t])
            }
            for column in textColumns(table: index, kept: referenced.contains(table.name)) { parser.keepText(column) }
            if !folderExists || !FileManager.default.fileExists(atPath: path) {
                quality.status = .missing
                unavailable[index] = .missing
            } else if let blocked {
                quality.status = .skipped(because: blocked)
                unavailable[index] = blocked
            } else {
                let feeds = plan.feeds(over: index)
                let evaluators = quarters.map { RowEvaluator(tables: tables, project: project.row, quarter: $0) }
                let scanner = TableScanner(
                    table: table, parser: parser, feeds: feeds, evaluators: evaluators,
                    keepsRows: referenced.contains(table.name), limits: plan.settings.limits)
                do {
                    let output: TableScanner.Output
                    if let chunks = try chunkPlan(path, table: table, kept: scanner.keepsRows) {
                        output = try scanner.scan(path: path, displayPath: display, chunks: chunks, serial: serial)
                    } else {
                        output = try scanner.scan(path: path, displayPath: display)
                    }
                    quality = output.quality
                    rejects += output.rejects
                    tables[index] = output.rows
                    keys[index] = output.keys
                    for (position, entry) in feeds.enumerated() {
                        accumulators[entry.id] = output.accumulators[position]
                    }
                    if quality.status == .empty { unavailable[index] = .empty }
                } catch {
                    errors.append("\(error)")
                    quality.status = .skipped(because: .unreadable)
                    unavailable[index] = .unreadable
                }
            }
            files.append(quality)
        }

        var outcomes: [[IndicatorOutcome]] = []
        var breakdowns: [[BreakdownGroup]?] = []
        let columns = KeptColumns(tables: tables)
        for (q, quarter) in quarters.enumerated() {
            let evaluator = RowEvaluator(tables: tables, project: project.row, quarter: quarter, columns: columns)
            // Unowned: the evaluator holds this closure, and lives as long as it is called.
            evaluator.sets = { [unowned evaluator] id in
                Finalization.values(of: plan.aggregates[id], accumulators[plan.feedOfAggregate[id]]?[q] ?? Accumulator(), evaluator: evaluator)
            }
            // Each aggregate stands at one place in the compiled indicators, so it is finalised
            // when the indicator reaches it, once; the breakdowns' tallies are never made numbers.
            func finalized<T>(_ id: Int, _ body: (Aggregate, Accumulator) -> Result<T, NotComputable>) -> Result<T, NotComputable> {
                let aggregate = plan.aggregates[id]
                if let why = unavailable[aggregate.table] {
                    return .failure(.tableUnavailable(table: schema.tables[aggregate.table].file, why: why))
                }
                return body(aggregate, accumulators[plan.feedOfAggregate[id]]?[q] ?? Accumulator())
            }
            // A share is finalised as its counts, kept for its interval.
            var shares: [Int: ShareCount] = [:]
            let indicatorEvaluator = IndicatorEvaluator(
                project: project.row, registry: schema.registry, quarter: quarter, rows: evaluator,
                aggregate: { id in
                    finalized(id) { aggregate, accumulator in
                        guard aggregate.function == .share else { return Finalization.value(of: aggregate, accumulator, evaluator: evaluator) }
                        return Finalization.share(of: aggregate, accumulator, evaluator: evaluator).map { counts in
                            shares[id] = counts
                            return counts.value
                        }
                    }
                },
                share: { shares[$0] })
            outcomes.append(plan.indicators.map { indicatorEvaluator.outcome($0) })
            if q == quarters.count - 1 {
                breakdowns = plan.breakdowns.map { breakdown in
                    let aggregate = plan.aggregates[breakdown.aggregate]
                    guard unavailable[aggregate.table] == nil else { return nil }
                    let groups = Finalization.tallies(
                        of: aggregate, accumulators[plan.feedOfAggregate[breakdown.aggregate]]?[q] ?? Accumulator(), evaluator: evaluator
                    ).groups
                    return Self.ordered(groups, labels: breakdown.labels)
                }
            }
        }
        return ProjectOutcome(
            project: project, outcomes: outcomes, files: files, rejects: rejects, errors: errors, breakdowns: breakdowns)
    }

    /// Groups in enum order (or by label), with "not stated" last. Groups whose labels are
    /// equal (numbers that round alike) go by their values, so that the tallies' hash order
    /// never reaches a report.
    static func ordered(_ groups: GroupTallies, labels: [String]?) -> [BreakdownGroup] {
        var all: [(Value, Accumulator.Tally)] = []
        groups.forEach { all.append(($0, $1)) }
        var result = all.map { value, tally -> (rank: Int, group: BreakdownGroup, number: Double) in
            let label: String?
            var rank = Int.max - 1
            switch value {
            case .missing: label = nil; rank = Int.max
            case let .symbol(i): label = labels?[Int(i)] ?? String(i); rank = Int(i)
            case let .text(s): label = s
            case let .bool(b): label = b ? "Y" : "N"
            case let .number(n): label = Fixed.string(n, decimals: n == n.rounded() ? 0 : 2)
            case let .date(d): label = d.description
            case let .row(r): label = "#\(r)"
            }
            return (rank, BreakdownGroup(label: label, size: tally.rows, hits: tally.hits), value.numeric ?? 0)
        }
        result.sort { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.group.label != b.group.label { return (a.group.label ?? "") < (b.group.label ?? "") }
            // IEEE total order: −0 before +0, NaN last; only numbers can share a label.
            return a.number.isTotallyOrdered(belowOrEqualTo: b.number) && !b.number.isTotallyOrdered(belowOrEqualTo: a.number)
        }
        return result.map(\.group)
    }

    /// How to split a large streamed file, or `nil` to read it in one piece. Kept tables and
    /// tables with a key are read in one piece: their rows and keys are built in file order.
    private func chunkPlan(_ path: String, table: TableSchema, kept: Bool) throws -> ChunkPlan? {
        guard !kept, table.key == nil,
            FileSystem.size(of: path) >= splitBytes
        else { return nil }
        return try ChunkPlan.make(path: path, chunkBytes: chunkBytes, limits: plan.settings.limits)
    }

    /// Text columns to keep as strings: those the plan reads, in this table's rows and, for a
    /// kept table, through references to it. Others are checked but never made into strings
    /// (a participant's id is looked up by its bytes and then not needed).
    private func textColumns(table: Int, kept: Bool) -> Set<Int> {
        var used = Set<Int>()
        for (_, feed) in plan.feeds(over: table) {
            for expr in feed.expressions { expr.collectColumns(into: &used) }
        }
        guard kept else { return used }
        for aggregate in plan.aggregates {
            for expr in aggregate.expressions {
                expr.visit { e in
                    switch e {
                    case let .lookup(_, t, field) where t == table, let .keyLookup(t, field) where t == table: used.insert(field)
                    default: break
                    }
                }
            }
        }
        return used
    }
}

extension ColumnType {
    var referencedTable: String? {
        if case let .reference(table, _) = self { return table }
        return nil
    }
}

extension Expr {
    /// Calls `body` on this expression and every expression inside it.
    package func visit(_ body: (Expr) -> Void) {
        body(self)
        switch self {
        case let .negate(e), let .not(e), let .isMissing(e, _), let .inList(e, _, _), let .inWindow(e, _), let .inSet(e, _):
            e.visit(body)
        case let .arithmetic(_, l, r, _), let .compare(_, l, r), let .and(l, r), let .or(l, r):
            l.visit(body)
            r.visit(body)
        case let .call(_, arguments), let .math(_, arguments, _):
            for a in arguments { a.visit(body) }
        case .constant, .column, .lookup, .projectField, .key, .keyLookup, .aggregate:
            break
        }
    }

    /// Adds the columns of the current row that the expression reads.
    func collectColumns(into set: inout Set<Int>) {
        visit { expr in
            if case let .column(i) = expr { set.insert(i) }
            if case let .lookup(through, _, _) = expr { set.insert(through) }
        }
    }
}
