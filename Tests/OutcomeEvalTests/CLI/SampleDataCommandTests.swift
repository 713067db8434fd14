import Foundation
import XCTest

final class SampleDataCommandTests: XCTestCase {
    /// The committed Samples/ are what the generator writes: nothing in them was edited by hand.
    func testSamplesAreTheGeneratorsOutputByteForByte() throws {
        let folder = TemporaryFolder()
        let result = try runTool(["sample-data", "--seed", "2026", "--projects", "6", "--scale", "1", "--out", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        var committed = filesUnder(repositoryRoot + "/Samples")
        committed["README.md"] = nil
        XCTAssertEqual(filesUnder(folder.path), committed)
    }

    func testLargerSetsScaleAndStayReadable() throws {
        let folder = TemporaryFolder()
        XCTAssertEqual(try runTool(["sample-data", "--seed", "7", "--projects", "8", "--scale", "2", "--out", folder.path + "/data"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path + "/data/mapo-village-2/attendance.csv"))
        let run = try runTool(["run", "--data", folder.path + "/data", "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path + "/out"])
        XCTAssertEqual(run.status, 0, run.stderr)
    }
}
