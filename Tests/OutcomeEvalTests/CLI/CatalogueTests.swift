import Foundation
import XCTest

/// Every bad input of Tests/Catalogue: its exit code, its messages, no stack trace, the old
/// report kept when the run fails, and bad rows counted in rejects (see Tests/Catalogue/README.md).
final class CatalogueTests: XCTestCase {
    let catalogue = repositoryRoot + "/Tests/Catalogue"

    /// A copy of Samples and Indicators with a good report already in place.
    private struct Workspace {
        let folder = TemporaryFolder("catalogue")
        var data: String { folder.path + "/data" }
        var indicators: String { folder.path + "/Indicators" }
        var out: String { folder.path + "/out" }

        init() throws {
            _ = folder.copy(repositoryRoot + "/Samples", to: "data")
            _ = folder.copy(defaultIndicators, to: "Indicators")
            let first = try runTool(["run", "--data", data, "--indicators", indicators, "--period", "2026Q3", "--out", out, "--quiet"])
            XCTAssertEqual(first.status, 0, first.stderr)
        }

        /// Not quiet: some cases expect warnings of a run that succeeds.
        func run(_ extra: [String] = []) throws -> CommandResult {
            var arguments = ["run", "--data", data, "--indicators", indicators, "--out", out]
            if !extra.contains("--period") { arguments += ["--period", "2026Q3"] }
            return try runTool(arguments + extra)
        }
    }

    func testEveryCaseOfTheCatalogue() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: catalogue).filter {
            FileManager.default.fileExists(atPath: catalogue + "/" + $0 + "/expect.txt")
        }.sorted()
        XCTAssertEqual(cases.count, 28)
        for name in cases {
            try check(name)
        }
    }

    private func check(_ name: String) throws {
        let workspace = try Workspace()
        let folder = catalogue + "/" + name
        for (part, target) in [("data", workspace.data), ("indicators", workspace.indicators)] {
            for (relative, bytes) in filesUnder(folder + "/" + part) {
                XCTAssertTrue(FileManager.default.createFile(atPath: target + "/" + relative, contents: bytes))
            }
        }
        for (relative, bytes) in filesUnder(folder + "/append") {
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: workspace.data + "/" + relative), "\(name): \(relative)")
            handle.seekToEndOfFile()
            handle.write(bytes)
            handle.closeFile()
        }
        let args = (try? String(contentsOfFile: folder + "/args.txt", encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        let before = filesUnder(workspace.out + "/2026Q3")
        let result = try workspace.run(args)
        try assertExpectations(name, result, workspace: workspace, before: before)
    }

    private func assertExpectations(_ name: String, _ result: CommandResult, workspace: Workspace, before: [String: Data]) throws {
        let lines = try String(contentsOfFile: catalogue + "/" + name + "/expect.txt", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(result.status, Int32(lines[0]), "\(name): \(result.stderr)")
        XCTAssertFalse(result.stderr.contains("Fatal error") || result.stderr.contains("Stack dump"), "\(name): \(result.stderr)")
        if result.status != 0 {
            XCTAssertTrue(result.stderr.hasPrefix("outcome-eval: "), "\(name): \(result.stderr)")
            XCTAssertEqual(filesUnder(workspace.out + "/2026Q3"), before, "\(name): the old report must stay")
        }
        let report = workspace.out + "/2026Q3/"
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let haystack: String
            switch parts[0] {
            case "stderr": haystack = result.stderr
            case "rejects": haystack = (try? String(contentsOfFile: report + "rejects.csv", encoding: .utf8)) ?? ""
            case "quality": haystack = (try? String(contentsOfFile: report + "data_quality.csv", encoding: .utf8)) ?? ""
            case "report": haystack = (try? String(contentsOfFile: report + "report.txt", encoding: .utf8)) ?? ""
            default: return XCTFail("\(name): unknown expectation '\(line)'")
            }
            XCTAssertTrue(haystack.contains(parts[1]), "\(name): no '\(parts[1])' in \(parts[0]):\n\(haystack.prefix(3000))")
        }
        if result.status == 0 {
            // Every row is accounted for in every file.
            let quality = try String(contentsOfFile: report + "data_quality.csv", encoding: .utf8).split(separator: "\r\n").dropFirst()
            for row in quality {
                let f = row.split(separator: ",", omittingEmptySubsequences: false)
                XCTAssertEqual(Int(f[4]), Int(f[5])! + Int(f[6])!, "\(name): \(row)")
            }
        }
    }

    func testAFieldOf10MBIsRejectedAndReadingGoesOn() throws {
        let workspace = try Workspace()
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: workspace.data + "/mapo-village/attendance.csv"))
        handle.seekToEndOfFile()
        handle.write(Data("P000001,\"".utf8) + Data(repeating: UInt8(ascii: "x"), count: 10_000_000) + Data("\",2026-08-01\nP000001,A000001,2026-08-02\n".utf8))
        handle.closeFile()
        let result = try workspace.run()
        XCTAssertEqual(result.status, 0, result.stderr)
        let rejects = try String(contentsOfFile: workspace.out + "/2026Q3/rejects.csv", encoding: .utf8)
        XCTAssertTrue(rejects.contains("mapo-village/attendance.csv"), String(rejects.prefix(500)))
        XCTAssertTrue(rejects.contains("record_too_long") || rejects.contains("field_too_long"))
        // The raw line in rejects.csv is cut, not 10 MB.
        XCTAssertLessThan(rejects.utf8.count, 20_000)
    }

    func testALineOf100MBWithoutALineBreak() throws {
        let workspace = try Workspace()
        let path = workspace.data + "/mapo-village/attendance.csv"
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        let chunk = Data(repeating: UInt8(ascii: "y"), count: 1 << 20)
        for _ in 0..<100 { handle.write(chunk) }
        handle.closeFile()
        let result = try workspace.run()
        XCTAssertEqual(result.status, 0, result.stderr)
        let rejects = try String(contentsOfFile: workspace.out + "/2026Q3/rejects.csv", encoding: .utf8)
        XCTAssertTrue(rejects.contains(",record_too_long,"), String(rejects.prefix(500)))
    }

    func testAProjectFolderThatLinksOutOfTheDataFolder() throws {
        let workspace = try Workspace()
        let outside = workspace.folder.path + "/elsewhere"
        try FileManager.default.moveItem(atPath: workspace.data + "/mapo-village", toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: workspace.data + "/mapo-village", withDestinationPath: outside)
        let before = filesUnder(workspace.out + "/2026Q3")
        let result = try workspace.run()
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("mapo-village: the project folder is a link to"), result.stderr)
        XCTAssertTrue(result.stderr.contains("outside the data folder"), result.stderr)
        XCTAssertEqual(filesUnder(workspace.out + "/2026Q3"), before)
    }
}
