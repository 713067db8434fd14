@testable import Reports
import XCTest

/// The first line of a cell's text, which sizes its column.
final class SheetTableTests: XCTestCase {
    func testFirstLineIsTheTextUpToItsFirstLineFeed() {
        XCTAssertEqual(SheetTable.firstLine("마포구"), "마포구")
        XCTAssertEqual(SheetTable.firstLine("첫 줄\n둘째 줄\n셋째"), "첫 줄")
        // Empty lines are skipped, as `split` does; a text of line feeds alone has none.
        XCTAssertEqual(SheetTable.firstLine("\n\nafter"), "after")
        XCTAssertEqual(SheetTable.firstLine("\n"), "")
        // CR LF is one Character, not a line feed: the text stays whole.
        XCTAssertEqual(SheetTable.firstLine("a\r\nb"), "a\r\nb")
    }
}
