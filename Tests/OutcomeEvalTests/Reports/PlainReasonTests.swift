@testable import DataContract
@testable import Evaluation
@testable import Reports
import XCTest

/// Not-computable reasons for people: the definition's plain words, not the expression.
final class PlainReasonTests: XCTestCase {
    /// No proposal decided this quarter: both proposal indicators say what is missing in words.
    func testReasonsUseTheMissingTextOfTheDefinition() throws {
        let folder = TemporaryFolder()
        let pendingOnly = "proposal_id,participant_id,submitted_on,status,decided_on\nX1,P1,2026-09-01,pending,\n"
        let result = try TinyDataSet.evaluate(folder, replacing: ["proposals.csv": pendingOnly])
        let scores = result.scores[0][result.quarters.count - 1]
        func reason(_ id: String, _ language: Language) -> String {
            let i = result.plan.indicators.firstIndex { $0.definition.id == id }!
            return scores.indicators[i].plainReason(result.plan.indicators[i].definition, language)
        }
        XCTAssertEqual(reason("adoption_parity", .ko), "이번 분기 결정된 제안이 소득 구간 2개 이상에 없음 (구간마다 결정 5건 이상)")
        XCTAssertEqual(reason("proposal_adoption", .en), "no proposal was adopted or rejected this quarter")
        XCTAssertEqual(reason("active_participants", .ko), "")
        // results.json keeps the reason with its expression.
        XCTAssertTrue(result.outcome("adoption_parity").reason?.text(.en).hasPrefix("too few groups: 0 of at least 2 needed in proposals where") ?? false)
        XCTAssertEqual(result.outcome("adoption_parity").reason?.code, "too_few_groups")
    }

    func testWithoutMissingTextTheKindAndTheDescriptionAreShown() throws {
        let folder = TemporaryFolder()
        let result = try TinyDataSet.evaluate(folder)
        var definition = try XCTUnwrap(result.plan.indicators.first { $0.definition.id == "adoption_parity" }).definition
        definition.missing = nil
        let reason = NotComputable.tooFewGroups(found: 1, needed: 2, source: "proposals where …")
        XCTAssertEqual(
            PlainReason.text(reason, definition: definition, language: .ko),
            "집단 부족(2개 이상 필요, 1개): 이번 분기에 결정된 제안의 소득 구간별 채택률 중 최저/최고 (결정 5건 미만 구간 제외)")
        XCTAssertEqual(
            PlainReason.text(.zeroDenominator(divisor: "x"), definition: definition, language: .en),
            "zero denominator: Lowest over highest adoption rate by the proposer's income band, of proposals decided this quarter (bands with fewer than 5 decisions left out)")
        // A missing file is already said in words.
        XCTAssertEqual(
            PlainReason.text(.tableUnavailable(table: "proposals.csv", why: .missing), definition: definition, language: .ko),
            "자료 없음: proposals.csv 파일 없음")
        // No data (an empty quarter) says so, then what is missing, without the expression.
        XCTAssertEqual(
            PlainReason.text(.noData(source: "distinct participant_id from attendance where date in quarter"), definition: definition, language: .en),
            "no data: Lowest over highest adoption rate by the proposer's income band, of proposals decided this quarter (bands with fewer than 5 decisions left out)")
    }

    /// A project that sent no attendance for the quarter: "no data" and the indicator's words.
    func testAnEmptyQuarterSaysNoDataInWords() throws {
        let folder = TemporaryFolder()
        let result = try TinyDataSet.evaluate(folder, replacing: ["attendance.csv": "date,activity_id,participant_id\n"])
        let scores = result.scores[0][result.quarters.count - 1]
        let i = try XCTUnwrap(result.plan.indicators.firstIndex { $0.definition.id == "active_participants" })
        let definition = result.plan.indicators[i].definition
        let missing = try XCTUnwrap(definition.missing)
        XCTAssertEqual(scores.indicators[i].plainReason(definition, .ko), "자료 없음: " + missing.ko)
        XCTAssertEqual(scores.indicators[i].plainReason(definition, .en), "no data: " + missing.en)
    }
}
