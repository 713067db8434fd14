@testable import DataContract
@testable import Evaluation
import Foundation
@testable import Pipeline
@testable import Results
@testable import Scoring
@testable import Uncertainty
import XCTest

/// Drivers and rank draws follow the declared aggregation: Samples/regions/ has a geometric
/// overall of three one- or two-indicator dimensions (health, education, income).
final class GeometricDriversTests: XCTestCase {
    private let regions = repositoryRoot + "/Samples/regions"

    /// Scores for the regions' four indicators (life, expected and mean schooling, income), in %.
    private func scores(_ plan: EvaluationPlan, _ percent: [Double]) -> ProjectScores {
        Scorer.scores(percent.map { .value($0 / 100, floor: 0, target: 1, share: nil) }, plan: plan)
    }

    private func contribution(_ drivers: [Driver], _ id: String, _ plan: EvaluationPlan) -> Double? {
        drivers.first { plan.indicators[$0.indicator].definition.id == id }?.contribution
    }

    /// Health alone moves, 50 → 60: it carries the whole change of the geometric overall,
    /// (60·80·20)^(1/3) − (50·80·20)^(1/3), and the others nothing.
    func testOneMovedIndicatorCarriesTheWholeChange() throws {
        let plan = try EvaluationPlan.load(directory: regions + "/Indicators")
        let drivers = try XCTUnwrap(Drivers.of(now: scores(plan, [60, 80, 80, 20]), before: scores(plan, [50, 80, 80, 20]), plan: plan))
        XCTAssertEqual(contribution(drivers, "life_expectancy", plan)!, cbrt(96000) - cbrt(80000), accuracy: 1e-12)
        for id in ["expected_schooling", "mean_schooling", "income"] {
            XCTAssertEqual(contribution(drivers, id, plan)!, 0, accuracy: 1e-12, id)
        }
    }

    /// Health 50 → 60 and income 20 → 40: Δ ln(overall) = (ln 1.2 + ln 2) / 3, and each takes its
    /// share of it, scaled to the change: ΔO · ln 1.2 / (ln 1.2 + ln 2) and ΔO · ln 2 / (…).
    func testTheChangeOfTheLogIsSplitAndScaled() throws {
        let plan = try EvaluationPlan.load(directory: regions + "/Indicators")
        let drivers = try XCTUnwrap(Drivers.of(now: scores(plan, [60, 80, 80, 40]), before: scores(plan, [50, 80, 80, 20]), plan: plan))
        let change: Double = cbrt(192_000) - cbrt(80_000)  // (60·80·40)^(1/3) − (50·80·20)^(1/3)
        XCTAssertEqual(contribution(drivers, "life_expectancy", plan)!, change * log(1.2) / (log(1.2) + log(2)), accuracy: 1e-12)
        XCTAssertEqual(contribution(drivers, "income", plan)!, change * log(2) / (log(1.2) + log(2)), accuracy: 1e-12)
        XCTAssertEqual(drivers.first.map { plan.indicators[$0.indicator].definition.id }, "income")
    }

    /// Every region of the sample: the contributions add up to the change, a 0 under the
    /// geometric overall (Dry Valley) included; the rank draws use the geometric overall.
    func testEveryRegionAddsUpAndIsRanked() throws {
        let result = try DataSetEvaluation.run(
            RunConfiguration(dataDirectory: regions + "/data", indicatorsDirectory: regions + "/Indicators", period: Quarter("2026Q3")!))
        var checked = 0
        for (p, scores) in result.scores.enumerated() {
            guard let now = scores[scores.count - 1].overall, let before = scores[scores.count - 2].overall else { continue }
            let drivers = try XCTUnwrap(result.uncertainty.drivers[p])
            XCTAssertEqual(drivers.reduce(0) { $0 + $1.contribution }, now - before, accuracy: 1e-9, result.projects[p].project.id)
            checked += 1
        }
        XCTAssertEqual(checked, 4)  // Island Chain has no overall this quarter
        // Dry Valley's overall is 0 (its income scores 0); the other three keep their order
        // whatever the weights, since a geometric mean with a 0 stays 0.
        XCTAssertEqual(result.uncertainty.ranks.compactMap { $0.map { [$0.position, $0.p05, $0.p95] } }, [[1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4]])
    }
}
