import Foundation
import XCTest

/// The second contract, Samples/regions/: its own schema, a log transform, capped
/// sub-indices and a geometric overall, run end to end with nothing of the default one.
final class RegionsContractTests: XCTestCase {
    private let regions = repositoryRoot + "/Samples/regions"

    private func run(_ language: String) throws -> (folder: TemporaryFolder, report: String) {
        let folder = TemporaryFolder()
        let run = try runTool([
            "run", "--data", regions + "/data", "--indicators", regions + "/Indicators", "--period", "2026Q3", "--out", folder.path,
            "--lang", language,
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        return (folder, folder.path + "/2026Q3")
    }

    /// The development index worked from the statistics' 2026Q3 row with UNDP's formulas,
    /// independently of the indicator files: goalposts 20–85 years, schooling capped at 18 and
    /// 15 years, ln income between ln 100 and ln 75 000, the geometric mean of the three.
    func testScoresAreTheIndexWorkedByHand() throws {
        let (folder, report) = try run("en")
        _ = folder
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report + "/results.json"))) as? [String: Any]
        let projects = try XCTUnwrap(json?["projects"] as? [String: [String: Any]])
        func scores(_ id: String) -> (dimensions: [String: Double?], overall: Double?, overallObject: [String: Any]) {
            let p = projects[id] ?? [:]
            let dimensions = (p["dimensions"] as? [String: [String: Any]] ?? [:]).mapValues { $0["score"] as? Double }
            let overall = p["overall"] as? [String: Any] ?? [:]
            return (dimensions, overall["score"] as? Double, overall)
        }
        func index(life: Double, expected: Double, mean: Double, income: Double) -> (Double, Double, Double, Double) {
            let health = (life - 20) / (85 - 20)
            let education = (min(expected, 18) / 18 + min(mean, 15) / 15) / 2
            let incomeIndex = max(0, (log(income) - log(100)) / (log(75000) - log(100)))
            return (health * 100, education * 100, incomeIndex * 100, pow(health * education * incomeIndex, 1.0 / 3) * 100)
        }
        for (id, row) in [
            ("harbor-city", (82.1, 16.8, 12.9, 48000.0)), ("river-plain", (74.3, 13.2, 9.1, 14500.0)),
            ("high-plateau", (66.0, 19.5, 7.4, 3200.0)),  // 19.5 expected years: capped at 18
        ] {
            let (health, education, income, overall) = index(life: row.0, expected: row.1, mean: row.2, income: row.3)
            let got = scores(id)
            XCTAssertEqual(got.dimensions["health"]!!, health, accuracy: 1e-9, id)
            XCTAssertEqual(got.dimensions["education"]!!, education, accuracy: 1e-9, id)
            XCTAssertEqual(got.dimensions["income"]!!, income, accuracy: 1e-9, id)
            XCTAssertEqual(got.overall!, overall, accuracy: 1e-9, id)
            XCTAssertEqual(got.overallObject["aggregation"] as? String, "geometric")
            XCTAssertTrue(got.overallObject["reason"] is NSNull, id)
        }
        // Dry Valley: 85 a head is below the floor of 100, so income scores 0 and the
        // geometric overall is 0 whatever health and education are, and says why.
        let dry = scores("dry-valley")
        XCTAssertEqual(dry.dimensions["income"]!!, 0)
        XCTAssertEqual(dry.dimensions["health"]!!, (58.2 - 20) / 65 * 100, accuracy: 1e-9)
        XCTAssertEqual(dry.overall, 0)
        XCTAssertEqual(dry.overallObject["reason"] as? String, "geometric mean with a score of 0 (Income), so 0")
        XCTAssertEqual(dry.overallObject["reason_ko"] as? String, "기하평균에 0점이 있어(소득) 0점")
        // Island Chain reported an income of 0: ln(0) has no value, so the income dimension
        // has no score and neither has the overall (never −∞, never 0).
        let island = scores("island-chain")
        XCTAssertEqual(island.dimensions["income"]!, nil)
        XCTAssertNil(island.overall)
        let indicator = ((projects["island-chain"]?["indicators"] as? [String: Any])?["income"] as? [String: Any]) ?? [:]
        XCTAssertEqual(
            indicator["reason"] as? String,
            "ln(mean(income_per_head from statistics where date in quarter)) needs a number above 0, found 0")
    }

    /// The workbooks read back with openpyxl, every number against results.json.
    func testWorkbooksReadBack() throws {
        let (folder, report) = try run("ko")
        _ = folder
        guard try runProcess("/usr/bin/env", ["python3", "-c", "import openpyxl"]).status == 0 else {
            throw XCTSkip("openpyxl is not installed (make test installs it with pip)")
        }
        let check = try runProcess("/usr/bin/env", ["python3", repositoryRoot + "/Tests/Reference/workbook_check.py", report])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.hasSuffix("293 passed, 0 failed\n"), check.stdout)
    }

    /// Every output, in both languages, workbooks included, has no word or column of the
    /// default (Seoul) contract.
    func testNoOutputHasAWordOfTheDefaultContract() throws {
        let seoul = ["서울", "Seoul", "사회혁신", "social innovation", "사업", "department", "program_type", "target_participants",
                     "scope", "자치구", "district", "담당"]
        for language in ["ko", "en"] {
            let (folder, report) = try run(language)
            _ = folder
            // The workbooks are zipped XML: unzip -p writes every part's text.
            var texts: [String: String] = [:]
            for file in filesUnder(report).keys.sorted() {
                let path = report + "/" + file
                texts[file] = file.hasSuffix(".xlsx")
                    ? try runProcess("/usr/bin/env", ["unzip", "-p", path]).stdout
                    // HTML's own `scope` attribute of table headings is not the registry column.
                    : try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: " scope=\"", with: " ")
            }
            XCTAssertEqual(texts.count, 12, "\(texts.keys.sorted())")
            XCTAssertTrue(texts["report.html"]!.contains(language == "ko" ? "<title>지역 인간개발지수 — 2026Q3</title>" : "<title>Regional human development index — 2026Q3</title>"))
            XCTAssertTrue(texts["portfolio.xlsx"]!.contains(language == "ko" ? "지역 ID" : "Region ID"))
            for (file, text) in texts {
                for word in seoul {
                    XCTAssertNil(text.range(of: word, options: .caseInsensitive), "\(language) \(file) has '\(word)'")
                }
            }
            let title = language == "ko" ? "지역 인간개발지수 — 2026Q3" : "Regional human development index — 2026Q3"
            XCTAssertTrue(texts["report.txt"]!.hasPrefix(title), texts["report.txt"]!)
            // Dry Valley's note under its dimensions, in the report's language.
            let note = language == "ko" ? "  참고:\n  - 종합: 기하평균에 0점이 있어(소득) 0점\n" : "  Notes:\n  - Overall: geometric mean with a score of 0 (Income), so 0\n"
            XCTAssertTrue(texts["report.txt"]!.contains(note), texts["report.txt"]!)
        }
    }
}
