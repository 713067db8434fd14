@testable import DataContract
@testable import Evaluation
@testable import Pipeline
@testable import Results
@testable import Scoring
@testable import Uncertainty
import XCTest

final class DriversTests: XCTestCase {
    /// Every project of Samples/: the contributions add up to its change of the overall score.
    func testDriversOfEverySampleProjectAddUpToItsChange() throws {
        let result = try DataSetEvaluation.run(
            RunConfiguration(dataDirectory: repositoryRoot + "/Samples", indicatorsDirectory: defaultIndicators, period: Quarter("2026Q3")!))
        var checked = 0
        for (p, scores) in result.scores.enumerated() {
            let now = scores[scores.count - 1].overall
            let before = scores[scores.count - 2].overall
            guard let now, let before else {
                XCTAssertNil(result.uncertainty.drivers[p])
                continue
            }
            let drivers = try XCTUnwrap(result.uncertainty.drivers[p])
            XCTAssertEqual(drivers.reduce(0) { $0 + $1.contribution }, now - before, accuracy: 1e-9, result.projects[p].project.id)
            let sizes = drivers.map { abs($0.contribution) }
            XCTAssertEqual(sizes, sizes.sorted(by: >))
            checked += 1
        }
        XCTAssertEqual(checked, 6)
    }

    /// Worked by hand on the default weights (every indicator 1, every dimension 1): one
    /// participation indicator of five moves from 40 to 70, nothing else moves; its part is
    /// (1/3)·(70 − 40)/5 = 2 and the others' 0.
    func testOneMovedIndicatorCarriesTheWholeChange() throws {
        let plan = try EvaluationPlan.load(directory: defaultIndicators)
        let moved = try XCTUnwrap(plan.indicators.firstIndex { $0.definition.id == "retention" })
        func scores(_ moving: Double) -> ProjectScores {
            Scorer.scores(
                plan.indicators.indices.map { .value($0 == moved ? moving : 0.5, floor: 0, target: 1, share: nil) }, plan: plan)
        }
        let drivers = try XCTUnwrap(Drivers.of(now: scores(0.7), before: scores(0.4), plan: plan))
        let participation = plan.indicators.filter { $0.definition.dimension == "participation" }.count
        XCTAssertEqual(participation, 5)
        XCTAssertEqual(drivers.count, 16)
        XCTAssertEqual(drivers[0].indicator, moved)
        XCTAssertEqual(drivers[0].contribution, 2, accuracy: 1e-12)
        XCTAssertEqual(drivers.dropFirst().map(\.contribution), Array(repeating: 0, count: 15))
        // Equal contributions keep the indicators' order.
        XCTAssertEqual(drivers.dropFirst().map(\.indicator), plan.indicators.indices.filter { $0 != moved })
    }

    /// An indicator with a score in one quarter only counts 0 in the other, and the
    /// dimension's weight Σ_d changes with it.
    func testAnIndicatorMissingInOneQuarterCountsZeroThere() throws {
        let plan = try EvaluationPlan.load(directory: defaultIndicators)
        let gone = try XCTUnwrap(plan.indicators.firstIndex { $0.definition.id == "retention" })
        let before = Scorer.scores(plan.indicators.indices.map { .value($0 == gone ? 1 : 0.4, floor: 0, target: 1, share: nil) }, plan: plan)
        let now = Scorer.scores(
            plan.indicators.indices.map { $0 == gone ? .notComputable(.noRows(source: "x")) : .value(0.4, floor: 0, target: 1, share: nil) },
            plan: plan)
        let drivers = try XCTUnwrap(Drivers.of(now: now, before: before, plan: plan))
        // Before: participation = (100 + 4·40)/5 = 52; now 40 over four. Retention's part:
        // (1/3)(0 − 100/5); each other participation indicator: (1/3)(40/4 − 40/5).
        let part = { (id: String) in drivers.first { plan.indicators[$0.indicator].definition.id == id }?.contribution }
        XCTAssertEqual(try XCTUnwrap(part("retention")), -20.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(part("engagement_depth")), 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(drivers.reduce(0) { $0 + $1.contribution }, try XCTUnwrap(now.overall) - XCTUnwrap(before.overall), accuracy: 1e-12)
    }
}
