@testable import DataContract
@testable import Definitions
@testable import Evaluation
@testable import Scoring
import XCTest

/// `Scorer` at its edges, against INDICATORS.md's formula worked by hand: clamping at the
/// floor and the target either way round, floor = target, the band boundaries of
/// `evaluation.yaml` (90, 70, 50, 0), coverage, and the overall score.
final class ScorerTests: XCTestCase {
    private var plan: EvaluationPlan!

    override func setUpWithError() throws {
        plan = try EvaluationPlan.load(directory: defaultIndicators)
    }

    func testHigherIsBetterClampsAtTheFloorAndTheTarget() throws {
        let cases: [(value: Double, score: Double)] = [(0.1, 0), (0.2, 0), (0.4, 50), (0.5, 75), (0.6, 100), (0.9, 100)]
        for (value, score) in cases {
            XCTAssertEqual(try XCTUnwrap(Scorer.score(value: value, floor: 0.2, target: 0.6)), score, accuracy: 1e-9, "\(value)")
        }
    }

    func testLowerIsBetterHasTheFloorAboveTheTarget() throws {
        let cases: [(value: Double, score: Double)] = [(12, 0), (10, 0), (8, 25), (6, 50), (2, 100), (0, 100)]
        for (value, score) in cases {
            XCTAssertEqual(try XCTUnwrap(Scorer.score(value: value, floor: 10, target: 2)), score, accuracy: 1e-9, "\(value)")
        }
    }

    func testFloorEqualToTargetGivesNoScoreRatherThanADivisionByZero() {
        let indicator = CompiledIndicator(
            definition: plan.indicators[0].definition, appliesTo: nil, value: .constant(.number(5)),
            floor: .constant(.number(3)), target: .constant(.number(3)), shareAggregate: nil)
        let evaluator = IndicatorEvaluator(
            project: [], registry: plan.schema.registry, quarter: Quarter("2026Q3")!,
            rows: RowEvaluator(tables: [], project: [], quarter: Quarter("2026Q3")!), aggregate: { _ in .success(0) },
            share: { _ in nil })
        let outcome = evaluator.outcome(indicator)
        XCTAssertEqual(outcome, .notComputable(.floorEqualsTarget))
        XCTAssertNil(Scorer.score(value: 5, floor: 3, target: 3))
        let scores = Scorer.scores(only(outcome), plan: plan)
        XCTAssertNil(scores.indicators[0].score)
        XCTAssertNil(scores.indicators[0].bandIndex)
    }

    func testABandStartsAtItsMinimumIncluded() {
        // Scores 100 × value on floor 0, target 1; the band is named by its minimum.
        let cases: [(value: Double, band: Double)] = [
            (1, 90), (0.9, 90), (0.8999, 70), (0.7, 70), (0.6999, 50), (0.5, 50), (0.4999, 0), (0, 0),
        ]
        for (value, band) in cases {
            let scores = Scorer.scores(only(.value(value, floor: 0, target: 1, share: nil)), plan: plan)
            guard let index = scores.indicators[0].bandIndex else { return XCTFail("\(value): no band") }
            XCTAssertEqual(plan.settings.bands[index].minimum, band, "\(value)")
            // The dimension is that one indicator, so it has the same score and band.
            XCTAssertEqual(scores.dimensions[0].bandIndex, index, "\(value)")
        }
    }

    func testADimensionNeedsHalfItsApplicableWeight() {
        // Fairness: 100 and 50 computable, two not computable, one not applicable → coverage
        // 2 / 4 = 0.5, enough; score (100 + 50) / 2.
        let fairness = indices(of: "fairness")
        var outcomes = only(.value(1, floor: 0, target: 1, share: nil))
        outcomes[fairness[1]] = .value(0.5, floor: 0, target: 1, share: nil)
        outcomes[fairness[2]] = .notComputable(.noRows(source: "t"))
        outcomes[fairness[3]] = .notComputable(.noRows(source: "t"))
        let enough = Scorer.scores(outcomes, plan: plan).dimensions[0]
        XCTAssertEqual(enough.coverage, 0.5)
        XCTAssertEqual(enough.score, 75)
        // One more not computable: 1 / 4, below 0.5: no score, but the coverage says why.
        outcomes[fairness[1]] = .notComputable(.noRows(source: "t"))
        let short = Scorer.scores(outcomes, plan: plan).dimensions[0]
        XCTAssertEqual(short.coverage, 0.25)
        XCTAssertNil(short.score)
        XCTAssertNil(short.bandIndex)
    }

    func testOverallIsTheWeightedMeanOfDimensionsAndNoneWhenOneIsMissing() {
        // One computable indicator in each dimension: 100, 40 and 70 → (100 + 40 + 70) / 3.
        var outcomes = [IndicatorOutcome](repeating: .notApplicable, count: plan.indicators.count)
        for (dimension, value) in [("fairness", 1.0), ("participation", 0.4), ("sustainability", 0.7)] {
            outcomes[indices(of: dimension)[0]] = .value(value, floor: 0, target: 1, share: nil)
        }
        XCTAssertEqual(try XCTUnwrap(Scorer.scores(outcomes, plan: plan).overall), 70, accuracy: 1e-9)
        outcomes[indices(of: "participation")[0]] = .notComputable(.noRows(source: "t"))
        let scores = Scorer.scores(outcomes, plan: plan)
        XCTAssertNil(scores.dimensions[1].score)
        XCTAssertNil(scores.overall)
        XCTAssertNil(scores.overallBandIndex)
    }

    /// `outcome` for the first indicator (a fairness one), every other not applicable.
    private func only(_ outcome: IndicatorOutcome) -> [IndicatorOutcome] {
        var outcomes = [IndicatorOutcome](repeating: .notApplicable, count: plan.indicators.count)
        outcomes[0] = outcome
        return outcomes
    }

    private func indices(of dimension: String) -> [Int] {
        plan.indicators.indices.filter { plan.indicators[$0].definition.dimension == dimension }
    }
}
