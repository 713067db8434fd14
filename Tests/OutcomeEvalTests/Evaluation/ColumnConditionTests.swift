@testable import DataContract
@testable import Pipeline
@testable import Results
import XCTest

/// A row's own column against a constant (`status = "adopted"`) is compared as stored cells,
/// without making a `Value`; the rules stay those of every comparison: a missing value is
/// neither equal nor unequal, only `= missing` finds it. Expected counts are read off
/// `TinyDataSet` by hand: genders F, M, F, X, (none), M; statuses 8 adopted of 15.
/// `in` lists and a boolean column on its own are read from the stored cells too.
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

    /// Income bands low, middle, high, (none), middle, low; disability Y for P4 only, who came
    /// once (A2); A1 and A3 resident-led; statuses 8 adopted, 6 rejected, 1 pending; the
    /// proposals of low-income proposers (P1, P6): 6 of 15.
    func testListsAndBooleanColumnsOnTheirOwn() throws {
        let folder = TemporaryFolder()
        let definitions = defaultDefinitions(in: folder, adding: [
            (id: "low", value: #"count(participants where income_band in ("low"))"#),
            (id: "not_low", value: #"count(participants where income_band not in ("low"))"#),
            (id: "low_or_high", value: #"count(participants where income_band in ("low", "high"))"#),
            (id: "decided", value: #"count(proposals where status in ("adopted", "rejected"))"#),
            (id: "undecided", value: #"count(proposals where status not in ("adopted", "rejected"))"#),
            (id: "by_low", value: #"count(proposals where participant.income_band in ("low"))"#),
            (id: "by_not_low", value: #"count(proposals where participant.income_band not in ("low"))"#),
            (id: "disabled", value: "count(participants where disability)"),
            (id: "not_disabled", value: "count(participants where not disability)"),
            (id: "disabled_visits", value: "count(attendance where participant.disability)"),
            (id: "resident_led", value: "count(activities where resident_led)"),
        ])
        let data = TinyDataSet.write(to: folder)
        let result = try DataSetEvaluation.run(RunConfiguration(dataDirectory: data, indicatorsDirectory: definitions, period: Quarter("2026Q3")!))
        XCTAssertEqual(result.value("low"), 2)
        XCTAssertEqual(result.value("not_low"), 3, "the participant with no income band is in neither")
        XCTAssertEqual(result.value("low_or_high"), 3)
        XCTAssertEqual(result.value("decided"), 14)
        XCTAssertEqual(result.value("undecided"), 1)
        XCTAssertEqual(result.value("by_low"), 6)
        XCTAssertEqual(result.value("by_not_low"), 9)
        XCTAssertEqual(result.value("disabled"), 1)
        XCTAssertEqual(result.value("not_disabled"), 5)
        XCTAssertEqual(result.value("disabled_visits"), 1)
        XCTAssertEqual(result.value("resident_led"), 2)
    }
}
