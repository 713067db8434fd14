import DataContract
import XLSX

/// How the workbooks print: every sheet landscape A4 with the same footer (period, page,
/// tool version); tables one page wide with their header row on every page.
struct PrintLayout {
    /// Rows of the default height (15 pt) that fit on a landscape A4 page at 100 %, with
    /// Excel's default margins (0.75 in top and bottom) and a little to spare.
    static let rowsPerPage = 30
    /// Pixels of a default row, to turn a chart's height into rows.
    static let rowPixels = 20.0

    let footer: PageFooter

    init(period: Quarter, words: Words) {
        footer = PageFooter(left: words("평가 기간", "Period") + " \(period)", right: "outcome-eval \(OutcomeEvalVersion.string)")
    }

    /// A table sheet: one page wide, `repeatedRows` (its header) on every page; `lastRow`
    /// when something under the table (a chart) prints with it.
    func table(_ table: SheetTable, repeatedRows: ClosedRange<Int>? = 0...0, lastRow: Int? = nil) throws {
        let area = PageSetup.Area(lastRow: lastRow ?? max(0, table.row - 1), lastColumn: table.lastColumn)
        try table.sheet.setPage(PageSetup(repeatedRows: repeatedRows, area: area, footer: footer))
    }

    /// A sheet of blocks that must not be cut (charts, small tables), at 100 %, with a page
    /// break before each block that would run over the end of its page.
    func blocks(_ sheet: Worksheet, lastRow: Int, lastColumn: Int, pageBreaks: [Int]) throws {
        try sheet.setPage(PageSetup(fitToWidth: false, area: .init(lastRow: lastRow, lastColumn: lastColumn), pageBreaks: pageBreaks, footer: footer))
    }

    /// Rows a chart of `heightScale` × libxlsxwriter's 288 pixels covers.
    static func rows(ofChartScaled heightScale: Double) -> Int {
        Int((288 * heightScale / rowPixels).rounded(.up))
    }
}

/// Plans page breaks for blocks written one after another, so that no block that fits on a
/// page is cut across two.
struct PageBreaks {
    private(set) var rows: [Int] = []
    private var pageStart = 0

    /// Call before writing a block of `height` rows at `row`.
    mutating func block(at row: Int, height: Int) {
        if row > pageStart, row - pageStart + height > PrintLayout.rowsPerPage {
            rows.append(row)
            pageStart = row
        }
    }
}
