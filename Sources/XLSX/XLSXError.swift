import CXLSXWriter

/// A problem writing a workbook: a code from libxlsxwriter, or one found before calling it.
public struct XLSXError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was being done, e.g. "workbook_close Reports/2026Q3/portfolio.xlsx".
    public var operation: String
    public var message: String

    public var description: String { "\(operation): \(message)" }
}

/// A workbook whose bytes on disk are not those libxlsxwriter was asked for: a write on its
/// behalf was lost (see `Workbook.write`).
public struct WorkbookMismatch: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String

    public var description: String { "\(path): the workbook on disk does not hold what was written" }
}

/// Turns a libxlsxwriter return code into a thrown error carrying `lxw_strerror`'s text.
func check(_ error: lxw_error, _ operation: @autoclosure () -> String) throws(XLSXError) {
    guard error != LXW_NO_ERROR else { return }
    throw XLSXError(operation: operation(), message: String(cString: lxw_strerror(error)))
}
