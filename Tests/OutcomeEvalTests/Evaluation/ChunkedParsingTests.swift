@testable import CSVReading
@testable import DataContract
import Foundation
@testable import Pipeline
@testable import Results
import XCTest

/// A large file parsed in chunks, in parallel, gives what one sequential read gives.
final class ChunkedParsingTests: XCTestCase {
    /// Every record as (line, fields), read in one piece.
    private func records(_ path: String) throws -> [String] {
        try readCSV(path: path, limits: CSVLimits()) { reader -> [String] in
            var out: [String] = []
            while try reader.next() { out.append("\(reader.line): " + (0..<reader.fieldCount).map { reader.string($0) }.joined(separator: "|")) }
            return out
        }.result
    }

    /// The same, chunk by chunk as the plan splits it.
    private func records(_ path: String, plan: ChunkPlan) throws -> [String] {
        var out: [String] = []
        for (i, range) in plan.ranges.enumerated() {
            let reader = CSVReader(
                path: path, source: try FileByteSource(path: path, range: range), validatesUTF8: true, limits: CSVLimits(),
                firstLine: plan.firstLines[i])
            while try reader.next() { out.append("\(reader.line): " + (0..<reader.fieldCount).map { reader.string($0) }.joined(separator: "|")) }
        }
        return out
    }

    func testChunkBoundariesAndLineNumbersMatchASequentialRead() throws {
        let folder = TemporaryFolder()
        var text = "date,note,n\r\n"
        for i in 0..<400 {
            switch i % 5 {
            case 0: text += "2026-07-0\(i % 9 + 1),\"a note, with a comma\nand a line break\",\(i)\r\n"
            case 1: text += "\r\n"  // a blank line
            case 2: text += "2026-08-01,\"say \"\"hi\"\"\",\(i)\n"
            case 3: text += "2026-08-02,종로구 마을,\(i)\n"
            default: text += "2026-08-03,,\(i)\r\n"
            }
        }
        let path = folder.write("t.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let plan = try XCTUnwrap(ChunkPlan.make(path: path, chunkBytes: 256, limits: CSVLimits()))
        XCTAssertGreaterThan(plan.ranges.count, 20)
        XCTAssertTrue(plan.hadByteOrderMark)
        XCTAssertEqual(plan.digest, try SHA256.file(path))
        XCTAssertEqual(try records(path, plan: plan), try records(path))
    }

    /// Records of one length (25 bytes), every eighth with a quoted field that holds a line
    /// break and opens after a comma at one of eight places, are cut at exactly the record
    /// ends worked out by hand, with the right line numbers, and a file far longer than the
    /// record limit is still split. Between boundaries the planner passes over the plain
    /// records eight bytes at a time, and each word must leave the quote state, the line
    /// count and the record's start as the byte-by-byte machine would.
    func testBoundariesOfFixedLengthRecordsAreWhereTheyShouldBe() throws {
        let folder = TemporaryFolder()
        let plain = "P000001,A000001,20250111\n"
        // The quote at bytes 8 to 15 of its record, so that some word ends on the comma before it.
        let quoted = (0..<8).map { v in "P" + String(repeating: "0", count: 6 + v) + ",\"a\nb\"," + String(repeating: "e", count: 10 - v) + "\n" }
        XCTAssertEqual(Set(([plain] + quoted).map(\.utf8.count)), [25])
        let path = folder.write("fixed.csv", (0..<1000).map { $0 % 8 == 7 ? quoted[$0 / 8 % 8] : plain }.joined())
        let limits = CSVLimits(maxFieldBytes: 64, maxRecordBytes: 100)
        let plan = try XCTUnwrap(ChunkPlan.make(path: path, chunkBytes: 2048, limits: limits))
        // A chunk ends at the first record end at least 2048 bytes after its start: 82 records.
        XCTAssertEqual(plan.ranges, (0..<12).map { $0 * 2050..<($0 + 1) * 2050 } + [24_600..<25_000])
        // Record r starts on line 1 + r + (the quoted records before it, r / 8).
        XCTAssertEqual(plan.firstLines, (0..<13).map { 1 + 82 * $0 + 82 * $0 / 8 })
    }

    func testFilesTheReaderWouldRecoverFromAreNotSplit() throws {
        let folder = TemporaryFolder()
        let stray = folder.write("stray.csv", String(repeating: "a,b\n", count: 200) + "x\"y,z\n" + String(repeating: "a,b\n", count: 200))
        XCTAssertNil(try ChunkPlan.make(path: stray, chunkBytes: 64, limits: CSVLimits()))
        let cp949 = folder.write("cp949.csv", bytes: Array(String(repeating: "a,b\n", count: 200).utf8) + [0xC1, 0xBE] + Array("\n".utf8))
        XCTAssertNil(try ChunkPlan.make(path: cp949, chunkBytes: 64, limits: CSVLimits()))
        let small = folder.write("small.csv", "a,b\n1,2\n")
        XCTAssertNil(try ChunkPlan.make(path: small, chunkBytes: 1 << 20, limits: CSVLimits()))
    }

    /// Samples with every streamed file split into 2 KB chunks: the same bytes, serial or not.
    func testSplitRunsGiveTheSameReportAsOneRead() throws {
        func report(split: Bool, serial: Bool) throws -> [String: Data] {
            var configuration = RunConfiguration(
                dataDirectory: repositoryRoot + "/Samples", indicatorsDirectory: defaultIndicators, period: Quarter("2026Q3")!, serial: serial)
            if split {
                configuration.splitBytes = 1
                configuration.chunkBytes = 2048
            }
            let folder = TemporaryFolder("split\(split)\(serial)")
            _ = try ReportWriter.writeFiles(try DataSetEvaluation.run(configuration), into: folder.path)
            return filesUnder(folder.path)
        }
        // The split path is taken: the file with the bad rows at its end is in many chunks.
        let attendance = repositoryRoot + "/Samples/youth-social-venture/attendance.csv"
        let plan = try XCTUnwrap(ChunkPlan.make(path: attendance, chunkBytes: 2048, limits: CSVLimits()))
        XCTAssertGreaterThan(plan.ranges.count, 10)
        let whole = try report(split: false, serial: true)
        XCTAssertEqual(whole.count, 13)
        XCTAssertEqual(try report(split: true, serial: true), whole)
        XCTAssertEqual(try report(split: true, serial: false), whole)
    }
}
