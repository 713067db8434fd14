@testable import Definitions
@testable import Evaluation
import XCTest

/// `uncertainty:` of evaluation.yaml: defaults, and each bad value named at its place.
final class UncertaintySettingsTests: XCTestCase {
    /// Loads the default definitions with the `uncertainty:` line replaced (`nil`: removed).
    private func load(_ line: String?) throws -> EvaluationPlan {
        let folder = TemporaryFolder()
        let definitions = folder.copy(defaultIndicators, to: "Indicators")
        let text = try String(contentsOfFile: definitions + "/evaluation.yaml", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        folder.write("Indicators/evaluation.yaml", lines.compactMap { $0.hasPrefix("uncertainty:") ? line : $0 }.joined(separator: "\n"))
        return try EvaluationPlan.load(directory: definitions)
    }

    private func problems(_ line: String) -> [String] {
        do {
            _ = try load(line)
            return []
        } catch let errors as DefinitionErrors {
            return errors.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    func testTheDefaultsAreTheSpecs() throws {
        let written = try EvaluationPlan.load(directory: defaultIndicators).settings.uncertainty
        XCTAssertEqual(written.draws, 1000)
        XCTAssertEqual(written.weightSpread, 0.5)
        XCTAssertEqual(written.level, 0.95)
        XCTAssertEqual(try load(nil).settings.uncertainty, UncertaintySettings())
        XCTAssertEqual(try load("uncertainty: {seed: 18446744073709551615}").settings.uncertainty.seed, UInt64.max)
    }

    func testBadValuesAreLocated() {
        let line = try? String(contentsOfFile: defaultIndicators + "/evaluation.yaml", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("uncertainty:") }
        let n = (line ?? 0) + 1
        XCTAssertEqual(problems("uncertainty: {draws: 0}"), ["evaluation.yaml:\(n):22: error: draws must be a whole number from 1 to 1000000"])
        XCTAssertEqual(problems("uncertainty: {seed: -1}"), ["evaluation.yaml:\(n):21: error: seed must be a whole number from 0 to 18446744073709551615"])
        XCTAssertEqual(problems("uncertainty: {weight_spread: 1}"), ["evaluation.yaml:\(n):30: error: weight_spread must be at least 0 and below 1"])
        XCTAssertEqual(problems("uncertainty: {level: 95}"), ["evaluation.yaml:\(n):22: error: level must be above 0 and below 1, e.g. 0.95"])
        XCTAssertEqual(
            problems("uncertainty: {draw: 10}"),
            ["evaluation.yaml:\(n):15: error: unknown key 'draw'; expected one of: draws, level, seed, weight_spread"])
    }
}
