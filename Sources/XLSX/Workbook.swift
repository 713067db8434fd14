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
    /// The workbook and its check copy, in that order, given the same calls (see `write`);
    /// empty once closed.
    private var handles: [UnsafeMutablePointer<lxw_workbook>]
    private var formats: [CellStyle: [UnsafeMutablePointer<lxw_format>?]] = [:]
    private var sheetNames: Set<String> = []

    private init(path: String, handles: [UnsafeMutablePointer<lxw_workbook>]) {
        self.path = path
        self.handles = handles
    }

    /// Creates the file, lets `body` fill it, closes it whatever happens, and checks it.
    ///
    /// libxlsxwriter writes every part of the package to a temporary file with `fputc` and
    /// `fprintf` without checking them, then zips what the file holds with a valid checksum, so a
    /// failed write there makes a broken workbook and no error. It is deterministic, though: the
    /// same calls give the same bytes. So every call `body` makes goes to two libxlsxwriter
    /// workbooks, the file and a copy beside it, each with its own temporary files, and the two
    /// must agree byte for byte; any write lost on the way in either makes them differ
    /// (`WorkbookMismatch`). A fault that hits both the same way (a full disk) also hits the
    /// zip's own writes, which libxlsxwriter does check.
    ///
    /// Nothing cheaper proves as much: the temporary XML parts are the only record of what
    /// libxlsxwriter meant to write, and it `rewind`s them (clearing the stream's error flag),
    /// reads them to the end and closes them unchecked; reading the zip back (inflate, CRC,
    /// sizes) proves only that it holds what those parts held, whole or not. The copy costs
    /// libxlsxwriter's work twice, but `body` (our tables, texts and styles) runs once.
    public static func write(to path: String, options: Options, _ body: (Workbook) throws -> Void) throws -> [String] {
        let copy = path + ".check"
        defer { unlink(copy) }
        let workbook = try open([path, copy], options: options)
        var bodyError: Error?
        do {
            try workbook.setProperties(options)
            try body(workbook)
        } catch {
            bodyError = error
        }
        let closed = workbook.handles.map { workbook_close($0) }
        workbook.handles = []
        if let bodyError {
            // libxlsxwriter writes the file on close; a half-filled one is not wanted.
            try? FileManager.default.removeItem(atPath: path)
            throw bodyError
        }
        for (file, result) in zip([path, copy], closed) { try check(result, "workbook_close \(file)") }
        try requireSame(path, copy)
        return workbook.warnings
    }

    /// Throws `WorkbookMismatch` (naming `path`) unless the two files hold the same bytes.
    static func requireSame(_ path: String, _ copy: String) throws(WorkbookMismatch) {
        guard let written = FileManager.default.contents(atPath: path), let again = FileManager.default.contents(atPath: copy), written == again
        else { throw WorkbookMismatch(path: path) }
    }

    /// `workbook_new_opt` for each path. libxlsxwriter's temporary files go into the file's own
    /// folder (`tmpdir`), so that they are on the disk the report is written to, not on a
    /// `/tmp` that may be small or full.
    private static func open(_ paths: [String], options: Options) throws -> Workbook {
        let parent = (paths[0] as NSString).deletingLastPathComponent
        let folder = strdup(parent.isEmpty ? "." : parent)
        defer { free(folder) }
        var cOptions = lxw_workbook_options()
        cOptions.constant_memory = options.constantMemory ? 1 : 0
        cOptions.tmpdir = folder
        var handles: [UnsafeMutablePointer<lxw_workbook>] = []
        for path in paths {
            guard let raw = workbook_new_opt(path, &cOptions) else {
                for (made, handle) in zip(paths, handles) {
                    workbook_close(handle)
                    unlink(made)
                }
                throw XLSXError(operation: "workbook_new_opt \(path)", message: "cannot create the workbook (out of memory)")
            }
            handles.append(raw)
        }
        return Workbook(path: paths[0], handles: handles)
    }

    /// The libxlsxwriter workbooks, the file's first; throws once they are closed.
    func open() throws(XLSXError) -> [UnsafeMutablePointer<lxw_workbook>] {
        guard !handles.isEmpty else { throw XLSXError(operation: path, message: "the workbook is already closed") }
        return handles
    }

    private func setProperties(_ options: Options) throws(XLSXError) {
        let handles = try open()
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
        for handle in handles { try check(workbook_set_properties(handle, &properties), "workbook_set_properties \(path)") }
    }

    /// Adds a sheet; the name must already be valid (see `SheetName.make`).
    /// Wraps `workbook_add_worksheet`, which returns NULL where this throws.
    public func addWorksheet(_ name: String) throws -> Worksheet {
        let handles = try open()
        try SheetName.validate(name, existing: sheetNames)
        let sheets = try handles.map { handle throws(XLSXError) in
            guard let sheet = workbook_add_worksheet(handle, name) else {
                throw XLSXError(operation: "workbook_add_worksheet \(name)", message: "libxlsxwriter refused the sheet")
            }
            return sheet
        }
        sheetNames.insert(name.lowercased())
        return Worksheet(workbook: self, handles: sheets, name: name)
    }

    /// Wraps `workbook_add_chart`.
    public func addChart(_ kind: Chart.Kind) throws -> Chart {
        let charts = try open().map { handle throws(XLSXError) in
            guard let chart = workbook_add_chart(handle, kind.code) else {
                throw XLSXError(operation: "workbook_add_chart", message: "libxlsxwriter refused the chart")
            }
            return chart
        }
        return Chart(workbook: self, handles: charts, kind: kind)
    }

    /// The libxlsxwriter format for a style in each workbook (file first), made once per
    /// workbook (`workbook_add_format`); `nil`s for no style.
    func formats(_ style: CellStyle?) throws(XLSXError) -> [UnsafeMutablePointer<lxw_format>?] {
        guard let style else { return [UnsafeMutablePointer<lxw_format>?](repeating: nil, count: try open().count) }
        if let cached = formats[style] { return cached }
        let made: [UnsafeMutablePointer<lxw_format>?] = try open().map { handle throws(XLSXError) in
            guard let format = workbook_add_format(handle) else {
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
            return format
        }
        formats[style] = made
        return made
    }

    func warn(_ message: String) { warnings.append(message) }
}
