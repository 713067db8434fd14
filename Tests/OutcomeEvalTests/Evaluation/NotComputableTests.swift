@testable import CSVReading
@testable import DataContract
@testable import Evaluation
@testable import Pipeline
@testable import Results
import XCTest

/// Every way an indicator can lack a value, each reported with its reason and never as 0.
final class NotComputableTests: XCTestCase {
    func testMissingTableMakesItsIndicatorsNotComputable() throws {
        let folder = TemporaryFolder()
        let result = try TinyDataSet.evaluate(folder, removing: ["proposals.csv"])
        XCTAssertEqual(result.outcome("proposal_adoption"), IndicatorOutcome.notComputable(.tableUnavailable(table: "proposals.csv", why: .missing)))
        XCTAssertEqual(result.outcome("adoption_parity"), IndicatorOutcome.notComputable(.tableUnavailable(table: "proposals.csv", why: .missing)))
        XCTAssertEqual(result.projects[0].files.first { $0.table == "proposals" }?.status, .missing)
        // The other indicators are untouched.
        XCTAssertEqual(result.value("retention")!, 2.0 / 3.0, accuracy: 1e-12)
    }

    func testHeaderOnlyTableHasNoRowsButIsRead() throws {
        let folder = TemporaryFolder()
        let result = try TinyDataSet.evaluate(
            folder,
            replacing: ["proposals.csv": "proposal_id,participant_id,submitted_on,status,decided_on\n", "milestones.csv": "date,stage,partner,partner_sector,note\n"])
        XCTAssertEqual(result.outcome("adoption_parity").reason?.code, "too_few_groups")
        XCTAssertEqual(result.outcome("proposal_adoption").reason?.code, "no_rows")
        // "0 when none" (INDICATORS.md): a stage of 0, and no sectors.
        XCTAssertEqual(result.value("institutionalization"), 0)
        XCTAssertEqual(result.value("partner_diversity"), 0)
        let proposals = result.projects[0].files.first { $0.table == "proposals" }!
        XCTAssertEqual(proposals.status, .read)
        XCTAssertEqual(proposals.read, 0)
    }

    func testZeroByteFileIsTreatedAsNoData() throws {
        let folder = TemporaryFolder()
        let result = try TinyDataSet.evaluate(folder, replacing: ["finance.csv": ""])
        XCTAssertEqual(result.outcome("self_financing"), IndicatorOutcome.notComputable(.tableUnavailable(table: "finance.csv", why: .empty)))
        XCTAssertEqual(result.projects[0].files.first { $0.table == "finance" }?.status, .empty)
    }

    func testMissingParticipantsSkipsTheTablesThatReferToIt() throws {
        let folder = TemporaryFolder()
        let result = try TinyDataSet.evaluate(folder, removing: ["participants.csv"])
        let attendance = result.projects[0].files.first { $0.table == "attendance" }!
        XCTAssertEqual(attendance.status, FileQuality.Status.skipped(because: .refersToUnavailable(table: "participants")))
        XCTAssertEqual(result.outcome("active_participants").reason?.code, "no_data")
        // Activities do not depend on participants.
        XCTAssertEqual(result.value("resident_led_share"), 0.5)
    }

    /// INDICATORS.md: with no attendance in the quarter (A empty), every indicator over A is
    /// "no data", active_participants and retention included; none is 0.
    func testNoAttendanceInTheQuarterIsNoDataNotZero() throws {
        let folder = TemporaryFolder()
        // One attendance row, in the previous quarter.
        let result = try TinyDataSet.evaluate(folder, replacing: ["attendance.csv": "date,activity_id,participant_id\n2026-04-10,A3,P1\n"])
        let noData = IndicatorOutcome.notComputable(.noData(source: "attendance where date in quarter"))
        for id in ["district_coverage", "vulnerable_inclusion", "gender_leadership_gap", "participation_gini", "active_participants", "retention", "engagement_depth"] {
            XCTAssertEqual(result.outcome(id), noData, id)
        }
        XCTAssertEqual(noData.reason?.code, "no_data")
        XCTAssertEqual(noData.reason?.text(.en), "no data: nothing in attendance where date in quarter")
        XCTAssertEqual(noData.reason?.text(.ko), "자료 없음: attendance where date in quarter에 해당하는 행 없음")
        // Indicators over other rows keep their values.
        XCTAssertEqual(result.value("resident_led_share"), 0.5)
        // Participation is not dragged to 0: with three of its five indicators missing, it has
        // too little data for a score.
        XCTAssertNil(result.scores[0][3].dimensions[1].score)
        XCTAssertEqual(result.scores[0][3].dimensions[1].coverage!, 0.4, accuracy: 1e-12)
    }

    func testRetentionWithoutAPreviousQuarter() throws {
        let folder = TemporaryFolder()
        let attendance = TinyDataSet.attendance.split(separator: "\n").filter { !$0.hasPrefix("2026-04") }.joined(separator: "\n")
        let result = try TinyDataSet.evaluate(folder, replacing: ["attendance.csv": attendance + "\n"])
        XCTAssertEqual(result.outcome("retention").reason?.code, "no_rows")
    }

    func testGenderGapWithoutOrganizers() throws {
        let folder = TemporaryFolder()
        let participants = TinyDataSet.participants.replacingOccurrences(of: "organizer", with: "resident")
        let result = try TinyDataSet.evaluate(folder, replacing: ["participants.csv": participants])
        XCTAssertEqual(result.outcome("gender_leadership_gap").reason?.code, "no_rows")
    }

    func testAdoptionParityWhenEveryGroupRateIsZero() throws {
        let folder = TemporaryFolder()
        let proposals = TinyDataSet.proposals.replacingOccurrences(of: "adopted", with: "rejected")
        let result = try TinyDataSet.evaluate(folder, replacing: ["proposals.csv": proposals])
        XCTAssertEqual(result.outcome("adoption_parity").reason?.code, "zero_maximum")
        XCTAssertEqual(result.value("proposal_adoption"), 0)
    }

    func testDistrictCoverageDoesNotApplyToLocalProjects() throws {
        let folder = TemporaryFolder()
        let result = try TinyDataSet.evaluate(folder, registry: TinyDataSet.projects.replacingOccurrences(of: "citywide", with: "local"))
        XCTAssertEqual(result.outcome("district_coverage"), IndicatorOutcome.notApplicable)
        // Fairness is then the mean of the other four: 100, 0, 0, 100.
        XCTAssertEqual(result.scores[0][3].dimensions[0].score!, 50, accuracy: 1e-9)
    }

    func testContinuityForAProjectThatHasNotStarted() throws {
        let folder = TemporaryFolder()
        let result = try TinyDataSet.evaluate(folder, registry: TinyDataSet.projects.replacingOccurrences(of: "2026-01-01", with: "2027-01-01"))
        XCTAssertEqual(result.outcome("continuity").reason?.code, "zero_denominator")
    }

    func testCoverageBelowHalfMeansInsufficientData() throws {
        let folder = TemporaryFolder()
        // No finance and no milestones: 2 of 6 sustainability indicators left (1/3 < 0.5).
        let result = try TinyDataSet.evaluate(folder, removing: ["finance.csv", "milestones.csv"])
        let sustainability = result.scores[0][3].dimensions[2]
        XCTAssertNil(sustainability.score)
        XCTAssertEqual(sustainability.coverage!, 2.0 / 6.0, accuracy: 1e-12)
        XCTAssertNil(result.scores[0][3].overall)
    }

    func testCP949AndBOMFilesInAProjectFolder() throws {
        let folder = TemporaryFolder()
        let data = TinyDataSet.write(to: folder)
        let cp949 = encodeCP949(Array(TinyDataSet.participants.replacingOccurrences(of: "\n", with: "\r\n").utf8))!
        folder.write("data/p1/participants.csv", bytes: cp949)
        folder.write("data/p1/activities.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(TinyDataSet.activities.utf8))
        let result = try DataSetEvaluation.run(RunConfiguration(dataDirectory: data, indicatorsDirectory: defaultIndicators, period: Quarter("2026Q3")!))
        let files = result.projects[0].files
        XCTAssertEqual(files.first { $0.table == "participants" }?.encoding, .cp949)
        XCTAssertEqual(files.first { $0.table == "activities" }?.encoding, .utf8WithBOM)
        // Same values as from UTF-8: the districts were decoded right.
        XCTAssertEqual(result.value("district_coverage")!, 470.0 / 9380.0, accuracy: 1e-12)
        XCTAssertEqual(result.value("resident_led_share"), 0.5)
    }

    /// A registry date that a function of project values reads (continuity's
    /// `quarters_in(trailing4, project.start_date)`) is named when it is empty, in the
    /// report's language and never as an English phrase in a Korean report.
    func testAnEmptyRegistryDateIsNamedAsTheMissingValue() throws {
        let folder = TemporaryFolder()
        let definitions = try editedDefinitions(
            in: folder, file: "schema.yaml", replacing: "    start_date: date\n", with: "    start_date: {type: date, optional: true}\n")
        let registry = TinyDataSet.projects.replacingOccurrences(of: "citywide,2026-01-01,", with: "citywide,,")
        let data = TinyDataSet.write(to: folder, registry: registry)
        let result = try DataSetEvaluation.run(RunConfiguration(dataDirectory: data, indicatorsDirectory: definitions, period: Quarter("2026Q3")!))
        let reason = try XCTUnwrap(result.outcome("continuity").reason)
        XCTAssertEqual(reason, .projectValueMissing(column: "start_date"))
        XCTAssertEqual(reason.text(.ko), "목록의 이 행에 start_date 값 없음")
    }
}
