@testable import CSVReading
@testable import DataContract
import XCTest

/// The tables that count rejects by reason (report.txt, report.html, the data-quality sheet)
/// show each code in words of the report's language.
final class ReasonLabelTests: XCTestCase {
    /// One problem of every kind a row can be rejected for.
    static let everyProblem: [RowProblem] = [
        .malformed(.unterminatedQuote), .malformed(.quoteInUnquotedField(field: 0)), .malformed(.textAfterClosingQuote(field: 0)),
        .malformed(.recordTooLong(limit: 10)), .malformed(.fieldTooLong(field: 0, limit: 10)), .fieldCount(expected: 3, found: 2),
        .empty(column: "c"), .invalid(column: "c", value: "v", expected: .date), .outOfRange(column: "c", value: "9", limit: 5, isMinimum: false),
        .notInEnum(column: "c", value: "v", values: ["a"]), .danglingReference(column: "c", value: "v", table: "t"),
        .duplicateKey(column: "c", value: "v", firstLine: 2), .header(.missing(column: "c")),
    ]

    func testEveryCodeHasWordsInBothLanguages() {
        // Every kind is reachable from a problem, so the table of codes has no dead entry.
        XCTAssertEqual(Set(Self.everyProblem.map(\.kind)), Set(RowProblem.Code.allCases))
        for code in RowProblem.Code.allCases {
            let korean = RowProblem.label(code: code.rawValue, .ko)
            let english = RowProblem.label(code: code.rawValue, .en)
            XCTAssertNotEqual(korean, code.rawValue)
            XCTAssertTrue(korean.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(code): \(korean)")
            XCTAssertFalse(korean.unicodeScalars.contains { ("a"..."z").contains($0) }, "\(code): \(korean)")
            XCTAssertNotEqual(english, code.rawValue)
        }
        // A code from elsewhere is shown as it is rather than dropped.
        XCTAssertEqual(RowProblem.label(code: "something_new", .ko), "something_new")
    }

    func testTopReasonsAreWordsWithCountsMostFrequentFirst() {
        var quality = FileQuality(file: "p1/attendance.csv", table: "attendance", status: .read)
        quality.reasons = ["invalid_value": 2, "duplicate_key": 5, "empty_required": 2, "stray_quote": 1]
        XCTAssertEqual(quality.topReasonsText(.ko), "중복 키 5, 필수 값 없음 2, 형식에 맞지 않는 값 2")
        XCTAssertEqual(quality.topReasonsText(.en), "duplicate key 5, required value empty 2, value of the wrong form 2")
    }
}
