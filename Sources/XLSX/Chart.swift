import CXLSXWriter
import Foundation

/// A chart of an open workbook; its series point at cell ranges of a sheet.
public final class Chart {
    public enum Kind: Sendable {
        case bar, column, line, radar
        /// Horizontal bars whose series stack end to end (a range drawn as an invisible
        /// first segment and visible ones after it).
        case stackedBar

        var code: UInt8 {
            switch self {
            case .bar: return UInt8(LXW_CHART_BAR.rawValue)
            case .stackedBar: return UInt8(LXW_CHART_BAR_STACKED.rawValue)
            case .column: return UInt8(LXW_CHART_COLUMN.rawValue)
            case .line: return UInt8(LXW_CHART_LINE.rawValue)
            case .radar: return UInt8(LXW_CHART_RADAR_WITH_MARKERS.rawValue)
            }
        }
    }

    /// Cells `firstRow...lastRow` × `firstColumn...lastColumn` of a sheet.
    public struct Range: Sendable {
        public var sheet: String
        public var firstRow: Int
        public var firstColumn: Int
        public var lastRow: Int
        public var lastColumn: Int

        public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
            self.sheet = sheet
            self.firstRow = firstRow
            self.firstColumn = firstColumn
            self.lastRow = lastRow
            self.lastColumn = lastColumn
        }
    }

    /// How a series' bars are filled.
    public enum Fill: Sendable {
        /// Excel's colour for the series' place.
        case automatic
        /// No fill and no border: the series takes its room but is not seen.
        case invisible
        /// `0xRRGGBB`.
        case color(UInt32)
    }

    public let kind: Kind
    // Strong: a sheet kept past `write` must find its workbook closed, not freed.
    private let workbook: Workbook
    /// This chart in each of the workbook's libxlsxwriter workbooks (see `Workbook.write`).
    private let handles: [UnsafeMutablePointer<lxw_chart>]

    init(workbook: Workbook, handles: [UnsafeMutablePointer<lxw_chart>], kind: Kind) {
        self.workbook = workbook
        self.handles = handles
        self.kind = kind
    }

    /// The chart in each libxlsxwriter workbook, the file's first; throws once they are closed.
    func pointers() throws(XLSXError) -> [UnsafeMutablePointer<lxw_chart>] {
        _ = try workbook.open()
        return handles
    }

    /// Adds a series; the sheet name is quoted by libxlsxwriter.
    /// Wraps `chart_add_series`, `chart_series_set_categories`, `..._values` and `..._name_range`.
    /// Wraps `chart_series_set_fill` and `chart_series_set_line` for a `fill` other than automatic.
    public func addSeries(
        categories: Range, values: Range, name: (sheet: String, row: Int, column: Int)?, fill: Fill = .automatic
    ) throws {
        for chart in try pointers() { try addSeries(to: chart, categories: categories, values: values, name: name, fill: fill) }
    }

    private func addSeries(
        to chart: UnsafeMutablePointer<lxw_chart>, categories: Range, values: Range, name: (sheet: String, row: Int, column: Int)?, fill: Fill
    ) throws(XLSXError) {
        guard let series = chart_add_series(chart, nil, nil) else {
            throw XLSXError(operation: "chart_add_series", message: "libxlsxwriter refused the series")
        }
        chart_series_set_categories(
            series, categories.sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstColumn),
            lxw_row_t(categories.lastRow), lxw_col_t(categories.lastColumn))
        chart_series_set_values(
            series, values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn), lxw_row_t(values.lastRow),
            lxw_col_t(values.lastColumn))
        if let name { chart_series_set_name_range(series, name.sheet, lxw_row_t(name.row), lxw_col_t(name.column)) }
        switch fill {
        case .automatic:
            break
        case .invisible:
            var none = lxw_chart_fill(color: 0, none: 1, transparency: 0)
            var noLine = lxw_chart_line(color: 0, none: 1, width: 0, dash_type: 0, transparency: 0)
            chart_series_set_fill(series, &none)
            chart_series_set_line(series, &noLine)
        case let .color(rgb):
            var solid = lxw_chart_fill(color: rgb, none: 0, transparency: 0)
            chart_series_set_fill(series, &solid)
        }
    }

    /// Wraps `chart_title_set_name`.
    public func setTitle(_ title: String) throws {
        let title = CellText.excelSafe(title)
        for chart in try pointers() { chart_title_set_name(chart, title) }
    }

    /// Fixes the value axis, e.g. 0 to 100 for scores. Wraps `chart_axis_set_min`/`_max`.
    /// Wraps `chart_axis_set_major_unit` when `majorUnit` is given.
    public func setValueAxis(minimum: Double, maximum: Double, majorUnit: Double? = nil) throws {
        for chart in try pointers() {
            // A bar chart lies on its side: its values run along the x axis.
            let axis = isHorizontal ? chart.pointee.x_axis : chart.pointee.y_axis
            chart_axis_set_min(axis, minimum)
            chart_axis_set_max(axis, maximum)
            if let majorUnit { chart_axis_set_major_unit(axis, majorUnit) }
        }
    }

    /// Lists the categories from the top down, as a table reads (a bar chart starts at the
    /// bottom). Wraps `chart_axis_set_reverse`.
    public func reverseCategories() throws {
        for chart in try pointers() { chart_axis_set_reverse(isHorizontal ? chart.pointee.y_axis : chart.pointee.x_axis) }
    }

    private var isHorizontal: Bool { kind == .bar || kind == .stackedBar }

    /// Wraps `chart_legend_set_position`.
    public func hideLegend() throws {
        for chart in try pointers() { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
    }
}
