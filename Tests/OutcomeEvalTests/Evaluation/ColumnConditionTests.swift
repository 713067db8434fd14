@testable import DataContract
@testable import Pipeline
@testable import Results
import XCTest

/// A row's own column against a constant (`status = "adopted"`) is compared as stored cells,
/// without making a `Value`; the rules stay those of every comparison: a missing value is
/// neither equal nor unequal, only `= missing` finds it. Expected counts are read off
/// `TinyDataSet` by hand: genders F, M, F, X, (none), M; statuses 8 adopted of 15.
final class ColumnConditionTests: XCTestCase {
    func testComparisonsWithARowsOwnColumnLeaveMissingValuesOut() throws {
        let folder = TemporaryFolder()
        let definitions = defaultDefinitions(in: folder, adding: [
            (id: "women", value: #"count(participants where gender = "F")"#),
            (id: "not_women", value: #"count(participants where gender != "F")"#),
            (id: "no_gender", value: "count(participants where gender = missing)"),
            (id: "stated_not_x", value: #"count(participants where gender != missing and not gender = "X")"#),
            (id: "adopted", value: #"count(proposals where status = "adopted")"#),
            (id: "not_adopted", value: #"count(proposals where status != "adopted")"#),
        ])
        let data = TinyDataSet.write(to: folder)
        let result = try DataSetEvaluation.run(RunConfiguration(dataDirectory: data, indicatorsDirectory: definitions, period: Quarter("2026Q3")!))
        XCTAssertEqual(result.value("women"), 2)
        XCTAssertEqual(result.value("not_women"), 3)
        XCTAssertEqual(result.value("no_gender"), 1)
        XCTAssertEqual(result.value("stated_not_x"), 4)
        XCTAssertEqual(result.value("adopted"), 8)
        XCTAssertEqual(result.value("not_adopted"), 7)
    }
}
