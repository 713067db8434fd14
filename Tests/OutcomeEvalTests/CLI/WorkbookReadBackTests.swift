import Foundation
import XCTest

/// The workbooks read back with a real reader (openpyxl), every number against results.json.
final class WorkbookReadBackTests: XCTestCase {
    func testWorkbookNumbersEqualResultsJSON() throws {
        let folder = TemporaryFolder()
        let run = try runTool(["run", "--data", repositoryRoot + "/Samples", "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let probe = try runProcess("/usr/bin/env", ["python3", "-c", "import openpyxl"])
        guard probe.status == 0 else { try missing("openpyxl is not installed (make test installs it with pip)") }
        let check = try runProcess("/usr/bin/env", ["python3", repositoryRoot + "/Tests/Reference/workbook_check.py", folder.path + "/2026Q3"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.hasSuffix("1515 passed, 0 failed\n"), check.stdout)
    }

    func testWorkbooksHaveTheExpectedSheetsAndProjectFiles() throws {
        let folder = TemporaryFolder()
        XCTAssertEqual(try runTool(["run", "--data", repositoryRoot + "/Samples", "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path]).status, 0)
        let list = try runProcess("/usr/bin/env", ["python3", "-c", """
            import re,sys,zipfile
            z = zipfile.ZipFile(sys.argv[1]); w = z.read('xl/workbook.xml').decode()
            print(' | '.join(re.findall(r'<sheet name="([^"]+)"', w)))
            print(len([n for n in z.namelist() if n.startswith('xl/charts/chart')]))
            print(re.search(r'<dcterms:created[^>]*>([^<]+)<', z.read('docProps/core.xml').decode()).group(1))
            """, folder.path + "/2026Q3/portfolio.xlsx"])
        XCTAssertEqual(list.stdout, "요약 | 차트 | 지표 | 자료 품질 | 정의\n2\n2026-09-30T00:00:00Z\n")
        let projects = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/2026Q3/projects").sorted()
        XCTAssertEqual(projects, [
            "citizen-idea.xlsx", "conflict-mediation.xlsx", "mapo-village.xlsx", "senior-reemployment.xlsx", "seongdong-living-lab.xlsx",
            "youth-social-venture.xlsx",
        ])
    }

    func testSourceDateEpochSetsTheCreatedTime() throws {
        let folder = TemporaryFolder()
        let run = try runTool(
            ["run", "--data", repositoryRoot + "/Samples", "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path],
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        XCTAssertEqual(run.status, 0)
        let created = try runProcess("/usr/bin/env", ["python3", "-c", "import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read('docProps/core.xml').decode().count('2023-11-14T22:13:20Z'))", folder.path + "/2026Q3/portfolio.xlsx"])
        XCTAssertEqual(created.stdout, "2\n")
    }
}
