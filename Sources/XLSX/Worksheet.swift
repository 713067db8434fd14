import CXLSXWriter
import Foundation

/// A sheet of an open workbook. Rows are numbered from 0, as in libxlsxwriter.
public final class Worksheet {
    public let name: String
    // Strong: a sheet kept past `write` must find its workbook closed, not freed.
    private let workbook: Workbook
    /// This sheet in each of the workbook's libxlsxwriter workbooks (see `Workbook.write`).
    private let handles: [UnsafeMutablePointer<lxw_worksheet>]

    /// Excel's limit on the characters of one cell.
    public static let maximumStringLength = 32_767
    public static let maximumRows = 1_048_576
    public static let maximumColumns = 16_384

    init(workbook: Workbook, handles: [UnsafeMutablePointer<lxw_worksheet>], name: String) {
        self.workbook = workbook
        self.handles = handles
        self.name = name
    }

    /// This sheet in each libxlsxwriter workbook, the file's first; throws once they are closed.
    func sheets() throws(XLSXError) -> [UnsafeMutablePointer<lxw_worksheet>] {
        _ = try workbook.open()
        return handles
    }

    /// Makes the same call on the sheet of every libxlsxwriter workbook, with the style's
    /// format there.
    func each(_ style: CellStyle? = nil, _ call: (UnsafeMutablePointer<lxw_worksheet>, UnsafeMutablePointer<lxw_format>?) throws(XLSXError) -> Void) throws(XLSXError) {
        let formats = try workbook.formats(style)
        for (sheet, format) in zip(try sheets(), formats) { try call(sheet, format) }
    }

    func checkCell(_ row: Int, _ column: Int) throws(XLSXError) {
        guard (0..<Worksheet.maximumRows).contains(row), (0..<Worksheet.maximumColumns).contains(column) else {
            throw XLSXError(operation: "\(name) cell (\(row), \(column))", message: "outside Excel's 1,048,576 rows × 16,384 columns")
        }
    }

    /// Writes text as text, never as a formula. Control characters Excel rejects become their
    /// visible symbols (U+2400…), and text over 32,767 characters is cut with a marker.
    /// Wraps `worksheet_write_string`.
    public func write(_ row: Int, _ column: Int, _ text: String, _ style: CellStyle? = nil) throws {
        try checkCell(row, column)
        var clean = CellText.excelSafe(text)
        // Characters never outnumber UTF-8 bytes: most texts need no count of characters.
        if clean.utf8.count > Worksheet.maximumStringLength && clean.count > Worksheet.maximumStringLength {
            let marker = " …[cut: \(clean.count) characters]"
            clean = String(clean.prefix(Worksheet.maximumStringLength - marker.count)) + marker
            workbook.warn("\(name)!\(CellReference.name(row, column)): text longer than 32,767 characters was cut")
        }
        try clean.withCString { text in
            try each(style) { sheet, format throws(XLSXError) in
                try check(worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text, format), "worksheet_write_string \(name)")
            }
        }
    }

    /// Writes a number; NaN and infinity, which Excel cannot hold, become a blank and a warning.
    /// Wraps `worksheet_write_number`.
    public func write(_ row: Int, _ column: Int, _ number: Double, _ style: CellStyle? = nil) throws {
        try checkCell(row, column)
        guard number.isFinite else {
            workbook.warn("\(name)!\(CellReference.name(row, column)): \(number) is not a number Excel can hold; left blank")
            return try writeBlank(row, column, style)
        }
        try each(style) { sheet, format throws(XLSXError) in
            try check(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, format), "worksheet_write_number \(name)")
        }
    }

    /// Wraps `worksheet_write_blank` (a blank with a style; without one libxlsxwriter writes nothing).
    public func writeBlank(_ row: Int, _ column: Int, _ style: CellStyle? = nil) throws {
        try checkCell(row, column)
        try each(style) { sheet, format throws(XLSXError) in
            try check(worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(column), format), "worksheet_write_blank \(name)")
        }
    }

    /// Wraps `worksheet_set_column`.
    public func setColumns(_ first: Int, _ last: Int, width: Double, _ style: CellStyle? = nil) throws {
        try each(style) { sheet, format throws(XLSXError) in
            try check(worksheet_set_column(sheet, lxw_col_t(first), lxw_col_t(last), width, format), "worksheet_set_column \(name)")
        }
    }

    /// Wraps `worksheet_freeze_panes`.
    public func freezePanes(row: Int, column: Int) throws {
        try each { sheet, _ in worksheet_freeze_panes(sheet, lxw_row_t(row), lxw_col_t(column)) }
    }

    /// Wraps `worksheet_autofilter`.
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        try each { sheet, _ throws(XLSXError) in
            try check(
                worksheet_autofilter(sheet, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)),
                "worksheet_autofilter \(name)")
        }
    }

    /// Colours cells whose formula (relative to the range's first cell) is true.
    /// Wraps `worksheet_conditional_format_range` with a formula rule.
    public func conditionalFormat(
        firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, formula: String, style: CellStyle
    ) throws {
        let formulaCopy = strdup(formula)
        defer { free(formulaCopy) }
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
        rule.value_string = formulaCopy
        try each(style) { sheet, format throws(XLSXError) in
            rule.format = format
            try check(
                worksheet_conditional_format_range(
                    sheet, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn), &rule),
                "worksheet_conditional_format_range \(name)")
        }
    }

    /// Places a chart with its top-left corner at the cell. Wraps `worksheet_insert_chart_opt`.
    public func insert(_ chart: Chart, row: Int, column: Int, widthScale: Double = 1, heightScale: Double = 1) throws {
        var options = lxw_chart_options()
        options.x_scale = widthScale
        options.y_scale = heightScale
        for (sheet, chart) in zip(try sheets(), try chart.pointers()) {
            try check(worksheet_insert_chart_opt(sheet, lxw_row_t(row), lxw_col_t(column), chart, &options), "worksheet_insert_chart \(name)")
        }
    }
}

/// Text made safe for a cell.
enum CellText {
    /// Excel's XML cannot hold C0 control characters other than tab, line feed and carriage
    /// return; they become the matching visible symbol of Unicode's Control Pictures block.
    static func excelSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isForbidden(scalar) ? Unicode.Scalar(0x2400 + scalar.value)! : scalar)
        }
        return String(scalars)
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }
}

/// A1-style names of cells, for messages and formulas.
public enum CellReference {
    public static func name(_ row: Int, _ column: Int) -> String { columnName(column) + String(row + 1) }

    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
