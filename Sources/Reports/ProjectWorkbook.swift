import DataContract
import Definitions
import Evaluation
import Foundation
import Results
import Scoring
import Uncertainty
import XLSX

/// `projects/<id>.xlsx`: one project's scores, its four-quarter trend with a line chart, and
/// the group breakdowns of evaluation.yaml with small cells hidden.
package struct ProjectWorkbook {
    let result: EvaluationResult
    let index: Int
    let words: Words

    package init(result: EvaluationResult, index: Int, words: Words) {
        self.result = result
        self.index = index
        self.words = words
    }

    private var plan: EvaluationPlan { result.plan }
    private var settings: Settings { plan.settings }
    private var outcome: ProjectOutcome { result.projects[index] }
    private var current: Int { result.quarters.count - 1 }
    private var layout: PrintLayout { PrintLayout(period: result.configuration.period, words: words) }

    package func write(to path: String, created: Int) throws -> [String] {
        let name = ProjectNames(outcome.project, schema: plan.schema).text(words.language)
        return try Workbook.write(
            to: path, options: Workbook.Options(created: created, title: "\(name) \(result.configuration.period)", author: "outcome-eval")
        ) { workbook in
            try writeEvaluation(try workbook.addWorksheet(words("평가", "Evaluation")), name: name)
            let trend = try workbook.addWorksheet(words("추이", "Trend"))
            try writeTrend(trend, workbook: workbook)
            try writeBreakdowns(try workbook.addWorksheet(words("집단별", "Breakdowns")))
            try DriversSheet(result: result, index: index, words: words).write(try workbook.addWorksheet(words("변화 요인", "Drivers")))
        }
    }

    private func writeEvaluation(_ sheet: Worksheet, name: String) throws {
        let scores = result.scores[index][current]
        let previous = result.scores[index][current - 1]
        var table = SheetTable(sheet)
        try table.write([.note(name + "  ·  " + outcome.project.id + "  ·  " + result.configuration.period.description)], style: CellStyle(bold: true))
        try table.write([
            .text(words("종합", "Overall")), .optional(scores.overall, format: PortfolioWorkbook.scoreFormat), .text(band(scores.overallBandIndex)),
            .text(words("전분기", "Previous")), .optional(previous.overall, format: PortfolioWorkbook.scoreFormat),
        ])
        table.skip()
        try table.header([words("차원", "Dimension"), words("점수", "Score"), words("포괄도", "Coverage"), words("등급", "Band"), words("전분기", "Previous")])
        for (d, dimension) in settings.dimensions.enumerated() {
            let now = scores.dimensions[d]
            try table.write([
                .text(dimension.name.text(words.language)), .optional(now.score, format: PortfolioWorkbook.scoreFormat),
                .optional(now.coverage, format: "0%"),
                .text(now.score == nil && now.coverage != nil ? words("자료 부족", "insufficient data") : band(now.bandIndex)),
                .optional(previous.dimensions[d].score, format: PortfolioWorkbook.scoreFormat),
            ])
        }
        // A score of 0 that made a geometric or harmonic level 0, under the table (none: no row).
        for note in AggregationText(settings: settings, language: words.language).notes(scores, plan: plan) {
            try table.write([.note(note)])
        }
        table.skip()
        try table.header([
            words("지표", "Indicator"), words("차원", "Dimension"), words("값", "Value"), words("점수", "Score"), words("등급", "Band"),
            words("전분기 값", "Previous value"), words("전분기 점수", "Previous score"), words("상태", "Status"), words("사유", "Reason"),
        ])
        for (i, indicator) in plan.indicators.enumerated() {
            try table.write(
                indicatorRow(indicator.definition, now: scores.indicators[i], before: previous.indicators[i], share: result.uncertainty.intervals[index][i]))
        }
        try table.write([.note(UncertaintyText(settings: settings, language: words.language).markNote())])
        try table.fitColumns()
        // The project's name on every page.
        try layout.table(table)
    }

    // Built in its own function: Swift 6.3's optimiser crashed on this row inline in the loop.
    private func indicatorRow(_ d: IndicatorDefinition, now: IndicatorScore, before: IndicatorScore, share: ShareInterval?) -> [ReportCell] {
        let format = d.format.excelFormat
        let value = now.value
        let previousValue = before.value
        let dimension = settings.dimensions.first { $0.id == d.dimension }?.name.text(words.language) ?? d.dimension
        var cells: [ReportCell] = [.text(d.name.text(words.language)), .text(dimension)]
        cells.append(.optional(value, format: format))
        cells.append(.optional(now.score, format: PortfolioWorkbook.scoreFormat))
        cells.append(.text(UncertaintyText.band(band(now.bandIndex), share)))
        cells.append(.optional(previousValue, format: format))
        cells.append(.optional(before.score, format: PortfolioWorkbook.scoreFormat))
        cells.append(.text(words.status(now.outcome)))
        cells.append(.text(now.plainReason(d, words.language)))
        return cells
    }

    private func writeTrend(_ sheet: Worksheet, workbook: Workbook) throws {
        var table = SheetTable(sheet)
        try table.header([words("분기", "Quarter")] + settings.dimensions.map { $0.name.text(words.language) } + [words("종합", "Overall")])
        for (q, quarter) in result.quarters.enumerated() {
            let scores = result.scores[index][q]
            try table.write(
                [.text(quarter.description)] + scores.dimensions.map { .optional($0.score, format: PortfolioWorkbook.scoreFormat) }
                    + [.optional(scores.overall, format: PortfolioWorkbook.scoreFormat)])
        }
        try table.fitColumns()
        let chart = try workbook.addChart(.line)
        try chart.setTitle(words("분기별 점수", "Scores by quarter"))
        let last = result.quarters.count
        for column in 1...(settings.dimensions.count + 1) {
            try chart.addSeries(
                categories: Chart.Range(sheet: sheet.name, firstRow: 1, firstColumn: 0, lastRow: last, lastColumn: 0),
                values: Chart.Range(sheet: sheet.name, firstRow: 1, firstColumn: column, lastRow: last, lastColumn: column),
                name: (sheet.name, 0, column))
        }
        try chart.setValueAxis(minimum: 0, maximum: 100)
        let chartScale = 1.2
        try sheet.insert(chart, row: last + 2, column: 0, widthScale: 1.5, heightScale: chartScale)
        // The chart is 1.5 × 480 pixels wide, about twelve default columns.
        try layout.blocks(sheet, lastRow: last + 2 + PrintLayout.rows(ofChartScaled: chartScale), lastColumn: max(table.lastColumn, 11), pageBreaks: [])
    }

    private func writeBreakdowns(_ sheet: Worksheet) throws {
        var table = SheetTable(sheet)
        let threshold = settings.smallCellThreshold
        var breaks = PageBreaks()
        for (breakdown, published) in zip(plan.breakdowns, result.breakdowns[index]) {
            // Title, description, header, groups, total, a blank row: kept on one page.
            breaks.block(at: table.row, height: 5 + (published?.groups.count ?? 0))
            try table.write([.note(breakdown.name.text(words.language))], style: CellStyle(bold: true))
            if let description = breakdown.description { try table.write([.note(description.text(words.language))]) }
            guard let published, let total = published.total else {
                try table.write([.note(published == nil ? words("자료 없음", "no data") : PublishedBreakdown.withheldNote.text(words.language))])
                table.skip()
                continue
            }
            try table.header(
                [words("집단", "Group"), words("인원·건수", "Count"), words("비율", "Share")] + (breakdown.hasRate ? [words("비율(조건)", "Rate")] : []))
            for group in published.groups {
                let label = group.label ?? words("(미기재)", "(not stated)")
                guard let count = group.count, let share = group.share else {
                    try table.write([.text(label), .text(group.suppression?.mark(threshold: threshold) ?? "")])
                    continue
                }
                let rate: [ReportCell] = group.rate.map { [.number($0, format: "0.0%")] } ?? []
                try table.write([.text(label), .number(Double(count), format: "#,##0"), .number(share, format: "0.0%")] + rate)
            }
            let totalRate: [ReportCell] = published.totalRate.map { [.text(""), .number($0, format: "0.0%")] } ?? []
            try table.write([.text(words("합계", "Total")), .number(Double(total), format: "#,##0")] + totalRate, style: CellStyle(bold: true))
            table.skip()
        }
        // The footnotes may go to a page of their own if they must: they are not a table.
        for suppression in [PublishedBreakdown.Suppression.smallCell, .complementary] {
            try table.write([.note(suppression.footnote(threshold: threshold).text(words.language))])
        }
        try table.fitColumns()
        // The descriptions run over the empty cells to the right of the tables; the area keeps them.
        try layout.blocks(sheet, lastRow: max(0, table.row - 1), lastColumn: max(table.lastColumn, 7), pageBreaks: breaks.rows)
    }

    private func band(_ index: Int?) -> String { index.map { settings.bands[$0].name.text(words.language) } ?? "" }
}
