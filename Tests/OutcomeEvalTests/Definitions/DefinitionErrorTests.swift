@testable import Definitions
@testable import Evaluation
import XCTest

/// Each kind of mistake in a definition, with the place `check` names for it.
final class DefinitionErrorTests: XCTestCase {
    /// Loads the default definitions plus one extra indicator file and returns the problems.
    private func problems(_ indicator: String, file: String = "90-extra.yaml") -> [String] {
        let folder = TemporaryFolder()
        let definitions = folder.copy(defaultIndicators, to: "Indicators")
        folder.write("Indicators/indicators/" + file, indicator)
        do {
            _ = try EvaluationPlan.load(directory: definitions)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    private func indicator(value: String, extra: String = "", direction: String = "higher", floor: String = "0", target: String = "1") -> String {
        """
        id: extra
        name: {ko: 추가, en: Extra}
        dimension: participation
        value: \(value)
        direction: \(direction)
        floor: \(floor)
        target: \(target)
        \(extra)
        """
    }

    func testTheDefaultDefinitionsHaveNoProblems() throws {
        let plan = try EvaluationPlan.load(directory: defaultIndicators)
        XCTAssertEqual(plan.indicators.count, 16)
        XCTAssertEqual(plan.indicators.map(\.definition.dimension).filter { $0 == "fairness" }.count, 5)
    }

    func testUnknownColumnIsNamedWithWhatTheTableHas() {
        XCTAssertEqual(
            problems(indicator(value: "count(attendance where dat in quarter)")),
            ["indicators/90-extra.yaml:4:31: error: attendance has no column 'dat'; it has date, activity_id, participant_id"])
    }

    func testUnknownFunction() {
        XCTAssertEqual(
            problems(indicator(value: "median(attendance)")).first?.hasPrefix("indicators/90-extra.yaml:4:8: error: unknown function 'median'; known: abs, count"),
            true)
    }

    func testWhenAnyNeedsRowsAndAValue() {
        XCTAssertEqual(
            problems(indicator(value: "when_any(attendance where date in quarter)")),
            ["indicators/90-extra.yaml:4:8: error: when_any(...) takes the rows of a table and a value, e.g. when_any(attendance where date in quarter, count(...))"])
        XCTAssertEqual(
            problems(indicator(value: "when_any(atendance, 1)")),
            ["indicators/90-extra.yaml:4:17: error: unknown table 'atendance'; the tables are participants, activities, attendance, proposals, finance, milestones"])
        XCTAssertEqual(
            problems(indicator(value: "count(attendance)", floor: "when_any(attendance, 1)")),
            ["indicators/90-extra.yaml:6:8: error: when_any(...) can only be used in value, where tables are read"])
    }

    func testUnknownTable() {
        XCTAssertEqual(
            problems(indicator(value: "count(atendance)")),
            ["indicators/90-extra.yaml:4:14: error: unknown table 'atendance'; the tables are participants, activities, attendance, proposals, finance, milestones"])
    }

    func testSyntaxErrorInAnExpression() {
        XCTAssertEqual(
            problems(indicator(value: "count(attendance where date in quarter")),
            ["indicators/90-extra.yaml:4:46: error: expected ')' after the arguments, found the end of the expression"])
    }

    func testSyntaxErrorInAMultiLineExpressionPointsAtTheFileLine() {
        let text = indicator(value: "|\n  count(activities\n        where date in quarter and kind = \"party\")")
        XCTAssertEqual(
            problems(text),
            ["indicators/90-extra.yaml:6:42: error: \"party\" is not a value of kind; expected one of: workshop, meeting, pilot, festival, training, mediation"])
    }

    func testDivisionThatIsAlwaysByZero() {
        XCTAssertEqual(
            problems(indicator(value: "count(attendance) / (2 - 2)")),
            ["indicators/90-extra.yaml:4:26: error: division by zero: the divisor is always 0"])
    }

    func testTypeMismatch() {
        XCTAssertEqual(
            problems(indicator(value: "count(attendance where date > 3)")),
            ["indicators/90-extra.yaml:4:38: error: expected a date here"])
    }

    func testDirectionThatContradictsFloorAndTarget() {
        XCTAssertEqual(
            problems(indicator(value: "count(attendance)", direction: "lower", floor: "0", target: "1")),
            ["indicators/90-extra.yaml:5:12: error: direction 'lower' does not fit floor 0.0 and target 1.0: for 'higher' the target is above the floor, for 'lower' below it"])
    }

    func testUnknownKeyIsReportedNotIgnored() {
        XCTAssertEqual(
            problems(indicator(value: "count(attendance)", extra: "wieght: 2")),
            ["indicators/90-extra.yaml:8:1: error: unknown key 'wieght'; expected one of: applies_to, description, dimension, direction, floor, format, id, missing, name, target, value, weight"])
    }

    func testDuplicateId() {
        XCTAssertEqual(
            problems(indicator(value: "count(attendance)").replacingOccurrences(of: "id: extra", with: "id: retention")),
            ["indicators/90-extra.yaml:1:1: error: the id 'retention' is already used by indicators/07-retention.yaml"])
    }

    func testYAMLSyntaxError() {
        XCTAssertEqual(
            problems("id: x\nname: {ko: a, en: b\nvalue: 1\n").first?.hasPrefix("indicators/90-extra.yaml:3:"), true)
    }

    func testRowColumnsOutsideAnAggregate() {
        XCTAssertEqual(
            problems(indicator(value: "date")),
            ["indicators/90-extra.yaml:4:8: error: 'date' is not known here; columns of a table can only be used inside an aggregate such as count(table where ...), and the project's as project.column"])
    }

    func testAggregateInAppliesTo() {
        XCTAssertEqual(
            problems(indicator(value: "count(attendance)", extra: "applies_to: count(attendance) > 0")),
            ["indicators/90-extra.yaml:8:13: error: count(...) cannot be used inside another aggregate or in applies_to/floor/target"])
    }

    /// The disclosure settings: on by default; a switch that is not true or false, or a
    /// threshold under 1, is an error at its place.
    func testDisclosureSettings() throws {
        let plan = try EvaluationPlan.load(directory: defaultIndicators)
        XCTAssertEqual(plan.settings.disclosureRule, DisclosureRule(threshold: 5, complementary: true))
        for (from, to, expected) in [
            ("complementary_suppression: true", "complementary_suppression: sometimes", "evaluation.yaml:30:28: error: complementary_suppression must be true or false"),
            ("small_cell_threshold: 5", "small_cell_threshold: 0", "evaluation.yaml:25:23: error: small_cell_threshold is a count of at least 1"),
        ] {
            let folder = TemporaryFolder()
            let definitions = folder.copy(defaultIndicators, to: "Indicators")
            let path = definitions + "/evaluation.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.contains(from))
            try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try EvaluationPlan.load(directory: definitions)) { error in
                XCTAssertEqual(error.diagnostics.map(\.description), [expected])
            }
        }
    }

    /// Two dimensions with one id used to stop the process (a dictionary built from them).
    func testARepeatedDimensionIdIsAnErrorNotACrash() {
        XCTAssertThrowsError(
            try definitions(editingSettings: { $0.replacingOccurrences(of: "  - id: sustainability\n", with: "  - id: participation\n") })
        ) { error in
            XCTAssertEqual(error.diagnostics.map(\.description), ["evaluation.yaml:10:9: error: the dimension id 'participation' is already used"])
        }
    }

    func testEveryProblemOfEveryFileIsListedAtOnce() {
        let folder = TemporaryFolder()
        let definitions = folder.copy(defaultIndicators, to: "Indicators")
        folder.write("Indicators/indicators/91-a.yaml", indicator(value: "count(nothing)").replacingOccurrences(of: "id: extra", with: "id: a"))
        folder.write("Indicators/indicators/92-b.yaml", indicator(value: "count(attendance)", floor: "1 / 0").replacingOccurrences(of: "id: extra", with: "id: b").replacingOccurrences(of: "participation", with: "particpation"))
        XCTAssertThrowsError(try EvaluationPlan.load(directory: definitions)) { error in
            let lines = (error as! DefinitionErrors).diagnostics.map { "\($0.file):\($0.line):\($0.column)" }
            XCTAssertEqual(lines, ["indicators/91-a.yaml:4:14", "indicators/92-b.yaml:3:12", "indicators/92-b.yaml:6:10"])
        }
    }
}

extension Error {
    var diagnostics: [Diagnostic] { (self as? DefinitionErrors)?.diagnostics ?? [] }
}
