@testable import Evaluation
@testable import Scoring
@testable import Uncertainty
import XCTest

/// Rank ranges on made-up scores over the default indicators, with the uncertainty settings
/// of a copied evaluation.yaml.
final class RankRobustnessTests: XCTestCase {
    /// The default definitions with `uncertainty:` replaced.
    private func plan(_ uncertainty: String) throws -> EvaluationPlan {
        let folder = TemporaryFolder()
        let definitions = folder.copy(defaultIndicators, to: "Indicators")
        let path = definitions + "/evaluation.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = text.split(separator: "\n").first { $0.hasPrefix("uncertainty:") }
        XCTAssertNotNil(line)
        folder.write("Indicators/evaluation.yaml", text.replacingOccurrences(of: String(line ?? ""), with: "uncertainty: " + uncertainty))
        return try EvaluationPlan.load(directory: definitions)
    }

    /// One project with the value `values(i)` (on a 0–1 scale: score 100 × value) for
    /// indicator i; share indicators carry `n` cases when given.
    private func project(n: Int? = nil, plan: EvaluationPlan, _ values: (Int) -> Double) -> ProjectScores {
        let outcomes = plan.indicators.enumerated().map { i, indicator -> IndicatorOutcome in
            let v = values(i)
            let share = n.flatMap { n in indicator.isShare ? ShareCount(hits: Int((v * Double(n)).rounded()), rows: n) : nil }
            return .value(share?.value ?? v, floor: 0, target: 1, share: share)
        }
        return Scorer.scores(outcomes, plan: plan)
    }

    private func project(_ value: Double, n: Int? = nil, plan: EvaluationPlan) -> ProjectScores {
        project(n: n, plan: plan) { _ in value }
    }

    /// Two projects 0.001 apart overall, one strong where the other is weak: any other
    /// weighting of the indicators can swap them.
    private func closePair(plan: EvaluationPlan) throws -> [ProjectScores] {
        let a = project(plan: plan) { $0.isMultiple(of: 2) ? 0.6 : 0.4 }
        let mirror = project(plan: plan) { $0.isMultiple(of: 2) ? 0.4 : 0.6 }
        // Adding c to every value adds 100c to the overall score.
        let shift = (try XCTUnwrap(a.overall) - XCTUnwrap(mirror.overall) + 0.001) / 100
        return [a, project(plan: plan) { ($0.isMultiple(of: 2) ? 0.4 : 0.6) + shift }, project(0.9, plan: plan), project(0.1, plan: plan)]
    }

    private func ranges(_ scores: [ProjectScores], plan: EvaluationPlan, serial: Bool = true) -> [RankRange?] {
        // Published positions: by score, as the report ranks them.
        let order = scores.indices.sorted { (scores[$0].overall ?? -1) > (scores[$1].overall ?? -1) }
        var positions = [Int?](repeating: nil, count: scores.count)
        for (position, index) in order.enumerated() where scores[index].overall != nil { positions[index] = position + 1 }
        return RankRobustness.ranges(scores: scores, positions: positions, plan: plan, serial: serial)
    }

    func testZeroSpreadWithoutSharesCollapsesToThePublishedRank() throws {
        let plan = try plan("{draws: 200, seed: 5, weight_spread: 0}")
        let ranges = ranges(try closePair(plan: plan), plan: plan)
        XCTAssertEqual(ranges.map { $0?.position }, [3, 2, 1, 4])
        for range in ranges {
            let range = try XCTUnwrap(range)
            XCTAssertEqual([range.median, range.p05, range.p95], [range.position, range.position, range.position])
            XCTAssertEqual(range.draws, 200)
        }
    }

    /// Two projects with the same overall score: the report lists one before the other, but
    /// both are published as rank 1, the rank every draw gives them, so each lies in its range.
    func testATieIsPublishedAtTheSharedRankInsideItsRange() throws {
        let plan = try plan("{draws: 50, seed: 5, weight_spread: 0}")
        let tied = project(0.7, plan: plan)
        let quarters = [[tied, tied], [tied, tied], [project(0.2, plan: plan), project(0.2, plan: plan)]]
        let ranks = Uncertainty.evaluate(scores: quarters, ranking: [0, 1, 2], plan: plan, serial: true).ranks
        XCTAssertEqual(ranks.map { $0?.position }, [1, 1, 3])
        XCTAssertEqual(ranks.map { $0?.p05 }, [1, 1, 3])
        XCTAssertEqual(ranks.map { $0?.p95 }, [1, 1, 3])
    }

    /// The same pair with spread: both ranges cover ranks 2 and 3, so the test above can fail.
    func testSpreadMovesCloseProjects() throws {
        let plan = try plan("{draws: 200, seed: 5, weight_spread: 0.5}")
        let ranges = ranges(try closePair(plan: plan), plan: plan).compactMap { $0 }
        XCTAssertEqual(ranges.map(\.p05), [2, 2, 1, 4])
        XCTAssertEqual(ranges.map(\.p95), [3, 3, 1, 4])
    }

    func testFarApartProjectsHaveRangesThatDoNotOverlap() throws {
        let plan = try EvaluationPlan.load(directory: defaultIndicators)
        let scores = [project(0.15, n: 40, plan: plan), project(0.95, n: 40, plan: plan), project(0.55, n: 40, plan: plan)]
        let ranges = ranges(scores, plan: plan).compactMap { $0 }
        XCTAssertEqual(ranges.map(\.position), [3, 1, 2])
        XCTAssertEqual(ranges.map(\.draws), [1000, 1000, 1000])
        for (higher, lower) in [(1, 2), (2, 0)] {
            XCTAssertLessThan(ranges[higher].p95, ranges[lower].p05)
        }
    }

    func testSerialAndParallelDrawsAgree() throws {
        let plan = try EvaluationPlan.load(directory: defaultIndicators)
        let scores = [0.4, 0.42, 0.45, 0.41].map { v in project(n: 12, plan: plan) { v + 0.1 * sin(Double($0)) } }
        XCTAssertEqual(ranges(scores, plan: plan, serial: true), ranges(scores, plan: plan, serial: false))
    }

    func testAProjectWithoutAnOverallScoreHasNoRange() throws {
        let plan = try EvaluationPlan.load(directory: defaultIndicators)
        var missing = project(0.5, plan: plan)
        missing.overall = nil
        let ranges = ranges([project(0.6, plan: plan), missing], plan: plan)
        XCTAssertNotNil(ranges[0])
        XCTAssertNil(ranges[1])
    }

    /// Fewer draws than blocks (a draw or two, for a quick look) leave blocks empty.
    func testFewDrawsGiveRanges() throws {
        for draws in [1, 3, 9] {
            let plan = try plan("{draws: \(draws)}")
            let ranges = ranges(try closePair(plan: plan), plan: plan).compactMap { $0 }
            XCTAssertEqual(ranges.map(\.draws), Array(repeating: draws, count: 4))
            XCTAssertEqual(ranges[2].median, 1)
        }
    }

    func testEqualScoresShareTheSmallerRank() {
        XCTAssertEqual(RankRobustness.rank([5, 7, 7, 1, 5]), [3, 1, 1, 5, 3])
    }
}
