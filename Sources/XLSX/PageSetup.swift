import CXLSXWriter

/// How a sheet prints: landscape A4, one page wide, its header rows on every page, a print
/// area, page breaks and a footer.
public struct PageSetup: Sendable {
    /// Cells `firstRow...lastRow` × `firstColumn...lastColumn`.
    public struct Area: Sendable, Equatable {
        public var firstRow: Int
        public var firstColumn: Int
        public var lastRow: Int
        public var lastColumn: Int

        public init(firstRow: Int = 0, firstColumn: Int = 0, lastRow: Int, lastColumn: Int) {
            self.firstRow = firstRow
            self.firstColumn = firstColumn
            self.lastRow = lastRow
            self.lastColumn = lastColumn
        }
    }

    /// Excel's paper code for A4 (`worksheet_set_paper`).
    static let a4: UInt8 = 9
    /// Excel's limit on a header or footer, control codes included.
    public static let maximumFooterLength = 255

    public var landscape = true
    /// Scale the print area to one page wide and as many tall as it needs. Excel then
    /// ignores manual page breaks, so a sheet uses one or the other.
    public var fitToWidth = true
    public var repeatedRows: ClosedRange<Int>?
    public var area: Area?
    /// Rows that start a new page (used only without `fitToWidth`).
    public var pageBreaks: [Int] = []
    public var footer: PageFooter?

    public init(fitToWidth: Bool = true, repeatedRows: ClosedRange<Int>? = nil, area: Area? = nil, pageBreaks: [Int] = [], footer: PageFooter? = nil) {
        self.fitToWidth = fitToWidth
        self.repeatedRows = repeatedRows
        self.area = area
        self.pageBreaks = pageBreaks
        self.footer = footer
    }
}

/// A printed footer: text on the left and right, "page / pages" in the middle.
public struct PageFooter: Sendable, Equatable {
    public var left: String
    public var right: String

    public init(left: String, right: String) {
        self.left = left
        self.right = right
    }

    /// Excel's footer codes: `&L`, `&C`, `&R` start the sections, `&P`/`&N` are the page and
    /// the page count, and a literal `&` is written `&&`.
    public var code: String {
        func literal(_ text: String) -> String { CellText.excelSafe(text).replacingOccurrences(of: "&", with: "&&") }
        return "&L" + literal(left) + "&C&P / &N&R" + literal(right)
    }
}

extension Worksheet {
    /// Applies a page setup. Wraps `worksheet_set_landscape`, `worksheet_set_paper`,
    /// `worksheet_fit_to_pages`, `worksheet_repeat_rows`, `worksheet_print_area`,
    /// `worksheet_set_h_pagebreaks` and `worksheet_set_footer`, checking each return code.
    public func setPage(_ setup: PageSetup) throws {
        if let footer = setup.footer?.code, footer.count > PageSetup.maximumFooterLength {
            throw XLSXError(operation: "\(name) footer", message: "longer than Excel's \(PageSetup.maximumFooterLength) characters")
        }
        if setup.fitToWidth && !setup.pageBreaks.isEmpty {
            throw XLSXError(operation: "\(name) page setup", message: "page breaks are ignored when the sheet is fitted to one page wide")
        }
        if let rows = setup.repeatedRows { try checkCell(rows.upperBound, 0) }
        if let area = setup.area {
            try checkCell(area.firstRow, area.firstColumn)
            try checkCell(area.lastRow, area.lastColumn)
        }
        // libxlsxwriter reads the rows up to a 0, which is also why row 0 cannot be a break.
        var breaks = setup.pageBreaks.filter { $0 > 0 }.sorted().map { lxw_row_t($0) } + [0]
        for sheet in try sheets() {
            if setup.landscape { worksheet_set_landscape(sheet) }
            worksheet_set_paper(sheet, PageSetup.a4)
            if setup.fitToWidth { worksheet_fit_to_pages(sheet, 1, 0) }
            if let rows = setup.repeatedRows {
                try check(worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), "worksheet_repeat_rows \(name)")
            }
            if let area = setup.area {
                try check(
                    worksheet_print_area(
                        sheet, lxw_row_t(area.firstRow), lxw_col_t(area.firstColumn), lxw_row_t(area.lastRow), lxw_col_t(area.lastColumn)),
                    "worksheet_print_area \(name)")
            }
            if !setup.pageBreaks.isEmpty { try check(worksheet_set_h_pagebreaks(sheet, &breaks), "worksheet_set_h_pagebreaks \(name)") }
            if let footer = setup.footer {
                try check(worksheet_set_footer(sheet, footer.code), "worksheet_set_footer \(name)")
            }
        }
    }
}
