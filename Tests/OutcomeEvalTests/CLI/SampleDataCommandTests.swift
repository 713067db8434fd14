import Foundation
import XCTest

final class SampleDataCommandTests: XCTestCase {
    /// The committed Samples/ are what the generator writes: nothing in them was edited by hand.
    func testSamplesAreTheGeneratorsOutputByteForByte() throws {
        let folder = TemporaryFolder()
        let result = try runTool(["sample-data", "--seed", "2026", "--projects", "6", "--scale", "1", "--out", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        // Samples/regions/ is the second contract, written by hand.
        var committed = filesUnder(repositoryRoot + "/Samples").filter { !$0.key.hasPrefix("regions/") }
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

    /// `--clean` leaves out every deliberate defect (for the DuckDB peer of make bench), and the
    /// reading floor reads every record the run reads: its headers and its rows.
    func testCleanSetsHaveNoDefectsAndTheFloorReadsEveryRecord() throws {
        let folder = TemporaryFolder()
        let data = folder.path + "/data"
        XCTAssertEqual(try runTool(["sample-data", "--clean", "--projects", "6", "--out", data]).status, 0)
        let run = try runTool(["run", "--data", data, "--indicators", defaultIndicators, "--period", "2026Q3", "--out", folder.path + "/out"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let quality = try String(contentsOfFile: folder.path + "/out/2026Q3/data_quality.csv", encoding: .utf8)
        let rows = quality.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        XCTAssertEqual(rows.count, 1 + 6 * 6, "the registry and six tables of each project, none missing")
        for row in rows {
            XCTAssertEqual(row[2], "read", "\(row[0])")
            XCTAssertEqual(row[3], "UTF-8", "\(row[0])")
            XCTAssertEqual(row[6], "0", "\(row[0]) has rejected rows")
        }
        let floor = try runTool(["read-floor", "--data", data, "--indicators", defaultIndicators])
        XCTAssertEqual(floor.status, 0, floor.stderr)
        let read = rows.reduce(0) { $0 + (Int($1[4]) ?? 0) }
        XCTAssertEqual(floor.stdout, "\(rows.count) files, \(try totalBytes(data)) bytes, \(read + rows.count) records\n")
    }

    private func totalBytes(_ folder: String) throws -> Int {
        filesUnder(folder).filter { $0.key.hasSuffix(".csv") }.reduce(0) { $0 + $1.value.count }
    }
}
