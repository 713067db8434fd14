import DataContract
import Results
import XLSX

/// The portfolio's *순위 안정성 / Rank robustness* sheet: per ranked project its rank, the
/// median and 90 % range of its rank over the draws, and a chart of the ranges.
struct RankRobustnessSheet {
    let result: EvaluationResult
    let ranking: [Int]
    let words: Words

    /// The chart draws each range as stacked bar segments on a rank axis: an invisible one
    /// up to p05 − ½, then p05 … median − ½, the median's own unit in a dark colour, and
    /// median + ½ … p95 + ½, so that every rank in the range is one unit wide.
    func write(_ sheet: Worksheet, workbook: Workbook) throws {
        var table = SheetTable(sheet)
        try table.header([
            words("순위", "Rank"), result.plan.settings.wording.idHeading(words.language), result.plan.settings.wording.nameHeading(words.language), words("순위 중앙값", "Median rank"),
            words("5% 백분위 순위", "5th percentile"), words("95% 백분위 순위", "95th percentile"),
            words("그림: 시작", "Chart: start"), words("그림: 중앙값 앞", "Chart: below median"), words("그림: 중앙값", "Chart: median"),
            words("그림: 중앙값 뒤", "Chart: above median"),
        ])
        let ranked = ranking.compactMap { index in result.uncertainty.ranks[index].map { (index, $0) } }
        for (index, range) in ranked {
            let project = result.projects[index].project
            try table.write(
                [.number(Double(range.position), format: "0"), .text(project.id),
                 .text(ProjectNames(project, schema: result.plan.schema).text(words.language))]
                    + [range.median, range.p05, range.p95].map { .number(Double($0), format: "0") }
                    + [Double(range.p05) - 0.5, Double(range.median - range.p05), 1, Double(range.p95 - range.median)]
                        .map { .number($0, format: "0.0") })
        }
        table.skip()
        let draws = result.plan.settings.uncertainty.draws
        try table.write([.note(words(
            "가중치와 비율 지표를 바꿔 \(draws)번 다시 매긴 순위의 중앙값과 5–95% 범위(1 = 최고)",
            "Median and 5–95 % range of the rank over \(draws) rescorings with other weights and redrawn shares (1 = highest)"))])
        try sheet.freezePanes(row: 1, column: 3)
        try table.fitColumns()
        let layout = PrintLayout(period: result.configuration.period, words: words)
        guard !ranked.isEmpty else { return try layout.table(table) }

        let chart = try workbook.addChart(.stackedBar)
        try chart.setTitle(words("순위 범위 (5–95%, 진한 칸 = 중앙값)", "Rank range (5–95 %, dark = median)"))
        let last = ranked.count
        let fills: [Chart.Fill] = [.invisible, .color(0x9DC3E6), .color(0x1F4E79), .color(0x9DC3E6)]
        for (offset, fill) in fills.enumerated() {
            try chart.addSeries(
                categories: Chart.Range(sheet: sheet.name, firstRow: 1, firstColumn: 2, lastRow: last, lastColumn: 2),
                values: Chart.Range(sheet: sheet.name, firstRow: 1, firstColumn: 6 + offset, lastRow: last, lastColumn: 6 + offset),
                name: (sheet.name, 0, 6 + offset), fill: fill)
        }
        try chart.setValueAxis(minimum: 0, maximum: Double(last + 1), majorUnit: 1)
        try chart.reverseCategories()
        try chart.hideLegend()
        let chartScale = max(1, Double(last) / 8)
        try sheet.insert(chart, row: last + 3, column: 0, widthScale: 1.6, heightScale: chartScale)
        try layout.table(table, lastRow: last + 3 + PrintLayout.rows(ofChartScaled: chartScale))
    }
}
