import Foundation
import XCTest

@testable import XLSX

/// The Swift layer over libxlsxwriter: its errors, and what it does to fit Excel.
final class WorkbookTests: XCTestCase {
    private let options = Workbook.Options(created: 1_790_726_400, title: "t")

    /// The first sheet's XML, read with Python's zipfile (a reader independent of the writer).
    private func sheetXML(_ path: String) throws -> String {
        let result = try runProcess("/usr/bin/env", ["python3", "-c", "import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testUnwritablePathThrowsLibxlsxwritersMessage() {
        XCTAssertThrowsError(try Workbook.write(to: "/nonexistent-folder/x.xlsx", options: options) { workbook in
            try workbook.addWorksheet("A").write(0, 0, "x")
        }) { error in
            let error = error as! XLSXError
            XCTAssertEqual(error.operation, "workbook_close /nonexistent-folder/x.xlsx")
            XCTAssertTrue(error.message.lowercased().contains("error creating output xlsx file"), error.message)
        }
    }

    func testInvalidSheetNamesAreRefusedBeforeLibxlsxwriter() throws {
        let folder = TemporaryFolder()
        var messages: [String] = []
        _ = try Workbook.write(to: folder.path + "/names.xlsx", options: options) { workbook in
            _ = try workbook.addWorksheet("요약")
            for name in ["", String(repeating: "가", count: 32), "a/b", "x[1]", "'quoted'", "요약"] {
                do {
                    _ = try workbook.addWorksheet(name)
                    XCTFail("accepted '\(name)'")
                } catch let error as XLSXError {
                    messages.append(error.message)
                }
            }
        }
        XCTAssertEqual(messages, [
            "a sheet name cannot be empty", "longer than 31 characters", "contains '/', which Excel does not allow ([]:*?/\\)",
            "contains '[', which Excel does not allow ([]:*?/\\)", "cannot start or end with an apostrophe", "already used (Excel ignores case)",
        ])
    }

    func testSheetNamesMadeFromDataAreValidAndUnique() {
        XCTAssertEqual(SheetName.make(from: "마포/서대문 [2026]: 결과?", existing: []), "마포_서대문 _2026__ 결과_")
        XCTAssertEqual(SheetName.make(from: "Summary", existing: ["summary"]), "Summary (2)")
        let long = SheetName.make(from: String(repeating: "x", count: 40), existing: [String(repeating: "x", count: 31)])
        XCTAssertEqual(long, String(repeating: "x", count: 27) + " (2)")
        XCTAssertEqual(SheetName.make(from: "''", existing: []), "Sheet")
    }

    func testStringsStayTextAreCutAndCleaned() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/strings.xlsx"
        let long = String(repeating: "가", count: 40_000)
        let warnings = try Workbook.write(to: path, options: options) { workbook in
            let sheet = try workbook.addWorksheet("S")
            try sheet.write(0, 0, "=1+1")
            try sheet.write(1, 0, "bell\u{07}tab\there")
            try sheet.write(2, 0, long)
            try sheet.write(3, 0, Double.nan)
            try sheet.write(4, 0, 42.5)
        }
        XCTAssertEqual(warnings, [
            "S!A3: text longer than 32,767 characters was cut",
            "S!A4: nan is not a number Excel can hold; left blank",
        ])
        let xml = try sheetXML(path)
        // A formula-looking string is a string: no <f> element anywhere.
        XCTAssertFalse(xml.contains("<f>"))
        XCTAssertTrue(xml.contains("=1+1"))
        XCTAssertTrue(xml.contains("bell\u{2407}tab\there"))
        XCTAssertTrue(xml.contains(" …[cut: 40000 characters]"))
        XCTAssertTrue(xml.contains("<v>42.5</v>"))
        XCTAssertFalse(xml.contains("nan"))
    }

    func testASheetCannotBeUsedAfterItsWorkbookIsClosed() throws {
        let folder = TemporaryFolder()
        var kept: Worksheet?
        _ = try Workbook.write(to: folder.path + "/closed.xlsx", options: options) { workbook in
            kept = try workbook.addWorksheet("A")
        }
        XCTAssertThrowsError(try kept!.write(0, 0, "late")) { error in
            XCTAssertEqual((error as? XLSXError)?.message, "the workbook is already closed")
        }
    }

    func testAFailureInsideLeavesNoHalfWrittenFile() {
        let folder = TemporaryFolder()
        let path = folder.path + "/half.xlsx"
        XCTAssertThrowsError(try Workbook.write(to: path, options: options) { workbook in
            try workbook.addWorksheet("A").write(0, 0, "x")
            _ = try workbook.addWorksheet("a")
        })
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    /// Each workbook is written twice, every call of the body going to both, and the two must
    /// be the same bytes: the body runs once, and the copy it was compared with is gone.
    func testTheBodyRunsOnceAndTheCheckCopyIsRemoved() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/twice.xlsx"
        var runs = 0
        _ = try Workbook.write(to: path, options: options) { workbook in
            runs += 1
            try workbook.addWorksheet("A").write(0, 0, 1.0)
        }
        XCTAssertEqual(runs, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["twice.xlsx"])
    }

    /// The comparison behind the check: a copy that lost one byte, or had one changed, or was
    /// never written, is refused, naming the workbook.
    func testACopyThatDiffersByOneByteIsRefused() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/w.xlsx"
        _ = try Workbook.write(to: path, options: options) { workbook in try workbook.addWorksheet("A").write(0, 0, "x") }
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
        let copy = path + ".copy"
        var changed = bytes
        changed[bytes.count / 2] ^= 1
        for damaged in [bytes.dropLast(), changed, bytes + [0]] {
            XCTAssertTrue(FileManager.default.createFile(atPath: copy, contents: Data(damaged)))
            XCTAssertThrowsError(try Workbook.requireSame(path, copy)) { error in
                XCTAssertEqual(error as? WorkbookMismatch, WorkbookMismatch(path: path))
            }
        }
        try FileManager.default.removeItem(atPath: copy)
        XCTAssertThrowsError(try Workbook.requireSame(path, copy))
        XCTAssertTrue(FileManager.default.createFile(atPath: copy, contents: bytes))
        XCTAssertNoThrow(try Workbook.requireSame(path, copy))
    }

    func testCellsOutsideExcelsGridAreRefused() throws {
        let folder = TemporaryFolder()
        XCTAssertThrowsError(try Workbook.write(to: folder.path + "/grid.xlsx", options: options) { workbook in
            try workbook.addWorksheet("A").write(1_048_576, 0, "x")
        })
    }
}
