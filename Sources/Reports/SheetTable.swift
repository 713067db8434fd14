import DataContract
import Definitions
import Evaluation
import XLSX

/// One cell of a report table, before it meets a worksheet.
enum ReportCell {
    case text(String)
    /// Text that may run over the cells to its right (titles, notes): it does not widen its column.
    case note(String)
    case number(Double, format: String)
    /// Missing: a blank cell, never 0.
    case empty

    static func optional(_ value: Double?, format: String) -> ReportCell {
        value.map { .number($0, format: format) } ?? .empty
    }
}

/// Writes tables row by row (as constant-memory mode needs) and sizes columns to fit.
struct SheetTable {
    let sheet: Worksheet
    private(set) var row = 0
    /// The rightmost column written so far, for the print area.
    private(set) var lastColumn = 0
    private var widths: [Int: Int] = [:]

    static let headerStyle = CellStyle(bold: true, fill: 0xDDEBF7, border: true)

    init(_ sheet: Worksheet) { self.sheet = sheet }

    mutating func header(_ titles: [String]) throws {
        try write(titles.map { .text($0) }, style: Self.headerStyle)
    }

    mutating func write(_ cells: [ReportCell], style: CellStyle? = nil) throws {
        lastColumn = max(lastColumn, cells.count - 1)
        for (column, cell) in cells.enumerated() {
            switch cell {
            case let .text(text):
                try sheet.write(row, column, text, style)
                note(column, DisplayWidth.of(Self.firstLine(text)))
            case let .note(text):
                try sheet.write(row, column, text, style)
            case let .number(value, format):
                var numberStyle = style ?? CellStyle()
                numberStyle.numberFormat = format
                try sheet.write(row, column, value, numberStyle)
                note(column, 10)
            case .empty:
                if let style { try sheet.writeBlank(row, column, style) }
            }
        }
        row += 1
    }

    mutating func skip(_ rows: Int = 1) { row += rows }

    /// The text up to its first line feed (a text without one, most of them, is not split).
    static func firstLine(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\n")) else { return text }
        return text.split(separator: "\n").first.map(String.init) ?? ""
    }

    private mutating func note(_ column: Int, _ width: Int) {
        widths[column] = max(widths[column] ?? 0, width)
    }

    /// Sets each column to its widest text, in Excel's character units: a Hangul syllable
    /// counts two cells, and the extra fifth makes room for fonts whose Hangul is wider still.
    func fitColumns(maximum: Int = 60) throws {
        for (column, width) in widths.sorted(by: { $0.key < $1.key }) {
            try sheet.setColumns(column, column, width: min(Double(maximum), Double(width) * 1.2 + 2))
        }
    }
}

extension IndicatorDefinition.Format {
    /// The Excel number format that shows such a value.
    var excelFormat: String {
        switch self {
        case .percent: return "0.0%"
        case .count: return "#,##0"
        case .number: return "0.00"
        }
    }
}

extension Settings.Band {
    var fill: UInt32 { UInt32(color.dropFirst(), radix: 16) ?? 0xFFFFFF }
}

extension Words {
    /// An indicator's status for people (results.json keeps the codes).
    func status(_ outcome: IndicatorOutcome) -> String {
        switch outcome {
        case .value: return self("정상", "ok")
        case .notComputable: return self("산출 불가", "not computable")
        case .notApplicable: return self("해당 없음", "not applicable")
        }
    }

    /// A file's status for people (data_quality.csv keeps the codes).
    func fileStatus(_ status: FileQuality.Status) -> String {
        switch status {
        case .read: return self("읽음", "read")
        case .missing: return self("파일 없음", "missing")
        case .empty: return self("빈 파일", "empty file")
        case let .skipped(why): return self("건너뜀: ", "skipped: ") + why.text(language)
        }
    }
}
