@testable import DataContract
@testable import Evaluation
import Foundation
@testable import Pipeline
@testable import Reports
@testable import Results
import XCTest

/// Roll-ups by department and programme type, against Python's own sums of results.json.
final class RollupTests: XCTestCase {
    func testRollupsOfTheSamplesEqualAnIndependentComputation() throws {
        let result = try DataSetEvaluation.run(
            RunConfiguration(dataDirectory: repositoryRoot + "/Samples", indicatorsDirectory: defaultIndicators, period: Quarter("2026Q3")!))
        let folder = TemporaryFolder()
        guard try runTool(["run", "--data", repositoryRoot + "/Samples", "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path, "--quiet"]).status == 0
        else { return XCTFail("the run failed") }
        // Per group: projects, mean and median overall, counts per band (90/70/50/0), no score,
        // and the mean change over the projects with both quarters' scores.
        let python = try runProcess("/usr/bin/env", ["python3", "-c", #"""
            import csv, json, statistics, sys
            projects = json.load(open(sys.argv[1]))["projects"]
            registry = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
            for column in ["department", "program_type"]:
                groups = {}
                for row in registry:
                    groups.setdefault(row[column], []).append(projects[row["project_id"]]["overall"])
                for label, overall in groups.items():
                    scores = [o["score"] for o in overall if o["score"] is not None]
                    bands = [sum(1 for s in scores if lo <= s < hi) for lo, hi in [(90, 1e9), (70, 90), (50, 70), (0, 50)]]
                    changes = [o["score"] - o["previous_score"] for o in overall if o["score"] is not None and o["previous_score"] is not None]
                    print(column, label, len(overall), statistics.mean(scores), statistics.median(scores),
                          ",".join(map(str, bands)), len(overall) - len(scores), statistics.mean(changes), len(changes))
            """#, folder.path + "/2026Q3/results.json", repositoryRoot + "/Samples/projects.csv"])
        XCTAssertEqual(python.status, 0, python.stderr)
        var expected: [String: [String]] = [:]
        for line in python.stdout.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            expected[fields[0] + " " + fields[1]] = Array(fields.dropFirst(2))
        }
        let tables = RollupTable.all(result)
        XCTAssertEqual(tables.map(\.definition.column), ["department", "program_type"])
        var seen = 0
        for table in tables {
            for group in table.groups {
                let want = try XCTUnwrap(expected[table.definition.column + " " + (group.label ?? "")], group.label ?? "nil")
                XCTAssertEqual(group.projects, Int(want[0]))
                XCTAssertEqual(try XCTUnwrap(group.mean), try XCTUnwrap(Double(want[1])), accuracy: 1e-9)
                XCTAssertEqual(try XCTUnwrap(group.median), try XCTUnwrap(Double(want[2])), accuracy: 1e-9)
                XCTAssertEqual(group.bands.map(String.init).joined(separator: ","), want[3])
                XCTAssertEqual(group.unscored, Int(want[4]))
                XCTAssertEqual(try XCTUnwrap(group.change), try XCTUnwrap(Double(want[5])), accuracy: 1e-9)
                XCTAssertEqual(group.changeProjects, Int(want[6]))
                seen += 1
            }
        }
        XCTAssertEqual(seen, expected.count)
        // Enum columns in the schema's order; text columns in byte order.
        XCTAssertEqual(tables[1].groups.map(\.label), [
            "living_lab", "village_community", "conflict_mediation", "citizen_proposal", "social_enterprise", "senior_reemployment",
        ])
        let departments = tables[0].groups.compactMap(\.label)
        XCTAssertEqual(departments, departments.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    func testMedianOfEvenAndOddCounts() {
        XCTAssertEqual(RollupTable.median([3, 1, 2]), 2)
        XCTAssertEqual(RollupTable.median([4, 1, 3, 2]), 2.5)
        XCTAssertNil(RollupTable.median([]))
    }

    func testAnUnknownRegistryColumnIsADefinitionError() throws {
        let folder = TemporaryFolder()
        _ = folder.copy(defaultIndicators, to: "defs")
        let settings = try String(contentsOfFile: defaultIndicators + "/evaluation.yaml", encoding: .utf8)
            .replacingOccurrences(of: "  - column: department", with: "  - column: bureau")
        folder.write("defs/evaluation.yaml", settings)
        let line = settings.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("  - column: bureau") }! + 1
        XCTAssertThrowsError(try EvaluationPlan.load(directory: folder.path + "/defs")) { error in
            XCTAssertEqual(
                "\(error)".split(separator: "\n").first.map(String.init),
                "evaluation.yaml:\(line):13: error: projects.csv has no column 'bureau'; it has project_id, name_ko, name_en, department, program_type, scope, start_date, funding_end_date, target_participants")
        }
    }
}
