import Foundation
import XCTest

@testable import XLSX

/// Page setup through the XLSX layer: what reaches the sheet XML, and what is refused before C.
final class PageSetupTests: XCTestCase {
    private let options = Workbook.Options(created: 1_790_726_400, title: "t")

    /// A part of the package, read with Python's zipfile (independent of the writer).
    private func part(_ path: String, _ name: String) throws -> String {
        let result = try runProcess("/usr/bin/env", ["python3", "-c", "import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())", path, name])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testFooterCodesEscapeAmpersands() {
        XCTAssertEqual(PageFooter(left: "R&D 2026Q3", right: "v1").code, "&LR&&D 2026Q3&C&P / &N&Rv1")
    }

    func testTableSheetPrintsLandscapeA4OnePageWideWithItsHeaderOnEveryPage() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/print.xlsx"
        _ = try Workbook.write(to: path, options: options) { workbook in
            let sheet = try workbook.addWorksheet("표")
            try sheet.write(0, 0, "머리")
            try sheet.setPage(
                PageSetup(repeatedRows: 0...1, area: .init(lastRow: 41, lastColumn: 10), footer: PageFooter(left: "기간 2026Q3", right: "outcome-eval")))
        }
        let sheet = try part(path, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), sheet)
        XCTAssertTrue(sheet.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"), sheet)
        XCTAssertTrue(sheet.contains("<oddFooter>&amp;L기간 2026Q3&amp;C&amp;P / &amp;N&amp;Routcome-eval</oddFooter>"), sheet)
        let book = try part(path, "xl/workbook.xml")
        XCTAssertTrue(book.contains("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'표'!$A$1:$K$42</definedName>"), book)
        XCTAssertTrue(book.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'표'!$1:$2</definedName>"), book)
    }

    func testBlocksSheetKeepsItsPageBreaksAtFullSize() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/breaks.xlsx"
        _ = try Workbook.write(to: path, options: options) { workbook in
            try workbook.addWorksheet("S").setPage(PageSetup(fitToWidth: false, pageBreaks: [60, 30]))
        }
        let sheet = try part(path, "xl/worksheets/sheet1.xml")
        XCTAssertFalse(sheet.contains("fitToPage"), sheet)
        XCTAssertTrue(sheet.contains("<rowBreaks count=\"2\" manualBreakCount=\"2\"><brk id=\"30\" max=\"16383\" man=\"1\"/><brk id=\"60\" max=\"16383\" man=\"1\"/></rowBreaks>"), sheet)
    }

    func testImpossibleSetupsAreRefusedBeforeLibxlsxwriter() throws {
        let folder = TemporaryFolder()
        var messages: [String] = []
        _ = try Workbook.write(to: folder.path + "/bad.xlsx", options: options) { workbook in
            let sheet = try workbook.addWorksheet("S")
            for setup in [
                PageSetup(footer: PageFooter(left: String(repeating: "가", count: 250), right: "")),
                PageSetup(fitToWidth: true, pageBreaks: [10]),
                PageSetup(area: .init(lastRow: 1_048_576, lastColumn: 0)),
            ] {
                do {
                    try sheet.setPage(setup)
                    XCTFail("accepted \(setup)")
                } catch let error as XLSXError {
                    messages.append(error.message)
                }
            }
        }
        XCTAssertEqual(messages, [
            "longer than Excel's 255 characters", "page breaks are ignored when the sheet is fitted to one page wide",
            "outside Excel's 1,048,576 rows × 16,384 columns",
        ])
    }
}
