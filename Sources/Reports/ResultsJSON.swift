import DataContract
import Definitions
import Evaluation
import Results
import Uncertainty

/// `results.json`: every value, score and reason, for machines. Keys keep a fixed order.
package enum ResultsJSON {
    package static func render(_ result: EvaluationResult, toolVersion: String) -> String {
        let plan = result.plan
        let settings = plan.settings
        let current = result.quarters.count - 1
        var json = JSONWriter()
        json.beginObject()
        json.value("period", .string(result.configuration.period.description))
        json.value("tool_version", .string(toolVersion))
        json.value("small_cell_threshold", .integer(settings.smallCellThreshold))
        json.beginObject("projects")
        for (p, outcome) in result.projects.enumerated() {
            let scores = result.scores[p][current]
            let previous = result.scores[p][current - 1]
            let names = ProjectNames(outcome.project, schema: plan.schema)
            json.beginObject(outcome.project.id)
            json.value("name_ko", .string(names.ko))
            json.value("name_en", .string(names.en))
            json.beginObject("indicators")
            for (i, indicator) in plan.indicators.enumerated() {
                let now = scores.indicators[i]
                let before = previous.indicators[i]
                json.beginObject(indicator.definition.id)
                json.value("dimension", .string(indicator.definition.dimension))
                json.value("status", .string(now.outcome.status))
                json.value("reason", .string(now.outcome.reason?.text(.en)))
                json.value("reason_ko", .string(now.outcome.reason?.text(.ko)))
                json.value("value", .number(now.value))
                json.value("score", .number(now.score))
                json.value("band", .string(now.bandIndex.map { settings.bands[$0].name.en }))
                json.value("previous_value", .number(before.value))
                json.value("previous_score", .number(before.score))
                writeInterval(result.uncertainty.intervals[p][i], level: settings.uncertainty.level, into: &json)
                json.endObject()
            }
            json.endObject()
            json.beginObject("dimensions")
            for (d, dimension) in settings.dimensions.enumerated() {
                json.beginObject(dimension.id)
                json.value("score", .number(scores.dimensions[d].score))
                json.value("coverage", .number(scores.dimensions[d].coverage))
                json.value("band", .string(scores.dimensions[d].bandIndex.map { settings.bands[$0].name.en }))
                json.value("previous_score", .number(previous.dimensions[d].score))
                notes(&json, settings, dimension.aggregation) { $0.dimensionNote(d, scores.dimensions[d], plan: plan) }
                json.endObject()
            }
            json.endObject()
            json.beginObject("overall")
            json.value("score", .number(scores.overall))
            json.value("band", .string(scores.overallBandIndex.map { settings.bands[$0].name.en }))
            json.value("previous_score", .number(previous.overall))
            notes(&json, settings, settings.overallAggregation) { $0.overallNote(scores) }
            writeDrivers(result.uncertainty.drivers[p], plan: plan, into: &json)
            json.endObject()
            writeRank(result.uncertainty.ranks[p], into: &json)
            json.beginObject("breakdowns")
            for (breakdown, published) in zip(plan.breakdowns, result.breakdowns[p]) {
                write(published, key: breakdown.id, to: &json)
            }
            json.endObject()
            json.endObject()
        }
        json.endObject()
        json.endObject()
        return json.text + "\n"
    }

    /// A breakdown as published: `null` without data; withheld, a `null` total and no groups.
    private static func write(_ published: PublishedBreakdown?, key: String, to json: inout JSONWriter) {
        guard let published else {
            json.value(key, .string(nil))
            return
        }
        json.beginObject(key)
        json.value("total", .integer(published.total))
        json.value("hits", .integer(published.hits))
        json.beginArray("groups")
        for group in published.groups {
            json.beginObject()
            json.value("group", .string(group.label))
            json.value("count", .integer(group.count))
            json.value("suppressed", .bool(group.suppressed))
            json.value("reason", .string(group.suppression?.rawValue))
            json.value("share", .number(group.share))
            json.value("rate", .number(group.rate))
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// `interval`, `score_interval` and `uncertain`: all `null` for an indicator that is not one share.
    private static func writeInterval(_ share: ShareInterval?, level: Double, into json: inout JSONWriter) {
        guard let share else {
            for key in ["interval", "score_interval", "uncertain"] { json.value(key, .string(nil)) }
            return
        }
        json.beginObject("interval")
        json.value("low", .number(share.interval.low))
        json.value("high", .number(share.interval.high))
        json.value("n", .integer(share.n))
        json.value("method", .string("wilson"))
        json.value("level", .number(level))
        json.endObject()
        json.beginObject("score_interval")
        json.value("low", .number(share.scoreLow))
        json.value("high", .number(share.scoreHigh))
        json.endObject()
        json.value("uncertain", .bool(share.uncertain))
    }

    private static func writeDrivers(_ drivers: [Driver]?, plan: EvaluationPlan, into json: inout JSONWriter) {
        guard let drivers else { return json.value("drivers", .string(nil)) }
        json.beginArray("drivers")
        for driver in drivers {
            json.beginObject()
            json.value("indicator", .string(plan.indicators[driver.indicator].definition.id))
            json.value("contribution", .number(driver.contribution))
            json.endObject()
        }
        json.endArray()
    }

    private static func writeRank(_ rank: RankRange?, into json: inout JSONWriter) {
        guard let rank else { return json.value("rank", .string(nil)) }
        json.beginObject("rank")
        json.value("position", .integer(rank.position))
        json.value("median", .integer(rank.median))
        json.value("p05", .integer(rank.p05))
        json.value("p95", .integer(rank.p95))
        json.value("draws", .integer(rank.draws))
        json.endObject()
    }

    /// A level that is not arithmetic says so, and why a score of 0 made it 0 (`null` when
    /// none did); an arithmetic level writes neither, so results keep the format they had.
    private static func notes(_ json: inout JSONWriter, _ settings: Settings, _ method: Aggregation, _ note: (AggregationText) -> String?) {
        guard method != .arithmetic else { return }
        json.value("aggregation", .string(method.rawValue))
        json.value("reason", .string(note(AggregationText(settings: settings, language: .en))))
        json.value("reason_ko", .string(note(AggregationText(settings: settings, language: .ko))))
    }
}

extension IndicatorOutcome {
    public var status: String {
        switch self {
        case .value: return "ok"
        case .notComputable: return "not_computable"
        case .notApplicable: return "not_applicable"
        }
    }

    public var reason: NotComputable? {
        if case let .notComputable(reason) = self { return reason }
        return nil
    }
}

/// A project's display names, from the registry columns the schema names.
typealias ProjectNames = LocalizedText

extension LocalizedText {
    init(_ project: Project, schema: Schema) {
        func text(_ column: String) -> String {
            guard let i = schema.registry.columnIndex(column) else { return "" }
            return ValueText.of(project.row[i], column: schema.registry.columns[i])
        }
        self.init(ko: text(schema.displayNames.ko), en: text(schema.displayNames.en))
    }
}

/// A registry or table value as text for reports.
enum ValueText {
    static func of(_ value: Value, column: ColumnSchema) -> String {
        switch value {
        case .missing: return ""
        case let .text(s): return s
        case let .number(n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : "\(n)"
        case let .bool(b): return b ? "Y" : "N"
        case let .date(d): return d.description
        case let .symbol(i):
            if case let .enumeration(values, _) = column.type { return values[Int(i)] }
            return String(i)
        case let .row(r): return "#\(r)"
        }
    }
}
