@testable import DataContract
@testable import Definitions
@testable import Evaluation
import Foundation
@testable import Pipeline
@testable import Results
import XCTest

/// `ln`, `log10`, `exp`, `sqrt`, `pow`, `min`, `max` and `round`: values worked by hand, the
/// domain rules (never −∞ or NaN), missing in → missing out, and the definition errors.
final class MathFunctionTests: XCTestCase {
    private func apply(_ f: MathFunction, _ a: Double, _ b: Double = 0) -> Result<Double, MathProblem> {
        f.apply(a, b)
    }

    func testLogsExpAndRoots() {
        XCTAssertEqual(try apply(.ln, M_E).get(), 1, accuracy: 1e-15)
        XCTAssertEqual(try apply(.log10, 0.001).get(), -3, accuracy: 1e-15)
        // A small positive number is fine: ln(1e-300) = −300 ln 10 = −690.7755…
        XCTAssertEqual(try apply(.ln, 1e-300).get(), -690.77552789821368, accuracy: 1e-9)
        XCTAssertEqual(try apply(.exp, 0).get(), 1)
        XCTAssertEqual(try apply(.sqrt, 2.25).get(), 1.5)
        XCTAssertEqual(try apply(.sqrt, 0).get(), 0)
        XCTAssertEqual(try apply(.pow, 2, 10).get(), 1024)
        XCTAssertEqual(try apply(.pow, 16, 0.25).get(), 2)
        XCTAssertEqual(try apply(.min, 3, -2).get(), -2)
        XCTAssertEqual(try apply(.max, 3, -2).get(), 3)
    }

    func testOutsideTheDomainIsAProblemNeverInfinityOrNaN() {
        XCTAssertEqual(apply(.ln, 0), .failure(.notPositive(0)))
        XCTAssertEqual(apply(.log10, -5), .failure(.notPositive(-5)))
        XCTAssertEqual(apply(.sqrt, -1), .failure(.negative(-1)))
        XCTAssertEqual(apply(.exp, 710), .failure(.overflow))  // e^710 > 1.8e308
        XCTAssertEqual(try apply(.exp, -1000).get(), 0)  // underflow is a true 0, not a problem
        XCTAssertEqual(apply(.pow, 0, -1), .failure(.overflow))
        XCTAssertEqual(apply(.pow, -8, 1.0 / 3), .failure(.undefined))
        XCTAssertEqual(apply(.pow, 10, 400), .failure(.overflow))
    }

    func testRoundHalfAwayFromZeroAndItsDigits() {
        XCTAssertEqual(try apply(.round, 2.5, 0).get(), 3)
        XCTAssertEqual(try apply(.round, -2.5, 0).get(), -3)
        XCTAssertEqual(try apply(.round, 0.125, 2).get(), 0.13)  // 0.125 is exact in binary
        XCTAssertEqual(try apply(.round, 1234.5678, -2).get(), 1200)
        XCTAssertEqual(try apply(.round, 1e300, 2).get(), 1e300)  // no fraction left to round
        XCTAssertEqual(apply(.round, 1, 0.5), .failure(.digits(0.5)))
        XCTAssertEqual(apply(.round, 1, 16), .failure(.digits(16)))
        XCTAssertEqual(try apply(.round, 1, -15).get(), 0)
    }

    func testReasonsInBothLanguages() {
        let reason = NotComputable.outsideDomain(call: "ln(x)", problem: .notPositive(0))
        XCTAssertEqual(reason.code, "outside_domain")
        XCTAssertEqual(reason.text(.en), "ln(x) needs a number above 0, found 0")
        XCTAssertEqual(reason.text(.ko), "ln(x): 0보다 큰 수가 필요한데 0")
        XCTAssertEqual(MathProblem.digits(0.5).text(.ko, call: "round(x, 0.5)"), "round(x, 0.5): 자릿수는 -15에서 15 사이의 정수여야 하는데 0.5")
    }

    // MARK: - In indicators, on TinyDataSet (Q3: 7 attendance rows; activities A1 100000, A2 50000)

    private func evaluate(_ values: [String: String]) throws -> EvaluationResult {
        let folder = TemporaryFolder()
        let definitions = folder.copy(defaultIndicators, to: "Indicators")
        for (id, value) in values {
            folder.write("Indicators/indicators/90-\(id).yaml", indicator(id, value))
        }
        let data = TinyDataSet.write(to: folder)
        return try DataSetEvaluation.run(RunConfiguration(dataDirectory: data, indicatorsDirectory: definitions, period: Quarter("2026Q3")!))
    }

    private func indicator(_ id: String, _ value: String) -> String {
        "id: \(id)\nname: {ko: \(id), en: \(id)}\ndimension: participation\nvalue: \(value)\ndirection: higher\nfloor: 0\ntarget: 1\nformat: number\n"
    }

    private let rows = "count(attendance where date in quarter)"

    func testValuesOfIndicators() throws {
        let result = try evaluate([
            "ln7": "ln(\(rows))",
            "small": "ln(\(rows) / 10000000)",
            "log": "log10(sum(cost_krw from activities where date in quarter))",
            "squared": "pow(\(rows), 2)",
            "capped": "min(\(rows), project.target_participants)",
            "floored": "max(\(rows) - 10, 0)",
            "aggregate": "max(cost_krw from activities)",
            "rounded": "round(mean(cost_krw from activities where date in quarter) / 7, 2)",
            "hundreds": "round(mean(cost_krw from activities where date in quarter) / 7, -3)",
            "rows": "count(activities where ln(cost_krw) < 11)",
        ])
        func value(_ id: String) -> Double? { result.value(id) }
        XCTAssertEqual(value("ln7")!, 1.9459101490553132, accuracy: 1e-12)  // Python: math.log(7)
        // ln(7 × 10^-7) = ln 7 − 7 ln 10 = 1.9459101 − 16.1180957 (Python: math.log(7e-7))
        XCTAssertEqual(value("small")!, -14.172185501903007, accuracy: 1e-12)
        XCTAssertEqual(value("log")!, 5.176091259055681, accuracy: 1e-12)  // log10(150000)
        XCTAssertEqual(value("squared"), 49)
        XCTAssertEqual(value("capped"), 4)  // target_participants is 4
        XCTAssertEqual(value("floored"), 0)
        XCTAssertEqual(value("aggregate"), 100000)  // the aggregate max, still
        XCTAssertEqual(value("rounded"), 10714.29)  // 75000 / 7 = 10714.2857…
        XCTAssertEqual(value("hundreds"), 11000)
        // Per row: ln(100000) = 11.51, ln(50000) = 10.82; ln(0) of A3 and A4 is missing, and a
        // comparison with missing is false (were it −∞ or 0, they would count).
        XCTAssertEqual(value("rows"), 1)
    }

    func testOutsideTheDomainOrMissingInGivesAReason() throws {
        let result = try evaluate([
            "zero": "ln(count(proposals where status = \"pending\" and submitted_on in previous))",
            "root": "sqrt(sum(cost_krw from activities where date in quarter) - 200000)",
            "huge": "exp(\(rows) * 200)",
            "missing": "ln(mean(cost_krw from activities where date in quarter and kind = \"festival\"))",
            "digits": "round(\(rows), project.target_participants / 8)",
        ])
        XCTAssertEqual(
            result.outcome("zero"),
            .notComputable(.outsideDomain(call: "ln(count(proposals where status = \"pending\" and submitted_on in previous))", problem: .notPositive(0))))
        XCTAssertEqual(result.outcome("root").reason?.text(.en), "sqrt(sum(cost_krw from activities where date in quarter) - 200000) needs a number of 0 or more, found -50000")
        XCTAssertEqual(result.outcome("huge").reason?.text(.ko), "exp(count(attendance where date in quarter) * 200): 값이 너무 커서 계산할 수 없음")
        XCTAssertEqual(result.outcome("missing").reason?.code, "no_rows")  // the input's own reason
        XCTAssertEqual(result.outcome("digits").reason, .outsideDomain(call: "round(count(attendance where date in quarter), project.target_participants / 8)", problem: .digits(0.5)))
    }

    // MARK: - Definition errors

    private func problems(_ value: String) -> [String] {
        let folder = TemporaryFolder()
        let definitions = folder.copy(defaultIndicators, to: "Indicators")
        folder.write("Indicators/indicators/90-extra.yaml", indicator("extra", value))
        do {
            _ = try EvaluationPlan.load(directory: definitions)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func testDefinitionErrorsAreLocated() {
        let at = "indicators/90-extra.yaml:4:"
        XCTAssertEqual(problems("ln(0)"), [at + "8: error: never computable: ln(0) needs a number above 0, found 0"])
        XCTAssertEqual(
            problems("round(\(rows), 0.5)"),
            [at + "8: error: never computable: round(count(attendance where date in quarter), 0.5): the digits must be a whole number from -15 to 15, found 0.5"])
        XCTAssertEqual(problems("ln(\"ten\")"), [at + "11: error: expected a number, found text"])
        XCTAssertEqual(problems("pow(2)"), [at + "8: error: pow(...) takes 2 numbers"])
        XCTAssertEqual(
            problems("min(\(rows))"),
            [at + "8: error: min(...) takes 2 numbers; the min of a column is min(column from table ...)"])
        XCTAssertEqual(problems("max(attendance)"), [at + "12: error: max needs a column: max(column from attendance ...)"])
        XCTAssertEqual(problems("ln(attendance where date in quarter)"), [at + "8: error: ln(...) takes numbers, not rows of a table"])
    }

    func testConstantsAreWorkedOutOnce() throws {
        let compiler = Compiler(schema: try EvaluationPlan.load(directory: defaultIndicators).schema, references: [:])
        let (expr, _) = try compiler.compile(try Parser.parse("round(ln(100) * 2, 3)"), in: .project)
        guard case let .constant(.number(n)) = expr else { return XCTFail("\(expr)") }
        XCTAssertEqual(n, 9.21)  // 2 ln 100 = 9.2103…
    }
}
