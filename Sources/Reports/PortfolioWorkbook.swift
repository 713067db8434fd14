import DataContract
import Definitions
import Evaluation
import Results
import XLSX

/// `portfolio.xlsx`: every project on one summary, with charts, indicators, data quality and
/// the definitions an auditor needs to see what was computed.
package struct PortfolioWorkbook {
    let result: EvaluationResult
    let ranking: [Int]
    let words: Words

    package init(result: EvaluationResult, ranking: [Int], words: Words) {
        self.result = result
        self.ranking = ranking
        self.words = words
    }

    private var plan: EvaluationPlan { result.plan }
    private var settings: Settings { plan.settings }
    private var current: Int { result.quarters.count - 1 }
    private var layout: PrintLayout { PrintLayout(period: result.configuration.period, words: words) }
    static let scoreFormat = "0.0"
    static let changeFormat = "+0.0;-0.0;0.0"

    package func write(to path: String, created: Int) throws -> [String] {
        try Workbook.write(
            to: path, options: Workbook.Options(created: created, title: words("성과평가", "Outcome evaluation") + " \(result.configuration.period)", author: "outcome-eval")
        ) { workbook in
            let summary = try workbook.addWorksheet(words("요약", "Summary"))
            let charts = try workbook.addWorksheet(words("차트", "Charts"))
            try writeSummary(summary)
            try writeCharts(charts, workbook: workbook, summary: summary.name)
            try writeIndicators(try workbook.addWorksheet(words("지표", "Indicators")))
            try RankRobustnessSheet(result: result, ranking: ranking, words: words)
                .write(try workbook.addWorksheet(words("순위 안정성", "Rank robustness")), workbook: workbook)
            if !plan.rollups.isEmpty { try writeRollups(try workbook.addWorksheet(words("부서·유형별", "Roll-ups"))) }
            try writeDataQuality(try workbook.addWorksheet(words("자료 품질", "Data quality")))
            try writeDefinitions(try workbook.addWorksheet(words("정의", "Definitions")))
        }
    }

    /// Summary columns: rank, id, name, registry summary columns, dimensions, overall, band, previous, change.
    private var dimensionColumn: Int { 3 + plan.schema.summaryColumns.count }

    private func writeSummary(_ sheet: Worksheet) throws {
        var table = SheetTable(sheet)
        try table.header(
            [words("순위", "Rank"), unit.idHeading(words.language), unit.nameHeading(words.language)]
                + plan.schema.summaryColumns.map { $0.name.text(words.language) }
                + settings.dimensions.map { $0.name.text(words.language) }
                + [words("종합", "Overall"), words("등급", "Band"), words("전분기 종합", "Previous overall"), words("변화", "Change")])
        for (rank, index) in ranking.enumerated() {
            let outcome = result.projects[index]
            let scores = result.scores[index][current]
            let previous = result.scores[index][current - 1]
            let registry = plan.schema.registry
            let summary = plan.schema.summaryColumns.map { column -> ReportCell in
                guard let i = registry.columnIndex(column.column) else { return .empty }
                return .text(ValueText.of(outcome.project.row[i], column: registry.columns[i]))
            }
            let change = scores.overall.flatMap { now in previous.overall.map { now - $0 } }
            try table.write(
                [.number(Double(result.uncertainty.ranks[index]?.position ?? rank + 1), format: "0"), .text(outcome.project.id), .text(ProjectNames(outcome.project, schema: plan.schema).text(words.language))]
                    + summary
                    + scores.dimensions.map { .optional($0.score, format: Self.scoreFormat) }
                    + [.optional(scores.overall, format: Self.scoreFormat), .text(band(scores.overallBandIndex)),
                       .optional(previous.overall, format: Self.scoreFormat), .optional(change, format: Self.changeFormat)])
        }
        let lastRow = max(1, ranking.count)
        let lastColumn = dimensionColumn + settings.dimensions.count + 3
        try sheet.freezePanes(row: 1, column: 3)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: lastRow, lastColumn: lastColumn)
        try colourBands(sheet, firstColumn: dimensionColumn, lastColumn: dimensionColumn + settings.dimensions.count, lastRow: lastRow)
        try table.fitColumns()
        try layout.table(table)
    }

    /// Colours score cells by the legend of evaluation.yaml: the highest band first wins.
    private func colourBands(_ sheet: Worksheet, firstColumn: Int, lastColumn: Int, lastRow: Int) throws {
        let cell = CellReference.name(1, firstColumn).replacingOccurrences(of: "$", with: "")
        for band in settings.bands {
            try sheet.conditionalFormat(
                firstRow: 1, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn,
                formula: "=AND(ISNUMBER(\(cell)),\(cell)>=\(JSONWriter.number(band.minimum)))", style: CellStyle(fill: band.fill))
        }
    }

    private func writeCharts(_ sheet: Worksheet, workbook: Workbook, summary: String) throws {
        guard !ranking.isEmpty else { return }
        let last = ranking.count
        let overallColumn = dimensionColumn + settings.dimensions.count
        let bar = try workbook.addChart(.bar)
        try bar.setTitle(words("종합 점수", "Overall score"))
        try bar.addSeries(
            categories: Chart.Range(sheet: summary, firstRow: 1, firstColumn: 2, lastRow: last, lastColumn: 2),
            values: Chart.Range(sheet: summary, firstRow: 1, firstColumn: overallColumn, lastRow: last, lastColumn: overallColumn),
            name: (summary, 0, overallColumn))
        try bar.setValueAxis(minimum: 0, maximum: 100)
        try bar.hideLegend()
        // One chart per landscape page, at 100 %: the bars grow with the projects up to a page.
        let barScale = min(Double(PrintLayout.rowsPerPage - 3) * PrintLayout.rowPixels / 288, max(1, Double(ranking.count) * 24 / 288))
        try sheet.insert(bar, row: 0, column: 0, widthScale: 1.5, heightScale: barScale)

        // A radar with more than ten shapes cannot be read; it shows the top ten.
        let radar = try workbook.addChart(.radar)
        try radar.setTitle(words("차원별 점수 (상위 10개 \(unit.unit.ko))", "Dimension scores (top 10 \(unit.unitPlural))"))
        for row in 1...min(10, last) {
            try radar.addSeries(
                categories: Chart.Range(sheet: summary, firstRow: 0, firstColumn: dimensionColumn, lastRow: 0, lastColumn: overallColumn - 1),
                values: Chart.Range(sheet: summary, firstRow: row, firstColumn: dimensionColumn, lastRow: row, lastColumn: overallColumn - 1),
                name: (summary, row, 2))
        }
        try radar.setValueAxis(minimum: 0, maximum: 100)
        let radarScale = 1.6
        let radarRow = PrintLayout.rowsPerPage
        try sheet.insert(radar, row: radarRow, column: 0, widthScale: 1.5, heightScale: radarScale)
        // 1.5 × 480 pixels over columns of 64.
        try layout.blocks(sheet, lastRow: radarRow + PrintLayout.rows(ofChartScaled: radarScale), lastColumn: 11, pageBreaks: [radarRow])
    }

    private func writeRollups(_ sheet: Worksheet) throws {
        var table = SheetTable(sheet)
        for rollup in RollupTable.all(result) {
            try table.write([.note(rollup.definition.name.text(words.language))], style: CellStyle(bold: true))
            let column = plan.schema.summaryColumns.first { $0.column == rollup.definition.column }?.name.text(words.language) ?? rollup.definition.column
            try table.header([column] + RollupTable.headings(settings, words))
            for group in rollup.groups {
                try table.write(
                    [.text(group.label ?? words("(미기재)", "(not stated)")), .number(Double(group.projects), format: "0"),
                     .optional(group.mean, format: Self.scoreFormat), .optional(group.median, format: Self.scoreFormat)]
                        + group.bands.map { .number(Double($0), format: "0") }
                        + [.number(Double(group.unscored), format: "0"), .optional(group.change, format: "+0.0;-0.0;0.0"),
                           .number(Double(group.changeProjects), format: "0")])
            }
            table.skip()
        }
        try table.write([.note(RollupTable.changeNote(settings, words))])
        try table.fitColumns()
        // Wider than a page at 100 %: fitted to the width, with no header row to repeat.
        try layout.table(table, repeatedRows: nil)
    }

    private func writeIndicators(_ sheet: Worksheet) throws {
        var table = SheetTable(sheet)
        try table.header([
            unit.idHeading(words.language), unit.nameHeading(words.language), words("차원", "Dimension"), words("지표 ID", "Indicator ID"),
            words("지표", "Indicator"), words("값", "Value"), words("구간 하한", "Interval low"), words("구간 상한", "Interval high"),
            words("점수", "Score"), words("등급", "Band"), words("전분기 값", "Previous value"),
            words("전분기 점수", "Previous score"), words("상태", "Status"), words("사유", "Reason"),
        ])
        for index in ranking {
            let outcome = result.projects[index]
            let name = ProjectNames(outcome.project, schema: plan.schema).text(words.language)
            for (i, indicator) in plan.indicators.enumerated() {
                let now = result.scores[index][current].indicators[i]
                let before = result.scores[index][current - 1].indicators[i]
                let definition = indicator.definition
                let format = definition.format.excelFormat
                let share = result.uncertainty.intervals[index][i]
                let interval = share?.interval
                try table.write([
                    .text(outcome.project.id), .text(name), .text(dimensionName(definition.dimension)), .text(definition.id),
                    .text(definition.name.text(words.language)), .optional(now.value, format: format),
                    .optional(interval?.low, format: format), .optional(interval?.high, format: format),
                    .optional(now.score, format: Self.scoreFormat), .text(UncertaintyText.band(band(now.bandIndex), share)),
                    .optional(before.value, format: format),
                    .optional(before.score, format: Self.scoreFormat), .text(words.status(now.outcome)),
                    .text(now.plainReason(definition, words.language)),
                ])
            }
        }
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(1, table.row - 1), lastColumn: 13)
        try table.write([.note(UncertaintyText(settings: settings, language: words.language).markNote())])
        try table.fitColumns()
        try layout.table(table)
    }

    private func writeDataQuality(_ sheet: Worksheet) throws {
        var table = SheetTable(sheet)
        try table.header([
            words("파일", "File"), words("표", "Table"), words("상태", "Status"), words("인코딩", "Encoding"), words("읽음", "Read"),
            words("채택", "Accepted"), words("거부", "Rejected"), words("거부 비율", "Rejected share"), words("빈 줄", "Blank lines"),
            words("주요 사유", "Top reasons"),
        ])
        for file in result.allFiles {
            try table.write([
                .text(file.file), .text(file.table), .text(words.fileStatus(file.status)), .text(file.encoding?.rawValue ?? ""),
                .number(Double(file.read), format: "#,##0"), .number(Double(file.accepted), format: "#,##0"),
                .number(Double(file.rejected), format: "#,##0"), .number(file.rejectedShare, format: "0.00%"),
                .number(Double(file.blankLines), format: "0"),
                .text(file.topReasonsText(words.language)),
            ])
        }
        try sheet.freezePanes(row: 1, column: 0)
        try table.fitColumns()
        try layout.table(table)
    }

    private func writeDefinitions(_ sheet: Worksheet) throws {
        var table = SheetTable(sheet)
        // Long formulas and descriptions wrap in narrower columns, so that the sheet prints
        // one page wide at a size that can be read.
        let wrapped = CellStyle(wrap: true)
        try table.header([
            "ID", words("지표", "Indicator"), words("영문 이름", "Korean name"), words("차원", "Dimension"), words("적용 대상", "Applies to"),
            words("산식", "Formula"), words("방향", "Direction"), words("하한", "Floor"), words("목표", "Target"), words("가중치", "Weight"),
            words("표시", "Format"), words("설명", "Description"), words("산출 불가 시", "When not computable"), words("정의 파일", "Definition file"),
        ])
        for indicator in plan.indicators {
            let d = indicator.definition
            try table.write([
                .text(d.id), .text(d.name.text(words.language)), .text(words.language == .ko ? d.name.en : d.name.ko),
                .text(dimensionName(d.dimension)), .text(d.appliesTo ?? words("모든 " + unit.unit.ko, "all " + unit.unitPlural)),
                .text(d.value.trimmingCharacters(in: .whitespacesAndNewlines)), .text(d.direction.rawValue), .text(d.floor), .text(d.target),
                .number(d.weight, format: "0.##"), .text(d.format.rawValue), .text(d.description?.text(words.language) ?? ""),
                .text(d.missing?.text(words.language) ?? ""), .text(d.file),
            ], style: wrapped)
        }
        table.skip()
        for reference in settings.references.values.sorted(by: { $0.name < $1.name }) {
            try table.write([.text(reference.name), .text(reference.note?.text(words.language) ?? "")], style: wrapped)
        }
        table.skip()
        // The breakdowns' expressions, which the project workbooks show only in words.
        try table.header([
            "ID", words("집단별 표", "Breakdown"), words("설명", "Description"), words("대상 행", "Rows"), words("집단", "Groups"), words("비율 조건", "Rate"),
        ])
        for breakdown in plan.breakdowns {
            try table.write([
                .text(breakdown.id), .text(breakdown.name.text(words.language)), .text(breakdown.description?.text(words.language) ?? ""),
                .text(breakdown.rows), .text(breakdown.by), .text(breakdown.rate ?? ""),
            ], style: wrapped)
        }
        try sheet.freezePanes(row: 1, column: 1)
        try table.fitColumns(maximum: 36)
        try layout.table(table)
    }

    private var unit: ReportWording { settings.wording }

    private func band(_ index: Int?) -> String { index.map { settings.bands[$0].name.text(words.language) } ?? "" }

    private func dimensionName(_ id: String) -> String {
        settings.dimensions.first { $0.id == id }?.name.text(words.language) ?? id
    }
}

import Foundation
