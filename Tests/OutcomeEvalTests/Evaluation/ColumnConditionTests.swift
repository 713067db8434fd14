@testable import DataContract
@testable import Pipeline
@testable import Results
import XCTest

/// A row's own column against a constant (`status = "adopted"`) is compared as stored cells,
/// without making a `Value`; the rules stay those of every comparison: a missing value is
/// neither equal nor unequal, only `= missing` finds it. `in` lists and a boolean column on
/// its own are read from the stored cells too. Expected counts are read off `TinyDataSet` by hand.
final class ColumnConditionTests: XCTestCase {
    /// Genders F, M, F, X, (none), M; statuses 8 adopted of 15.
    func testComparisonsWithARowsOwnColumnLeaveMissingValuesOut() throws {
        try check([
            ("women", #"count(participants where gender = "F")"#, 2),
            ("not_women", #"count(participants where gender != "F")"#, 3),
            ("no_gender", "count(participants where gender = missing)", 1),
            ("stated_not_x", #"count(participants where gender != missing and not gender = "X")"#, 4),
            ("adopted", #"count(proposals where status = "adopted")"#, 8),
            ("not_adopted", #"count(proposals where status != "adopted")"#, 7),
        ])
    }

    /// Income bands low, middle, high, (none), middle, low: the participant with no band is in
    /// neither `in` nor `not in`. Disability Y for P4 only, who came once (A2); A1 and A3
    /// resident-led; statuses 8 adopted, 6 rejected, 1 pending; the proposals of low-income
    /// proposers (P1, P6): 6 of 15.
    func testListsAndBooleanColumnsOnTheirOwn() throws {
        try check([
            ("low", #"count(participants where income_band in ("low"))"#, 2),
            ("not_low", #"count(participants where income_band not in ("low"))"#, 3),
            ("low_or_high", #"count(participants where income_band in ("low", "high"))"#, 3),
            ("decided", #"count(proposals where status in ("adopted", "rejected"))"#, 14),
            ("undecided", #"count(proposals where status not in ("adopted", "rejected"))"#, 1),
            ("by_low", #"count(proposals where participant.income_band in ("low"))"#, 6),
            ("by_not_low", #"count(proposals where participant.income_band not in ("low"))"#, 9),
            ("disabled", "count(participants where disability)", 1),
            ("not_disabled", "count(participants where not disability)", 5),
            ("disabled_visits", "count(attendance where participant.disability)", 1),
            ("resident_led", "count(activities where resident_led)", 2),
        ])
    }

    /// Evaluates the default definitions with an indicator per case on `TinyDataSet` (2026Q3)
    /// and checks each one's value.
    private func check(_ cases: [(id: String, value: String, expected: Double)], line: UInt = #line) throws {
        let folder = TemporaryFolder()
        let definitions = defaultDefinitions(in: folder, adding: cases.map { (id: $0.id, value: $0.value) })
        let data = TinyDataSet.write(to: folder)
        let result = try DataSetEvaluation.run(RunConfiguration(dataDirectory: data, indicatorsDirectory: definitions, period: Quarter("2026Q3")!))
        for c in cases { XCTAssertEqual(result.value(c.id), c.expected, "\(c.id): \(c.value)", line: line) }
    }
}
