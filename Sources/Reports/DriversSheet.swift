import DataContract
import Results
import XLSX

/// A project workbook's *변화 요인 / Drivers* sheet: the change of the overall score since the
/// previous quarter, split by indicator, largest first; the parts add up to the change.
struct DriversSheet {
    let result: EvaluationResult
    let index: Int
    let words: Words

    func write(_ sheet: Worksheet) throws {
        let plan = result.plan
        let now = result.scores[index][result.quarters.count - 1]
        let before = result.scores[index][result.quarters.count - 2]
        var table = SheetTable(sheet)
        try table.write([.note(words("전분기 대비 종합 점수 변화의 지표별 몫", "The change of the overall score since the previous quarter, by indicator"))],
                        style: CellStyle(bold: true))
        guard let drivers = result.uncertainty.drivers[index], let overall = now.overall, let previous = before.overall else {
            try table.write([.note(words("이번 분기나 전분기에 종합 점수가 없어 나눌 수 없음", "No overall score this quarter or the previous one: nothing to split"))])
            try table.fitColumns()
            return try layout.table(table, repeatedRows: nil)
        }
        try table.header([
            words("지표", "Indicator"), words("차원", "Dimension"), words("기여", "Contribution"), words("점수", "Score"),
            words("전분기 점수", "Previous score"),
        ])
        for driver in drivers {
            let definition = plan.indicators[driver.indicator].definition
            let dimension = plan.settings.dimensions.first { $0.id == definition.dimension }?.name.text(words.language) ?? definition.dimension
            try table.write([
                .text(definition.name.text(words.language)), .text(dimension), .number(driver.contribution, format: PortfolioWorkbook.changeFormat),
                .optional(now.indicators[driver.indicator].score, format: PortfolioWorkbook.scoreFormat),
                .optional(before.indicators[driver.indicator].score, format: PortfolioWorkbook.scoreFormat),
            ])
        }
        try table.write([.text(words("종합 점수 변화", "Change of the overall score")), .empty, .number(overall - previous, format: PortfolioWorkbook.changeFormat)],
                        style: CellStyle(bold: true))
        try table.fitColumns()
        try layout.table(table, repeatedRows: 1...1)
    }

    private var layout: PrintLayout { PrintLayout(period: result.configuration.period, words: words) }
}
