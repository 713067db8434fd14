import Foundation
import XCTest

/// `check-release` and the independent attacker (Tests/Reference/disclosure_attack.py) on real
/// reports, and `run` refusing to publish a report whose hidden groups can be worked out.
final class ReleaseCheckTests: XCTestCase {
    private func attacker(_ report: String) throws -> CommandResult {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 is not installed") }
        return try runProcess("/usr/bin/python3", [repositoryRoot + "/Tests/Reference/disclosure_attack.py", report])
    }

    func testTheCommittedReportIsSafe() throws {
        let report = repositoryRoot + "/Reports/2026Q3"
        let check = try runTool(["check-release", report])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertEqual(check.stdout, "safe: no hidden group of \(report)/results.json can be worked out\n")
        let independent = try attacker(report)
        XCTAssertEqual(independent.stdout, "29 breakdowns, 121 hidden groups, 0 recoverable\n", independent.stderr)
        XCTAssertEqual(independent.status, 0)
    }

    /// youth-social-venture's gender: F 45, M hidden as complementary, "not stated" under 5, of
    /// 88. A copy that shows M (as 40) gives the unstated group away: 88 − 45 − 40 = 3.
    func testACopyThatShowsOneMoreGroupFails() throws {
        let folder = TemporaryFolder()
        let report = folder.copy(repositoryRoot + "/Reports/2026Q3", to: "2026Q3")
        let edit = try runProcess("/usr/bin/env", ["python3", "-c", """
            import json, sys
            path = sys.argv[1] + '/results.json'
            results = json.load(open(path, encoding='utf-8'))
            groups = results['projects']['youth-social-venture']['breakdowns']['gender']['groups']
            assert [g['group'] for g in groups] == ['F', 'M', None] and groups[0]['count'] == 45, groups
            groups[1].update(count=40, suppressed=False, reason=None, share=40 / 85)
            json.dump(results, open(path, 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
            """, report])
        XCTAssertEqual(edit.status, 0, edit.stderr)
        let check = try runTool(["check-release", report])
        XCTAssertEqual(check.status, 1)
        XCTAssertEqual(check.stdout, """
            unsafe: 1 hidden group of \(report)/results.json can be worked out
              youth-social-venture / gender / (not stated): count 3

            """)
        let independent = try attacker(report)
        XCTAssertEqual(independent.status, 1)
        XCTAssertTrue(independent.stdout.hasPrefix("youth-social-venture / gender / (not stated): count 3\n"), independent.stdout)
    }

    /// A hostile results.json (a rate of 1e300, a count past Int32, a threshold of 0) is bad
    /// data (65) with a message, never a trap.
    func testAbsurdNumbersInResultsAreBadDataNotACrash() throws {
        for edit in [
            "g['rate'] = 1e300", "g['count'] = 9223372036854775807", "results['small_cell_threshold'] = 0",
            "b['total'] = -5",
        ] {
            let folder = TemporaryFolder()
            let report = folder.copy(repositoryRoot + "/Reports/2026Q3", to: "2026Q3")
            let change = try runProcess("/usr/bin/env", ["python3", "-c", """
                import json, sys
                path = sys.argv[1] + '/results.json'
                results = json.load(open(path, encoding='utf-8'))
                b = results['projects']['mapo-village']['breakdowns']['gender']
                g = b['groups'][0]
                \(edit)
                json.dump(results, open(path, 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
                """, report])
            XCTAssertEqual(change.status, 0, change.stderr)
            let check = try runTool(["check-release", report])
            XCTAssertEqual(check.status, 65, "\(edit): \(check.stderr)")
            XCTAssertTrue(check.stderr.hasPrefix("outcome-eval: \(report)/results.json"), "\(edit): \(check.stderr)")
        }
    }

    func testAFolderWithoutResultsIsMissingInput() throws {
        let folder = TemporaryFolder()
        let check = try runTool(["check-release", folder.path])
        XCTAssertEqual(check.status, 66)
        XCTAssertEqual(check.stderr, "outcome-eval: \(folder.path)/results.json: no results.json there. Pass the folder of a report, e.g. Reports/2026Q3.\n")
    }

    /// The larger synthetic portfolio of the issue: 12 projects. Published with complementary
    /// suppression, neither attacker recovers anything; with primary suppression alone, 23
    /// hidden groups could be worked out, so `run` refuses it and the old report stays.
    func testALargerPortfolioIsSafeAndPrimarySuppressionAloneIsRefused() throws {
        let folder = TemporaryFolder()
        XCTAssertEqual(try runTool(["sample-data", "--projects", "12", "--out", folder.path + "/data"]).status, 0)
        let run = ["run", "--data", folder.path + "/data", "--period", "2026Q3", "--out", folder.path + "/out", "--quiet"]
        let first = try runTool(run + ["--indicators", defaultIndicators])
        XCTAssertEqual(first.status, 0, first.stderr)
        let report = folder.path + "/out/2026Q3"
        XCTAssertEqual(try runTool(["check-release", report]).status, 0)
        let independent = try attacker(report)
        XCTAssertEqual(independent.stdout, "59 breakdowns, 254 hidden groups, 0 recoverable\n", independent.stderr)

        let indicators = try editedDefinitions(
            in: folder, file: "evaluation.yaml", replacing: "complementary_suppression: true", with: "complementary_suppression: false")
        let before = filesUnder(report)
        let refused = try runTool(run + ["--indicators", indicators])
        XCTAssertEqual(refused.status, 65)
        XCTAssertEqual(refused.stderr.components(separatedBy: "hidden group can be worked out: ").count - 1, 23, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("hidden group can be worked out: citizen-idea / gender / (not stated): count 4\n"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("The report was not replaced"), refused.stderr)
        XCTAssertEqual(filesUnder(report), before)
    }
    /// The tool's closed form and the independent enumeration name the same groups, value for
    /// value, on 2,700 random tables (Tests/Reference/random_breakdowns.py), hundreds of
    /// which give groups away.
    func testTheToolAndTheIndependentAttackerAgreeOnRandomTables() throws {
        let folder = TemporaryFolder()
        for seed in ["1", "2", "3"] {
            let made = try runProcess("/usr/bin/env", ["python3", repositoryRoot + "/Tests/Reference/random_breakdowns.py", folder.path, seed])
            XCTAssertEqual(made.status, 0, made.stderr)
            let tool = try runTool(["check-release", folder.path])
            XCTAssertEqual(tool.status, 1)
            let toolLines = tool.stdout.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
            let independent = try attacker(folder.path).stdout.split(separator: "\n").dropLast().map(String.init)
            XCTAssertGreaterThan(toolLines.count, 300)
            XCTAssertEqual(toolLines, independent)
        }
    }
}
