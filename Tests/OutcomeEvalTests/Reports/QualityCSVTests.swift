@testable import Reports
import XCTest

final class QualityCSVTests: XCTestCase {
    /// Text that a spreadsheet would run gets a leading '; the tool's own numbers stay numbers.
    func testTextThatLooksLikeAFormulaIsNeutralised() {
        XCTAssertEqual(
            QualityCSV.row([.text("=1+2"), .text("+1"), .text("-5"), .text("@SUM(A1)"), .text("\tx"), .text("\rx"), .number("-5"), .text("a=b"), .text("")]),
            "'=1+2,'+1,'-5,'@SUM(A1),'\tx,\"'\rx\",-5,a=b,\r\n")
        XCTAssertEqual(QualityCSV.row([.text("=HYPERLINK(\"http://x\",\"y\"),x")]), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\"),x\"\r\n")
    }

    func testRejectsHeaderFollowsTheLanguage() {
        XCTAssertEqual(QualityCSV.rejects([], language: .ko), "파일,행,열,사유_코드,사유,원본_행\r\n")
        XCTAssertEqual(QualityCSV.rejects([], language: .en), "file,line,column,reason_code,reason,raw_line\r\n")
    }
}
