import DataContract
import Definitions
import Evaluation
import Results
import Scoring

/// `report.txt`: the portfolio ranking, then each project, for reading in a terminal or e-mail.
package struct TextReport {
    let result: EvaluationResult
    let language: Language
    let toolVersion: String

    package init(result: EvaluationResult, language: Language, toolVersion: String) {
        self.result = result
        self.language = language
        self.toolVersion = toolVersion
    }

    private var plan: EvaluationPlan { result.plan }
    private var settings: Settings { plan.settings }
    private var current: Int { result.quarters.count - 1 }

    private var t: Words { Words(language: language) }

    package func render() -> String {
        let period = result.configuration.period
        var out = settings.wording.title.text(language) + " — \(period) ("
            + "\(period.firstDay) ~ \(period.lastDay))\n"
        out += t("도구 버전", "Tool version") + " \(toolVersion) · " + t("지표", "indicators") + " \(plan.indicators.count) · "
            + settings.wording.units(language) + " \(result.projects.count) · " + t("전분기", "previous quarter") + " \(period.previous)\n\n"
        out += ranking()
        for index in result.ranking {
            out += "\n" + project(index)
        }
        out += "\n" + dataQuality()
        out += "\n" + legend()
        return out
    }

    private func ranking() -> String {
        var table = TextTable(
            headers: [t("순위", "Rank"), settings.wording.unitHeading(language), t("종합", "Overall"), t("등급", "Band")]
                + settings.dimensions.map { $0.name.text(language) } + [t("전분기 대비", "Change")],
            alignments: [.right, .left, .right, .left] + settings.dimensions.map { _ in .right } + [.right])
        for (rank, index) in result.ranking.enumerated() {
            let scores = result.scores[index][current]
            let previous = result.scores[index][current - 1]
            table.rows.append(
                [uncertaintyText.rank(rank + 1, result.uncertainty.ranks[index]), ProjectNames(result.projects[index].project, schema: plan.schema).text(language),
                 score(scores.overall), band(scores.overallBandIndex)]
                    + scores.dimensions.map { score($0.score) } + [change(scores.overall, previous.overall)])
        }
        return "■ " + t(settings.wording.unit.ko + " 순위", "Portfolio ranking") + "\n" + table.render()
    }

    private func project(_ index: Int) -> String {
        let outcome = result.projects[index]
        let scores = result.scores[index][current]
        let previous = result.scores[index][current - 1]
        let names = ProjectNames(outcome.project, schema: plan.schema)
        let registry = plan.schema.registry
        let summary = plan.schema.summaryColumns.compactMap { column -> String? in
            guard let i = registry.columnIndex(column.column) else { return nil }
            return ValueText.of(outcome.project.row[i], column: registry.columns[i])
        }
        var out = "■ \(names.text(language)) (\(outcome.project.id))"
        if !summary.isEmpty { out += " · " + summary.joined(separator: " · ") }
        out += "\n"
        out += "  " + t("종합", "Overall") + ": \(score(scores.overall)) \(band(scores.overallBandIndex))"
            + " (" + t("전분기", "previous") + " \(score(previous.overall)), \(change(scores.overall, previous.overall)))\n"
        if let drivers = result.uncertainty.drivers[index], !drivers.isEmpty {
            out += "  " + t("변화 요인", "Drivers of change") + ": "
                + drivers.prefix(3).map { plan.indicators[$0.indicator].definition.name.text(language) + " " + change($0.contribution, 0) }
                    .joined(separator: " · ") + "\n"
        }
        out += "\n"

        var dimensions = TextTable(
            headers: [t("차원", "Dimension"), t("점수", "Score"), t("포괄도", "Coverage"), t("등급", "Band"), t("전분기", "Previous"), t("변화", "Change")],
            alignments: [.left, .right, .right, .left, .right, .right])
        for (d, dimension) in settings.dimensions.enumerated() {
            let now = scores.dimensions[d]
            let note = now.score == nil && now.coverage != nil ? t("자료 부족", "insufficient data") : band(now.bandIndex)
            dimensions.rows.append([
                dimension.name.text(language), score(now.score), now.coverage.map { Fixed.string($0 * 100, decimals: 0) + "%" } ?? "—",
                note, score(previous.dimensions[d].score), change(now.score, previous.dimensions[d].score),
            ])
        }
        out += dimensions.render(indent: "  ")
        out += aggregationNotes(scores) + "\n"

        var indicators = TextTable(
            headers: [t("지표", "Indicator"), t("값", "Value"), t("점수", "Score"), t("등급", "Band"), t("전분기 값", "Prev. value"), t("변화", "Change")],
            alignments: [.left, .right, .right, .left, .right, .right])
        var notes: [String] = []
        for (i, indicator) in plan.indicators.enumerated() {
            let now = scores.indicators[i]
            let before = previous.indicators[i]
            let definition = indicator.definition
            let interval = result.uncertainty.intervals[index][i]
            let status: String
            switch now.outcome {
            case .notApplicable: status = t("해당 없음", "n/a")
            case let .notComputable(reason):
                status = t("산출 불가", "not computable")
                notes.append("  - \(definition.name.text(language)): \(PlainReason.text(reason, definition: definition, language: language))")
            case .value: status = UncertaintyText.band(band(now.bandIndex), interval)
            }
            let shown = value(now.value, definition.format) + (interval.map { " (" + uncertaintyText.interval($0.interval, definition.format) + ")" } ?? "")
            indicators.rows.append([
                definition.name.text(language), shown, score(now.score), status,
                value(before.value, definition.format), change(now.score, before.score),
            ])
        }
        out += indicators.render(indent: "  ")
        if !notes.isEmpty {
            out += "\n  " + t("산출 불가 사유", "Not computable, and why") + ":\n" + notes.joined(separator: "\n") + "\n"
        }
        out += "\n  " + t("자료 품질", "Data quality") + ":\n" + qualityTable(outcome.files).render(indent: "  ")
        return out
    }

    private func qualityTable(_ files: [FileQuality]) -> TextTable {
        var table = TextTable(
            headers: [t("파일", "File"), t("상태", "Status"), t("인코딩", "Encoding"), t("읽음", "Read"), t("채택", "Accepted"), t("거부", "Rejected"), t("주요 사유", "Top reasons")],
            alignments: [.left, .left, .left, .right, .right, .right, .left])
        for f in files {
            table.rows.append([
                f.file, status(f.status), f.encoding?.rawValue ?? "—", String(f.read), String(f.accepted), String(f.rejected),
                f.topReasonsText(language),
            ])
        }
        return table
    }

    private func dataQuality() -> String {
        let files = result.allFiles
        let read = files.reduce(0) { $0 + $1.read }
        let accepted = files.reduce(0) { $0 + $1.accepted }
        let rejected = files.reduce(0) { $0 + $1.rejected }
        var out = "■ " + t("자료 품질 총괄", "Data quality overall") + "\n"
        out += "  " + t("읽은 행", "Rows read") + " \(read) = " + t("채택", "accepted") + " \(accepted) + " + t("거부", "rejected") + " \(rejected)"
            + " (" + t("거부 행은 rejects.csv", "rejected rows are in rejects.csv") + ")\n"
        out += "  " + t("거부 비율 상한", "Rejected-share ceiling") + " " + Fixed.string(settings.rejectCeiling * 100, decimals: 1) + "%\n"
        out += "  " + plan.schema.registry.file + ": " + t("읽음", "read") + " \(result.registry.read), " + t("거부", "rejected") + " \(result.registry.rejected)\n"
        let absent = files.filter { $0.status != .read }
        if !absent.isEmpty {
            out += "  " + t("읽지 않은 파일", "Files not read") + ":\n"
            for f in absent { out += "    \(f.file): \(status(f.status))\n" }
        }
        return out
    }

    private func legend() -> String {
        var out = "■ " + t("등급 기준", "Bands") + "\n"
        var upper = "100"
        for b in settings.bands {
            out += "  \(b.name.text(language)): \(Fixed.string(b.minimum, decimals: 0))–\(upper)\n"
            upper = "<" + Fixed.string(b.minimum, decimals: 0)
        }
        out += "  " + AggregationText(settings: settings, language: language).legend() + "\n"
        return out + uncertaintyNotes()
    }

    /// The footnotes of the rank ranges, the shares' intervals, the uncertain mark and the drivers.
    private func uncertaintyNotes() -> String {
        "\n■ " + t("불확실성", "Uncertainty") + "\n" + uncertaintyText.notes().map { "  " + $0 + "\n" }.joined()
    }

    /// Which scores a 0 made 0 under a geometric or harmonic mean; empty when none did.
    private func aggregationNotes(_ scores: ProjectScores) -> String {
        let notes = AggregationText(settings: settings, language: language).notes(scores, plan: plan)
        guard !notes.isEmpty else { return "" }
        return "  " + t("참고", "Notes") + ":\n" + notes.map { "  - " + $0 + "\n" }.joined()
    }

    // MARK: - Cells

    private var uncertaintyText: UncertaintyText { UncertaintyText(settings: settings, language: language) }

    private func score(_ s: Double?) -> String { ReportNumbers.score(s) }

    private func band(_ index: Int?) -> String { index.map { settings.bands[$0].name.text(language) } ?? "—" }

    private func change(_ now: Double?, _ before: Double?) -> String { ReportNumbers.change(now, before) }

    private func value(_ v: Double?, _ format: IndicatorDefinition.Format) -> String { ReportNumbers.value(v, format) }

    private func status(_ s: FileQuality.Status) -> String { Words(language: language).fileStatus(s) }
}
