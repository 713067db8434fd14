import DataContract
import Definitions
import Evaluation
import Foundation
import Results
import Scoring
import Uncertainty

/// `report.html`: the whole report as one page that needs nothing else — no network, no
/// file beside it — for people without a spreadsheet program. Korean or English (`--lang`).
package struct HTMLReport {
    let result: EvaluationResult
    let words: Words
    let toolVersion: String

    package init(result: EvaluationResult, words: Words, toolVersion: String) {
        self.result = result
        self.words = words
        self.toolVersion = toolVersion
    }

    private var plan: EvaluationPlan { result.plan }
    private var settings: Settings { plan.settings }
    private var language: Language { words.language }
    private var current: Int { result.quarters.count - 1 }

    package func render() -> String {
        var html = HTMLWriter()
        let period = result.configuration.period
        let title = settings.wording.title.text(language) + " — \(period)"
        html.constant("<!DOCTYPE html>\n")
        html.open("html", ["lang": language.rawValue])
        html.newline()
        html.open("head")
        html.void("meta", ["charset": "utf-8"])
        html.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        html.element("title", title)
        html.constant("<style>\n")
        html.constant(HTMLStyle.css)
        html.constant("\n</style>")
        html.close("head")
        html.newline()
        html.open("body")
        html.open("main")
        html.element("h1", title)
        html.element(
            "p", ["class": "meta"],
            "\(period.firstDay) ~ \(period.lastDay) · " + words("도구 버전", "tool version") + " \(toolVersion) · " + words("지표", "indicators")
                + " \(plan.indicators.count) · " + settings.wording.units(language) + " \(result.projects.count) · " + words("전분기", "previous quarter")
                + " \(period.previous)")
        contents(&html)
        ranking(&html)
        rollups(&html)
        for index in result.ranking { project(index, &html) }
        dataQuality(&html)
        definitions(&html)
        html.close("main")
        html.newline()
        html.constant("<script>\n")
        html.constant(HTMLStyle.script)
        html.constant("\n</script>")
        html.close("body")
        html.close("html")
        html.newline()
        return html.text
    }

    // MARK: - Sections

    private func contents(_ html: inout HTMLWriter) {
        html.open("nav", ["aria-label": words("목차", "Contents")])
        html.open("ul")
        var links = [("ranking", words(settings.wording.unit.ko + " 순위", "Ranking"))]
        if !plan.rollups.isEmpty { links.append(("rollups", words("부서·유형별", "Roll-ups"))) }
        links += result.ranking.map { ("p-" + result.projects[$0].project.id, name($0)) }
        links += [("quality", words("자료 품질", "Data quality")), ("definitions", words("정의", "Definitions"))]
        for (id, text) in links {
            html.open("li")
            html.element("a", ["href": "#" + id], text)
            html.close("li")
        }
        html.close("ul")
        html.close("nav")
        html.newline()
    }

    private func ranking(_ html: inout HTMLWriter) {
        html.open("section", ["id": "ranking"])
        html.element("h2", words(settings.wording.unit.ko + " 순위", "Ranking"))
        html.element("p", ["class": "note"], words("열 제목을 누르면 그 열로 정렬합니다.", "Select a column heading to sort by it."))
        let summary = plan.schema.summaryColumns
        let headings = [words("순위", "Rank"), words("순위 범위(90%)", "Rank range (90%)"), settings.wording.unitHeading(language)] + summary.map { $0.name.text(language) }
            + settings.dimensions.map { $0.name.text(language) }
            + [words("종합", "Overall"), words("등급", "Band"), words("전분기 종합", "Previous overall"), words("변화", "Change")]
        openTable(words(settings.wording.unit.ko + " 순위 (종합 점수 순)", settings.wording.unitsHeading(.en) + " by overall score"), headings: headings, id: "ranking-table", sortable: true, &html)
        for (rank, index) in result.ranking.enumerated() {
            let outcome = result.projects[index]
            let scores = result.scores[index][current]
            let previous = result.scores[index][current - 1]
            html.open("tr", ["data-project": outcome.project.id])
            let range = result.uncertainty.ranks[index]
            let position = range?.position ?? rank + 1
            number(String(position), sortValue: Double(position), &html)
            number(range.map { "\($0.p05)–\($0.p95)" } ?? "—", sortValue: range.map { Double($0.median) }, &html)
            html.open("th", ["scope": "row"])
            html.element("a", ["href": "#p-" + outcome.project.id], name(index))
            html.close("th")
            for column in summary { html.element("td", registryText(index, column.column)) }
            for dimension in scores.dimensions { scoreCell(dimension.score, band: dimension.bandIndex, &html) }
            scoreCell(scores.overall, band: scores.overallBandIndex, dataOverall: true, &html)
            bandCell(scores.overallBandIndex, &html)
            number(ReportNumbers.score(previous.overall), sortValue: previous.overall, &html)
            let change = scores.overall.flatMap { now in previous.overall.map { now - $0 } }
            number(ReportNumbers.change(scores.overall, previous.overall), sortValue: change, &html)
            html.close("tr")
            html.newline()
        }
        closeTable(&html)
        legend(&html)
        html.open("ul", ["class": "note"])
        for note in uncertaintyText.notes() { html.element("li", note) }
        html.close("ul")
        html.close("section")
        html.newline()
    }

    /// The bands in words and colour, so that a colour is never the only sign of a band.
    private func legend(_ html: inout HTMLWriter) {
        html.open("p", ["class": "note"])
        html.write(words("등급", "Bands") + ": ")
        var upper = "100"
        for (b, band) in settings.bands.enumerated() {
            if b > 0 { html.write(" · ") }
            html.element("span", ["class": "band", "style": "background:" + band.color], band.name.text(language))
            html.write(" \(Fixed.string(band.minimum, decimals: 0))–\(upper)")
            upper = "<" + Fixed.string(band.minimum, decimals: 0)
        }
        html.close("p")
    }

    private func rollups(_ html: inout HTMLWriter) {
        guard !plan.rollups.isEmpty else { return }
        html.open("section", ["id": "rollups"])
        html.element("h2", words("부서·유형별", "Roll-ups"))
        for rollup in RollupTable.all(result) {
            let column = plan.schema.summaryColumns.first { $0.column == rollup.definition.column }?.name.text(language) ?? rollup.definition.column
            openTable(rollup.definition.name.text(language), headings: [column] + RollupTable.headings(settings, words), &html)
            for group in rollup.groups {
                html.open("tr")
                html.element("th", ["scope": "row"], group.label ?? words("(미기재)", "(not stated)"))
                number(String(group.projects), &html)
                number(ReportNumbers.score(group.mean), &html)
                number(ReportNumbers.score(group.median), &html)
                for count in group.bands { number(String(count), &html) }
                number(String(group.unscored), &html)
                number(group.change.map(ReportNumbers.difference) ?? "—", &html)
                number(String(group.changeProjects), &html)
                html.close("tr")
                html.newline()
            }
            closeTable(&html)
        }
        html.element("p", ["class": "note"], RollupTable.changeNote(settings, words))
        html.close("section")
        html.newline()
    }

    private func project(_ index: Int, _ html: inout HTMLWriter) {
        let outcome = result.projects[index]
        let id = outcome.project.id
        let scores = result.scores[index][current]
        let previous = result.scores[index][current - 1]
        html.open("section", ["id": "p-" + id, "class": "project"])
        html.element("h2", "\(name(index)) (\(id))")
        let summary = plan.schema.summaryColumns.map { $0.name.text(language) + ": " + registryText(index, $0.column) }
        if !summary.isEmpty { html.element("p", ["class": "meta"], summary.joined(separator: " · ")) }
        html.element(
            "p",
            words("종합", "Overall") + ": " + ReportNumbers.score(scores.overall) + " " + bandName(scores.overallBandIndex) + " ("
                + words("전분기", "previous") + " " + ReportNumbers.score(previous.overall) + ", "
                + ReportNumbers.change(scores.overall, previous.overall) + ")")

        drivers(index, &html)

        html.element("h3", words("차원별 점수", "Dimension scores"))
        let bars = settings.dimensions.enumerated().map { d, dimension -> SVGCharts.Bar in
            let now = scores.dimensions[d]
            return SVGCharts.Bar(
                label: dimension.name.text(language), score: now.score, color: now.bandIndex.map { settings.bands[$0].color },
                text: now.score == nil ? dimensionNote(now) : ReportNumbers.score(now.score) + " " + bandName(now.bandIndex))
        }
        html.open("figure")
        SVGCharts.bars(
            bars, id: "dim-" + id, title: words("차원별 점수: ", "Dimension scores: ") + name(index),
            description: bars.map { "\($0.label) \($0.text)" }.joined(separator: ", "), into: &html)
        html.close("figure")
        openTable(
            words("차원별 점수", "Dimension scores"),
            headings: [words("차원", "Dimension"), words("점수", "Score"), words("포괄도", "Coverage"), words("등급", "Band"), words("전분기", "Previous"), words("변화", "Change")],
            &html)
        for (d, dimension) in settings.dimensions.enumerated() {
            let now = scores.dimensions[d]
            let before = previous.dimensions[d].score
            html.open("tr")
            html.element("th", ["scope": "row"], dimension.name.text(language))
            number(ReportNumbers.score(now.score), &html)
            number(now.coverage.map { Fixed.string($0 * 100, decimals: 0) + "%" } ?? "—", &html)
            if now.score == nil { html.element("td", dimensionNote(now)) } else { bandCell(now.bandIndex, &html) }
            number(ReportNumbers.score(before), &html)
            number(ReportNumbers.change(now.score, before), &html)
            html.close("tr")
        }
        closeTable(&html)
        // A score of 0 that made a geometric or harmonic level 0 (none: no paragraph).
        for note in AggregationText(settings: settings, language: language).notes(scores, plan: plan) {
            html.element("p", ["class": "note"], note)
        }

        indicators(index, &html)
        trend(index, &html)
        breakdowns(index, &html)
        html.element("h3", words("자료 품질", "Data quality"))
        qualityTable(outcome.files, caption: words("파일별 자료 품질", "Data quality by file"), &html)
        html.close("section")
        html.newline()
    }

    /// What moved the overall score since the previous quarter, indicator by indicator.
    private func drivers(_ index: Int, _ html: inout HTMLWriter) {
        guard let drivers = result.uncertainty.drivers[index], !drivers.isEmpty else { return }
        html.element("h3", words("변화 요인", "Drivers of change"))
        openTable(
            words("전분기 대비 종합 점수 변화의 지표별 몫 (더하면 변화)", "The change of the overall score by indicator (the parts add up to the change)"),
            headings: [words("지표", "Indicator"), words("몫(점)", "Part (points)")], &html)
        for driver in drivers {
            html.open("tr")
            html.element("th", ["scope": "row"], plan.indicators[driver.indicator].definition.name.text(language))
            number(ReportNumbers.difference(driver.contribution), &html)
            html.close("tr")
        }
        closeTable(&html)
    }

    private func indicators(_ index: Int, _ html: inout HTMLWriter) {
        let scores = result.scores[index][current]
        let previous = result.scores[index][current - 1]
        html.element("h3", words("지표", "Indicators"))
        openTable(
            words("지표별 값과 점수", "Indicator values and scores"),
            headings: [
                words("지표", "Indicator"), words("값", "Value"), words("점수", "Score"), words("등급·상태", "Band or status"),
                words("전분기 값", "Previous value"), words("변화", "Change"), words("산출 불가 사유", "Why not computable"),
            ], &html)
        for (i, indicator) in plan.indicators.enumerated() {
            let d = indicator.definition
            let now = scores.indicators[i]
            let before = previous.indicators[i]
            html.open("tr")
            html.element("th", ["scope": "row"], d.name.text(language))
            let interval = result.uncertainty.intervals[index][i]
            number(ReportNumbers.value(now.value, d.format) + (interval.map { " (" + uncertaintyText.interval($0.interval, d.format) + ")" } ?? ""), &html)
            number(ReportNumbers.score(now.score), &html)
            if case .value = now.outcome { bandCell(now.bandIndex, interval: interval, &html) } else { html.element("td", words.status(now.outcome)) }
            number(ReportNumbers.value(before.value, d.format), &html)
            number(ReportNumbers.change(now.score, before.score), &html)
            html.element("td", ["class": "reason"], now.plainReason(d, language))
            html.close("tr")
        }
        closeTable(&html)
    }

    private func trend(_ index: Int, _ html: inout HTMLWriter) {
        let id = result.projects[index].project.id
        let quarters = result.quarters.map(\.description)
        let series = settings.dimensions.enumerated().map { d, dimension in
            SVGCharts.Series(name: dimension.name.text(language), points: result.scores[index].map { $0.dimensions[d].score })
        } + [SVGCharts.Series(name: words("종합", "Overall"), points: result.scores[index].map(\.overall))]
        html.element("h3", words("분기별 추이", "Four-quarter trend"))
        html.open("figure")
        SVGCharts.lines(
            series, quarters: quarters, id: "trend-" + id, title: words("분기별 점수: ", "Scores by quarter: ") + name(index),
            description: series.map { line in
                line.name + " " + zip(quarters, line.points).map { "\($0) \(ReportNumbers.score($1))" }.joined(separator: ", ")
            }.joined(separator: "; "), into: &html)
        html.close("figure")
        openTable(words("분기별 점수", "Scores by quarter"), headings: [words("분기", "Quarter")] + series.map(\.name), &html)
        for (q, quarter) in quarters.enumerated() {
            html.open("tr")
            html.element("th", ["scope": "row"], quarter)
            for line in series { number(ReportNumbers.score(line.points[q]), &html) }
            html.close("tr")
        }
        closeTable(&html)
    }

    /// The breakdowns exactly as every output publishes them (`PublishedBreakdown`): hidden
    /// groups with their marks and no share, the total, and the withheld ones not at all.
    private func breakdowns(_ index: Int, _ html: inout HTMLWriter) {
        guard !plan.breakdowns.isEmpty else { return }
        let threshold = settings.smallCellThreshold
        html.element("h3", words("집단별 분포", "Breakdowns"))
        // Side by side where there is room: the tables are narrow and some are long.
        html.open("div", ["class": "breakdowns"])
        for (breakdown, published) in zip(plan.breakdowns, result.breakdowns[index]) {
            html.open("div")
            defer { html.close("div") }
            html.element("h4", breakdown.name.text(language))
            if let description = breakdown.description { html.element("p", ["class": "note"], description.text(language)) }
            guard let published, let total = published.total else {
                html.element("p", published == nil ? words("자료 없음", "no data") : PublishedBreakdown.withheldNote.text(language))
                continue
            }
            openTable(
                breakdown.name.text(language),
                headings: [words("집단", "Group"), words("인원·건수", "Count"), words("비율", "Share")] + (breakdown.hasRate ? [words("비율(조건)", "Rate")] : []),
                &html)
            for group in published.groups {
                html.open("tr")
                html.element("th", ["scope": "row"], group.label ?? words("(미기재)", "(not stated)"))
                number(group.count.map(String.init) ?? group.suppression?.mark(threshold: threshold) ?? "", &html)
                number(group.share.map(ReportNumbers.percent) ?? "", &html)
                if breakdown.hasRate { number(group.rate.map(ReportNumbers.percent) ?? "", &html) }
                html.close("tr")
            }
            html.open("tr")
            html.element("th", ["scope": "row"], words("합계", "Total"))
            number(String(total), &html)
            number("", &html)
            if breakdown.hasRate { number(published.totalRate.map(ReportNumbers.percent) ?? "", &html) }
            html.close("tr")
            closeTable(&html)
        }
        html.close("div")
        for suppression in [PublishedBreakdown.Suppression.smallCell, .complementary] {
            html.element("p", ["class": "note"], suppression.footnote(threshold: threshold).text(language))
        }
    }

    private func dataQuality(_ html: inout HTMLWriter) {
        html.open("section", ["id": "quality"])
        html.element("h2", words("자료 품질", "Data quality"))
        let files = result.allFiles
        let read = files.reduce(0) { $0 + $1.read }
        let accepted = files.reduce(0) { $0 + $1.accepted }
        let rejected = files.reduce(0) { $0 + $1.rejected }
        html.element(
            "p",
            words("읽은 행", "Rows read") + " \(read) = " + words("채택", "accepted") + " \(accepted) + " + words("거부", "rejected") + " \(rejected) ("
                + words("거부 행은 rejects.csv", "rejected rows are in rejects.csv") + "). " + words("거부 비율 상한", "Rejected-share ceiling") + " "
                + ReportNumbers.percent(settings.rejectCeiling) + ".")
        qualityTable(files, caption: words("모든 입력 파일", "Every input file"), &html)
        html.close("section")
        html.newline()
    }

    private func qualityTable(_ files: [FileQuality], caption: String, _ html: inout HTMLWriter) {
        openTable(
            caption,
            headings: [
                words("파일", "File"), words("상태", "Status"), words("인코딩", "Encoding"), words("읽음", "Read"), words("채택", "Accepted"),
                words("거부", "Rejected"), words("주요 사유", "Top reasons"),
            ], &html)
        for file in files {
            html.open("tr")
            html.element("th", ["scope": "row"], file.file)
            html.element("td", words.fileStatus(file.status))
            html.element("td", file.encoding?.rawValue ?? "—")
            number(String(file.read), &html)
            number(String(file.accepted), &html)
            number(String(file.rejected), &html)
            html.element("td", file.topReasonsText(words.language))
            html.close("tr")
        }
        closeTable(&html)
    }

    private func definitions(_ html: inout HTMLWriter) {
        html.open("section", ["id": "definitions"])
        html.element("h2", words("정의", "Definitions"))
        html.element("p", AggregationText(settings: settings, language: language).legend())
        legend(&html)
        openTable(
            words("지표 정의", "Indicator definitions"),
            headings: [
                words("지표", "Indicator"), words("차원", "Dimension"), words("설명", "Description"), words("산식", "Formula"), words("하한", "Floor"),
                words("목표", "Target"), words("가중치", "Weight"), words("적용 대상", "Applies to"), words("산출 불가 시", "When not computable"),
            ], &html)
        for indicator in plan.indicators {
            let d = indicator.definition
            html.open("tr")
            html.open("th", ["scope": "row"])
            html.write(d.name.text(language) + " ")
            html.element("code", d.id)
            html.close("th")
            html.element("td", settings.dimensions.first { $0.id == d.dimension }?.name.text(language) ?? d.dimension)
            html.element("td", d.description?.text(language) ?? "")
            code(d.value.trimmingCharacters(in: .whitespacesAndNewlines), &html)
            number(d.floor, &html)
            number(d.target, &html)
            number(Fixed.string(d.weight, decimals: 2), &html)
            if let applies = d.appliesTo { code(applies, &html) } else { html.element("td", words("모든 " + settings.wording.unit.ko, "all " + settings.wording.unitPlural)) }
            html.element("td", d.missing?.text(language) ?? "")
            html.close("tr")
        }
        closeTable(&html)
        if !plan.breakdowns.isEmpty {
            openTable(
                words("집단별 분포 정의", "Breakdown definitions"),
                headings: [words("집단별 표", "Breakdown"), words("설명", "Description"), words("대상 행", "Rows"), words("집단", "Groups"), words("비율 조건", "Rate")],
                &html)
            for breakdown in plan.breakdowns {
                html.open("tr")
                html.element("th", ["scope": "row"], breakdown.name.text(language))
                html.element("td", breakdown.description?.text(language) ?? "")
                code(breakdown.rows, &html)
                code(breakdown.by, &html)
                code(breakdown.rate ?? "", &html)
                html.close("tr")
            }
            closeTable(&html)
        }
        for reference in settings.references.values.sorted(by: { $0.name < $1.name }) {
            html.element("p", ["class": "note"], reference.name + (reference.note.map { ": " + $0.text(language) } ?? ""))
        }
        html.close("section")
        html.newline()
    }

    // MARK: - Cells

    /// A table in a box that scrolls sideways on a narrow screen, so the page itself never does.
    private func openTable(_ caption: String, headings: [String], id: String? = nil, sortable: Bool = false, _ html: inout HTMLWriter) {
        html.open("div", ["class": "scroll", "role": "region", "aria-label": caption, "tabindex": "0"])
        html.open("table", ["id": id, "class": sortable ? "sortable" : nil])
        html.element("caption", caption)
        html.open("thead")
        html.open("tr")
        for heading in headings { html.element("th", ["scope": "col"], heading) }
        html.close("tr")
        html.close("thead")
        html.open("tbody")
        html.newline()
    }

    private func closeTable(_ html: inout HTMLWriter) {
        html.close("tbody")
        html.close("table")
        html.close("div")
        html.newline()
    }

    /// A number cell; `sortValue` (missing sorts lowest) is what the sorting script compares.
    private func number(_ text: String, sortValue: Double?? = .none, _ html: inout HTMLWriter) {
        var sortText: String?
        if case let .some(value) = sortValue { sortText = value.map(JSONWriter.number) ?? "-1e9" }
        html.open("td", ["class": "n", "data-v": sortText])
        html.write(text)
        html.close("td")
    }

    /// A score on its band's colour; `dataOverall` also gives the full-precision score for
    /// machines (the browser test reads it back against results.json).
    private func scoreCell(_ score: Double?, band: Int?, dataOverall: Bool = false, _ html: inout HTMLWriter) {
        let exact = score.map(JSONWriter.number)
        html.open(
            "td",
            ["class": "n", "style": band.map { "background:" + settings.bands[$0].color }, "data-v": exact ?? "-1e9", "data-overall": dataOverall ? exact ?? "" : nil])
        html.write(ReportNumbers.score(score))
        html.close("td")
    }

    /// A band on its colour; with the uncertain mark when a share's interval reaches another band.
    private func bandCell(_ band: Int?, interval: ShareInterval? = nil, _ html: inout HTMLWriter) {
        html.element(
            "td", ["class": "band", "style": band.map { "background:" + settings.bands[$0].color }],
            UncertaintyText.band(bandName(band), interval))
    }

    private var uncertaintyText: UncertaintyText { UncertaintyText(settings: settings, language: language) }

    private func code(_ text: String, _ html: inout HTMLWriter) {
        html.open("td")
        html.element("code", text)
        html.close("td")
    }

    private func name(_ index: Int) -> String { ProjectNames(result.projects[index].project, schema: plan.schema).text(language) }

    private func registryText(_ index: Int, _ column: String) -> String {
        let registry = plan.schema.registry
        guard let i = registry.columnIndex(column) else { return "" }
        return ValueText.of(result.projects[index].project.row[i], column: registry.columns[i])
    }

    private func bandName(_ index: Int?) -> String { index.map { settings.bands[$0].name.text(language) } ?? "—" }

    private func dimensionNote(_ score: DimensionScore) -> String {
        score.coverage == nil ? words("해당 없음", "not applicable") : words("자료 부족", "insufficient data")
    }
}
