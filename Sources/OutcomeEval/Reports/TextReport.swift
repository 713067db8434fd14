/// `report.txt`: the portfolio ranking, then each project, for reading in a terminal or e-mail.
struct TextReport {
    let result: EvaluationResult
    let language: Language
    let toolVersion: String

    private var plan: EvaluationPlan { result.plan }
    private var settings: Settings { plan.settings }
    private var current: Int { result.quarters.count - 1 }

    private func t(_ ko: String, _ en: String) -> String { language == .ko ? ko : en }

    func render() -> String {
        let period = result.configuration.period
        var out = t("사회혁신 사업 성과평가 보고서", "Social innovation outcome evaluation") + " — \(period) ("
            + "\(period.firstDay) ~ \(period.lastDay))\n"
        out += t("도구 버전", "Tool version") + " \(toolVersion) · " + t("지표", "indicators") + " \(plan.indicators.count) · "
            + t("사업", "projects") + " \(result.projects.count) · " + t("전분기", "previous quarter") + " \(period.previous)\n\n"
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
            headers: [t("순위", "Rank"), t("사업", "Project"), t("종합", "Overall"), t("등급", "Band")]
                + settings.dimensions.map { $0.name.text(language) } + [t("전분기 대비", "Change")],
            alignments: [.right, .left, .right, .left] + settings.dimensions.map { _ in .right } + [.right])
        for (rank, index) in result.ranking.enumerated() {
            let scores = result.scores[index][current]
            let previous = result.scores[index][current - 1]
            table.rows.append(
                [String(rank + 1), ProjectNames(result.projects[index].project, schema: plan.schema).text(language),
                 score(scores.overall), band(scores.overallBandIndex)]
                    + scores.dimensions.map { score($0.score) } + [change(scores.overall, previous.overall)])
        }
        return "■ " + t("사업 순위", "Portfolio ranking") + "\n" + table.render()
    }

    private func project(_ index: Int) -> String {
        let outcome = result.projects[index]
        let scores = result.scores[index][current]
        let previous = result.scores[index][current - 1]
        let names = ProjectNames(outcome.project, schema: plan.schema)
        let registry = plan.schema.registry
        let summary = plan.schema.summaryColumns.compactMap { column -> String? in
            guard let i = registry.columnIndex(column.column) else { return nil }
            return CellText.of(outcome.project.row[i], column: registry.columns[i])
        }
        var out = "■ \(names.text(language)) (\(outcome.project.id))"
        if !summary.isEmpty { out += " · " + summary.joined(separator: " · ") }
        out += "\n"
        out += "  " + t("종합", "Overall") + ": \(score(scores.overall)) \(band(scores.overallBandIndex))"
            + " (" + t("전분기", "previous") + " \(score(previous.overall)), \(change(scores.overall, previous.overall)))\n\n"

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
        out += dimensions.render(indent: "  ") + "\n"

        var indicators = TextTable(
            headers: [t("지표", "Indicator"), t("값", "Value"), t("점수", "Score"), t("등급", "Band"), t("전분기 값", "Prev. value"), t("변화", "Change")],
            alignments: [.left, .right, .right, .left, .right, .right])
        var notes: [String] = []
        for (i, indicator) in plan.indicators.enumerated() {
            let now = scores.indicators[i]
            let before = previous.indicators[i]
            let definition = indicator.definition
            let status: String
            switch now.outcome {
            case .notApplicable: status = t("해당 없음", "n/a")
            case let .notComputable(reason):
                status = t("산출 불가", "not computable")
                notes.append("  - \(definition.name.text(language)): \(reason.text(language))")
            case .value: status = band(now.bandIndex)
            }
            indicators.rows.append([
                definition.name.text(language), value(now.value, definition.format), score(now.score), status,
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
                f.topReasons.prefix(2).map { "\($0.code) \($0.count)" }.joined(separator: ", "),
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
        out += "  " + t("점수 = (값 − 하한) / (목표 − 하한) × 100, 0~100으로 제한. 차원 점수는 산출 가능한 지표의 가중 평균.",
                        "score = (value − floor) / (target − floor) × 100, clamped to 0–100; a dimension is the weighted mean of its computable indicators.") + "\n"
        return out
    }

    // MARK: - Cells

    private func score(_ s: Double?) -> String { s.map { Fixed.string($0, decimals: 1) } ?? "—" }

    private func band(_ index: Int?) -> String { index.map { settings.bands[$0].name.text(language) } ?? "—" }

    private func change(_ now: Double?, _ before: Double?) -> String {
        guard let now, let before else { return "—" }
        let d = now - before
        let text = Fixed.string(abs(d), decimals: 1)
        return text == "0.0" ? "±0.0" : (d > 0 ? "+" : "-") + text
    }

    private func value(_ v: Double?, _ format: IndicatorDefinition.Format) -> String { format.text(v) }

    private func status(_ s: FileQuality.Status) -> String {
        switch s {
        case .read: return t("읽음", "read")
        case .missing: return t("파일 없음", "missing")
        case .empty: return t("빈 파일", "empty file")
        case let .skipped(why): return t("건너뜀: ", "skipped: ") + why.text(language)
        }
    }
}

extension IndicatorDefinition.Format {
    /// A value as report.txt shows it; "—" when there is none or it has no digits (NaN, ±∞).
    func text(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        switch self {
        case .percent:
            // × 100 may pass 1.8e308; such a value is whole, so its digits and "00" are exact.
            let percent = value * 100
            return (percent.isFinite ? Fixed.string(percent, decimals: 1) : Fixed.string(value, decimals: 0) + "00.0") + "%"
        case .count: return Fixed.string(value, decimals: 0)
        case .number: return Fixed.string(value, decimals: 2)
        }
    }
}
