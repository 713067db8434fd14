@testable import DataContract
@testable import Definitions
import XCTest

/// The filter of a distinct source is split into row conditions and conditions on the value
/// (see `KeyConditions`); the sets must come out as if every row had been filtered whole.
final class KeyConditionsTests: XCTestCase {
    func testConditionsOnTheValueMoveOutAndWindowsComeFirst() {
        // date > 2026-01-01 and participant.role = organizer and date in quarter and not missing(participant_id)
        let date = Expr.column(0)
        let participant = 2
        let filter = Expr.and(
            .and(
                .compare(.greater, date, .constant(.date(Day(year: 2026, month: 1, day: 1)!))),
                .compare(.equal, .lookup(through: participant, table: 0, field: 6), .constant(.symbol(1)))),
            .and(.inWindow(date, .quarter), .isMissing(.column(participant), negated: true)))
        let (rows, key) = KeyConditions.split(filter, keyColumn: participant)
        guard case .and(.inWindow(.column(0), .quarter), .compare(.greater, .column(0), _))? = rows else {
            return XCTFail("rows: \(String(describing: rows))")
        }
        guard case .and(.compare(.equal, .keyLookup(0, 6), .constant(.symbol(1))), .isMissing(.key, true))? = key else {
            return XCTFail("key: \(String(describing: key))")
        }
    }

    func testSetMembershipAndOtherColumnsStayWithTheRows() {
        let filter = Expr.and(.inSet(.column(2), aggregate: 0), .compare(.equal, .column(1), .column(2)))
        let (rows, key) = KeyConditions.split(filter, keyColumn: 2)
        XCTAssertNil(key)
        guard case .and(.inSet, .compare)? = rows else { return XCTFail("rows: \(String(describing: rows))") }
    }

    func testAnOrganizerSeenOnlyOutsideTheWindowIsNotCounted() throws {
        // The gender gap reads `distinct participant_id from attendance where date in quarter
        // and participant.gender != missing and participant.role = "organizer"`. P6 (M) attended
        // only in Q2; as an organizer it must still be left out of Q3's organizers (P1 F), so
        // the gap stays 0.5 (see IndicatorFormulaTests.testGenderLeadershipGap).
        let participants = TinyDataSet.participants.replacingOccurrences(
            of: "P6,중구,M,50-64,low,N,resident", with: "P6,중구,M,50-64,low,N,organizer")
        let result = try TinyDataSet.evaluate(TemporaryFolder(), replacing: ["participants.csv": participants])
        XCTAssertEqual(result.value("gender_leadership_gap") ?? -1, 0.5, accuracy: 1e-12)
        // Made to attend in Q3 as well, P6 counts: organizers P1 F, P6 M → w_org 0.5, gap 0.
        let attendance = TinyDataSet.attendance + "2026-07-05,A1,P6\n"
        let both = try TinyDataSet.evaluate(
            TemporaryFolder(), replacing: ["participants.csv": participants, "attendance.csv": attendance])
        // w_all with P6: F 2 of 5 stated (P1 F, P2 M, P3 F, P4 X, P6 M) = 0.4; gap |0.5 - 0.4|.
        XCTAssertEqual(both.value("gender_leadership_gap") ?? -1, 0.1, accuracy: 1e-12)
    }
}
