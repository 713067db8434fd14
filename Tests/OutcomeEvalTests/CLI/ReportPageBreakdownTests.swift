import XCTest

/// The page shows the breakdowns exactly as the workbooks publish them: every group, count,
/// `<5` mark and share of the committed report.html against openpyxl's reading of the workbooks.
final class ReportPageBreakdownTests: XCTestCase {
    func testPageBreakdownsEqualTheWorkbooks() throws {
        let probe = try runProcess("/usr/bin/env", ["python3", "-c", "import openpyxl"])
        guard probe.status == 0 else { throw XCTSkip("openpyxl is not installed (make test installs it with pip)") }
        let check = try runProcess("/usr/bin/env", ["python3", repositoryRoot + "/Tests/Reference/breakdown_check.py", repositoryRoot + "/Reports/2026Q3"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertEqual(check.stdout.split(separator: "\n").count, 6, check.stdout)
        XCTAssertFalse(check.stdout.contains("DIFFERENT"), check.stdout)
    }
}
