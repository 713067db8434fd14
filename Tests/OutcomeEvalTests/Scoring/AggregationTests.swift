@testable import Definitions
@testable import Evaluation
import Foundation
@testable import Reports
import XCTest

/// Weighted arithmetic, geometric and harmonic means worked by hand, a zero under each, and
/// the `aggregation:` of evaluation.yaml.
final class AggregationTests: XCTestCase {
    private func combine(_ method: Aggregation, _ parts: [(Double, Double)]) -> (score: Double, zeros: [Int]) {
        method.combine(parts.map { (weight: $0.1, score: $0.0) }) ?? (.nan, [])
    }

    func testArithmetic() {
        // (80 × 1 + 40 × 3) / 4 = 50
        XCTAssertEqual(combine(.arithmetic, [(80, 1), (40, 3)]).score, 50)
        // A zero is only a low score: (0 × 1 + 90 × 2) / 3 = 60, and no note.
        XCTAssertEqual(combine(.arithmetic, [(0, 1), (90, 2)]).score, 60)
        XCTAssertEqual(combine(.arithmetic, [(0, 1), (90, 2)]).zeros, [])
    }

    func testGeometric() {
        // √(80 × 20) = √1600 = 40
        XCTAssertEqual(combine(.geometric, [(80, 1), (20, 1)]).score, 40, accuracy: 1e-12)
        // Weights 1 and 2: (100 × 10²)^(1/3) = 10^(4/3) = 21.5443…
        XCTAssertEqual(combine(.geometric, [(100, 1), (10, 2)]).score, 21.544346900318838, accuracy: 1e-12)
        // Every score equal: that score.
        XCTAssertEqual(combine(.geometric, [(64, 1), (64, 3)]).score, 64, accuracy: 1e-12)
    }

    func testHarmonic() {
        // 2 / (1/80 + 1/20) = 2 / 0.0625 = 32
        XCTAssertEqual(combine(.harmonic, [(80, 1), (20, 1)]).score, 32, accuracy: 1e-12)
        // Weights 1 and 3: 4 / (1/50 + 3/25) = 4 / 0.14 = 28.571…
        XCTAssertEqual(combine(.harmonic, [(50, 1), (25, 3)]).score, 4 / 0.14, accuracy: 1e-12)
    }

    func testAZeroMakesGeometricAndHarmonicZeroAndIsNamed() {
        for method in [Aggregation.geometric, .harmonic] {
            let result = combine(method, [(90, 2), (0, 1), (70, 1), (0, 1)])
            XCTAssertEqual(result.score, 0, "\(method)")
            XCTAssertEqual(result.zeros, [1, 3], "\(method)")
        }
        // A small positive score is not zero: √(100 × 0.01) = 1.
        XCTAssertEqual(combine(.geometric, [(100, 1), (0.01, 1)]).score, 1, accuracy: 1e-12)
        XCTAssertEqual(combine(.geometric, [(100, 1), (0.01, 1)]).zeros, [])
    }

    // MARK: - evaluation.yaml

    private func settings(_ replace: (String) -> String) throws -> Settings {
        try definitions(editingSettings: replace).settings
    }

    func testDefaultIsArithmeticAtEveryLevel() throws {
        let settings = try EvaluationPlan.load(directory: defaultIndicators).settings
        XCTAssertEqual(settings.dimensions.map(\.aggregation), [.arithmetic, .arithmetic, .arithmetic])
        XCTAssertEqual(settings.overallAggregation, .arithmetic)
    }

    func testLevelsAndAPerDimensionOverride() throws {
        let settings = try self.settings {
            "aggregation: {dimensions: geometric, overall: harmonic}\n"
                + $0.replacingOccurrences(of: "    name: {ko: 참여, en: Participation}\n", with: "    name: {ko: 참여, en: Participation}\n    aggregation: arithmetic\n")
        }
        XCTAssertEqual(settings.dimensions.map(\.aggregation), [.geometric, .arithmetic, .geometric])
        XCTAssertEqual(settings.overallAggregation, .harmonic)
    }

    func testAnUnknownMethodIsALocatedError() {
        XCTAssertThrowsError(try settings { "aggregation:\n  overall: median\n" + $0 }) { error in
            XCTAssertEqual(
                (error as? DefinitionErrors)?.diagnostics.map(\.description),
                ["evaluation.yaml:2:12: error: aggregation 'median' is not one of arithmetic, geometric, harmonic"])
        }
    }

    /// The legend says how the levels combine; with every level arithmetic it is the line
    /// reports always had.
    func testLegend() throws {
        let plain = AggregationText(settings: try EvaluationPlan.load(directory: defaultIndicators).settings, language: .en)
        XCTAssertEqual(
            plain.legend(),
            "score = (value − floor) / (target − floor) × 100, clamped to 0–100; a dimension is the weighted mean of its computable indicators.")
        let geometric = AggregationText(settings: try settings { "aggregation: {overall: geometric}\n" + $0 }, language: .ko)
        XCTAssertEqual(
            geometric.legend(),
            "점수 = (값 − 하한) / (목표 − 하한) × 100, 0~100으로 제한. 차원 점수는 산출 가능한 지표의 가중 산술평균, 종합 점수는 차원의 가중 기하평균. 기하평균과 조화평균은 0점이 하나라도 있으면 0.")
    }
}
