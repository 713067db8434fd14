import XCTest

/// The "Uncertainty" numbers of a run on Samples/ against Tests/Reference/uncertainty.py,
/// an independent Python implementation with its own Monte Carlo.
final class UncertaintyReferenceTests: XCTestCase {
    func testSamplesAgreeWithTheIndependentUncertaintyCheck() throws {
        let folder = TemporaryFolder()
        let run = try runTool([
            "run", "--data", repositoryRoot + "/Samples", "--period", "2026Q3", "--out", folder.path, "--indicators", defaultIndicators,
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else { throw XCTSkip("python3 is not installed") }
        let check = try runProcess(python, [
            repositoryRoot + "/Tests/Reference/uncertainty.py", defaultIndicators, folder.path + "/2026Q3/results.json",
        ])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.hasSuffix("395 passed, 0 failed\n"), check.stdout)
    }
}
