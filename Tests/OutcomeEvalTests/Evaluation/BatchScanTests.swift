@testable import DataContract
@testable import Evaluation
@testable import Pipeline
@testable import Results
import XCTest

/// Thousands of rows parsed a reader's batch at a time into column batches (several of them),
/// with rejects of every kind in the middle of batches: the rows after a reject keep their
/// own cells (text read through a reference, numbers summed), the rejects come in line order
/// with the first failing column's reason, and the feeds see every accepted row once.
/// Expected values come from a model of the contract written here, not from the scanner.
final class BatchScanTests: XCTestCase {
    private let count = 3000

    /// Activity i's fields, with the defects planted at rows picked by residues.
    private func activity(_ i: Int) -> (line: String, code: String?, id: String, district: String, cost: Int) {
        let id = i % 101 == 7 ? "A\(i - 1)" : "A\(i)"
        // Row 1501 has two bad fields: the first in the schema's order is reported.
        let date = i % 97 == 5 || i == 1501 ? "2026-13-01" : Day(ordinal: Day(year: 2026, month: 7, day: 1)!.ordinal + Int32(i % 92)).description
        // Every tenth district holds a doubled quote: D"3 is not D3.
        let district = i % 83 == 4 ? "" : (i % 10 == 0 ? "D\"\(i % 7)" : "D\(i % 7)")
        let written = i % 10 == 0 && !district.isEmpty ? "\"D\"\"\(i % 7)\"" : district
        let cost = i % 89 == 3 || i == 1501 ? "-5" : String(i)
        var fields = [id, date, written, "workshop", "Y", "N", cost]
        var code: String?
        if i % 103 == 9 {
            fields.removeLast()
            code = "field_count"
        } else if date.hasPrefix("2026-13") {
            code = "invalid_value"
        } else if district.isEmpty {
            code = "empty_required"
        } else if cost == "-5" {
            code = "out_of_range"
        }
        return (fields.joined(separator: ","), code, id, district, i)
    }

    func testRowsAfterRejectsKeepTheirValuesAcrossBatches() throws {
        let folder = TemporaryFolder()
        let definitions = folder.copy(defaultIndicators, to: "Indicators")
        folder.write("Indicators/indicators/17-d3_visits.yaml", """
            id: d3_visits
            name: {ko: D3 방문, en: D3 visits}
            dimension: participation
            value: count(attendance where date in quarter and activity.district = "D3")
            direction: higher
            floor: 0
            target: 2
            """)
        folder.write("Indicators/indicators/18-cost.yaml", """
            id: activity_cost
            name: {ko: 활동 비용, en: Activity cost}
            dimension: participation
            value: sum(cost_krw from activities where date in quarter)
            direction: higher
            floor: 0
            target: 2
            """)
        var activities = "activity_id,date,district,kind,resident_led,tech_linked,cost_krw\n"
        var attendance = "date,activity_id,participant_id\n"
        // The model: which row each accepted id is, and the rejects expected, in line order.
        var accepted: [String: Int] = [:]
        var expectedRejects: [String] = []
        var districtOf: [Int: String] = [:]
        var costSum = 0
        for i in 0..<count {
            let row = activity(i)
            activities += row.line + "\n"
            attendance += "2026-07-01,A\(i),P1\n"
            var code = row.code
            if code == nil && accepted[row.id] != nil { code = "duplicate_key" }
            if let code {
                expectedRejects.append("\(i + 2) \(code)")
            } else {
                accepted[row.id] = i
                districtOf[i] = row.district
                costSum += row.cost
            }
        }
        let visits = (0..<count).filter { accepted["A\($0)"].flatMap { districtOf[$0] } == "D3" }.count
        XCTAssertGreaterThan(expectedRejects.count, 100)
        XCTAssertGreaterThan(visits, 300)

        let data = TinyDataSet.write(to: folder, replacing: ["activities.csv": activities, "attendance.csv": attendance])
        let result = try DataSetEvaluation.run(RunConfiguration(dataDirectory: data, indicatorsDirectory: definitions, period: Quarter("2026Q3")!))
        let rejects = result.allRejects.filter { $0.file.hasSuffix("activities.csv") }.map { "\($0.line) \($0.problem.code)" }
        XCTAssertEqual(rejects, expectedRejects)
        XCTAssertEqual(result.value("d3_visits"), Double(visits))
        XCTAssertEqual(result.value("activity_cost"), Double(costSum))
    }

    /// The references of a batch are looked up after its other columns are parsed; a record
    /// with several bad fields still gives the first in the schema's order, whether that is a
    /// reference (a proposal's participant before its date) or not (an attendance row's date
    /// before its references). Thousands of rows, so the defects fall across many batches.
    func testARecordGivesItsFirstFailingColumnWhetherOrNotItIsAReference() throws {
        var attendance = "date,activity_id,participant_id\n"
        var expectedAttendance: [String] = []
        for i in 0..<count {
            let badDate = i % 97 == 1
            let badActivity = i % 89 == 2 || i % 97 == 1
            let badParticipant = i % 83 == 3 || i % 89 == 2 || i % 97 == 1
            attendance += "\(badDate ? "2026-02-30" : "2026-07-05"),\(badActivity ? "A9" : "A1"),\(badParticipant ? "P99" : "P\(i % 6 + 1)")\n"
            if badDate {
                expectedAttendance.append("\(i + 2) invalid_value date")
            } else if badActivity {
                expectedAttendance.append("\(i + 2) dangling_reference activity_id")
            } else if badParticipant {
                expectedAttendance.append("\(i + 2) dangling_reference participant_id")
            }
        }
        var proposals = "proposal_id,participant_id,submitted_on,status,decided_on\n"
        var expectedProposals: [String] = []
        for i in 0..<count {
            let badParticipant = i % 59 == 4
            let badDate = i % 59 == 4 || i % 73 == 5
            proposals += "Q\(i),\(badParticipant ? "P99" : "P1"),\(badDate ? "2026-06-31" : "2026-06-01"),pending,\n"
            if badParticipant {
                expectedProposals.append("\(i + 2) dangling_reference participant_id")
            } else if badDate {
                expectedProposals.append("\(i + 2) invalid_value submitted_on")
            }
        }
        XCTAssertGreaterThan(expectedAttendance.count, 90)
        XCTAssertGreaterThan(expectedProposals.count, 80)

        let folder = TemporaryFolder()
        let data = TinyDataSet.write(to: folder, replacing: ["attendance.csv": attendance, "proposals.csv": proposals])
        let result = try DataSetEvaluation.run(RunConfiguration(dataDirectory: data, indicatorsDirectory: defaultIndicators, period: Quarter("2026Q3")!))
        func rejects(_ file: String) -> [String] {
            result.allRejects.filter { $0.file.hasSuffix(file) }.map { "\($0.line) \($0.problem.code) \($0.problem.column)" }
        }
        XCTAssertEqual(rejects("attendance.csv"), expectedAttendance)
        XCTAssertEqual(rejects("proposals.csv"), expectedProposals)
    }
}
