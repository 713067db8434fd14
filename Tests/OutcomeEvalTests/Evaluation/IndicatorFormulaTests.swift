@testable import Evaluation
@testable import Results
import XCTest

/// Each default indicator on TinyDataSet, against values worked out by hand from
/// INDICATORS.md's formulas (the working is in each test).
final class IndicatorFormulaTests: XCTestCase {
    private var result: EvaluationResult!
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = TemporaryFolder()
        result = try TinyDataSet.evaluate(folder)
    }

    private func assertValue(_ id: String, _ expected: Double, file: StaticString = #filePath, line: UInt = #line) {
        guard let value = result.value(id) else {
            return XCTFail("\(id): \(result.outcome(id))", file: file, line: line)
        }
        XCTAssertEqual(value, expected, accuracy: 1e-9, id, file: file, line: line)
    }

    func testEveryRowIsAccepted() {
        XCTAssertEqual(result.allRejects, [])
    }

    func testDistrictCoverage() {
        // A without 기타 (P4): 종로 2, 중구 1, 용산 1 → a = 0.5, 0.25, 0.25. Every a_g exceeds p_g, so
        // ½ Σ |a − p| = ½ (2 − 2 × (139 + 121 + 210) / 9380) and the value is 470 / 9380.
        assertValue("district_coverage", 470.0 / 9380.0)
    }

    func testVulnerableInclusion() {
        // P1 low income, P3 aged 65-74, P4 disability; P2 and P5 none → 3 / 5.
        assertValue("vulnerable_inclusion", 0.6)
        // A share carries its k of n for the interval: 3 of the 5 distinct active participants.
        guard case let .value(_, _, _, share) = result.outcome("vulnerable_inclusion") else { return XCTFail() }
        XCTAssertEqual(share, ShareCount(hits: 3, rows: 5))
    }

    func testAdoptionParity() {
        // low 2/5 = 0.4, middle 4/5 = 0.8, high has 3 decided (< 5, left out) → 0.4 / 0.8.
        assertValue("adoption_parity", 0.5)
    }

    func testGenderLeadershipGap() {
        // Stated gender in A: P1 F, P2 M, P3 F, P4 X → w_all = 2/4. Organizers with a stated
        // gender: P1 F (P5 has none) → w_org = 1. Gap 0.5.
        assertValue("gender_leadership_gap", 0.5)
    }

    func testParticipationGini() {
        // Rows per person in A: 2, 1, 2, 1, 1; n = 5, mean 1.4. Σ_i Σ_j |x_i − x_j| = 12
        // (six unlike pairs, each counted twice) → 12 / (2 × 25 × 1.4) = 12 / 70.
        assertValue("participation_gini", 12.0 / 70.0)
    }

    func testActiveParticipantsAndItsProjectTarget() {
        assertValue("active_participants", 5)
        guard case let .value(_, floor, target, _) = result.outcome("active_participants") else { return XCTFail() }
        XCTAssertEqual(floor, 2)
        XCTAssertEqual(target, 4)
    }

    func testRetention() {
        // Previous quarter: P1, P2, P6; P1 and P2 came back → 2/3.
        assertValue("retention", 2.0 / 3.0)
    }

    func testEngagementDepth() {
        // 7 rows in Q over 5 people.
        assertValue("engagement_depth", 1.4)
    }

    func testResidentLedShare() {
        // Q has A1 (Y) and A2 (N).
        assertValue("resident_led_share", 0.5)
    }

    func testProposalAdoption() {
        // Decided in Q: 13 (2 + 4 + 1 adopted); X1 pending, X2 decided in Q2.
        assertValue("proposal_adoption", 7.0 / 13.0)
        guard case let .value(_, _, _, share) = result.outcome("proposal_adoption") else { return XCTFail() }
        XCTAssertEqual(share, ShareCount(hits: 7, rows: 13))
        // A value that is more than one share (an abs of a difference) has no counts.
        guard case let .value(_, _, _, none) = result.outcome("gender_leadership_gap") else { return XCTFail() }
        XCTAssertNil(none)
    }

    func testSelfFinancing() {
        // (300 + 100 + 100) / 2000; the 9999 of 2025-09-30 is before trailing4.
        assertValue("self_financing", 0.25)
    }

    func testFundingDiversity() {
        // Shares 0.5, 0.15, 0.05, 0.05, 0.25; Σ share² = 0.34.
        assertValue("funding_diversity", 0.66)
    }

    func testPartnerDiversity() {
        // To date: public, civil (the private partner comes in 2026Q4).
        assertValue("partner_diversity", 2)
    }

    func testInstitutionalization() {
        // Highest stage to date: pilot = 2.
        assertValue("institutionalization", 2)
    }

    func testTechLinkage() {
        // Trailing four quarters: A1..A4, only A2 tech-linked.
        assertValue("tech_linkage", 0.25)
    }

    func testContinuity() {
        // Start 2026-01-01: 2025Q4 ends before it; Q1, Q2, Q3 each have an activity → 3/3.
        assertValue("continuity", 1)
    }

    func testPreviousQuarterIsComputedInTheSameRun() {
        // 2026Q2: A = P1, P2, P6, one row each; engagement 1.0, Gini 0.
        guard case let .value(depth, _, _, _) = result.outcome("engagement_depth", quarter: 2),
            case let .value(gini, _, _, _) = result.outcome("participation_gini", quarter: 2)
        else { return XCTFail() }
        XCTAssertEqual(depth, 1.0, accuracy: 1e-12)
        XCTAssertEqual(gini, 0.0, accuracy: 1e-12)
        XCTAssertEqual(result.quarters.map(\.description), ["2025Q4", "2026Q1", "2026Q2", "2026Q3"])
    }

    func testScoresAndDimensions() {
        let scores = result.scores[0][3]
        let ids = result.plan.indicators.map(\.definition.id)
        func score(_ id: String) -> Double { scores.indicators[ids.firstIndex(of: id)!].score! }
        // (5 − 2) / (4 − 2) clamps to 1; (1.4 − 1) / 3; lower is better: (0.5 − 0.3) / (0 − 0.3) clamps to 0.
        XCTAssertEqual(score("active_participants"), 100)
        XCTAssertEqual(score("engagement_depth"), 40.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(score("gender_leadership_gap"), 0)
        // Gini 12/70 is below the target 0.2 → 100.
        XCTAssertEqual(score("participation_gini"), 100)
        // Fairness: coverage (470/9380 < floor → 0), inclusion 100, parity 0 (0.5 < 0.6), gap 0, Gini 100.
        XCTAssertEqual(scores.dimensions[0].score!, 40, accuracy: 1e-9)
        XCTAssertEqual(scores.dimensions[0].coverage, 1)
    }
}
