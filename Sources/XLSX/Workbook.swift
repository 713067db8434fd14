import CXLSXWriter
import Foundation

/// An xlsx file being written. It exists only inside `Workbook.write(to:options:_:)`, which
/// closes it exactly once on every path; sheets and charts made from it check that it is
/// still open before each call, so none can outlive it.
public final class Workbook {
    public struct Options: Sendable {
        /// Write each sheet row by row to a temporary file (libxlsxwriter's `constant_memory`):
        /// memory then does not grow with rows, but rows must be written in order.
        public var constantMemory: Bool
        /// The document's created time, seconds since 1970 (UTC); fixed so that bytes repeat.
        public var created: Int
        public var title: String
        public var author: String

        public init(constantMemory: Bool = true, created: Int, title: String, author: String = "") {
            self.constantMemory = constantMemory
            self.created = created
            self.title = title
            self.author = author
        }
    }

    /// The version of libxlsxwriter the tool is built with (its header's `LXW_VERSION`): the
    /// workbooks' bytes depend on it.
    public static let libraryVersion: String = LXW_VERSION

    /// Things that were changed to fit Excel (a cut string, a blank for NaN), for the log.
    public private(set) var warnings: [String] = []

    let path: String
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []

    private init(path: String, handle: UnsafeMutablePointer<lxw_workbook>) {
        self.path = path
        self.handle = handle
    }

    /// Creates the file, lets `body` fill it, closes it whatever happens, and checks it.
    ///
    /// libxlsxwriter writes every part of the package to a temporary file with `fputc` and
    /// `fprintf` without checking them, then zips what the file holds with a valid checksum, so a
    /// failed write there makes a broken workbook and no error. It is deterministic, though: the
    /// same calls give the same bytes. So `body` runs twice (it must make the same calls each
    /// time), into the file and into a copy beside it, each through its own temporary files, and
    /// the two must agree byte for byte; any write lost on the way in either makes them differ
    /// (`WorkbookMismatch`). A fault that hits both the same way (a full disk) also hits the
    /// zip's own writes, which libxlsxwriter does check.
    public static func write(to path: String, options: Options, _ body: (Workbook) throws -> Void) throws -> [String] {
        let warnings = try render(to: path, options: options, body)
        let copy = path + ".check"
        defer { unlink(copy) }
        _ = try render(to: copy, options: options, body)
        guard let written = FileManager.default.contents(atPath: path), let again = FileManager.default.contents(atPath: copy),
            written == again
        else { throw WorkbookMismatch(path: path) }
        return warnings
    }

    /// One rendering: `workbook_new_opt`, `workbook_set_properties`, `body`, `workbook_close`.
    /// libxlsxwriter's temporary files go into the file's own folder (`tmpdir`), so that they
    /// are on the disk the report is written to, not on a `/tmp` that may be small or full.
    private static func render(to path: String, options: Options, _ body: (Workbook) throws -> Void) throws -> [String] {
        let parent = (path as NSString).deletingLastPathComponent
        let folder = strdup(parent.isEmpty ? "." : parent)
        defer { free(folder) }
        var cOptions = lxw_workbook_options()
        cOptions.constant_memory = options.constantMemory ? 1 : 0
        cOptions.tmpdir = folder
        guard let raw = workbook_new_opt(path, &cOptions) else {
            throw XLSXError(operation: "workbook_new_opt \(path)", message: "cannot create the workbook (out of memory)")
        }
        let workbook = Workbook(path: path, handle: raw)
        var bodyError: Error?
        do {
            try workbook.setProperties(options)
            try body(workbook)
        } catch {
            bodyError = error
        }
        let closeResult = workbook_close(raw)
        workbook.handle = nil
        if let bodyError {
            // libxlsxwriter writes the file on close; a half-filled one is not wanted.
            try? FileManager.default.removeItem(atPath: path)
            throw bodyError
        }
        try check(closeResult, "workbook_close \(path)")
        return workbook.warnings
    }

    func open() throws(XLSXError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XLSXError(operation: path, message: "the workbook is already closed") }
        return handle
    }

    private func setProperties(_ options: Options) throws(XLSXError) {
        let handle = try open()
        let title = strdup(options.title)
        let author = strdup(options.author)
        defer {
            free(title)
            free(author)
        }
        var properties = lxw_doc_properties()
        properties.title = title
        properties.author = author
        properties.created = time_t(options.created)
        try check(workbook_set_properties(handle, &properties), "workbook_set_properties \(path)")
    }

    /// Adds a sheet; the name must already be valid (see `SheetName.make`).
    /// Wraps `workbook_add_worksheet`, which returns NULL where this throws.
    public func addWorksheet(_ name: String) throws -> Worksheet {
        let handle = try open()
        try SheetName.validate(name, existing: sheetNames)
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw XLSXError(operation: "workbook_add_worksheet \(name)", message: "libxlsxwriter refused the sheet")
        }
        sheetNames.insert(name.lowercased())
        return Worksheet(workbook: self, handle: sheet, name: name)
    }

    /// Wraps `workbook_add_chart`.
    public func addChart(_ kind: Chart.Kind) throws -> Chart {
        let handle = try open()
        guard let chart = workbook_add_chart(handle, kind.code) else {
            throw XLSXError(operation: "workbook_add_chart", message: "libxlsxwriter refused the chart")
        }
        return Chart(workbook: self, handle: chart, kind: kind)
    }

    /// The libxlsxwriter format for a style, made once per workbook (`workbook_add_format`).
    func format(_ style: CellStyle?) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>? {
        guard let style else { return nil }
        if let cached = formats[style] { return cached }
        guard let format = workbook_add_format(try open()) else {
            throw XLSXError(operation: "workbook_add_format", message: "out of memory")
        }
        if style.bold { format_set_bold(format) }
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        if let fill = style.fill {
            format_set_bg_color(format, fill)
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
        }
        if style.wrap { format_set_text_wrap(format) }
        if style.alignRight { format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
        if style.border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        formats[style] = format
        return format
    }

    func warn(_ message: String) { warnings.append(message) }
}
