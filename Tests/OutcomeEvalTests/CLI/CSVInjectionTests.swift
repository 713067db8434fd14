import Foundation
import XCTest

/// A data steward's attempt: a formula in an input row lands in rejects.csv. Opened in a
/// spreadsheet (LibreOffice, read back with openpyxl) it must be text, not a formula.
final class CSVInjectionTests: XCTestCase {
    func testAFormulaInAnInputRowOpensAsTextAndRejectsAreOwnerOnly() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice") else { throw XCTSkip("LibreOffice (soffice) is not installed") }
        guard try runProcess("/usr/bin/env", ["python3", "-c", "import openpyxl"]).status == 0 else { throw XCTSkip("openpyxl is not installed") }
        let folder = TemporaryFolder()
        let data = folder.copy(repositoryRoot + "/Samples", to: "data")
        let row = "=HYPERLINK(\"http://example.com/x\",\"click\"),A000001,2026-08-01"
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: data + "/mapo-village/attendance.csv"))
        handle.seekToEndOfFile()
        handle.write(Data((row + "\n").utf8))
        handle.closeFile()
        let run = try runTool(["run", "--data", data, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path + "/out", "--lang", "en", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rejects = folder.path + "/out/2026Q3/rejects.csv"
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: rejects)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o600)
        let text = folder.read("out/2026Q3/rejects.csv")
        XCTAssertTrue(text.hasPrefix("file,line,column,reason_code,reason,raw_line\r\n"), text)
        XCTAssertTrue(text.contains(",\"'=HYPERLINK(\"\"http://example.com/x\"\",\"\"click\"\"),A000001,2026-08-01\"\r\n"), text)
        // The same cell without the ', to show that this LibreOffice does make formulas of CSV cells.
        let control = folder.write("control.csv", "raw_line\r\n\"" + row.replacingOccurrences(of: "\"", with: "\"\"") + "\"\r\n")

        let types = try cellTypes(of: [rejects, control], in: folder)
        XCTAssertTrue(types[1].contains("f"), "the control cell should open as a formula: \(types[1])")
        XCTAssertFalse(types[0].contains("f"), "rejects.csv opened with a formula: \(types[0])")
        XCTAssertTrue(types[0].contains("s"))
    }

    /// Converts each CSV to xlsx with LibreOffice (its own profile, so parallel runs do not
    /// share one) and returns, per file, the openpyxl data type of every cell ("s", "n", "f").
    private func cellTypes(of files: [String], in folder: TemporaryFolder) throws -> [String] {
        let converted = folder.path + "/converted"
        let convert = try runProcess("/usr/bin/soffice", [
            "-env:UserInstallation=file://" + folder.path + "/profile", "--headless", "--infilter=CSV:44,34,76", "--convert-to", "xlsx",
            "--outdir", converted,
        ] + files)
        XCTAssertEqual(convert.status, 0, convert.stderr)
        let read = try runProcess("/usr/bin/env", ["python3", "-c", """
            import openpyxl, os, sys
            for path in sys.argv[2:]:
                book = openpyxl.load_workbook(os.path.join(sys.argv[1], os.path.basename(path)[:-4] + '.xlsx'))
                print(''.join(sorted({c.data_type for row in book.active.iter_rows() for c in row if c.value is not None})))
            """, converted] + files)
        XCTAssertEqual(read.status, 0, read.stderr)
        return read.stdout.split(separator: "\n").map(String.init)
    }
}
